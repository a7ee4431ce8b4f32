// The `q` parameter and its translation into the FTS5 `search_index` (schema/migrations/0001_search_index.sql),
// shared by /v1/search and the lists that accept words.
import { z } from '@hono/zod-openapi';
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { SearchKind } from '../../schema/search-index.ts';
import { ApiError } from '../errors.ts';

const WORD_NEEDED = 'Give at least one word to search for.';
/** What every description of `q` says, since the schema cannot: ftsQuery needs a letter or a digit. */
const WORD_NOTE = ' At least one letter or digit; punctuation and FTS syntax are read as spaces.';

// A refinement, not a regex: as a pattern `\p{…}` would need Unicode mode, which JSON Schema validators (spectral's
// among them) do not turn on, so the descriptions say it instead. No min(1): this refuses an empty query already.
const words = z
  .string()
  .trim()
  .max(200)
  .refine((value) => /[\p{L}\p{N}]/u.test(value), WORD_NEEDED);

/** `q`: what a person typed; required on /v1/search, optional on lists. */
export function qParam(description: string, example: string) {
  return words.openapi({ param: { name: 'q', in: 'query' }, description: `${description}${WORD_NOTE}`, example });
}

/** As qParam, for lists where words are one filter among others. */
export function optionalQParam(description: string, example: string) {
  return words.optional().openapi({ param: { name: 'q', in: 'query' }, description: `${description}${WORD_NOTE}`, example });
}

/** The words of what a person typed, as the index is asked for them: letters and digits, at most 12. */
export function searchWords(q: string): string[] {
  const tokens = q.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (tokens.length === 0) throw ApiError.invalidParam('q', 'query', WORD_NEEDED);
  return tokens.slice(0, 12);
}

/**
 * Turns what a person typed into an FTS5 query: every word must occur, as a word or the start of one.
 * Quoting each token keeps FTS5 syntax (NEAR, AND, *, ^, quotes) from being injected.
 */
export function ftsQuery(q: string): string {
  return searchWords(q)
    .map((token) => `"${token}"*`)
    .join(' ');
}

/**
 * Items of `kind` whose indexed text (in any language) holds every word of `q`. The index gives only rowids (its
 * doclists); search_rows (0016_search_rows.sql) names their items. Reading `kind` and `item_id` from search_index
 * itself would read each matching row's stored text: for a word in half of 100,000 events, most of a second. The
 * cross join keeps SQLite from walking search_rows instead. With `onlyIf`, nothing matches unless it holds.
 */
export function matchesWords(id: SQLiteColumn, kind: SearchKind, q: string, onlyIf?: SQL): SQL {
  return inArray(id, sql`(select distinct search_rows.item_id from ${matchedRows(q, onlyIf)} where search_rows.kind = ${kind})`);
}

/**
 * The search_rows of the texts holding every word of `q`, in the index's order, for a FROM clause (matchesWords).
 * `onlyIf` (constant in the statement) sits next to the match: SQLite tests it before asking the index, while
 * outside the subquery it would gather every match first.
 */
export function matchedRows(q: string, onlyIf?: SQL): SQL {
  return sql`(select rowid as doc from search_index where search_index match ${ftsQuery(q)}${onlyIf ? sql` and ${onlyIf}` : sql``}) as matched
           cross join search_rows on search_rows.doc = matched.doc`;
}
