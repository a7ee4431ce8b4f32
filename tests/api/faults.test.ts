// The database failing under the Worker: the real local D1, wrapped so that chosen calls fail the way D1 fails
// in production ("D1_ERROR: Network connection lost.") or never answer. Readers get a 503 with Retry-After, or the
// last edge copy when there is one; writers get a 503 and nothing of their write lands; and the first request
// after recovery is answered correctly.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import worker from '../../api/index.ts';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../api/middleware/database.ts';
import { makeKey } from './editorial-helpers.ts';
import { ORIGIN, type ProblemBody } from './helpers.ts';

type Fault = 'fail' | 'hang' | 'fail-mid-batch' | undefined;
/**
 * What the next D1 calls do: `batch` applies to batches (writes), `query` to single statements, from the
 * `queriesBeforeFault + 1`-th statement of a request on.
 */
const faults: { query: Fault; batch: Fault; queriesBeforeFault: number } = { query: undefined, batch: undefined, queriesBeforeFault: 0 };
beforeEach(() => {
  faults.query = undefined;
  faults.batch = undefined;
  faults.queriesBeforeFault = 0;
});

const TRANSIENT = 'D1_ERROR: Network connection lost.';
const never = () => new Promise<never>(() => undefined);

/** `fail` throws as D1 does when it is unreachable; `hang` never answers. */
async function inject<R>(fault: Fault, call: () => Promise<R>): Promise<R> {
  if (fault === 'fail') throw new Error(TRANSIENT);
  if (fault === 'hang') return never();
  return call();
}

/** The real session with faults in front of it: prepared statements and batches, as drizzle uses them. */
function faultySession(real: D1DatabaseSession): D1DatabaseSession {
  const originals = new WeakMap<object, D1PreparedStatement>();
  let queries = 0;
  const query = <R>(run: () => Promise<R>) => {
    queries += 1;
    return inject(queries > faults.queriesBeforeFault ? faults.query : undefined, run);
  };
  const statement = (inner: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = {
      bind: (...values: unknown[]) => statement(inner.bind(...values)),
      first: (column?: string) => query(() => (column === undefined ? inner.first() : inner.first(column))),
      run: () => query(() => inner.run()),
      all: () => query(() => inner.all()),
      raw: (options?: { columnNames?: boolean }) => query(() => (options?.columnNames ? inner.raw({ columnNames: true }) : inner.raw())),
    } as unknown as D1PreparedStatement;
    originals.set(wrapped, inner);
    return wrapped;
  };
  return {
    prepare: (query: string) => statement(real.prepare(query)),
    batch: async (statements: D1PreparedStatement[]) => {
      const inners = statements.map((s) => originals.get(s) ?? s);
      if (faults.batch === 'fail-mid-batch') {
        // The batch reaches D1 and breaks after its first statements ran: D1 must roll all of them back.
        const broken = [...inners.slice(0, -1), real.prepare('SELECT * FROM no_table_here')];
        await real.batch(broken).catch(() => undefined);
        throw new Error(TRANSIENT);
      }
      return inject(faults.batch, () => real.batch(inners));
    },
    getBookmark: () => real.getBookmark(),
  } as unknown as D1DatabaseSession;
}

const faultyDb = new Proxy(env.DB, {
  get(target, prop) {
    if (prop === 'withSession') return (constraint?: string) => faultySession(target.withSession(constraint));
    const value: unknown = Reflect.get(target, prop, target);
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  },
});

// A short timeout so a hanging database answers within the test; production waits longer (D1_TIMEOUT_MS).
const faultyEnv = { ...env, DB: faultyDb, D1_TIMEOUT_MS: '300' };

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** One incoming request to the Worker over the faulty D1, its deferred work (edge cache puts) awaited. */
async function call(path: string, init: RequestInit = {}): Promise<Answer> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`${ORIGIN}${path}`, init), faultyEnv as typeof env, ctx);
  const text = await response.text();
  await waitOnExecutionContext(ctx);
  return { status: response.status, headers: response.headers, text };
}

function expectUnavailable(answer: Answer): ProblemBody {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  expect(answer.headers.get('Retry-After')).toBe(String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  const body = JSON.parse(answer.text) as ProblemBody;
  expect(body).toMatchObject({ type: '/problems/unavailable', status: 503 });
  // What D1 said is logged for the operators, never sent.
  expect(answer.text).not.toContain('D1_ERROR');
  expect(answer.text).not.toMatch(/\bat \w+ \(|SELECT|select /);
  return body;
}

let n = 0;
/** A URL no earlier request has read, so no edge copy of it exists. */
function fresh(path: string): string {
  n += 1;
  return `${path}${path.includes('?') ? '&' : '?'}limit=${n + 1}`;
}

describe('readers', () => {
  it('get a 503 problem with Retry-After when D1 fails and there is no edge copy', async () => {
    faults.query = 'fail';
    expectUnavailable(await call(fresh('/v1/events')));
    expectUnavailable(await call('/v1/topics/no-copy-of-this'));
  });

  it('get a 503 problem with Retry-After, not a hang, when D1 stops answering', async () => {
    faults.query = 'hang';
    const started = Date.now();
    const body = expectUnavailable(await call(fresh('/v1/analyses')));
    expect(body.detail).toContain('did not answer within 300 ms');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('get the last edge copy while D1 fails, marked so that nobody keeps it', async () => {
    const path = fresh('/v1/events');
    const healthy = await call(path);
    expect(healthy.status).toBe(200);
    faults.query = 'fail';
    const stale = await call(path);
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(healthy.text);
    expect(stale.headers.get('Cache-Control')).toBe('public, max-age=0, must-revalidate');
    expect(stale.headers.get('Server-Timing')).toContain('stale');
    expect(stale.headers.get('Retry-After')).toBeNull();
  });

  it('get the last edge copy too when D1 fails after the version was read', async () => {
    const path = fresh('/v1/services');
    const healthy = await call(path);
    expect(healthy.status).toBe(200);
    // Any content write makes the copy out of date: the version read succeeds, the handler's queries do not.
    await env.DB.prepare('UPDATE content_state SET version = version + 1 WHERE id = 1').run();
    faults.query = 'fail';
    faults.queriesBeforeFault = 1;
    // A list is read in one batch (its page, total and topics): that fails too.
    faults.batch = 'fail';
    const stale = await call(path);
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(healthy.text);
    expect(stale.headers.get('Server-Timing')).toContain('stale');
  });
});

describe('writers', () => {
  /** Rows a topic write touches: none may change when the write fails. */
  const footprint = async () =>
    env.DB.prepare(
      `SELECT (SELECT count(*) FROM topics) AS topics, (SELECT count(*) FROM topic_translations) AS texts,
              (SELECT count(*) FROM revisions) AS revisions, (SELECT count(*) FROM idempotency_records) AS idempotency,
              (SELECT version FROM content_state WHERE id = 1) AS version`,
    ).first();

  const create = (key: string, slug: string) => ({
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': `create-${slug}` },
    body: JSON.stringify({ slug, translations: { nl: { name: `Thema ${slug}` } } }),
  });

  it.each([
    ['fails before it reaches D1', 'fail'],
    ['breaks in the middle of the batch', 'fail-mid-batch'],
    ['never answers', 'hang'],
  ] as const)('get a 503 and nothing of the write lands when D1 %s; the retry then succeeds', async (_, fault) => {
    const { key } = await makeKey(['content:write']);
    const slug = `fault-${fault}`;
    const before = await footprint();
    faults.batch = fault;
    const body = expectUnavailable(await call('/v1/topics', create(key, slug)));
    if (fault === 'hang') expect(body.detail).toContain('may still land');
    expect(await footprint()).toEqual(before);

    // Recovered: the same request (same Idempotency-Key) is carried out once, and reads show it at once.
    faults.batch = undefined;
    expect((await call('/v1/topics', create(key, slug))).status).toBe(201);
    const read = await call(`/v1/topics/${slug}/edit`, { headers: { Authorization: `Bearer ${key}` } });
    expect(read.status).toBe(200);
    expect(JSON.parse(read.text)).toMatchObject({ data: { slug } });
  });

  it('get a 503 when D1 fails while the key is checked, and nothing is written', async () => {
    const { key } = await makeKey(['content:write']);
    const before = await footprint();
    faults.query = 'fail';
    expectUnavailable(await call('/v1/topics', create(key, 'fault-auth')));
    expect(await footprint()).toEqual(before);
  });
});

describe('after recovery', () => {
  it('the next read is answered from D1, not from what was served during the outage', async () => {
    const list = fresh('/v1/analyses');
    const healthy = await call(list);
    faults.query = 'fail';
    expect((await call(list)).status).toBe(200);
    faults.query = undefined;
    const after = await call(list);
    expect(after.status).toBe(200);
    expect(after.text).toBe(healthy.text);
    expect(after.headers.get('Cache-Control')).not.toContain('max-age=0');
    expect(after.headers.get('Server-Timing')).not.toContain('stale');
  });
});
