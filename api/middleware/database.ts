import { drizzle } from 'drizzle-orm/d1';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Db } from '../env.ts';
import { ApiError } from '../errors.ts';

const RUNS = new Set<PropertyKey>(['all', 'raw', 'run', 'first']);

/**
 * How long one D1 call (a query or a batch) may take before the request gives up with a 503. Healthy calls take
 * milliseconds; this is far above that and above what this project's loaded 2-core test machine needs, so only a
 * database that has stopped answering trips it (D1's own storage timeout is 30 s). `D1_TIMEOUT_MS` overrides it.
 */
export const D1_TIMEOUT_MS = 10_000;
/** `Retry-After` of a 503: D1 recovers from a reset or an overload within seconds. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

// SQLite's own verdicts on a statement (a constraint, a syntax error, too many variables): the request or the
// code is wrong, and retrying cannot help. The write pipeline reads some of them (a lost race, a slug taken), so
// they pass through unchanged. Anything else D1 throws ("Network connection lost", "D1 DB is overloaded", a storage
// reset, an internal error) is the database being unavailable for a moment.
const QUERY_ERROR =
  /SQLITE_(?:ERROR|CONSTRAINT|MISMATCH|RANGE|TOOBIG|AUTH)\b|constraint failed|no such (?:table|column|function)|syntax error|too many SQL variables/;

/** The 503 a failed or stalled D1 call becomes; `cause` keeps what D1 said, for the log. */
export function databaseUnavailable(detail: string, cause?: unknown): ApiError {
  const error = new ApiError('unavailable', detail, undefined, {
    headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
  });
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause });
  return error;
}

const RETRY = `Try again in ${UNAVAILABLE_RETRY_AFTER_SECONDS} seconds.`;

/**
 * Runs one D1 call with the timeout, and turns D1's transient failures into the 503. A batch that stalls may
 * still commit after the answer went out (all of it, never part): the 503 says to read before writing again.
 */
async function guarded<R>(call: () => Promise<R>, timeoutMs: number, isBatch: boolean): Promise<R> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const running = call();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // The call goes on; its late failure must not surface as an unhandled rejection.
      running.catch(() => undefined);
      const outcome = isBatch ? ' The write may still land in full (never in part): read the item before writing again.' : '';
      reject(databaseUnavailable(`The database did not answer within ${timeoutMs} ms.${outcome} ${RETRY}`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([running, timeout]);
  } catch (error) {
    if (error instanceof ApiError || QUERY_ERROR.test(String((error as { message?: unknown })?.message ?? error))) throw error;
    console.error('D1 unavailable', error);
    const outcome = isBatch
      ? 'The write failed; if the database failed while committing, it may have landed in full (never in part): read the item before writing again.'
      : 'The database is not answering at the moment.';
    throw databaseUnavailable(`${outcome} ${RETRY}`, error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Wraps the D1 binding so every query's wall time is added up, for the `Server-Timing` header, and every call
 * is {@link guarded} (timeout, 503 for D1's transient failures). Statements handed to `batch` are unwrapped
 * first: D1 only accepts its own.
 */
export function timedD1(db: D1Database, record: (ms: number) => void, timeoutMs = D1_TIMEOUT_MS): D1Database {
  const unwrapped = new WeakMap<object, D1PreparedStatement>();
  const timed =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>, isBatch = false) =>
    async (...args: A): Promise<R> => {
      const start = performance.now();
      try {
        return await guarded(() => run(...args), timeoutMs, isBatch);
      } finally {
        record(performance.now() - start);
      }
    };
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => wrap(target.bind(...values));
        const value: unknown = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        const bound = (value as (...args: unknown[]) => unknown).bind(target);
        return RUNS.has(prop) ? timed(bound as (...args: unknown[]) => Promise<unknown>) : bound;
      },
    });
    unwrapped.set(proxy, statement);
    return proxy;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (query: string) => wrap(target.prepare(query));
      if (prop === 'batch') {
        return timed((statements: D1PreparedStatement[]) => target.batch(statements.map((s) => unwrapped.get(s) ?? s)), true);
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A drizzle client for work a request leaves running after its answer (a background refresh of the content
 * version): guarded like the request's own, but not counted in that request's `Server-Timing`, which reports only
 * what the answer waited for.
 */
export function backgroundDb(env: AppEnv['Bindings']): Db {
  const session = env.DB.withSession('first-unconstrained') as unknown as D1Database;
  const timeoutMs = env.D1_TIMEOUT_MS === undefined ? D1_TIMEOUT_MS : Number(env.D1_TIMEOUT_MS);
  return drizzle(
    timedD1(session, () => undefined, timeoutMs),
    { casing: 'snake_case' },
  );
}

/** A drizzle client per request (bindings only exist per request on Workers), timed for `Server-Timing`. */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  let dbMs = 0;
  let queries = 0;
  const started = performance.now();
  // A D1 session lets read replicas nearest to the visitor answer (D1 read replication). A client that sends
  // back the bookmark it was given reads at least what it saw before; otherwise any replica may answer.
  const session = c.env.DB.withSession(c.req.header('X-D1-Bookmark') ?? 'first-unconstrained');
  // drizzle's D1 driver only calls prepare() and batch(), which a session has; its types predate sessions.
  const client = session as unknown as D1Database;
  const timeoutMs = c.env.D1_TIMEOUT_MS === undefined ? D1_TIMEOUT_MS : Number(c.env.D1_TIMEOUT_MS);
  c.set(
    'db',
    drizzle(
      timedD1(
        client,
        (ms) => {
          dbMs += ms;
          queries += 1;
        },
        timeoutMs,
      ),
      { casing: 'snake_case' },
    ),
  );
  await next();
  const bookmark = session.getBookmark();
  if (bookmark) c.res.headers.set('X-D1-Bookmark', bookmark);
  const total = performance.now() - started;
  c.res.headers.append(
    'Server-Timing',
    `db;dur=${dbMs.toFixed(1)};desc="D1, ${queries} round ${queries === 1 ? 'trip' : 'trips'}", total;dur=${total.toFixed(1)}`,
  );
});
