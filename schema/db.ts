// How code reaches the database. The API and the seed both use D1 through its binding; the seed can also reach a
// database only wrangler's CLI can (`--remote`), so what must work over both is written against `SqlRunner`.
import type { DrizzleD1Database } from 'drizzle-orm/d1';

/** drizzle over D1; `$client` is the binding itself, for the few statements drizzle cannot express (FTS5). */
export type Db = DrizzleD1Database & { $client: D1Database };

/** One SQL statement with `?` placeholders and its bound values, as drizzle's `toSQL()` gives them. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

export interface SqlRunner {
  /** The rows of one read-only query. */
  all<Row>(sql: string): Promise<Row[]>;
  /** Runs the statements atomically: all of them or none. */
  batch(statements: SqlStatement[]): Promise<void>;
}

/** A runner over a D1 binding (in the Worker, in tests, or through wrangler's platform proxy). */
export function d1Runner(d1: D1Database): SqlRunner {
  return {
    all: async <Row>(sql: string) => (await d1.prepare(sql).all<Row>()).results,
    batch: async (statements) => {
      if (statements.length === 0) return;
      await d1.batch(statements.map(({ sql, params }) => d1.prepare(sql).bind(...params)));
    },
  };
}
