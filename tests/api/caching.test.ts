import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { get, ORIGIN } from './helpers.ts';

async function untilCached(path: string): Promise<Response> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const response = await SELF.fetch(`${ORIGIN}${path}`);
    await response.arrayBuffer();
    if (response.headers.get('Server-Timing')?.includes('cache;desc="hit"')) return response;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${path} was never served from the cache`);
}

describe('HTTP caching', () => {
  it('sends a strong ETag and answers a matching If-None-Match with 304 and no body', async () => {
    const first = await get('/v1/events?limit=3');
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=86400');
    const again = await SELF.fetch(`${ORIGIN}/v1/events?limit=3`, { headers: { 'If-None-Match': `W/"x", ${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    const other = await SELF.fetch(`${ORIGIN}/v1/events?limit=3`, { headers: { 'If-None-Match': '"something-else"' } });
    expect(other.status).toBe(200);
  });

  it('gives each language its own ETag', async () => {
    const nl = await get('/v1/about?lang=nl');
    const fr = await get('/v1/about?lang=fr');
    expect(nl.headers.get('ETag')).not.toBe(fr.headers.get('ETag'));
  });

  it('serves repeated requests from the edge cache, and shows a content change on the very next request', async () => {
    const { body } = await get<{ data: { slug: string; title: string }[] }>('/v1/events?limit=1&lang=en');
    const slug = body.data[0]!.slug;
    const path = `/v1/events/${slug}?lang=en`;
    const cached = await untilCached(path);
    const etag = cached.headers.get('ETag');

    await env.DB.prepare(
      `update event_translations set title = 'Changed title' where lang = 'en' and event_id = (select id from events where slug = ?)`,
    )
      .bind(slug)
      .run();

    const fresh = await SELF.fetch(`${ORIGIN}${path}`, { headers: { 'If-None-Match': etag ?? '' } });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('ETag')).not.toBe(etag);
    const json = (await fresh.json()) as { data: { title: string } };
    expect(json.data.title).toBe('Changed title');
  });

  it('reports D1 and cache time in Server-Timing', async () => {
    const { headers } = await get('/v1/topics');
    expect(headers.get('Server-Timing')).toMatch(/db;dur=[\d.]+;desc="D1, \d+ round trips?"/);
    expect(headers.get('Server-Timing')).toMatch(/cache;desc="(hit|miss)"/);
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
