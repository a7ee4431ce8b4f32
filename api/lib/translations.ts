import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { alias, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Lang } from '../../schema/columns.ts';
import type { Db } from '../env.ts';

const FLAG = '__fellBack_';

type Localized<F extends string> = { [K in F]: SQL<string | null> } & { [K in `${typeof FLAG}${F}`]: SQL<number> };

/**
 * Select text fields in the requested language (`tr`, a translation-table alias joined on that language) with
 * per-field fallback to Dutch (`nl`, the same table joined on 'nl'), plus a flag per field telling whether it
 * fell back. One query serves any language.
 */
export function localized<F extends string>(
  tr: { [K in F]: SQLiteColumn },
  nl: { [K in F]: SQLiteColumn },
  fields: readonly F[],
): Localized<F> {
  const select: Record<string, SQL> = {};
  for (const field of fields) {
    select[field] = sql<string | null>`coalesce(${tr[field]}, ${nl[field]})`;
    select[`${FLAG}${field}`] = sql<number>`(${tr[field]} is null and ${nl[field]} is not null)`;
  }
  return select as Localized<F>;
}

/** Takes the fallback flags off a row and lists the fields that fell back to Dutch. */
export function fallbackFields(row: Record<string, unknown>, fields: readonly string[]): string[] {
  return fields.filter((field) => Boolean(row[`${FLAG}${field}`]));
}

/** A translation table: one row per item and language, keyed by the item's id in `owner`. */
type TranslationTable<O extends string, F extends string> = SQLiteTable & { lang: SQLiteColumn } & { [K in O | F]: SQLiteColumn };

export interface LocalisedSource<T extends SQLiteTable, O extends string, F extends string, P extends string> {
  /** The item table and its id column. */
  table: T;
  id: SQLiteColumn;
  /** Its translation table and the column there that holds the item's id. */
  translations: TranslationTable<O, F>;
  owner: O;
  fields: readonly F[];
  /** Prefix of the two aliases (`${prefix}tr`, `${prefix}nl`), for when a query joins two translation tables. */
  prefix?: P;
}

/**
 * `select columns + localised fields from table`, joined on its Dutch row (every item has one, so an inner
 * join) and on its row in `lang` (maybe missing, so a left join): the read every resource starts from.
 */
export function localisedSelect<
  const C extends Record<string, SQLiteColumn | SQL>,
  T extends SQLiteTable,
  O extends string,
  F extends string,
  P extends string = '',
>(db: Db, lang: Lang, source: LocalisedSource<T, O, F, P>, columns: C) {
  const prefix = (source.prefix ?? '') as P;
  const tr = alias(source.translations, `${prefix}tr`);
  const nl = alias(source.translations, `${prefix}nl`);
  // The aliases carry the same columns as the table; drizzle's alias type does not let TypeScript see that.
  const trCols = tr as unknown as TranslationTable<O, F>;
  const nlCols = nl as unknown as TranslationTable<O, F>;
  return db
    .select({ ...columns, ...localized(trCols, nlCols, source.fields) })
    .from(source.table)
    .innerJoin(nl, and(eq(nlCols[source.owner], source.id), eq(nlCols.lang, 'nl')))
    .leftJoin(tr, and(eq(trCols[source.owner], source.id), eq(trCols.lang, lang)));
}

/** Some columns of a table by name, as a select list: `columnsOf(events, ['id', 'slug'])`. */
export function columnsOf<T extends SQLiteTable, const K extends keyof T['_']['columns'] & string>(
  table: T,
  keys: readonly K[],
): Pick<T['_']['columns'], K> {
  const columns = getTableColumns(table);
  return Object.fromEntries(keys.map((key) => [key, columns[key]])) as Pick<T['_']['columns'], K>;
}
