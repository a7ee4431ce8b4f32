import type { Context } from 'hono';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { apiErrorIn } from '../errors.ts';
import { representation } from '../json-ld/index.ts';
import { CONTENT_VERSION_MAX_AGE_MS, contentVersion } from '../lib/content-version.ts';
import { backgroundDb } from './database.ts';

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

// If-None-Match with the weak comparison (RFC 9110 §13.1.2), by Hono. The ETag itself is made once, when the copy
// is made (`strongEtag`, the digest Hono would make), and kept with it: a hit never hashes its body again.
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

/** A strong ETag of a body: its SHA-1 in hex, as Hono's etag() makes it, so tags stay valid across this change. */
async function strongEtag(body: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', body));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return `"${hex}"`;
}

/**
 * The edge copies this isolate has just read from the Cache API, kept in memory: a hit on a hot URL then costs
 * neither a D1 round trip nor a Cache API lookup. Only a copy the Cache API returned is kept (where the Cache API
 * keeps nothing, as on workers.dev, nothing is kept here either), under the same rules: served only while its
 * content version is current and before its `freshUntil`. Bounded in bytes; the least recently used goes first.
 */
interface MemoryCopy {
  body: ArrayBuffer;
  /** As sent, ETag included; without the internal headers. Never changed: each response gets its own copy. */
  headers: Headers;
  version: string;
  until: number;
}
const MEMORY_MAX_BYTES = 8 * 1024 * 1024;
// A body over this is left to the Cache API alone: a few large copies would push out many hot small ones.
const MEMORY_MAX_COPY_BYTES = 512 * 1024;
const memory = new Map<string, MemoryCopy>();
let memoryBytes = 0;

function remember(key: string, copy: MemoryCopy): void {
  forget(key);
  if (copy.body.byteLength > MEMORY_MAX_COPY_BYTES) return;
  memory.set(key, copy);
  memoryBytes += copy.body.byteLength;
  for (const [oldest, { body }] of memory) {
    if (memoryBytes <= MEMORY_MAX_BYTES) break;
    memory.delete(oldest);
    memoryBytes -= body.byteLength;
  }
}

function forget(key: string): void {
  const kept = memory.get(key);
  if (!kept) return;
  memory.delete(key);
  memoryBytes -= kept.body.byteLength;
}

const fromMemory = (copy: MemoryCopy) => new Response(copy.body, { status: 200, headers: copy.headers });

/** The edge cache key of a request: URL with sorted parameters, negotiated language and representation. */
function cacheKey(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  const params = [...url.searchParams].sort(([a], [b]) => a.localeCompare(b));
  // One copy per representation too: JSON and JSON-LD of the same URL are different bodies.
  params.push(['__lang', c.get('lang')], ['__type', representation(c)]);
  // A GET key for HEAD too: the Cache API stores GETs only, and HEAD is answered from the same copy.
  return `${url.origin}${url.pathname}?${new URLSearchParams(params)}`;
}

/** The request's `waitUntil`, when it has an ExecutionContext (app.request() in unit tests has none). */
function waitUntilOf(c: Context<AppEnv>): ((work: Promise<unknown>) => void) | undefined {
  try {
    const ctx = c.executionCtx;
    return (work) => ctx.waitUntil(work);
  } catch {
    return undefined;
  }
}

/**
 * Public GETs and HEADs: a copy in the Workers Cache API keyed by URL, negotiated language and negotiated
 * representation (JSON or JSON-LD), stored with the content version it was made from and its strong ETag; then
 * `304` on `If-None-Match`. A copy is served only while the content version is the one it was made from. Every
 * content write bumps that version (database triggers); each isolate remembers the version for at most a second
 * (api/lib/content-version.ts), so a change shows within that bound, and at once after a write in the same
 * isolate that calls `contentChanged()`. A copy that a handler marked with {@link freshUntil} is not served past
 * that moment either. The hottest copies are also kept in the isolate's memory (see {@link MemoryCopy}).
 *
 * When D1 is unavailable (the 503 of api/middleware/database.ts), the last copy of the URL is served instead,
 * whatever its version, with `Cache-Control: max-age=0` so nobody keeps it: slightly old content beats an error.
 */
export const edgeCache = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
  await conditional(c, async () => {
    const key = cacheKey(c);
    const cache = caches.default;
    const waitUntil = waitUntilOf(c);

    // Remembered per isolate for at most a second, so a cache hit normally touches no database at all.
    const maxAge = c.env.CONTENT_VERSION_MAX_AGE_MS === undefined ? CONTENT_VERSION_MAX_AGE_MS : Number(c.env.CONTENT_VERSION_MAX_AGE_MS);
    let version: string;
    try {
      const background = waitUntil && { waitUntil, refreshDb: () => backgroundDb(c.env) };
      version = String(await contentVersion(c.get('db'), maxAge, background));
    } catch (error) {
      if (apiErrorIn(error)?.type === 'unavailable') {
        const kept = memory.get(key);
        const stale = kept ? fromMemory(kept) : await cache.match(key);
        if (stale) return serveStale(c, stale);
      }
      throw error;
    }

    const kept = memory.get(key);
    if (kept && kept.version === version && kept.until > Date.now()) {
      // Most recently used last, so eviction takes the coldest.
      memory.delete(key);
      memory.set(key, kept);
      return serve(c, fromMemory(kept), kept.until, 'hit');
    }
    const stored = await cache.match(key);
    const storedUntil = Number(stored?.headers.get(FRESH_UNTIL) ?? Number.POSITIVE_INFINITY);
    if (stored && stored.headers.get(VERSION) === version && storedUntil > Date.now()) {
      const headers = new Headers(stored.headers);
      for (const internal of [FRESH_UNTIL, VERSION, 'Cache-Control']) headers.delete(internal);
      const copy: MemoryCopy = { body: await stored.arrayBuffer(), headers, version, until: storedUntil };
      remember(key, copy);
      return serve(c, fromMemory(copy), storedUntil, 'hit');
    }

    await next();
    if (c.res.status === 503) {
      const stale = stored ?? (kept && fromMemory(kept));
      if (stale) return serveStale(c, stale);
    }
    await stored?.body?.cancel();
    if (c.res.status !== 200) return;
    // A copy of an older version only takes room now: the Cache API holds the new one.
    forget(key);
    const body = await c.res.arrayBuffer();
    const response = new Response(body, c.res);
    if (!response.headers.has('ETag')) response.headers.set('ETag', await strongEtag(body));
    const until = c.get('freshUntil')?.getTime() ?? Number.POSITIVE_INFINITY;
    const edgeAge = Math.min(EDGE_MAX_AGE, Math.floor((until - Date.now()) / 1000));
    if (edgeAge > 0) {
      const copy = new Response(body, response);
      copy.headers.set('Cache-Control', `public, max-age=${edgeAge}`);
      copy.headers.set(VERSION, version);
      if (Number.isFinite(until)) copy.headers.set(FRESH_UNTIL, String(until));
      const put = cache.put(key, copy);
      if (waitUntil) waitUntil(put);
      else await put;
    }
    serve(c, response, until, 'miss');
  });
});

/** Sends an edge response: caching told in what is left of its freshness, and whether it was a hit. */
function serve(c: Context<AppEnv>, response: Response, until: number, status: 'hit' | 'miss'): void {
  response.headers.set('Cache-Control', publicCacheControl((until - Date.now()) / 1000));
  response.headers.append('Server-Timing', `cache;desc="${status}"`);
  c.res = response;
}

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
