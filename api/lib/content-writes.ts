// What the writes of every resource share, and what the content import runs outside the Worker: statements as
// plain SQL with bound values (schema/db.ts `SqlStatement`), so one builder serves a D1 binding in the Worker and
// wrangler's CLI against a remote D1; and reads as raw rows through a `ReadRows` function for the same reason.
import { LANGS, type Lang } from '../../schema/columns.ts';
import type { SqlStatement } from '../../schema/db.ts';
import { plainText, type SearchKind } from '../../schema/search-index.ts';
import type { TextsInput } from './content-input.ts';

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

/** Per language present, every field's value (null when that language does not have it): one translation row each. */
export function rowsOf<F extends string>(texts: TextsInput<F>, fields: readonly F[]): { lang: Lang; values: Record<F, string | null> }[] {
  return LANGS.flatMap((lang) => {
    const text = texts[lang];
    if (!text) return [];
    return [{ lang, values: Object.fromEntries(fields.map((field) => [field, text[field] ?? null])) as Record<F, string | null> }];
  });
}

/** Translation rows (SQL column names) back into texts per language, fields a language lacks left out. */
export function textsOf<F extends string>(rows: Record<string, unknown>[], fields: readonly F[]): TextsInput<F> {
  const texts: Partial<Record<Lang, Partial<Record<F, string>>>> = {};
  for (const lang of LANGS) {
    const row = rows.find((r) => r.lang === lang);
    if (!row) continue;
    texts[lang] = Object.fromEntries(
      fields.flatMap((field) => (typeof row[snake(field)] === 'string' ? [[field, row[snake(field)]]] : [])),
    ) as Partial<Record<F, string>>;
  }
  return { ...texts, nl: texts.nl ?? {} };
}

/** The same texts with every value passed through `map` (normalising, sanitising). */
export function mapTexts<F extends string>(texts: TextsInput<F>, map: (value: string, field: F) => string): TextsInput<F> {
  const out: Partial<Record<Lang, Partial<Record<F, string>>>> = {};
  for (const lang of LANGS) {
    const text = texts[lang];
    if (text)
      out[lang] = Object.fromEntries(Object.entries(text).map(([field, value]) => [field, map(value as string, field as F)])) as Partial<
        Record<F, string>
      >;
  }
  return { ...out, nl: out.nl ?? {} };
}

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
 * published items. Each row's rowid goes into search_rows (schema/migrations/0016_search_rows.sql), so the next
 * write finds the item's rows by an index instead of reading the whole FTS5 table.
 */
export function searchIndexStatements(kind: SearchKind, itemId: string, slug: string, texts: SearchText[]): SqlStatement[] {
  return [
    ...searchIndexDeleteStatements(kind, itemId),
    ...texts.flatMap((text) => [
      {
        sql: 'insert into search_index (kind, item_id, slug, lang, title, body) values (?, ?, ?, ?, ?, ?)',
        params: [kind, itemId, slug, text.lang, text.title, plainText(text.parts.filter((p) => p).join(' '))],
      },
      // The statement before in the same batch, on the same connection: its rowid. `or replace`: a rowid freed by a
      // row deleted outside these statements may be given again.
      { sql: 'insert or replace into search_rows (doc, kind, item_id) values (last_insert_rowid(), ?, ?)', params: [kind, itemId] },
    ]),
  ];
}

/**
 * Removes an item's rows from the search index, by rowid. `kind` and `item_id` are checked again on the rows
 * found: a line of search_rows left behind by rows deleted some other way never takes another item's text along.
 */
export const searchIndexDeleteStatements = (kind: SearchKind, itemId: string): SqlStatement[] => [
  {
    sql: 'delete from search_index where rowid in (select doc from search_rows where kind = ? and item_id = ?) and kind = ? and item_id = ?',
    params: [kind, itemId, kind, itemId],
  },
  { sql: 'delete from search_rows where kind = ? and item_id = ?', params: [kind, itemId] },
];
