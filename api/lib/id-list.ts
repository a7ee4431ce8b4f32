import { SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * `column in (ids)` with the ids as one JSON array parameter. D1 binds at most 100 parameters per statement, so
 * `in (?, ?, …)` for a full page of 100 items plus the language and status parameters does not fit; `json_each`
 * reads any number of ids from one parameter, and SQLite still looks each one up in the column's index.
 */
export function inIdList(column: SQLiteColumn, ids: readonly string[]): SQL {
  return sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/**
 * `column in (…)` for a list of ids, or for a subquery that selects them: hydrating a page through the page's own
 * query lets the page and everything it needs go to D1 in one batch, one round trip.
 */
export function inIds(column: SQLiteColumn, ids: readonly string[] | SQL): SQL {
  return ids instanceof SQL ? sql`${column} in (${ids})` : inIdList(column, ids);
}
