import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { enumCheck, instant } from './columns.ts';

/** The resources whose items are addressed by slug in public URLs. */
export const SLUGGED_KINDS = ['topic', 'service', 'analysis', 'event'] as const;
export type SluggedKind = (typeof SLUGGED_KINDS)[number];

/**
 * Slugs an item had before it was renamed. A public GET by such a slug answers 301 to the item's current slug,
 * so links and bookmarks made before a rename keep working. Points at the item's id (not its new slug), so a
 * second rename needs no update here.
 */
export const slugRedirects = sqliteTable(
  'slug_redirects',
  {
    kind: text({ enum: SLUGGED_KINDS }).notNull(),
    oldSlug: text().notNull(),
    itemId: text().notNull(),
    createdAt: instant()
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.oldSlug] }),
    index('slug_redirects_item_idx').on(t.itemId),
    enumCheck('slug_redirects_kind_check', t.kind, SLUGGED_KINDS),
  ],
);
