import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { get, getProblem } from './helpers.ts';

interface Event {
  slug: string;
  title: string;
  summary: string | null;
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  status: string;
  sessions: { startsAt: string; endsAt: string; status: string }[];
  topics: { slug: string; name: string }[];
  meta: { lang: string; fallback: string[] };
}
interface EventList {
  data: Event[];
  nextCursor: string | null;
}

const OFFSET_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/;

describe('GET /v1/events', () => {
  it('lists upcoming events soonest first, in Dutch by default', async () => {
    const { status, headers, body } = await get<EventList>('/v1/events');
    expect(status).toBe(200);
    expect(headers.get('Content-Language')).toBe('nl');
    expect(headers.get('Vary')).toMatch(/Accept-Language/);
    expect(body.data.length).toBeGreaterThanOrEqual(5);
    const now = Date.now();
    for (const event of body.data) {
      expect(Date.parse(event.endsAt)).toBeGreaterThanOrEqual(now);
      expect(event.startsAt).toMatch(OFFSET_ISO);
      expect(event.sessions.length).toBeGreaterThan(0);
      expect(event.meta.lang).toBe('nl');
    }
    const starts = body.data.map((event) => Date.parse(event.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('serves French with ?lang=fr, and lets ?lang= win over Accept-Language', async () => {
    const fr = await get<EventList>('/v1/events?lang=fr', { 'Accept-Language': 'en' });
    const nl = await get<EventList>('/v1/events?lang=nl');
    expect(fr.headers.get('Content-Language')).toBe('fr');
    expect(fr.body.data.length).toBeGreaterThanOrEqual(5);
    expect(fr.body.data.every((event) => event.meta.lang === 'fr')).toBe(true);
    const translated = fr.body.data.filter((event, i) => !event.meta.fallback.includes('title') && event.title !== nl.body.data[i]?.title);
    expect(translated.length).toBeGreaterThan(0);
  });

  it('picks the language from Accept-Language when there is no ?lang=', async () => {
    const { headers } = await get('/v1/events', { 'Accept-Language': 'de-DE, fr-BE;q=0.8, en;q=0.5' });
    expect(headers.get('Content-Language')).toBe('fr');
  });

  it('reports the fields that fell back to Dutch', async () => {
    const all = await get<EventList>('/v1/events?lang=en&limit=100');
    const fellBack = all.body.data.filter((event) => event.meta.fallback.includes('title'));
    expect(fellBack.length).toBeGreaterThan(0);
    const dutch = await get<EventList>('/v1/events?lang=nl&limit=100');
    for (const event of fellBack) {
      expect(event.title).toBe(dutch.body.data.find((d) => d.slug === event.slug)?.title);
    }
  });

  it('returns exactly `limit` events and a cursor that walks every upcoming event once', async () => {
    const everything = await get<EventList>('/v1/events?limit=100');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=3&cursor=${encodeURIComponent(cursor)}` : '?limit=3';
      const response: { body: EventList } = await get<EventList>(`/v1/events${query}`);
      expect(response.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...response.body.data.map((event) => event.slug));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(everything.body.data.map((event) => event.slug));
  });

  it('lists recently changed events first with sort=-updatedAt, and pages through them in that order', async () => {
    // The seed writes every event at the same instant, so the test changes three itself: the last three in
    // date order become the three most recently changed, newest first.
    const byDate = (await get<EventList>('/v1/events?limit=100')).body.data;
    expect(byDate.length).toBeGreaterThanOrEqual(4);
    const changed = byDate.slice(-3).reverse();
    const before = await env.DB.prepare('select slug, updated_at from events').all<{ slug: string; updated_at: number }>();
    const latest = Math.max(...before.results.map((row) => row.updated_at));
    const update = env.DB.prepare('update events set updated_at = ? where slug = ?');
    await env.DB.batch(changed.map((event, i) => update.bind(latest + (3 - i) * 60_000, event.slug)));
    try {
      const byChange = (await get<EventList>('/v1/events?limit=100&sort=-updatedAt')).body.data;
      expect(byChange.map((e) => e.slug).slice(0, 3)).toEqual(changed.map((e) => e.slug));
      const times = byChange.map((e) => Date.parse(e.updatedAt));
      for (let i = 1; i < times.length; i++) expect(times[i - 1]).toBeGreaterThanOrEqual(times[i]!);
      expect(new Set(byChange.map((e) => e.slug))).toEqual(new Set(byDate.map((e) => e.slug)));
      expect(byChange.map((e) => e.slug)).not.toEqual(byDate.map((e) => e.slug));

      const paged: string[] = [];
      let next: string | null = '/v1/events?limit=2&sort=-updatedAt';
      while (next) {
        const response: { body: EventList } = await get<EventList>(next);
        paged.push(...response.body.data.map((e) => e.slug));
        next = response.body.nextCursor ? `/v1/events?limit=2&sort=-updatedAt&cursor=${response.body.nextCursor}` : null;
      }
      expect(paged).toEqual(byChange.map((e) => e.slug));
    } finally {
      await env.DB.batch(before.results.map((row) => update.bind(row.updated_at, row.slug)));
    }
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['lang=de', 'lang'],
    ['cursor=not-a-cursor', 'cursor'],
    ['lmit=5', 'lmit'],
  ])('answers ?%s with a 400 problem naming "%s"', async (query, name) => {
    const problem = await getProblem(`/v1/events?${query}`, 400);
    expect(problem.type).toBe('/problems/invalid-parameter');
    expect(problem.status).toBe(400);
    expect(problem.detail).toContain(`"${name}"`);
    expect(problem.invalidParams?.map((p) => p.name)).toContain(name);
    expect(JSON.stringify(problem)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  });
});

describe('GET /v1/events/{slug}', () => {
  it('returns one event with its sessions, topics and language', async () => {
    const list = await get<EventList>('/v1/events?limit=100');
    const multi = list.body.data.find((event) => event.sessions.length > 1);
    expect(multi).toBeDefined();
    const { status, body } = await get<{ data: Event }>(`/v1/events/${multi!.slug}?lang=en`);
    expect(status).toBe(200);
    expect(body.data.slug).toBe(multi!.slug);
    expect(body.data.sessions.length).toBe(multi!.sessions.length);
    expect(body.data.topics.length).toBeGreaterThan(0);
    expect(body.data.meta.lang).toBe('en');
  });

  it('shows cancelled events with their status instead of hiding them', async () => {
    const list = await get<EventList>('/v1/events?limit=100');
    expect(list.body.data.some((event) => event.status === 'cancelled')).toBe(true);
  });

  it('answers an unknown slug with a 404 problem', async () => {
    const problem = await getProblem('/v1/events/no-such-event', 404);
    expect(problem.type).toBe('/problems/not-found');
    expect(problem.detail).toContain('no-such-event');
    expect(problem.instance).toBe('/v1/events/no-such-event');
  });

  it('answers a malformed slug with a 400 problem naming "slug"', async () => {
    const problem = await getProblem('/v1/events/Not%20A%20Slug', 400);
    expect(problem.invalidParams?.[0]).toMatchObject({ name: 'slug', in: 'path' });
  });
});

describe('unknown paths', () => {
  it('answers with a 404 problem, never an HTML page', async () => {
    const problem = await getProblem('/v1/nothing-here', 404);
    expect(problem.type).toBe('/problems/not-found');
  });
});
