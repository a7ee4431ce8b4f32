// Rate limits with real Miniflare limiters: the Worker gets TEST_READ_LIMITER (5 reads per 60 s) and
// TEST_WRITE_LIMITER (3 writes per 60 s) from vitest.config.ts in place of its own bindings, whose test limits
// are far above what the other test files send.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import worker from '../../api/index.ts';
import { limiterKey, RATE_LIMIT_PERIOD_SECONDS, withoutRateLimits } from '../../api/lib/rate-limit.ts';
import type { OpenApiDocument, ResponseDoc } from '../openapi-document.ts';
import { resolveRef } from '../openapi-document.ts';
import { makeKey } from './editorial-helpers.ts';
import { get, ORIGIN, type ProblemBody } from './helpers.ts';

const READS = 5;
const WRITES = 3;
const limitedEnv = { ...env, READ_LIMITER: env.TEST_READ_LIMITER, WRITE_LIMITER: env.TEST_WRITE_LIMITER };

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** One incoming request to the Worker with `bindings` (an ExecutionContext of its own, as production gives each). */
async function call(path: string, init: RequestInit = {}, bindings: object = limitedEnv): Promise<Answer> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`${ORIGIN}${path}`, init), bindings as typeof limitedEnv, ctx);
  const text = await response.text();
  await waitOnExecutionContext(ctx);
  return { status: response.status, headers: response.headers, text };
}

const from = (ip: string, headers: Record<string, string> = {}) => ({ headers: { 'CF-Connecting-IP': ip, ...headers } });
let run = 0;
/** A client address of its own for each test, so no test inherits another's count. */
const address = (n: number) => `203.0.${113 + (run % 100)}.${n}`;

// Miniflare counts in fixed windows aligned to the clock; a burst that straddles a boundary would be counted in
// two windows. Each test starts its burst with at least 10 s of its window left.
beforeEach(async () => {
  run += 1;
  const left = RATE_LIMIT_PERIOD_SECONDS - ((Date.now() / 1000) % RATE_LIMIT_PERIOD_SECONDS);
  if (left < 10) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
});

async function expectLimited(response: Answer): Promise<ProblemBody> {
  expect(response.status).toBe(429);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  expect(response.headers.get('Retry-After')).toBe(String(RATE_LIMIT_PERIOD_SECONDS));
  // A widget on a partner page can read the answer and its Retry-After.
  expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
  expect(response.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');
  const body = JSON.parse(response.text) as ProblemBody;
  expect(body).toMatchObject({ type: '/problems/rate-limited', status: 429 });
  return body;
}

describe('public reads', () => {
  it('answer 429 with Retry-After once one client has made its reads of the period', async () => {
    for (let i = 0; i < READS; i++) expect((await call('/v1/topics', from(address(1)))).status).toBe(200);
    const body = await expectLimited(await call('/v1/topics', from(address(1))));
    expect(body.detail).toContain('reads from this client');
    // Every read counts, whatever the path or whether it exists.
    expect((await call('/v1/events', from(address(1)))).status).toBe(429);
  });

  it("one client's limit does not block another", async () => {
    for (let i = 0; i <= READS; i++) await call('/v1/topics', from(address(2)));
    expect((await call('/v1/topics', from(address(2)))).status).toBe(429);
    expect((await call('/v1/topics', from(address(3)))).status).toBe(200);
  });

  it('count an IPv6 client by its /64, so one subscriber cannot rotate addresses around the limit', async () => {
    const prefix = `2001:db8:${run.toString(16)}:1`;
    for (let i = 0; i < READS; i++) expect((await call('/v1/topics', from(`${prefix}::${i + 1}`))).status).toBe(200);
    expect((await call('/v1/topics', from(`${prefix}:0:0:0:ffff`))).status).toBe(429);
    expect((await call('/v1/topics', from(`2001:db8:${run.toString(16)}:2::1`))).status).toBe(200);
  });

  it('count an embed page once, although it reads the API through the Worker itself', async () => {
    const page = (n: number) => call('/embed/about', from(address(n), { Accept: 'text/html' }));
    // Two clients, three pages each: six inner reads of the API in all, one more than any one budget.
    for (const n of [4, 11]) for (let i = 0; i < 3; i++) expect((await page(n)).status).toBe(200);
    for (let i = 3; i < READS; i++) expect((await page(4)).status).toBe(200);
    expect((await page(4)).status).toBe(429);
  });

  it('do not count CORS preflights', async () => {
    const preflight = {
      method: 'OPTIONS',
      ...from(address(5), { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'GET' }),
    };
    for (let i = 0; i <= READS; i++) expect((await call('/v1/topics', preflight)).status).toBeLessThan(300);
    expect((await call('/v1/topics', from(address(5)))).status).toBe(200);
  });
});

describe('writes', () => {
  const topic = (key: string, ip: string) => ({
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'CF-Connecting-IP': ip },
    // Refused as invalid (422): still a write that counts, and nothing is stored.
    body: JSON.stringify({ translations: { nl: {} } }),
  });

  it('answer 429 with Retry-After once one API key has made its writes of the period, and not for another key', async () => {
    const first = await makeKey(['content:write']);
    const second = await makeKey(['content:write']);
    for (let i = 0; i < WRITES; i++) expect((await call('/v1/topics', topic(first.key, address(6)))).status).toBe(422);
    const body = await expectLimited(await call('/v1/topics', topic(first.key, address(6))));
    expect(body.detail).toContain('writes with this API key');
    // The same key from another address is still the same key.
    expect((await call('/v1/topics', topic(first.key, address(7)))).status).toBe(429);
    // Another key from the same address is not limited by the first one.
    expect((await call('/v1/topics', topic(second.key, address(6)))).status).toBe(422);
  });

  it('have a budget of their own: reads up to the limit do not stop a write', async () => {
    const { key } = await makeKey(['content:write']);
    for (let i = 0; i <= READS; i++) await call('/v1/topics', from(address(8)));
    expect((await call('/v1/topics', from(address(8)))).status).toBe(429);
    expect((await call('/v1/topics', topic(key, address(8)))).status).toBe(422);
  });

  it('without a key count per client, and still get the 401', async () => {
    const anonymous = { method: 'POST', ...from(address(9), { 'Content-Type': 'application/json' }), body: '{}' };
    for (let i = 0; i < WRITES; i++) expect((await call('/v1/topics', anonymous)).status).toBe(401);
    await expectLimited(await call('/v1/topics', anonymous));
  });
});

describe('the switch for local benchmarks and load tests', () => {
  it('a Worker without the limiter bindings is not limited', async () => {
    const { READ_LIMITER: _r, WRITE_LIMITER: _w, ...unlimited } = limitedEnv;
    for (let i = 0; i <= READS * 2; i++) expect((await call('/v1/topics', from(address(10)), unlimited)).status).toBe(200);
  });

  it('withoutRateLimits() drops exactly the two limiter bindings from Miniflare options', () => {
    const options = { name: 'socius', ratelimits: { READ_LIMITER: {}, WRITE_LIMITER: {}, OTHER: {} } };
    expect(withoutRateLimits(options)).toEqual({ name: 'socius', ratelimits: { OTHER: {} } });
  });

  it('no header or query parameter changes how a request is counted', () => {
    const request = new Request(`${ORIGIN}/v1/topics?ratelimit=off`, {
      headers: { 'CF-Connecting-IP': '192.0.2.1', 'X-Forwarded-For': '10.0.0.1' },
    });
    expect(limiterKey(request)).toEqual({ binding: 'reads', key: 'read:192.0.2.1' });
  });
});

describe('the OpenAPI document', () => {
  it('documents a 429 with Retry-After on every operation', async () => {
    const doc = (await get<OpenApiDocument>('/openapi.json')).body;
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (typeof operation !== 'object' || !operation || !('responses' in operation)) continue;
        const response = resolveRef<ResponseDoc>(doc, (operation as { responses: Record<string, ResponseDoc> }).responses['429']);
        if (!response?.headers?.['Retry-After'] || !response.content?.['application/problem+json'])
          missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(10);
  });
});
