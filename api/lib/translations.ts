import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

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
