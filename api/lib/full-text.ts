// The `q` parameter and its translation into the FTS5 `search_index` (schema/migrations/0001_search_index.sql),
// shared by /v1/search and the lists that accept words.
import { z } from '@hono/zod-openapi';
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { SearchKind } from '../../schema/search-index.ts';
import { ApiError } from '../errors.ts';

// The pattern states in the document what ftsQuery requires: at least one letter or digit (a word to search for).
// No min(1): the pattern already refuses an empty query, with one reason instead of two.
const words = z
  .string()
  .trim()
  .max(200)
  .regex(/[\p{L}\p{N}]/u, 'Give at least one word to search for.')
  // zod writes the flag into the pattern (`…/u`); JSON Schema patterns are Unicode-aware without it.
  .openapi({ pattern: '[\\p{L}\\p{N}]' });

/** `q`: what a person typed; required on /v1/search, optional on lists. */
export function qParam(description: string, example: string) {
  return words.openapi({ param: { name: 'q', in: 'query' }, description, example });
}

/** As qParam, for lists where words are one filter among others. */
export function optionalQParam(description: string, example: string) {
  return words.optional().openapi({ param: { name: 'q', in: 'query' }, description, example });
}

/**
 * Turns what a person typed into an FTS5 query: every word must occur, as a word or the start of one.
 * Quoting each token keeps FTS5 syntax (NEAR, AND, *, ^, quotes) from being injected.
 */
export function ftsQuery(q: string): string {
  const tokens = q.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (tokens.length === 0) throw ApiError.invalidParam('q', 'query', 'Give at least one word to search for.');
  return tokens
    .slice(0, 12)
    .map((token) => `"${token}"*`)
    .join(' ');
}

/** Items of `kind` whose indexed text (in any language) holds every word of `q`. */
export function matchesWords(id: SQLiteColumn, kind: SearchKind, q: string): SQL {
  return inArray(id, sql`(select item_id from search_index where search_index match ${ftsQuery(q)} and kind = ${kind})`);
}
