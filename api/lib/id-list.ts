import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * `column in (ids)` with the ids as one JSON array parameter. D1 binds at most 100 parameters per statement, so
 * `in (?, ?, …)` for a full page of 100 items plus the language and status parameters does not fit; `json_each`
 * reads any number of ids from one parameter, and SQLite still looks each one up in the column's index.
 */
export function inIdList(column: SQLiteColumn, ids: readonly string[]): SQL {
  return sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`;
}
