// The content file carries everything a deployment serves, so it is the backup (README, "Backup and restore"):
// exporting the seeded database and importing the file into an empty one (every table dropped, the migrations
// applied) gives the same public API answers for every list page and every item in all three languages, search
// included; and importing the same file again writes nothing.
import { applyD1Migrations, env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ContentImportError, exportContent, parseContentFile, planImport } from '../../api/content/file.ts';
import { d1Rows } from '../../api/lib/content-writes.ts';
import { d1Runner } from '../../schema/db.ts';
import { makeKey, send } from './editorial-helpers.ts';
import { distinctVersion, emptyDatabase } from './empty-database.ts';
import { get, ORIGIN } from './helpers.ts';

const rows = d1Rows(env.DB);
const LANGS = ['nl', 'en', 'fr'];

/** Every page of a list, through the cursors the API gives. */
async function pages(path: string): Promise<unknown[]> {
  const bodies: unknown[] = [];
  let url: string | null = path;
  while (url) {
    const page: { status: number; body: { nextCursor?: string | null } } = await get(url);
    expect(page.status, url).toBe(200);
    bodies.push(page.body);
    url = page.body.nextCursor ? `${path}&cursor=${encodeURIComponent(page.body.nextCursor)}` : null;
  }
  return bodies;
}

/** The public API's answer for every list (every page) and every item, in all three languages, search included. */
async function publicAnswers(): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  const lists = [
    '/v1/about?',
    '/v1/topics?',
    '/v1/services?limit=100&',
    '/v1/analyses?limit=100&',
    '/v1/events?limit=100&from=2000-01-01&',
    // Upcoming events only, in pages of the default size: the list a widget shows.
    '/v1/events?',
  ];
  for (const lang of LANGS) {
    for (const list of lists) answers[`${list}lang=${lang}`] = await pages(`${list}lang=${lang}`);
    for (const q of ['vrijwilligers', 'middenveld', 'participation', 'brussel', 'vorm*'])
      answers[`search ${q} ${lang}`] = await pages(`/v1/search?q=${encodeURIComponent(q)}&limit=100&lang=${lang}`);
  }
  const slugs = (list: string) =>
    (answers[list] as { data?: { slug: string }[] }[]).flatMap((page) => page.data ?? []).map((item) => item.slug);
  const items = {
    topics: slugs('/v1/topics?lang=nl'),
    services: slugs('/v1/services?limit=100&lang=nl'),
    analyses: slugs('/v1/analyses?limit=100&lang=nl'),
    events: slugs('/v1/events?limit=100&from=2000-01-01&lang=nl'),
  };
  for (const [resource, list] of Object.entries(items)) {
    expect(list.length, resource).toBeGreaterThan(0);
    for (const slug of list)
      for (const lang of LANGS) answers[`/v1/${resource}/${slug}?lang=${lang}`] = (await get(`/v1/${resource}/${slug}?lang=${lang}`)).body;
  }
  return answers;
}

const CONTENT_TABLES = [
  'analysis_section_translations',
  'analysis_sections',
  'analysis_translations',
  'analysis_authors',
  'analysis_attachments',
  'analysis_topics',
  'analyses',
  'event_translations',
  'event_sessions',
  'event_topics',
  'events',
  'service_translations',
  'service_topics',
  'services',
  'topic_translations',
  'topics',
  'about_translations',
  'about',
  'slug_redirects',
  'search_index',
  // An empty database has no history either (the seed itself wrote revisions and audit entries, through the import).
  'revisions',
  'audit_log',
];

describe('npm run content -- export / import', () => {
  it('gives the same public API answers after export and import into an empty database, old slugs included', {
    timeout: 180_000,
  }, async () => {
    // A renamed analysis: its old URL answers 301, and must still after the restore.
    const editor = await makeKey(['content:write', 'content:publish']);
    const analysis = (await exportContent(rows)).analyses[0];
    if (!analysis) throw new Error('the seed has analyses');
    const edit = await send('GET', `/v1/analyses/${analysis.slug}/edit`, { key: editor.key });
    const renamed = await send('PATCH', `/v1/analyses/${analysis.slug}`, {
      key: editor.key,
      headers: { 'If-Match': edit.headers.get('ETag') ?? '' },
      body: { slug: `${analysis.slug}-hernoemd` },
      contentType: 'application/merge-patch+json',
    });
    expect(renamed.status).toBe(200);
    const oldUrl = `/v1/analyses/${analysis.slug}?lang=fr`;
    const moved = () => SELF.fetch(`${ORIGIN}${oldUrl}`, { redirect: 'manual' });
    const redirect = await moved();
    expect(redirect.status).toBe(301);
    const before = await publicAnswers();
    expect(Object.keys(before).length).toBeGreaterThan(150);
    // Through JSON text, as the file on disk.
    const file = parseContentFile(JSON.parse(JSON.stringify(await exportContent(rows))));
    expect(file.events.length).toBeGreaterThan(10);

    // An empty database as `npm run db:migrate` leaves it: every table dropped, then every migration applied.
    await emptyDatabase();
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    expect((await get('/v1/topics')).body).toEqual({ data: [] });

    const plan = planImport(file, await exportContent(rows));
    expect(plan.counts.events.added).toBe(file.events.length);
    await d1Runner(env.DB).batch(plan.statements);
    await distinctVersion(1);

    const after = await publicAnswers();
    for (const [url, answer] of Object.entries(before)) expect(after[url], url).toEqual(answer);
    const redirected = await moved();
    expect(redirected.status).toBe(301);
    expect(redirected.headers.get('Location')).toBe(redirect.headers.get('Location'));

    // Idempotent: the same file again finds nothing to write.
    const again = planImport(file, await exportContent(rows));
    expect(again.statements).toEqual([]);
    expect(JSON.stringify(await exportContent(rows, new Date(0)))).toBe(JSON.stringify({ ...file, exportedAt: new Date(0).toISOString() }));
  });

  it('records an import as a change (revision and audit entry, key "import"), carries tombstones, and writes no history twice', {
    timeout: 180_000,
  }, async () => {
    const editor = await makeKey(['content:write', 'content:publish']);
    const admin = await makeKey(['keys:admin']);
    const topic = (await exportContent(rows)).topics.at(-1);
    if (!topic) throw new Error('the seed has topics');
    const edit = await send('GET', `/v1/topics/${topic.slug}/edit`, { key: editor.key });
    const deleted = await send('DELETE', `/v1/topics/${topic.slug}`, {
      key: editor.key,
      headers: { 'If-Match': edit.headers.get('ETag') ?? '' },
    });
    expect(deleted.status).toBeLessThan(300);

    const file = parseContentFile(JSON.parse(JSON.stringify(await exportContent(rows))));
    expect(file.tombstones).toEqual([{ kind: 'topics', id: topic.id, deletedAt: expect.any(String) }]);
    const event = file.events[0];
    if (!event) throw new Error('the seed has events');
    const before = await send('GET', `/v1/events/${event.slug}/edit`, { key: editor.key });
    const etag = before.headers.get('ETag') ?? '';
    event.translations.nl.title = 'Een titel uit het importbestand';

    const plan = planImport(file, await exportContent(rows));
    expect(plan.counts.events).toEqual({ added: 0, changed: 1 });
    expect(plan.counts.topics).toEqual({ added: 0, changed: 0 });
    await d1Runner(env.DB).batch(plan.statements);

    // The import is in the item's history like an editor's write, and the ETag editors held is stale now.
    const history = await send<{ data: { version: number; action: string; keyId: string; changed: string[] }[] }>(
      'GET',
      `/v1/events/${event.slug}/revisions`,
      { key: editor.key },
    );
    expect(history.body.data[0]).toMatchObject({ action: 'update', keyId: 'import', changed: ['translations'] });
    const stale = await send('PATCH', `/v1/events/${event.slug}`, {
      key: editor.key,
      headers: { 'If-Match': etag },
      body: { translations: { nl: { summary: 'x' } } },
      contentType: 'application/merge-patch+json',
    });
    expect(stale.status).toBe(412);
    const log = await send<{ data: { keyId: string; method: string; result: string }[] }>('GET', `/v1/audit?item=${event.id}`, {
      key: admin.key,
    });
    expect(log.body.data).toContainEqual(expect.objectContaining({ keyId: 'import', method: 'IMPORT', result: 'imported: updated' }));

    // The same file again: nothing to write, so no history added.
    const again = planImport(file, await exportContent(rows));
    expect(again.statements).toEqual([]);
    expect(await env.DB.prepare('select count(*) as n from revisions where item_id = ?').bind(event.id).first('n')).toBe(
      history.body.data.length,
    );

    // An import's revision can be restored past like any other: back to the seeded title.
    const restored = await send<{ data: { translations: { nl: { title: string } } } }>(
      'POST',
      `/v1/events/${event.slug}/revisions/${(history.body.data[1]?.version ?? 0).toString()}/restore`,
      { key: editor.key, headers: { 'If-Match': stale.headers.get('ETag') ?? '' } },
    );
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.data.translations.nl.title).not.toBe('Een titel uit het importbestand');

    // Into an empty database, the tombstone comes back: the topic is deleted there too.
    const exported = JSON.parse(JSON.stringify(await exportContent(rows, new Date(0))));
    await d1Runner(env.DB).batch(CONTENT_TABLES.map((table) => ({ sql: `delete from ${table}`, params: [] })));
    await d1Runner(env.DB).batch(planImport(parseContentFile(exported), await exportContent(rows)).statements);
    expect((await send('GET', `/v1/topics/${topic.slug}/edit`, { key: editor.key })).status).toBe(404);
    expect(JSON.parse(JSON.stringify(await exportContent(rows, new Date(0))))).toEqual(exported);
  });
  it('refuses a redirect to no item, or from a slug an item has now, naming each by its pointer', async () => {
    const current = await exportContent(rows);
    const [first, second] = current.analyses;
    if (!first || !second) throw new Error('the seed has analyses');
    const file = {
      ...current,
      redirects: [
        { kind: 'analyses' as const, slug: 'nergens-heen', id: 'no-such-id' },
        { kind: 'analyses' as const, slug: second.slug, id: first.id },
      ],
    };
    let thrown: unknown;
    try {
      planImport(file, current);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContentImportError);
    expect((thrown as ContentImportError).problems.map((p) => p.pointer)).toEqual(['/redirects/0/id', '/redirects/1/slug']);
  });
});
