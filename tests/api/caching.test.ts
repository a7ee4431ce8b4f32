import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import worker from '../../api/index.ts';
import { CONTENT_VERSION_MAX_AGE_MS, contentChanged } from '../../api/lib/content-version.ts';
import { get, ORIGIN } from './helpers.ts';

/**
 * One request through the Worker, waiting for the work it left running (the edge cache write) to finish, so the
 * next request sees exactly what this one stored.
 */
async function fetchSettled(path: string, init: RequestInit = {}, bindings: Cloudflare.Env = env) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`${ORIGIN}${path}`, init), bindings, ctx);
  const body = await response.text();
  await waitOnExecutionContext(ctx);
  const cache = /cache;desc="(\w+)"/.exec(response.headers.get('Server-Timing') ?? '')?.[1];
  const d1 = Number(/D1, (\d+) round trip/.exec(response.headers.get('Server-Timing') ?? '')?.[1]);
  return { response, body, cache, d1 };
}

// The other tests read the version on every request (vitest.config.ts); these run with the production bound.
const production = { ...env, CONTENT_VERSION_MAX_AGE_MS: undefined } as Cloudflare.Env;

// Every public view of upcoming events: the JSON list (with and without facets), the calendar feed, the embed page.
const ENDING_SOON_PATHS = [
  '/v1/events?limit=100',
  '/v1/events?limit=100&city=Gent&facets=city',
  '/v1/calendar.ics?city=Gent',
  '/embed/events?city=Gent&limit=100',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('HTTP caching', () => {
  it('sends a strong ETag and answers a matching If-None-Match with 304 and no body', async () => {
    const first = await get('/v1/topics?lang=fr');
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=86400');
    const again = await SELF.fetch(`${ORIGIN}/v1/topics?lang=fr`, { headers: { 'If-None-Match': `W/"x", ${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'));
    expect(again.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const other = await SELF.fetch(`${ORIGIN}/v1/topics?lang=fr`, { headers: { 'If-None-Match': '"something-else"' } });
    expect(other.status).toBe(200);
    const star = await SELF.fetch(`${ORIGIN}/v1/topics?lang=fr`, { headers: { 'If-None-Match': '*' } });
    expect(star.status).toBe(304);
  });

  it('gives each language its own ETag', async () => {
    const nl = await get('/v1/about?lang=nl');
    const fr = await get('/v1/about?lang=fr');
    expect(nl.headers.get('ETag')).not.toBe(fr.headers.get('ETag'));
  });

  it('misses the edge cache on the first request and hits it on the second, with the same body and ETag', async () => {
    const path = '/v1/services?lang=en&limit=2';
    const first = await fetchSettled(path);
    const second = await fetchSettled(path);
    expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
    expect(second.body).toBe(first.body);
    expect(second.response.headers.get('ETag')).toBe(first.response.headers.get('ETag'));
  });

  it('shows a content change on the very next request, never the stale copy', async () => {
    const { body } = await get<{ data: { slug: string; title: string }[] }>('/v1/events?limit=1&lang=en');
    const slug = body.data[0]!.slug;
    const path = `/v1/events/${slug}?lang=en`;
    await fetchSettled(path);
    const cached = await fetchSettled(path);
    expect(cached.cache).toBe('hit');
    const etag = cached.response.headers.get('ETag');

    await env.DB.prepare(
      `update event_translations set title = 'Changed title' where lang = 'en' and event_id = (select id from events where slug = ?)`,
    )
      .bind(slug)
      .run();

    const fresh = await fetchSettled(path, { headers: { 'If-None-Match': etag ?? '' } });
    expect(fresh.cache).toBe('miss');
    expect(fresh.response.status).toBe(200);
    expect(fresh.response.headers.get('ETag')).not.toBe(etag);
    expect((JSON.parse(fresh.body) as { data: { title: string } }).data.title).toBe('Changed title');
    expect((await fetchSettled(path)).cache).toBe('hit');
  });

  it('answers a cache hit without any D1 round trip while the content version is remembered', async () => {
    const path = '/v1/events?limit=5&lang=fr';
    const first = await fetchSettled(path, {}, production);
    const second = await fetchSettled(path, {}, production);
    expect(first.cache).toBe('miss');
    expect([second.cache, second.d1]).toEqual(['hit', 0]);
  });

  it(`shows a change written by another isolate within ${CONTENT_VERSION_MAX_AGE_MS} ms`, async () => {
    const path = '/v1/topics?lang=en';
    await fetchSettled(path, {}, production);
    expect((await fetchSettled(path, {}, production)).cache).toBe('hit');
    await env.DB.prepare(
      `update topic_translations set name = 'Renamed elsewhere' where lang = 'en' and topic_id = (select min(id) from topics)`,
    ).run();
    await sleep(CONTENT_VERSION_MAX_AGE_MS + 50);
    const after = await fetchSettled(path, {}, production);
    expect(after.cache).toBe('miss');
    expect(after.body).toContain('Renamed elsewhere');
  });

  it('answers at once when the remembered version nears its bound, and reads the next one meanwhile', async () => {
    const path = '/v1/services?lang=fr&limit=3';
    const start = Date.now();
    // Only the clock the Worker reads is set by hand, so where the request falls within the bound is exact.
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    try {
      contentChanged();
      await fetchSettled(path, {}, production);
      vi.setSystemTime(start + CONTENT_VERSION_MAX_AGE_MS * 0.9);
      const nearBound = await fetchSettled(path, {}, production);
      expect([nearBound.cache, nearBound.d1]).toEqual(['hit', 0]);
      // Past the bound of the first read, within that of the one made meanwhile: still no round trip.
      vi.setSystemTime(start + CONTENT_VERSION_MAX_AGE_MS * 1.5);
      const later = await fetchSettled(path, {}, production);
      expect([later.cache, later.d1]).toEqual(['hit', 0]);
    } finally {
      vi.useRealTimers();
      contentChanged();
    }
  });

  it('shows a write in this isolate on the very next request once it calls contentChanged()', async () => {
    const path = '/v1/topics?lang=nl';
    await fetchSettled(path, {}, production);
    expect((await fetchSettled(path, {}, production)).cache).toBe('hit');
    await env.DB.prepare(
      `update topic_translations set name = 'Meteen hernoemd' where lang = 'nl' and topic_id = (select min(id) from topics)`,
    ).run();
    contentChanged();
    const after = await fetchSettled(path, {}, production);
    expect(after.cache).toBe('miss');
    expect(after.body).toContain('Meteen hernoemd');
  });

  it('never lists an event that has ended, even from the edge cache and with nothing else changed', async () => {
    // A real clock: an event that ends a moment from now, listed before and after its end.
    const endsAt = Date.now() + 2500;
    await env.DB.batch([
      env.DB.prepare(
        `insert into events (id, slug, status, event_status, attendance_mode, starts_at, ends_at, city, organiser_name, created_at, updated_at)
         values ('ending-soon', 'ending-soon', 'published', 'scheduled', 'offline', ?1 - 3600000, ?1, 'Gent', 'Socius', ?2, ?2)`,
      ).bind(endsAt, Date.now()),
      env.DB.prepare(`insert into event_translations (event_id, lang, title) values ('ending-soon', 'nl', 'Eindigt zo')`),
    ]);
    const slugs = (body: string) => (JSON.parse(body) as { data: { slug: string }[] }).data.map((e) => e.slug);
    for (const path of ENDING_SOON_PATHS) {
      const before = await fetchSettled(path);
      const cached = await fetchSettled(path);
      // The embed page reads the API through the Worker, so its own request is what hits or misses the cache.
      if (path.startsWith('/v1/')) expect([before.cache, cached.cache], path).toEqual(['miss', 'hit']);
      const listed = path.startsWith('/v1/events') ? slugs : (b: string) => (b.includes('Eindigt zo') ? ['ending-soon'] : []);
      expect(listed(cached.body), path).toContain('ending-soon');
      // Neither the edge copy nor a browser may keep the list past the end of its first event to end.
      const maxAge = Number(/max-age=(\d+)/.exec(cached.response.headers.get('Cache-Control') ?? '')?.[1]);
      expect(maxAge * 1000, path).toBeLessThanOrEqual(endsAt - Date.now() + 1000);
      expect(cached.response.headers.get('Cache-Control'), path).not.toMatch(/stale-while-revalidate=(?!0)/);
    }
    await sleep(endsAt - Date.now() + 50);
    for (const path of ENDING_SOON_PATHS) {
      const after = await fetchSettled(path);
      const listed = path.startsWith('/v1/events') ? slugs(after.body).includes('ending-soon') : after.body.includes('Eindigt zo');
      expect(listed, path).toBe(false);
    }
  });

  it('lets HEAD share the ETag, the 304 and the edge cache of GET', async () => {
    const path = '/v1/analyses?lang=fr&limit=1';
    const head = await fetchSettled(path, { method: 'HEAD' });
    expect(head.response.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.cache).toBe('miss');
    const getAfter = await fetchSettled(path);
    expect(getAfter.cache).toBe('hit');
    expect(getAfter.body).not.toBe('');
    const etag = getAfter.response.headers.get('ETag');
    expect(head.response.headers.get('ETag')).toBe(etag);
    expect(head.response.headers.get('Cache-Control')).toBe(getAfter.response.headers.get('Cache-Control'));
    const headAgain = await fetchSettled(path, { method: 'HEAD' });
    expect(headAgain.cache).toBe('hit');
    const conditional = await fetchSettled(path, { method: 'HEAD', headers: { 'If-None-Match': etag ?? '' } });
    expect(conditional.response.status).toBe(304);
    expect(conditional.response.headers.get('ETag')).toBe(etag);
  });

  it('reports D1 and cache time in Server-Timing', async () => {
    const first = await fetchSettled('/v1/topics?lang=en');
    expect(first.response.headers.get('Server-Timing')).toMatch(/db;dur=[\d.]+;desc="D1, \d+ round trips?"/);
    expect(first.cache).toBe('miss');
    expect((await fetchSettled('/v1/topics?lang=en')).cache).toBe('hit');
  });
});

describe('CORS', () => {
  it('allows every origin on responses and on errors, without credentials', async () => {
    for (const path of ['/v1/events', '/v1/events/no-such-event', '/v1/events?limit=500', '/v1/nothing']) {
      const response = await SELF.fetch(`${ORIGIN}${path}`, { headers: { Origin: 'https://partner.example' } });
      await response.arrayBuffer();
      expect(response.headers.get('Access-Control-Allow-Origin'), path).toBe('*');
      expect(response.headers.get('Access-Control-Allow-Credentials'), path).toBeNull();
    }
  });

  it('answers a preflight', async () => {
    const response = await SELF.fetch(`${ORIGIN}/v1/events`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://partner.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'accept-language',
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Methods')).toContain('GET');
  });
});
