// GET /v1/changes: a portal that only ever reads the change feed keeps an exact copy of the public API, through
// creates, edits, renames, publishes and unpublishes (by hand and by the Cron Trigger), deletes, restores and
// purges done with keys; drafts never show; a failed batch records nothing; positions are checked; and a
// position older than what the feed keeps answers 410.
import { createScheduledController, env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../api/index.ts';
import { CHANGES_RETENTION_DAYS } from '../../schema/changes.ts';
import { createTopic, type EditableBody, makeKey, patch, send } from './editorial-helpers.ts';
import { get, getProblem, type ProblemBody } from './helpers.ts';

interface Entry {
  kind: 'item' | 'tombstone';
  resource: string;
  id: string;
  slug: string;
  at: string;
  item?: { id: string; slug: string; [field: string]: unknown };
}
interface Feed {
  data: Entry[];
  next: string;
  hasMore: boolean;
}
type Item = { id: string; slug: string; [field: string]: unknown };

/** The mirror: what a portal holds, by `resource/id`, built from the feed alone. */
const mirror = new Map<string, Item>();
let position: string | undefined;
/** A position from before every test's writes, kept to find it pruned at the end. */
let early = '';
/** Every entry the feed ever served in this file, to look for drafts in. */
const served: Entry[] = [];

/** Reads the feed from the mirror's position until it has nothing more waiting, applying each entry in order. */
async function sync(lang = 'nl') {
  for (let pages = 0; pages < 50; pages += 1) {
    const response = await get<Feed>(`/v1/changes?lang=${lang}&limit=100${position ? `&since=${position}` : ''}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    for (const entry of response.body.data) {
      served.push(entry);
      const key = `${entry.resource}/${entry.id}`;
      if (entry.kind === 'item' && entry.item) mirror.set(key, entry.item);
      else mirror.delete(key);
    }
    position = response.body.next;
    if (!response.body.hasMore) return;
  }
  throw new Error('the feed never ran dry');
}

/** Every page of a list. */
async function all(path: string): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const response: { status: number; body: { data: Item[]; nextCursor?: string | null } } = await get(
      `${path}${separator}lang=nl${path.startsWith('/v1/topics') ? '' : '&limit=100'}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(response.status).toBe(200);
    items.push(...response.body.data);
    cursor = response.body.nextCursor ?? null;
  } while (cursor);
  return items;
}

const LISTS: Record<string, string> = {
  topics: '/v1/topics',
  services: '/v1/services',
  analyses: '/v1/analyses',
  // Past events too: the feed carries every public event, the default list only the coming ones.
  events: '/v1/events?from=1970-01-01',
};

/**
 * The mirror equals the public API: the same items in every list, each as the list shows it, and field for field as
 * each item's own URL shows it. `every: false` reads the own URL only of the items the last sync changed (lists
 * still cover every item), to keep the checks between the steps of a test fast; each test ends with a full one.
 */
async function expectMirrorEqualsPublicApi({ every = true } = {}) {
  const from = served.length;
  await sync();
  const touched = new Set(served.slice(from).map((entry) => `${entry.resource}/${entry.id}`));
  const expected = new Map<string, Item>();
  const lists = await Promise.all(Object.entries(LISTS).map(async ([resource, path]) => ({ resource, listed: await all(path) })));
  const items = await Promise.all(
    lists.flatMap(({ resource, listed }) =>
      listed.map(async (entry) => ({
        resource,
        entry,
        item:
          every || touched.has(`${resource}/${entry.id}`) ? await get<{ data: Item }>(`/v1/${resource}/${entry.slug}?lang=nl`) : undefined,
      })),
    ),
  );
  for (const { resource, entry, item } of items) {
    const key = `${resource}/${entry.id}`;
    if (item) expect(item.status).toBe(200);
    expected.set(key, item ? item.body.data : (mirror.get(key) ?? entry));
    // A list shows a part of each item (analyses: no sections), always as the item shows it.
    const mirrored = mirror.get(`${resource}/${entry.id}`);
    expect(mirrored, `${resource}/${entry.slug} is listed but not in the mirror`).toBeDefined();
    expect(Object.fromEntries(Object.keys(entry).map((field) => [field, mirrored?.[field]]))).toEqual(entry);
  }
  const about = await get<{ data: Item }>('/v1/about?lang=nl');
  if (about.status === 200) expected.set(`about/${about.body.data.id}`, about.body.data);
  expect([...mirror.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, item] of expected) expect(mirror.get(key), key).toEqual(item);
}

const runCron = async (at: Date) => {
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '* * * * *' }), env, {
    waitUntil: () => {},
    passThroughOnException: () => {},
  } as unknown as ExecutionContext);
};

const changeCount = async () => Number(await env.DB.prepare('select count(*) as n from changes').first('n'));

let publisher = '';
let admin = '';
beforeAll(async () => {
  publisher = (await makeKey(['content:publish'])).key;
  admin = (await makeKey(['keys:admin', 'content:publish'])).key;
});

const etagOf = (response: { headers: Headers }) => response.headers.get('ETag') ?? '';

describe('a mirror built from /v1/changes alone', () => {
  it('starts equal to the public API: the seed is in the feed', async () => {
    early = (await get<Feed>('/v1/changes?limit=1')).body.next;
    await expectMirrorEqualsPublicApi();
    expect(mirror.size).toBeGreaterThan(10);
  }, 60_000);

  it('stays equal through creates, edits, renames, publishes, unpublishes, deletes, restores and purges', async () => {
    // A topic, published after a draft; a service and an analysis tagged with it; an event of the service.
    const topic = await createTopic(publisher, 'spiegelthema');
    let topicEtag = etagOf(await patch(publisher, '/v1/topics/spiegelthema', topic.etag, { status: 'published' }));
    const service = await send<{ data: EditableBody }>('POST', '/v1/services', {
      key: publisher,
      body: {
        slug: 'spiegeldienst',
        format: 'training',
        status: 'published',
        topics: ['spiegelthema'],
        translations: { nl: { title: 'Spiegeldienst' } },
      },
    });
    expect(service.status, JSON.stringify(service.body)).toBe(201);
    const analysis = await send<{ data: EditableBody }>('POST', '/v1/analyses', {
      key: publisher,
      body: {
        status: 'published',
        translations: { nl: { title: 'Spiegelanalyse', summary: 'Kort.' } },
        authors: [{ name: 'Socius' }],
        topics: ['spiegelthema'],
        sections: [{ format: 'markdown', translations: { nl: { heading: 'Eerst', body: 'Een **tekst**.' } } }],
      },
    });
    expect(analysis.status, JSON.stringify(analysis.body)).toBe(201);
    const event = await send<{ data: EditableBody & { sessions: { id: string; startsAt: string; endsAt: string }[] } }>(
      'POST',
      '/v1/events',
      {
        key: publisher,
        body: {
          status: 'published',
          translations: { nl: { title: 'Spiegeldag' } },
          attendanceMode: 'offline',
          venue: { name: 'Zaal', city: 'Gent', country: 'BE' },
          organiser: { name: 'Socius' },
          service: 'spiegeldienst',
          topics: ['spiegelthema'],
          sessions: [
            { startsAt: '2027-03-14T19:30:00+01:00', endsAt: '2027-03-14T22:00:00+01:00' },
            { startsAt: '2027-03-21T19:30:00+01:00', endsAt: '2027-03-21T22:00:00+01:00' },
          ],
        },
      },
    );
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    await expectMirrorEqualsPublicApi({ every: false });

    // The topic renamed and retitled: the service, analysis and event show it, so they change too.
    const renamedTopic = await patch(publisher, '/v1/topics/spiegelthema', topicEtag, {
      slug: 'weerspiegeling',
      translations: { nl: { name: 'Weerspiegeling' } },
    });
    expect(renamedTopic.status).toBe(200);
    topicEtag = etagOf(renamedTopic);
    // The service renamed (the event shows its slug and title); a session of the event moved.
    const renamedService = await patch(publisher, '/v1/services/spiegeldienst', etagOf(service), {
      slug: 'spiegelvorming',
      translations: { nl: { title: 'Spiegelvorming' } },
    });
    expect(renamedService.status).toBe(200);
    const [first, second] = event.body.data.sessions;
    const moved = await patch(publisher, `/v1/events/${event.body.data.slug}`, etagOf(event), {
      sessions: [{ id: first?.id, startsAt: '2027-03-15T19:30:00+01:00', endsAt: '2027-03-15T22:00:00+01:00' }, second],
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await expectMirrorEqualsPublicApi({ every: false });

    // Unpublished and deleted: tombstones, and the mirror lets them go.
    const unpublished = await patch(publisher, `/v1/events/${event.body.data.slug}`, etagOf(moved), { status: 'archived' });
    expect(unpublished.status).toBe(200);
    const deleted = await send('DELETE', '/v1/services/spiegelvorming', {
      key: publisher,
      headers: { 'If-Match': etagOf(renamedService) },
    });
    expect(deleted.status).toBe(204);
    await expectMirrorEqualsPublicApi({ every: false });
    expect(mirror.has(`events/${event.body.data.id}`)).toBe(false);
    const tombstone = served.findLast((entry) => entry.id === service.body.data.id);
    expect(tombstone).toMatchObject({ kind: 'tombstone', resource: 'services', slug: 'spiegelvorming' });
    expect(tombstone?.item).toBeUndefined();

    // A revision restored: the topic's first name comes back (its slug stays).
    const restored = await send('POST', '/v1/topics/weerspiegeling/revisions/1/restore', {
      key: publisher,
      headers: { 'If-Match': topicEtag },
    });
    expect(restored.status).toBe(200);
    // Purged while public: the row and its links are gone for good.
    const purged = await send('DELETE', `/v1/analyses/${analysis.body.data.slug}?purge=true`, {
      key: admin,
      headers: { 'If-Match': etagOf(analysis) },
    });
    expect(purged.status).toBe(204);
    await expectMirrorEqualsPublicApi();
    expect(mirror.get(`topics/${topic.item.id}`)?.name).toBe('Thema spiegelthema');
    expect(mirror.has(`analyses/${analysis.body.data.id}`)).toBe(false);
  }, 120_000);

  it('stays equal when the Cron Trigger publishes and unpublishes on schedule', async () => {
    const now = Date.now();
    const { etag } = await createTopic(publisher, 'op-tijd');
    const planned = await patch(publisher, '/v1/topics/op-tijd', etag, {
      status: 'review',
      publishAt: new Date(now + 3_600_000).toISOString(),
      unpublishAt: new Date(now + 7_200_000).toISOString(),
    });
    expect(planned.status).toBe(200);
    await runCron(new Date(now + 3_600_000 + 1000));
    await expectMirrorEqualsPublicApi({ every: false });
    expect(mirror.get(`topics/${planned.body.data.id}`)?.slug).toBe('op-tijd');
    await runCron(new Date(now + 7_200_000 + 1000));
    await expectMirrorEqualsPublicApi({ every: false });
    expect(mirror.has(`topics/${planned.body.data.id}`)).toBe(false);
  }, 60_000);

  it('never shows a draft, not even its id, however often it is edited, and not when it is purged', async () => {
    const draft = await createTopic(publisher, 'geheim-ontwerp', { translations: { nl: { name: 'Roerdomp in het riet' } } });
    const edited = await patch(publisher, '/v1/topics/geheim-ontwerp', draft.etag, { translations: { nl: { name: 'Woudaap' } } });
    expect(edited.status).toBe(200);
    expect(
      (await send('DELETE', '/v1/topics/geheim-ontwerp?purge=true', { key: admin, headers: { 'If-Match': etagOf(edited) } })).status,
    ).toBe(204);
    await sync();
    const everything = JSON.stringify((await get<Feed>('/v1/changes?limit=100')).body) + JSON.stringify(served);
    expect(everything).not.toContain(draft.item.id);
    expect(everything).not.toContain('geheim-ontwerp');
    expect(everything).not.toContain('Roerdomp');
  });
});

describe('recording changes', () => {
  it('records nothing for a batch that fails, although it changed public content before failing', async () => {
    const before = await changeCount();
    await expect(
      env.DB.batch([
        env.DB.prepare(`update topics set position = position + 1 where status = 'published'`),
        env.DB.prepare(
          `insert into topics (id, slug, status, created_at, updated_at) values ('x', 'vrijwilligerswerk', 'published', 0, 0)`,
        ),
      ]),
    ).rejects.toThrow(/UNIQUE/);
    expect(await changeCount()).toBe(before);
    // The same first statement alone does record: the count above stayed put because of the rollback.
    await env.DB.prepare(`update topics set position = position where slug = 'vrijwilligerswerk'`).run();
    expect(await changeCount()).toBeGreaterThan(before);
  });
});

describe('positions', () => {
  it('refuses a position this API did not issue, naming `since`', async () => {
    const head = (await get<Feed>('/v1/changes?limit=1')).body;
    const services = (await get<{ nextCursor: string }>('/v1/services?limit=1')).body.nextCursor;
    const [seq] = JSON.parse(atob(head.next.replace(/-/g, '+').replace(/_/g, '/'))) as [number];
    const beyond = btoa(JSON.stringify([seq + 1_000_000, 'changes'])).replace(/=+$/, '');
    for (const since of ['nonsense', services, beyond, `${head.next}x`]) {
      const problem = await getProblem(`/v1/changes?since=${encodeURIComponent(since)}`, 400);
      expect(problem.invalidParams?.map((p) => p.name)).toEqual(['since']);
    }
    expect((await getProblem('/v1/changes?limit=0', 400)).invalidParams?.[0]?.name).toBe('limit');
    expect((await getProblem('/v1/changes?cursor=x', 400)).invalidParams?.[0]?.name).toBe('cursor');
  });

  it('answers 410 for a position older than what the feed keeps, with the position to resync from', async () => {
    await sync();
    // Nothing changes for longer than the window: the cron prunes all but the newest change.
    await runCron(new Date(Date.now() + (CHANGES_RETENTION_DAYS + 1) * 86_400_000));
    expect(await changeCount()).toBe(1);
    // A mirror that kept up lost nothing it needs.
    expect((await get<Feed>(`/v1/changes?since=${position}`)).body).toMatchObject({ data: [], next: position });
    const problem = await getProblem(`/v1/changes?since=${early}`, 410);
    expect(problem).toMatchObject({ type: '/problems/cursor-expired', status: 410 });
    const next = (problem as ProblemBody & { next?: string }).next;
    expect(next).toBeTruthy();
    // From the start is as stale; from `next` (after re-reading the lists) the feed answers again.
    await getProblem('/v1/changes', 410);
    const resumed = await get<Feed>(`/v1/changes?since=${next}`);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ data: [], next, hasMore: false });
  });
});
