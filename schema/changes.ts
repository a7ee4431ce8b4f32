import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { enumCheck, instant } from './columns.ts';

/** The public resources whose items the change feed (`GET /v1/changes`) carries. */
export const CHANGE_RESOURCES = ['topics', 'services', 'analyses', 'events', 'about'] as const;
export type ChangeResource = (typeof CHANGE_RESOURCES)[number];

/** How long change entries (tombstones included) are kept; a cursor older than that answers 410. */
export const CHANGES_RETENTION_DAYS = 90;

/**
 * The change log behind `GET /v1/changes`: one row per write that changed what the public API shows of an item
 * (the item itself, a child such as a translation or an event session, or something it shows of another item,
 * such as a topic's name). Written ONLY by triggers on the content tables (migration `*_changes_triggers.sql`), in
 * the same statement as the write, so every path that changes content (editorial API, Cron Trigger, import, seed,
 * a hand-run SQL) records it, atomically with the change itself. A write that touches only items that are not
 * public, and were not public before it, records nothing: drafts never show here, not even their ids.
 *
 * `seq` is AUTOINCREMENT: strictly increasing and never reused, even after pruning deleted the newest rows, so a
 * cursor (a `seq`) always means "everything after this". `slug` is the item's public slug as of the change: for a
 * change that ends its publication (unpublish, archive, delete), the last slug the public saw.
 */
export const changes = sqliteTable(
  'changes',
  {
    seq: integer().primaryKey({ autoIncrement: true }),
    resource: text({ enum: CHANGE_RESOURCES }).notNull(),
    itemId: text().notNull(),
    slug: text().notNull(),
    at: instant().notNull(),
  },
  (t) => [
    index('changes_item_idx').on(t.resource, t.itemId, t.seq),
    index('changes_at_idx').on(t.at),
    enumCheck('changes_resource_check', t.resource, CHANGE_RESOURCES),
  ],
);
