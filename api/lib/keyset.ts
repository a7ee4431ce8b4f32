// Keyset pagination over a sort key with the id as tie-breaker. The seek is written as a row value,
// `(key, id) > (?, ?)`, because SQLite turns that into a range on an index over (…, key, id); the equivalent
// `key > ? or (key = ? and id > ?)` is an OR that the planner can only partly use.
import { asc, desc, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { ApiError } from '../errors.ts';
import type { Cursor } from './pagination.ts';

export interface SortKey {
  column: SQLiteColumn;
  direction: 'asc' | 'desc';
}

/** ORDER BY the key, then the id in the same direction, so equal keys still have one stable order. */
export function keysetOrder(key: SortKey, id: SQLiteColumn): [SQL, SQL] {
  const order = key.direction === 'asc' ? asc : desc;
  return [order(key.column), order(id)];
}

/** Rows strictly after the cursor's (key, id) in that order; `value` is the key in the column's own type. */
export function seekAfter(key: SortKey, id: SQLiteColumn, value: unknown, cursorId: string): SQL {
  const beyond = sql.raw(key.direction === 'asc' ? '>' : '<');
  return sql`(${key.column}, ${id}) ${beyond} (${sql.param(value, key.column)}, ${cursorId})`;
}

/** The key of a cursor for a sort that names itself (`sort|milliseconds`), so one sort's cursor is never read as another's. */
export function sortedCursorKey(sort: string, value: number): string {
  return `${sort}|${value}`;
}

/** Reads a key written by sortedCursorKey; a cursor of another sort, or a damaged one, is a 400 naming `cursor`. */
export function sortedCursorValue(cursor: Cursor, sort: string): number {
  const [cursorSort, value] = String(cursor.key).split('|');
  const at = Number(value);
  if (cursorSort !== sort || !value || !/^\d+$/.test(value) || !Number.isSafeInteger(at)) {
    throw ApiError.invalidParam('cursor', 'query', 'This cursor belongs to another sort order or is damaged; start again without it.');
  }
  return at;
}
