// The write pipeline's promises (api/lib/writes.ts): concurrent editors never lose an accepted write, retries with
// an Idempotency-Key create nothing twice, every change is a revision that can be restored, the Cron Trigger
// publishes and unpublishes on time, and a batch that fails half-way leaves nothing behind.
import { createScheduledController, env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import worker from '../../api/index.ts';
import { editorialRoutes } from '../../api/lib/editorial-routes.ts';
import { language } from '../../api/lib/language.ts';
import { database } from '../../api/middleware/database.ts';
import { EditableTopicDetailSchema, TopicInputSchema, TopicPatchSchema } from '../../api/topics/schemas.ts';
import { topicsResource } from '../../api/topics/writes.ts';
import { topicTranslations } from '../../schema/topics.ts';
import { contentVersion, createTopic, type EditableBody, makeKey, type ProblemBody, patch, send } from './editorial-helpers.ts';

const editor = await makeKey(['content:write']);
const publisher = await makeKey(['content:write', 'content:publish']);

interface Revision {
  version: number;
  action: string;
  keyId: string | null;
  changed: string[];
  snapshot: { status: string; translations: { nl: { name: string; description: string | null } } };
}
const revisionsOf = async (slug: string) =>
  (await send<{ data: Revision[] }>('GET', `/v1/topics/${slug}/revisions`, { key: editor.key })).body.data;

describe('many editors changing one item at once', () => {
  it('lets exactly one write win each round, and loses no accepted write', async () => {
    const ROUNDS = 6;
    const WRITERS = 8;
    await createTopic(editor.key, 'druk-bewerkt');
    const winners: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const etag = (await send('GET', '/v1/topics/druk-bewerkt/edit', { key: editor.key })).headers.get('ETag') ?? '';
      const values = Array.from({ length: WRITERS }, (_, writer) => `ronde ${round}, schrijver ${writer}`);
      const answers = await Promise.all(
        values.map((value) =>
          patch<{ data: EditableBody } & ProblemBody>(editor.key, '/v1/topics/druk-bewerkt', etag, {
            translations: { nl: { description: value } },
          }),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses, `round ${round}`).toEqual([200, ...Array(WRITERS - 1).fill(412)]);
      const won = answers.findIndex((a) => a.status === 200);
      expect(answers[won]?.body.data.version).toBe(round + 1);
      winners.push(values[won] ?? '');
    }
    // Each accepted write is a revision, in order, with exactly the winner's value: none overwritten unseen.
    const updates = (await revisionsOf('druk-bewerkt')).filter((r) => r.action === 'update').reverse();
    expect(updates.map((r) => r.version)).toEqual(Array.from({ length: ROUNDS }, (_, i) => i + 2));
    expect(updates.map((r) => r.snapshot.translations.nl.description)).toEqual(winners);
    const current = await send<{ data: EditableBody }>('GET', '/v1/topics/druk-bewerkt/edit', { key: editor.key });
    expect((current.body.data.translations as Revision['snapshot']['translations']).nl.description).toBe(winners.at(-1));
  }, 120_000);
});

describe('Idempotency-Key on POST', () => {
  const body = { slug: 'een-keer', translations: { nl: { name: 'Eén keer' } } };

  it('answers a retry with the first result and creates nothing twice', async () => {
    const first = await send<{ data: EditableBody }>('POST', '/v1/topics', {
      key: editor.key,
      body,
      headers: { 'Idempotency-Key': 'retry-1' },
    });
    expect(first.status).toBe(201);
    const again = await send<{ data: EditableBody }>('POST', '/v1/topics', {
      key: editor.key,
      body,
      headers: { 'Idempotency-Key': 'retry-1' },
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.headers.get('ETag')).toBe(first.headers.get('ETag'));
    expect(await env.DB.prepare(`select count(*) as n from topics where slug = 'een-keer'`).first('n')).toBe(1);
  });

  it('refuses the same key with a different body (422), and keeps keys apart per API key', async () => {
    const other = { ...body, slug: 'een-andere' };
    const reused = await send<ProblemBody>('POST', '/v1/topics', {
      key: editor.key,
      body: other,
      headers: { 'Idempotency-Key': 'retry-1' },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.type).toBe('/problems/invalid-body');
    // Another key holder may use the same idempotency key for its own request.
    const own = await send('POST', '/v1/topics', { key: publisher.key, body: other, headers: { 'Idempotency-Key': 'retry-1' } });
    expect(own.status).toBe(201);
  });

  it('creates one item when the same request is retried concurrently', async () => {
    const racing = { slug: 'tegelijk', translations: { nl: { name: 'Tegelijk' } } };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        send<{ data: EditableBody }>('POST', '/v1/topics', { key: editor.key, body: racing, headers: { 'Idempotency-Key': 'race-1' } }),
      ),
    );
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.data.id)).size).toBe(1);
    expect(await env.DB.prepare(`select count(*) as n from topics where slug = 'tegelijk'`).first('n')).toBe(1);
  });
});

describe('revisions and restore', () => {
  it('keeps every change with key, time and changed fields, and restores an earlier one as a new revision', async () => {
    const { etag } = await createTopic(editor.key, 'met-geschiedenis', { translations: { nl: { name: 'Eerste naam' } } });
    const second = await patch(editor.key, '/v1/topics/met-geschiedenis', etag, { translations: { nl: { name: 'Tweede naam' } } });
    await patch(editor.key, '/v1/topics/met-geschiedenis', second.headers.get('ETag') ?? '', { position: 5, status: 'review' });
    const revisions = await revisionsOf('met-geschiedenis');
    expect(revisions.map((r) => [r.version, r.action, r.changed])).toEqual([
      [3, 'update', ['position', 'status']],
      [2, 'update', ['translations']],
      [1, 'create', ['position', 'slug', 'status', 'translations']],
    ]);
    expect(revisions.every((r) => r.keyId === editor.id)).toBe(true);

    expect((await send('POST', '/v1/topics/met-geschiedenis/revisions/1/restore', { key: editor.key })).status).toBe(428);
    const restored = await send<{ data: EditableBody }>('POST', '/v1/topics/met-geschiedenis/revisions/1/restore', {
      key: editor.key,
      headers: { 'If-Match': '"3"' },
    });
    expect(restored.status).toBe(200);
    // The content of revision 1, the workflow state of now.
    expect(restored.body.data).toMatchObject({ version: 4, status: 'review', position: 0, translations: { nl: { name: 'Eerste naam' } } });
    const after = await revisionsOf('met-geschiedenis');
    expect(after[0]).toMatchObject({ version: 4, action: 'restore', changed: ['position', 'translations'] });
    expect(
      (await send('POST', '/v1/topics/met-geschiedenis/revisions/99/restore', { key: editor.key, headers: { 'If-Match': '"4"' } })).status,
    ).toBe(404);
  });
});

describe('workflow and scheduling (the Cron Trigger)', () => {
  const runCron = async (at: Date) => {
    await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '* * * * *' }), env, {
      waitUntil: () => {},
      passThroughOnException: () => {},
    } as unknown as ExecutionContext);
  };

  it('publishes at publishAt and archives at unpublishAt, each as a revision by the scheduler', async () => {
    const now = Date.now();
    const publishAt = new Date(now + 3_600_000).toISOString();
    const unpublishAt = new Date(now + 7_200_000).toISOString();
    const { etag } = await createTopic(editor.key, 'gepland');
    const scheduled = await patch(publisher.key, '/v1/topics/gepland', etag, { status: 'review', publishAt, unpublishAt });
    expect(scheduled.status).toBe(200);

    await runCron(new Date(now));
    expect((await send('GET', '/v1/topics/gepland')).status).toBe(404);

    await runCron(new Date(now + 3_600_000 + 1000));
    const live = await send<{ data: { slug: string } }>('GET', '/v1/topics/gepland');
    expect(live.status).toBe(200);
    const published = await send<{ data: EditableBody }>('GET', '/v1/topics/gepland/edit', { key: editor.key });
    expect(published.body.data).toMatchObject({ status: 'published', publishAt: null });
    expect(published.body.data.unpublishAt).not.toBeNull();

    await runCron(new Date(now + 7_200_000 + 1000));
    expect((await send('GET', '/v1/topics/gepland')).status).toBe(404);
    const revisions = await revisionsOf('gepland');
    expect(revisions.slice(0, 2).map((r) => [r.action, r.keyId, r.snapshot.status])).toEqual([
      ['unpublish', null, 'archived'],
      ['publish', null, 'published'],
    ]);
    const audit = await env.DB.prepare(`select method, result from audit_log where route = 'cron' order by id`).all<{
      method: string;
      result: string;
    }>();
    expect(audit.results.slice(-2)).toEqual([
      { method: 'SCHEDULED', result: 'published' },
      { method: 'SCHEDULED', result: 'unpublished' },
    ]);
  });

  it('refuses a schedule that ends before it starts, or a publishAt on a published item, in one 422', async () => {
    const { etag } = await createTopic(publisher.key, 'fout-gepland', { status: 'published' });
    const response = await patch<ProblemBody>(publisher.key, '/v1/topics/fout-gepland', etag, {
      publishAt: '2030-02-01T09:00:00+01:00',
      unpublishAt: '2030-01-01T09:00:00+01:00',
    });
    expect(response.status).toBe(422);
    expect(response.body.invalidParams?.map((p) => (p as { pointer?: string }).pointer).sort()).toEqual(['/publishAt', '/unpublishAt']);
  });
});

describe('one atomic batch per write', () => {
  // The topics resource, with one more statement at the end of its batch that breaks a CHECK constraint
  // (a language the schema does not know), mounted on an app of its own.
  const failing = {
    ...topicsResource,
    children: async (...args: Parameters<typeof topicsResource.children>) => {
      const [db, item] = args;
      return [
        ...(await topicsResource.children(...args)),
        db.insert(topicTranslations).values({ topicId: item.id, lang: 'de' as 'nl', name: 'Kaputt' }),
      ];
    },
  };
  const app = createApp();
  app.use('*', database, language);
  app.route(
    '/v1',
    editorialRoutes({
      base: '/breaking-topics',
      tag: 'Topics',
      noun: 'BreakingTopic',
      resource: failing,
      input: TopicInputSchema,
      patch: TopicPatchSchema,
      detail: EditableTopicDetailSchema,
      example: {
        id: 'x',
        slug: 'x',
        status: 'draft',
        version: 1,
        publishAt: null,
        unpublishAt: null,
        createdAt: '',
        updatedAt: '',
        position: 0,
        translations: { nl: { name: 'x', description: null } },
      },
    }).router,
  );

  it('leaves nothing written when a late statement of the batch fails', async () => {
    const { item, etag } = await createTopic(editor.key, 'half-geschreven', { translations: { nl: { name: 'Voor' } } });
    const versionBefore = await contentVersion();
    const auditBefore = await env.DB.prepare('select count(*) as n from audit_log where result = ?').bind('updated').first('n');
    const response = await app.request(
      `/v1/breaking-topics/half-geschreven`,
      {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${editor.key}`, 'If-Match': etag, 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ position: 9, translations: { nl: { name: 'Na' } } }),
      },
      env,
    );
    expect(response.status).toBe(500);
    const db = drizzle(env.DB, { casing: 'snake_case' });
    const now = await topicsResource.read(db as never, item.id);
    expect(now).toMatchObject({ version: 1, position: 0, translations: { nl: { name: 'Voor' } } });
    expect(await env.DB.prepare('select count(*) as n from topic_translations where topic_id = ?').bind(item.id).first('n')).toBe(1);
    expect(await env.DB.prepare('select count(*) as n from revisions where item_id = ?').bind(item.id).first('n')).toBe(1);
    expect(await env.DB.prepare('select count(*) as n from audit_log where result = ?').bind('updated').first('n')).toBe(auditBefore);
    expect(await contentVersion()).toBe(versionBefore);
  });
});
