import { z } from '@hono/zod-openapi';
import { ApiError } from '../errors.ts';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export const limitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_LIMIT)
  .default(DEFAULT_LIMIT)
  .openapi({
    param: { name: 'limit', in: 'query' },
    description: `How many items per page, 1 to ${MAX_LIMIT}. Above ${MAX_LIMIT} is an error, never silently clamped.`,
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
 */
export interface Cursor {
  key: string | number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify([cursor.key, cursor.id]));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

export function decodeCursor(value: string | undefined): Cursor | undefined {
  if (value === undefined) return undefined;
  try {
    const binary = atob(value.replaceAll('-', '+').replaceAll('_', '/'));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw ApiError.invalidParam('cursor', 'query', 'Not a cursor this API issued; pass `nextCursor` from a previous page unchanged.');
}

/** Splits the one-extra row fetched to learn whether another page exists. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => Cursor): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
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
