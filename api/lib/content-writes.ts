// What the writes of every resource share, and what the content import runs outside the Worker: statements as
// plain SQL with bound values (schema/db.ts `SqlStatement`), so one builder serves a D1 binding in the Worker and
// wrangler's CLI against a remote D1; and reads as raw rows through a `ReadRows` function for the same reason.
import { LANGS, type Lang } from '../../schema/columns.ts';
import type { SqlStatement } from '../../schema/db.ts';
import { plainText, type SearchKind } from '../../schema/search-index.ts';
import type { LocalisedInput } from './content-input.ts';

/** Runs one read-only query with `?` placeholders and returns its rows with SQL column names. */
export type ReadRows = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** A D1 binding as a `ReadRows`. */
export const d1Rows =
  (d1: D1Database): ReadRows =>
  async (sql, params) =>
    (
      await d1
        .prepare(sql)
        .bind(...params)
        .all<Record<string, unknown>>()
    ).results;

export type Localised = Partial<Record<Lang, string>> & { nl: string };

/** Per language, the fields that exist in it; a language none of them has gets no row. */
export function byLanguage<F extends string>(
  fields: Record<F, LocalisedInput | undefined>,
): { lang: Lang; values: Record<F, string | null> }[] {
  return LANGS.flatMap((lang) => {
    const values = {} as Record<F, string | null>;
    let any = false;
    for (const [name, text] of Object.entries(fields) as [F, LocalisedInput | undefined][]) {
      const value = text?.[lang];
      values[name] = value ?? null;
      if (value !== undefined) any = true;
    }
    return any ? [{ lang, values }] : [];
  });
}

/** Gathers translation rows (one per language) back into one localised text per field; absent when not even Dutch. */
export function fromLanguages<F extends string>(rows: Record<string, unknown>[], fields: readonly F[]): Partial<Record<F, Localised>> {
  const out: Partial<Record<F, Partial<Record<Lang, string>>>> = {};
  for (const row of rows) {
    const lang = row.lang as Lang;
    for (const field of fields) {
      const value = row[snake(field)];
      if (typeof value === 'string') {
        const text = out[field] ?? {};
        text[lang] = value;
        out[field] = text;
      }
    }
  }
  // A text without Dutch cannot be written back (Dutch is required), so it is left out rather than invented.
  return Object.fromEntries(
    Object.entries(out).flatMap(([field, text]) =>
      text && (text as Localised).nl !== undefined ? [[field, ordered(text as Localised)]] : [],
    ),
  ) as Partial<Record<F, Localised>>;
}

const ordered = (text: Localised): Localised =>
  Object.fromEntries(LANGS.flatMap((lang) => (text[lang] === undefined ? [] : [[lang, text[lang]]]))) as Localised;

export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A moment stored as milliseconds since the epoch, as the ISO string documents carry (UTC). */
export const isoOf = (value: unknown): string | undefined => (typeof value === 'number' ? new Date(value).toISOString() : undefined);
export const msOf = (iso: string | undefined): number | null => (iso === undefined ? null : Date.parse(iso));

/** One search-index text per language: the title and the plain text of everything else, in order. */
export interface SearchText {
  lang: Lang;
  title: string;
  parts: (string | null | undefined)[];
}

/**
 * Replaces one item's rows in the FTS5 search index, in the batch that writes the item, so it is findable (or
 * gone) on the next request without a rebuild. Like the rebuild, every status is indexed; search shows only
 * published items.
 */
export function searchIndexStatements(kind: SearchKind, itemId: string, slug: string, texts: SearchText[]): SqlStatement[] {
  return [
    { sql: 'delete from search_index where kind = ? and item_id = ?', params: [kind, itemId] },
    ...texts.map((text) => ({
      sql: 'insert into search_index (kind, item_id, slug, lang, title, body) values (?, ?, ?, ?, ?, ?)',
      params: [kind, itemId, slug, text.lang, text.title, plainText(text.parts.filter((p) => p).join(' '))],
    })),
  ];
}

/** Removes a purged item from the search index. */
export const searchIndexDeleteStatement = (kind: SearchKind, itemId: string): SqlStatement => ({
  sql: 'delete from search_index where kind = ? and item_id = ?',
  params: [kind, itemId],
});
