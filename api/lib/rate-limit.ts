// Rate limits, with the Workers Rate Limiting binding (`[[ratelimits]]` in wrangler.toml, per environment).
//
// - Reads (GET, HEAD) count per client: its `CF-Connecting-IP`, an IPv6 address by its /64 (one subscriber
//   usually holds a whole /64). Cloudflare sets that header from the connection to its edge, so a client cannot
//   pick its own; without it (local runs, tests) every request counts as the one client "local".
// - Writes (POST, PUT, PATCH, DELETE) count per API key, by the key's id (`socius_<id>_…`), in a binding of their
//   own with its own limit, so an editor's burst never eats into reads and one key never blocks another. A write
//   without a key-shaped credential counts per client, like a read.
// - OPTIONS (CORS preflight, answered without touching D1) is not counted.
// - Over the limit: 429 problem+json with `Retry-After` = the period, before anything else runs (no D1 at all).
//
// The switch: a Worker WITHOUT these bindings is not limited. That is how local benchmarks and load tests turn the
// limits off (scripts/bench/serve.ts, the soak: `withoutRateLimits()` on the Miniflare options). It is a switch
// only the platform configuration holds: a deployed Worker gets its bindings from wrangler.toml at deploy time,
// so no request, header or variable (`[vars]`, a secret set by mistake) can remove them; and since `ratelimits` is
// not inherited by `[env.*]` sections, tests/tooling/rate-limit-config.test.ts checks that every environment
// in wrangler.toml declares both.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';

/** Binding names, as wrangler.toml declares them. */
export const READ_LIMITER = 'READ_LIMITER';
export const WRITE_LIMITER = 'WRITE_LIMITER';
export const RATE_LIMIT_BINDINGS = [READ_LIMITER, WRITE_LIMITER] as const;

/**
 * The period of every limit, in seconds. The binding cannot tell its own configuration, so `Retry-After` is
 * this constant; tests/tooling/rate-limit-config.test.ts holds every `[[ratelimits]]` in wrangler.toml to it.
 * (Cloudflare accepts 10 or 60.)
 */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

/** The limiters of a request: both bindings, or neither (see the switch above). */
export interface RateLimiters {
  reads?: RateLimit | undefined;
  writes?: RateLimit | undefined;
}

const READ_METHODS = new Set(['GET', 'HEAD']);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_ID = /^Bearer\s+socius_([0-9a-f]{16})_/i;

/**
 * The client a read is counted for: `CF-Connecting-IP`, an IPv6 address reduced to its /64 prefix.
 * "local" when the header is missing, which only happens off Cloudflare's network.
 */
export function clientKey(request: Request): string {
  const ip = request.headers.get('CF-Connecting-IP')?.trim();
  if (!ip) return 'local';
  if (!ip.includes(':')) return ip;
  return `${ipv6Prefix64(ip)}::/64`;
}

/** The first four groups of an IPv6 address, `::` expanded, leading zeros dropped. */
function ipv6Prefix64(ip: string): string {
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':');
}

/** The limiter key of a request: `read:<client>`, `write:key:<key id>` or `write:<client>`; undefined when not counted. */
export function limiterKey(request: Request): { binding: 'reads' | 'writes'; key: string } | undefined {
  if (READ_METHODS.has(request.method)) return { binding: 'reads', key: `read:${clientKey(request)}` };
  if (!WRITE_METHODS.has(request.method)) return undefined;
  const keyId = KEY_ID.exec(request.headers.get('Authorization')?.trim() ?? '')?.[1];
  return { binding: 'writes', key: keyId ? `write:key:${keyId}` : `write:${clientKey(request)}` };
}

// Pages, oEmbed and the 405 check answer by calling this same app again (`app.fetch(…, c.executionCtx)`); such a
// request is part of the one that came in and must not count twice, nor as the client "local" (it carries no
// `CF-Connecting-IP`). Each incoming request has its own ExecutionContext, so it names the request counted.
const counted = new WeakSet<object>();

function incomingContext(c: Context<AppEnv>): object | undefined {
  try {
    return c.executionCtx;
  } catch {
    // app.request() in unit tests has no ExecutionContext: every call is an incoming request then.
    return undefined;
  }
}

/** Throws the 429 when the request is over its limit. */
export async function enforceRateLimit(c: Context<AppEnv>, limiters: RateLimiters): Promise<void> {
  const which = limiterKey(c.req.raw);
  const limiter = which && limiters[which.binding];
  if (!which || !limiter) return;
  const ctx = incomingContext(c);
  if (ctx) {
    if (counted.has(ctx)) return;
    counted.add(ctx);
  }
  const { success } = await limiter.limit({ key: which.key });
  if (success) return;
  const what =
    which.binding === 'reads'
      ? 'reads from this client'
      : which.key.startsWith('write:key:')
        ? 'writes with this API key'
        : 'writes from this client';
  throw new ApiError(
    'rate-limited',
    `Too many ${what} in ${RATE_LIMIT_PERIOD_SECONDS} seconds. Try again in ${RATE_LIMIT_PERIOD_SECONDS} seconds.`,
    undefined,
    {
      headers: {
        'Retry-After': String(RATE_LIMIT_PERIOD_SECONDS),
        // Answered before the routers' CORS middleware runs; a widget on a partner page must still be able to read it.
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': 'Retry-After',
      },
    },
  );
}

/** The first middleware of the app: 429 before any work when the request is over its limit. */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  // `c.env` is absent when the app is called without bindings (app.request() in Node: the OpenAPI checks).
  await enforceRateLimit(c, { reads: c.env?.READ_LIMITER, writes: c.env?.WRITE_LIMITER });
  await next();
});

/**
 * Miniflare worker options (from `unstable_getMiniflareWorkerOptions`) without the rate limit bindings: the
 * switch for local benchmarks and load tests, which send far more requests from one address than production
 * accepts. Only a local harness can use it; see the top of this file.
 */
export function withoutRateLimits<T extends { ratelimits?: Record<string, unknown> | undefined }>(options: T): T {
  const ratelimits = Object.fromEntries(
    Object.entries(options.ratelimits ?? {}).filter(([name]) => !(RATE_LIMIT_BINDINGS as readonly string[]).includes(name)),
  );
  return { ...options, ratelimits };
}
