import { z } from '@hono/zod-openapi';
import { decodeBase64Url, encodeBase64Url } from 'hono/utils/encode';
import { ApiError } from '../errors.ts';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

// Plain decimal digits only: `Number()` alone would also read `0x10`, `1e1` or ` 16` as numbers.
export const limitParam = z
  .preprocess(
    (value) => (typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value),
    z
      .number({ error: (issue) => (issue.code === 'invalid_type' ? 'A whole number in plain decimal digits' : undefined) })
      .int()
      .min(1)
      .max(MAX_LIMIT),
  )
  .default(DEFAULT_LIMIT)
  .openapi({
    param: { name: 'limit', in: 'query' },
    description: `How many items per page, 1 to ${MAX_LIMIT}, in plain decimal digits. Above ${MAX_LIMIT} is an error, never silently clamped.`,
    example: 20,
  });

export const cursorParam = z
  .string()
  .min(1)
  .max(512)
  .optional()
  .openapi({
    param: { name: 'cursor', in: 'query' },
    description: "Opaque position from a previous page's `nextCursor`. Stays valid when items are added or removed.",
  });

/**
 * A keyset position: the sort key and id of the last item served. Walking pages by "strictly after this
 * (key, id)" returns every item once even when items are added between requests, unlike offsets.
 *
 * `key` is a non-negative safe integer (a position or an offset), or `<sort>|<milliseconds>` for a list
 * sorted on a time (see {@link sortKey}), so a cursor names the order it belongs to.
 */
export interface Cursor {
  key: string | number;
  id: string;
  /** The list's `total` as counted for its first page, carried along so later pages need not count again. */
  total?: number;
  /** With `total`: that the first page counted only up to it (`totalIsLowerBound`). */
  totalIsLowerBound?: true;
}

// Longer than any id or sort name this API issues, short enough that nothing unbounded reaches SQL.
const MAX_ID_LENGTH = 64;
const ID = /^[\w-]*$/;
// The last moment a Date can hold; a later time would reach SQL as NaN.
const MAX_TIME = 8.64e15;
const SORT_KEY = /^(-?[A-Za-z]{1,32})\|(\d{1,16})$/;

export function encodeCursor(cursor: Cursor): string {
  const total = cursor.totalIsLowerBound ? [cursor.total, 1] : [cursor.total];
  const parts = cursor.total === undefined ? [cursor.key, cursor.id] : [cursor.key, cursor.id, ...total];
  return encodeBase64Url(new TextEncoder().encode(JSON.stringify(parts)).buffer).replace(/=+$/, '');
}

const invalid = (reason: string) => ApiError.invalidParam('cursor', 'query', reason);

/**
 * Reads a cursor back, refusing anything this API could not have issued: values reach SQL, so every number is a
 * non-negative safe integer and every string is short. With `sort`, a cursor issued for another order is refused
 * too, so one order's position is never read in another.
 *
 * @example
 * const cursor = decodeCursor(query.cursor, query.sort); // undefined on the first page
 */
export function decodeCursor(value: string | undefined, sort?: string): Cursor | undefined {
  if (value === undefined) return undefined;
  const cursor = parse(value);
  if (!cursor) throw invalid('Not a cursor this API issued; pass `nextCursor` from a previous page unchanged.');
  if (sort !== undefined && (typeof cursor.key !== 'string' || !cursor.key.startsWith(`${sort}|`))) {
    throw invalid('This cursor belongs to another sort order; start again without it.');
  }
  return cursor;
}

function parse(value: string): Cursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(decodeBase64Url(value)));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length < 2 || parsed.length > 4) return undefined;
  const [key, id, total, lowerBound] = parsed as unknown[];
  if (typeof id !== 'string' || id.length > MAX_ID_LENGTH || !ID.test(id)) return undefined;
  if (parsed.length >= 3 && !(typeof total === 'number' && Number.isSafeInteger(total) && total >= 0)) return undefined;
  if (parsed.length === 4 && lowerBound !== 1) return undefined;
  const carried = typeof total === 'number' ? { total, ...(lowerBound === 1 ? { totalIsLowerBound: true as const } : {}) } : {};
  // Only lists sorted on a time carry a total; a position cursor is always two values.
  if (typeof key === 'number') return parsed.length === 2 && Number.isSafeInteger(key) && key >= 0 ? { key, id } : undefined;
  if (typeof key !== 'string') return undefined;
  const ms = SORT_KEY.exec(key)?.[2];
  return ms !== undefined && Number(ms) <= MAX_TIME ? { key, id, ...carried } : undefined;
}

/**
 * Splits the one-extra row fetched to learn whether another page exists. With `total`, the next cursor carries it
 * (and whether it is a lower bound), so the pages after the first repeat the first page's count instead of counting
 * again.
 */
export function page<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => Cursor,
  total?: number,
  totalIsLowerBound = false,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const carried = total === undefined ? {} : { total, ...(totalIsLowerBound ? { totalIsLowerBound: true as const } : {}) };
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ ...keyOf(last), ...carried }) : null };
}

export const nextCursorField = z
  .string()
  .nullable()
  .openapi({ description: 'Pass as `cursor` to get the next page; null on the last page.' });

/** `Link: <…&cursor=…>; rel="next"` (RFC 8288), so generic clients can follow pages without reading the body. */
export function nextLink(requestUrl: string, nextCursor: string | null): Record<string, string> {
  if (!nextCursor) return {};
  const url = new URL(requestUrl);
  url.searchParams.set('cursor', nextCursor);
  return { Link: `<${url.pathname}${url.search}>; rel="next"` };
}
