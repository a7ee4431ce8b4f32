// Writes through the editorial API for topics, services and the about profile: validation, If-Match, soft
// delete and purge, preview, and that a write is on the next public GET (through the edge cache).
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { contentVersion, createTopic, type EditableBody, makeKey, type ProblemBody, patch, send } from './editorial-helpers.ts';

const editor = await makeKey(['content:write']);
const publisher = await makeKey(['content:write', 'content:publish']);
const admin = await makeKey(['keys:admin', 'content:write', 'content:publish']);

describe('POST /v1/topics', () => {
  it('creates a draft, hidden from the public until published', async () => {
    const { item, etag } = await createTopic(editor.key, 'nieuw-concept');
    expect(item).toMatchObject({ slug: 'nieuw-concept', status: 'draft', version: 1 });
    expect(etag).toBe('"1"');
    expect((await send('GET', '/v1/topics/nieuw-concept')).status).toBe(404);
  });

  it('lists every violation at once, each with a JSON pointer', async () => {
    const response = await send<ProblemBody>('POST', '/v1/topics', {
      key: editor.key,
      body: {
        slug: 'Not A Slug',
        status: 'live',
        position: -1,
        translations: { nl: { description: 'zonder naam' }, de: { name: 'x' } },
        extra: 1,
      },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const pointers = response.body.invalidParams?.map((p) => (p as { pointer?: string }).pointer).sort();
    expect(pointers).toEqual(['/extra', '/position', '/slug', '/status', '/translations/de', '/translations/nl/name']);
  });

  it('answers 409 naming the field when the slug is taken', async () => {
    const response = await send<ProblemBody>('POST', '/v1/topics', {
      key: editor.key,
      body: { slug: 'vrijwilligerswerk', translations: { nl: { name: 'Dubbel' } } },
    });
    expect(response.status).toBe(409);
    expect(response.body.invalidParams?.[0]).toMatchObject({ name: 'slug', pointer: '/slug' });
  });

  it('lets only content:publish create something published', async () => {
    const body = { slug: 'meteen-live', status: 'published', translations: { nl: { name: 'Meteen live' } } };
    expect((await send('POST', '/v1/topics', { key: editor.key, body })).status).toBe(403);
    expect((await send('POST', '/v1/topics', { key: publisher.key, body })).status).toBe(201);
    expect((await send('GET', '/v1/topics/meteen-live')).status).toBe(200);
  });
});

describe('search after a write', () => {
  it('finds a published topic and service by their words on the next request, and forgets a renamed word', async () => {
    await createTopic(publisher.key, 'zeldzaam-thema', {
      status: 'published',
      translations: { nl: { name: 'Kwartelkoningthema', description: 'Over de grutto' } },
    });
    const service = await send<{ data: EditableBody }>('POST', '/v1/services', {
      key: publisher.key,
      body: { slug: 'zeldzame-dienst', format: 'training', status: 'published', translations: { nl: { title: 'Roerdompdienst' } } },
    });
    expect(service.status).toBe(201);
    const found = async (q: string) =>
      (await send<{ data: { slug: string }[] }>('GET', `/v1/search?q=${q}`)).body.data.map((hit) => hit.slug);
    expect(await found('kwartelkoningthema')).toEqual(['zeldzaam-thema']);
    expect(await found('grutto')).toEqual(['zeldzaam-thema']);
    expect(await found('roerdompdienst')).toEqual(['zeldzame-dienst']);
    const renamed = await patch(publisher.key, '/v1/services/zeldzame-dienst', service.headers.get('ETag') ?? '', {
      translations: { nl: { title: 'Lepelaardienst' } },
    });
    expect(renamed.status).toBe(200);
    expect(await found('roerdompdienst')).toEqual([]);
    expect(await found('lepelaardienst')).toEqual(['zeldzame-dienst']);
  });
});

describe('PATCH /v1/topics/{slug}', () => {
  it('needs If-Match: 428 without, 412 with a stale one (and the current ETag)', async () => {
    const { etag } = await createTopic(editor.key, 'met-versie');
    const missing = await send<ProblemBody>('PATCH', '/v1/topics/met-versie', { key: editor.key, body: { position: 2 } });
    expect(missing.status).toBe(428);
    const star = await send('PATCH', '/v1/topics/met-versie', { key: editor.key, body: { position: 2 }, headers: { 'If-Match': '*' } });
    expect(star.status).toBe(428);
    expect((await patch(editor.key, '/v1/topics/met-versie', etag, { position: 2 })).status).toBe(200);
    const stale = await patch<ProblemBody & { currentETag: string }>(editor.key, '/v1/topics/met-versie', etag, { position: 3 });
    expect(stale.status).toBe(412);
    expect(stale.body.currentETag).toBe('"2"');
    expect(stale.headers.get('ETag')).toBe('"2"');
  });

  it('applies a JSON merge patch: only what is sent changes, null removes', async () => {
    const { etag } = await createTopic(editor.key, 'samenvoegen', {
      position: 7,
      translations: { nl: { name: 'Samenvoegen', description: 'NL' }, en: { name: 'Merge', description: 'EN' }, fr: { name: 'Fusion' } },
    });
    const response = await patch(editor.key, '/v1/topics/samenvoegen', etag, {
      translations: { nl: { description: null }, fr: null, en: { name: 'Merged' } },
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      position: 7,
      version: 2,
      translations: { nl: { name: 'Samenvoegen', description: null }, en: { name: 'Merged', description: 'EN' } },
    });
    expect(response.body.data.translations).not.toHaveProperty('fr');
  });

  it('refuses a patch that removes the Dutch name, or sets a field to a wrong type, in one 422', async () => {
    const { etag } = await createTopic(editor.key, 'verplicht-nl');
    const response = await patch<ProblemBody>(editor.key, '/v1/topics/verplicht-nl', etag, {
      translations: { nl: { name: null } },
      position: 'eerst',
    });
    expect(response.status).toBe(422);
    expect(response.body.invalidParams?.map((p) => (p as { pointer?: string }).pointer).sort()).toEqual([
      '/position',
      '/translations/nl/name',
    ]);
  });

  it('shows a published change on the next public GET, although the list was cached', async () => {
    const before = await send<{ data: { slug: string; name: string }[] }>('GET', '/v1/topics?lang=nl');
    const cached = await send<{ data: { slug: string; name: string }[] }>('GET', '/v1/topics?lang=nl');
    expect(cached.headers.get('Server-Timing')).toContain('hit');
    expect(before.body.data.find((t) => t.slug === 'vrijwilligerswerk')).toBeDefined();
    const edit = await send<{ data: EditableBody }>('GET', '/v1/topics/vrijwilligerswerk/edit', { key: editor.key });
    const versionBefore = await contentVersion();
    const changed = await patch(editor.key, '/v1/topics/vrijwilligerswerk', edit.headers.get('ETag') ?? '', {
      translations: { nl: { name: 'Vrijwilligers (nieuw)' } },
    });
    expect(changed.status).toBe(200);
    expect(await contentVersion()).toBeGreaterThan(versionBefore);
    const after = await send<{ data: { slug: string; name: string }[] }>('GET', '/v1/topics?lang=nl');
    expect(after.body.data.find((t) => t.slug === 'vrijwilligerswerk')?.name).toBe('Vrijwilligers (nieuw)');
  });

  it('lets only content:publish publish, unpublish or schedule', async () => {
    const { etag } = await createTopic(editor.key, 'nog-niet-live');
    for (const body of [{ status: 'published' }, { status: 'archived' }, { publishAt: '2030-01-01T09:00:00+01:00' }]) {
      const refused = await patch<ProblemBody>(editor.key, '/v1/topics/nog-niet-live', etag, body);
      expect(refused.status, JSON.stringify(body)).toBe(403);
    }
    expect((await patch(editor.key, '/v1/topics/nog-niet-live', etag, { status: 'review' })).status).toBe(200);
    expect((await patch(publisher.key, '/v1/topics/nog-niet-live', '"2"', { status: 'published' })).status).toBe(200);
  });
});

describe('DELETE /v1/topics/{slug}', () => {
  it('archives and keeps a tombstone: gone from the public API, still in the database with its revisions', async () => {
    const { item, etag } = await createTopic(publisher.key, 'weg-ermee', { status: 'published' });
    expect((await send('GET', '/v1/topics/weg-ermee')).status).toBe(200);
    expect((await send('DELETE', '/v1/topics/weg-ermee', { key: editor.key })).status).toBe(428);
    // Archiving a published topic is unpublishing: content:publish.
    expect((await send('DELETE', '/v1/topics/weg-ermee', { key: editor.key, headers: { 'If-Match': etag } })).status).toBe(403);
    const deleted = await send('DELETE', '/v1/topics/weg-ermee', { key: publisher.key, headers: { 'If-Match': etag } });
    expect(deleted.status).toBe(204);
    expect((await send('GET', '/v1/topics/weg-ermee')).status).toBe(404);
    expect((await send('GET', '/v1/topics/weg-ermee/edit', { key: editor.key })).status).toBe(404);
    const row = await env.DB.prepare('select status, deleted_at from topics where id = ?')
      .bind(item.id)
      .first<{ status: string; deleted_at: number }>();
    expect(row?.status).toBe('archived');
    expect(row?.deleted_at).toBeGreaterThan(0);
    const revisions = await send<{ data: { action: string }[] }>('GET', '/v1/topics/weg-ermee/revisions', { key: editor.key });
    expect(revisions.body.data.map((r) => r.action)).toEqual(['delete', 'create']);
  });

  it('purges for good only with keys:admin', async () => {
    const { item, etag } = await createTopic(editor.key, 'helemaal-weg');
    const purge = '/v1/topics/helemaal-weg?purge=true';
    expect((await send('DELETE', purge, { key: publisher.key, headers: { 'If-Match': etag } })).status).toBe(403);
    expect((await send('DELETE', purge, { key: admin.key, headers: { 'If-Match': etag } })).status).toBe(204);
    expect(await env.DB.prepare('select count(*) as n from topics where id = ?').bind(item.id).first('n')).toBe(0);
    expect(await env.DB.prepare('select count(*) as n from topic_translations where topic_id = ?').bind(item.id).first('n')).toBe(0);
    expect(await env.DB.prepare('select count(*) as n from revisions where item_id = ?').bind(item.id).first('n')).toBe(0);
    expect(
      await env.DB.prepare(`select result from audit_log where item_id = ? order by id desc limit 1`).bind(item.id).first('result'),
    ).toBe('purged');
  });
});

describe('preview', () => {
  it('shows drafts to a key with a content scope, and to nobody else', async () => {
    await createTopic(editor.key, 'nog-een-concept');
    expect((await send('GET', '/v1/topics/nog-een-concept')).status).toBe(404);
    expect((await send('GET', '/v1/topics/nog-een-concept?preview=true')).status).toBe(401);
    const partner = await makeKey(['events:submit'], { organiser: 'Partner' });
    expect((await send('GET', '/v1/topics/nog-een-concept?preview=true', { key: partner.key })).status).toBe(403);
    const preview = await send<{ data: { slug: string } }>('GET', '/v1/topics/nog-een-concept?preview=true', { key: editor.key });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('Cache-Control')).toBe('private, no-store');
    const list = await send<{ data: { slug: string }[] }>('GET', '/v1/topics?preview=true', { key: editor.key });
    expect(list.body.data.map((t) => t.slug)).toContain('nog-een-concept');
    // The public list, even right after a preview, never holds the draft.
    const open = await send<{ data: { slug: string }[] }>('GET', '/v1/topics');
    expect(open.body.data.map((t) => t.slug)).not.toContain('nog-een-concept');
  });
});

describe('services', () => {
  it('creates, validates topics and URLs, and edits with a merge patch', async () => {
    const bad = await send<ProblemBody>('POST', '/v1/services', {
      key: editor.key,
      body: {
        slug: 'nieuwe-vorming',
        format: 'training',
        url: 'javascript:alert(1)',
        topics: ['bestaat-niet'],
        translations: { nl: { title: 'Vorming' } },
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.invalidParams?.map((p) => (p as { pointer?: string }).pointer)).toEqual(['/url']);
    // Whether a topic exists is checked once the body has the right shape, for every topic at once.
    const unknownTopics = await send<ProblemBody>('POST', '/v1/services', {
      key: editor.key,
      body: {
        slug: 'nieuwe-vorming',
        format: 'training',
        topics: ['vrijwilligerswerk', 'bestaat-niet', 'ook-niet'],
        translations: { nl: { title: 'Vorming' } },
      },
    });
    expect(unknownTopics.status).toBe(422);
    expect(unknownTopics.body.invalidParams?.map((p) => (p as { pointer?: string }).pointer)).toEqual(['/topics/1', '/topics/2']);
    const created = await send<{ data: EditableBody }>('POST', '/v1/services', {
      key: publisher.key,
      body: {
        slug: 'nieuwe-vorming',
        status: 'published',
        format: 'workshop',
        url: 'https://socius.be/vorming',
        topics: ['vrijwilligerswerk'],
        translations: { nl: { title: 'Nieuwe vorming' }, fr: { title: 'Nouvelle formation' } },
      },
    });
    expect(created.status).toBe(201);
    const pub = await send<{ data: { title: string; topics: { slug: string }[] } }>('GET', '/v1/services/nieuwe-vorming?lang=fr');
    expect(pub.body.data.title).toBe('Nouvelle formation');
    expect(pub.body.data.topics.map((t) => t.slug)).toEqual(['vrijwilligerswerk']);
    const changed = await patch(editor.key, '/v1/services/nieuwe-vorming', created.headers.get('ETag') ?? '', {
      topics: [],
      format: 'training',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ topics: [], format: 'training', version: 2 });
  });
});

describe('the about profile', () => {
  it('is one profile: POST refuses a second, PATCH changes it with If-Match', async () => {
    const second = await send('POST', '/v1/about', {
      key: publisher.key,
      body: { slug: 'tweede', website: 'https://example.org', translations: { nl: { name: 'Tweede' } } },
    });
    expect(second.status).toBe(409);
    const edit = await send<{ data: EditableBody }>('GET', '/v1/about/edit', { key: editor.key });
    expect(edit.status).toBe(200);
    const changed = await patch(publisher.key, '/v1/about', edit.headers.get('ETag') ?? '', {
      translations: { en: { tagline: 'Support centre (edited)' } },
      socialLinks: [{ network: 'mastodon', url: 'https://mastodon.social/@socius' }],
    });
    expect(changed.status).toBe(200);
    const pub = await send<{ data: { tagline: string; socialLinks: { network: string }[] } }>('GET', '/v1/about?lang=en');
    expect(pub.body.data.tagline).toBe('Support centre (edited)');
    expect(pub.body.data.socialLinks.map((l) => l.network)).toEqual(['mastodon']);
    const refused = await patch<ProblemBody>(publisher.key, '/v1/about', '"1"', { website: 'data:text/html,x' });
    expect(refused.status).toBe(422);
  });
});

describe('the audit log', () => {
  it('records accepted and refused writes with key, method, route, item and result, for keys:admin only', async () => {
    const { item, etag } = await createTopic(editor.key, 'in-het-logboek');
    await patch(editor.key, '/v1/topics/in-het-logboek', '"9"', { position: 1 });
    await patch(editor.key, '/v1/topics/in-het-logboek', etag, { position: 1 });
    expect((await send('GET', '/v1/audit', { key: editor.key })).status).toBe(403);
    const log = await send<{ data: { keyId: string; method: string; route: string; itemId: string; status: number; result: string }[] }>(
      'GET',
      `/v1/audit?item=${item.id}`,
      { key: admin.key },
    );
    expect(log.status).toBe(200);
    expect(log.body.data.map((e) => [e.method, e.status, e.result])).toEqual([
      ['PATCH', 200, 'updated'],
      ['PATCH', 412, 'refused: 412'],
      ['POST', 201, 'created'],
    ]);
    expect(log.body.data.every((e) => e.keyId === editor.id && e.route.startsWith('/v1/topics'))).toBe(true);
  });
});
