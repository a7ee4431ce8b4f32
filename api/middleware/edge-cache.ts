import { sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { representation } from '../json-ld/index.ts';

/** What clients and shared caches are told: fresh for a minute, then served stale while refreshed. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400';
// The edge copy can live long: its key holds the content version, so any change makes it unreachable.
const EDGE_CACHE_CONTROL = 'public, max-age=86400';

async function strongEtag(body: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  let binary = '';
  for (const byte of digest.subarray(0, 18)) binary += String.fromCharCode(byte);
  return `"${btoa(binary).replaceAll('+', '-').replaceAll('/', '_')}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored, `*` matches anything. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const candidate = tag.trim().replace(/^W\//, '');
    return candidate === '*' || candidate === bare;
  });
}

/**
 * Public GETs: a strong ETag from the body bytes, `304` on `If-None-Match`, and a copy in the Workers Cache
 * API keyed by URL, negotiated language, negotiated representation (JSON or JSON-LD) and the content version.
 * Every content write bumps that version (database triggers), so the next request after a change misses the
 * cache and sees the change.
 */
export const edgeCache = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'GET') return next();
  const url = new URL(c.req.url);
  const state = await c.var.db.get<{ version: number } | undefined>(sql`select version from content_state where id = 1`);
  const params = [...url.searchParams].sort(([a], [b]) => a.localeCompare(b));
  // One copy per representation too: JSON and JSON-LD of the same URL are different bodies.
  params.push(['__lang', c.var.lang], ['__type', representation(c)], ['__v', String(state?.version ?? 0)]);
  const key = new Request(`${url.origin}${url.pathname}?${new URLSearchParams(params)}`);
  const cache = caches.default;

  let response = await cache.match(key);
  let cacheStatus = 'hit';
  if (response) {
    response = new Response(response.body, response);
  } else {
    cacheStatus = 'miss';
    await next();
    if (c.res.status !== 200) return;
    const body = await c.res.arrayBuffer();
    response = new Response(body, c.res);
    response.headers.set('ETag', await strongEtag(body));
    const stored = new Response(body, response);
    stored.headers.set('Cache-Control', EDGE_CACHE_CONTROL);
    c.executionCtx.waitUntil(cache.put(key, stored));
  }
  response.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  response.headers.append('Server-Timing', `cache;desc="${cacheStatus}"`);
  const etag = response.headers.get('ETag');
  if (etag && matchesIfNoneMatch(c.req.header('If-None-Match'), etag)) {
    const notModified = new Response(null, { status: 304, headers: response.headers });
    notModified.headers.delete('Content-Type');
    notModified.headers.delete('Content-Length');
    c.res = notModified;
    return;
  }
  c.res = response;
});
