import { drizzle } from 'drizzle-orm/d1';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';

const RUNS = new Set<PropertyKey>(['all', 'raw', 'run', 'first']);

/**
 * Wraps the D1 binding so every query's wall time is added up, for the `Server-Timing` header.
 * Statements handed to `batch` are unwrapped first: D1 only accepts its own.
 */
export function timedD1(db: D1Database, record: (ms: number) => void): D1Database {
  const unwrapped = new WeakMap<object, D1PreparedStatement>();
  const timed =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const start = performance.now();
      try {
        return await run(...args);
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
        return timed((statements: D1PreparedStatement[]) => target.batch(statements.map((s) => unwrapped.get(s) ?? s)));
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
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
  c.set(
    'db',
    drizzle(
      timedD1(client, (ms) => {
        dbMs += ms;
        queries += 1;
      }),
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
