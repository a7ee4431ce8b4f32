import type { Context } from 'hono';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { apiErrorIn } from '../errors.ts';
import { representation } from '../json-ld/index.ts';
import { CONTENT_VERSION_MAX_AGE_MS, contentVersion } from '../lib/content-version.ts';

const MAX_AGE = 60;
const S_MAXAGE = 300;
const STALE_WHILE_REVALIDATE = 86400;
// The edge copy can live long: its key holds the content version, so any change makes it unreachable.
const EDGE_MAX_AGE = 86400;
// Stored with the edge copy only, never sent: when the copy stops being true although no content changed.
const FRESH_UNTIL = 'X-Socius-Fresh-Until';
// Stored with the edge copy only, never sent: the content version it was made from.
const VERSION = 'X-Socius-Content-Version';

/**
 * What clients and shared caches are told: fresh for a minute (five for shared caches), then served stale for a
 * day while refreshed. A response that stops being true at a known moment (a list whose first event to end ends
 * in `secondsLeft`) is kept, stale copies included, no longer than that.
 */
export function publicCacheControl(secondsLeft = Number.POSITIVE_INFINITY): string {
  const left = Math.max(0, Math.floor(secondsLeft));
  const maxAge = Math.min(MAX_AGE, left);
  const sMaxAge = Math.min(S_MAXAGE, left);
  const stale = Math.min(STALE_WHILE_REVALIDATE, left - sMaxAge);
  return `public, max-age=${maxAge}, s-maxage=${sMaxAge}${stale > 0 ? `, stale-while-revalidate=${stale}` : ''}`;
}

export const PUBLIC_CACHE_CONTROL = publicCacheControl();

/**
 * Caps how long the response being built stays true although no content changes: a list of upcoming events
 * stops being true when its first event ends. The edge cache, browsers and shared caches keep it no longer.
 */
export function freshUntil(c: Context<AppEnv>, moment: Date | null | undefined): void {
  if (!moment) return;
  const current = c.get('freshUntil');
  if (!current || moment < current) c.set('freshUntil', moment);
}

// Strong ETags from the body bytes, and If-None-Match with the weak comparison (RFC 9110 §13.1.2), by Hono.
// A 304 keeps what a browser needs to use it across origins and what the 200 told about language and timing.
const conditional = etag({
  retainedHeaders: [
    ...RETAINED_304_HEADERS,
    'access-control-allow-origin',
    'access-control-expose-headers',
    'content-language',
    'server-timing',
  ],
});

/**
 * Public GETs and HEADs: a copy in the Workers Cache API keyed by URL, negotiated language and negotiated
 * representation (JSON or JSON-LD), stored with the content version it was made from; then a strong ETag and
 * `304` on `If-None-Match`. A copy is served only while the content version is the one it was made from. Every
 * content write bumps that version (database triggers); each isolate remembers the version for at most a second
 * (api/lib/content-version.ts), so a change shows within that bound, and at once after a write in the same
 * isolate that calls `contentChanged()`. A copy that a handler marked with {@link freshUntil} is not served past
 * that moment either.
 *
 * When D1 is unavailable (the 503 of api/middleware/database.ts), the last copy of the URL is served instead,
 * whatever its version, with `Cache-Control: max-age=0` so nobody keeps it: slightly old content beats an error.
 */
export const edgeCache = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
  await conditional(c, async () => {
    const url = new URL(c.req.url);
    const params = [...url.searchParams].sort(([a], [b]) => a.localeCompare(b));
    // One copy per representation too: JSON and JSON-LD of the same URL are different bodies.
    params.push(['__lang', c.var.lang], ['__type', representation(c)]);
    // A GET key for HEAD too: the Cache API stores GETs only, and HEAD is answered from the same copy.
    const key = new Request(`${url.origin}${url.pathname}?${new URLSearchParams(params)}`);
    const cache = caches.default;
    const stored = await cache.match(key);

    // Remembered per isolate for at most a second, so a cache hit normally touches no database at all.
    const maxAge = c.env.CONTENT_VERSION_MAX_AGE_MS === undefined ? CONTENT_VERSION_MAX_AGE_MS : Number(c.env.CONTENT_VERSION_MAX_AGE_MS);
    let version: number;
    try {
      version = await contentVersion(c.var.db, maxAge);
    } catch (error) {
      if (stored && apiErrorIn(error)?.type === 'unavailable') return serveStale(c, stored);
      await stored?.body?.cancel();
      throw error;
    }

    const storedUntil = Number(stored?.headers.get(FRESH_UNTIL) ?? Number.POSITIVE_INFINITY);
    const current = stored?.headers.get(VERSION) === String(version) && storedUntil > Date.now();
    let response: Response;
    let until: number;
    let status: 'hit' | 'miss';
    if (stored && current) {
      response = new Response(stored.body, stored);
      response.headers.delete(FRESH_UNTIL);
      response.headers.delete(VERSION);
      until = storedUntil;
      status = 'hit';
    } else {
      await next();
      if (c.res.status === 503 && stored) return serveStale(c, stored);
      await stored?.body?.cancel();
      if (c.res.status !== 200) return;
      const body = await c.res.arrayBuffer();
      response = new Response(body, c.res);
      until = c.get('freshUntil')?.getTime() ?? Number.POSITIVE_INFINITY;
      status = 'miss';
      const edgeAge = Math.min(EDGE_MAX_AGE, Math.floor((until - Date.now()) / 1000));
      if (edgeAge > 0) {
        const copy = new Response(body, response);
        copy.headers.set('Cache-Control', `public, max-age=${edgeAge}`);
        copy.headers.set(VERSION, String(version));
        if (Number.isFinite(until)) copy.headers.set(FRESH_UNTIL, String(until));
        c.executionCtx.waitUntil(cache.put(key, copy));
      }
    }
    response.headers.set('Cache-Control', publicCacheControl((until - Date.now()) / 1000));
    response.headers.append('Server-Timing', `cache;desc="${status}"`);
    c.res = response;
  });
});

/** The last copy of a URL while D1 is unavailable: served, never kept (no cache may reuse it unrevalidated). */
function serveStale(c: Context<AppEnv>, stored: Response): void {
  const response = new Response(stored.body, stored);
  response.headers.delete(FRESH_UNTIL);
  response.headers.delete(VERSION);
  response.headers.set('Cache-Control', 'public, max-age=0, must-revalidate');
  response.headers.append('Server-Timing', 'cache;desc="stale: database unavailable"');
  // Replaces whatever the handler answered (the 503), headers included.
  c.res = undefined;
  c.res = response;
}
