import { type AnyColumn, sql } from 'drizzle-orm';
import { check, integer, text } from 'drizzle-orm/sqlite-core';

/** Languages every public text exists in; Dutch is the default and the fallback. */
export const LANGS = ['nl', 'en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'nl';
export const isLang = (value: string | undefined): value is Lang => (LANGS as readonly string[]).includes(value ?? '');

/** Editorial workflow; only `published` is ever visible to the public API. */
export const WORKFLOW_STATUSES = ['draft', 'review', 'published', 'archived'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export const id = () =>
  text()
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

export const slug = () => text().notNull().unique();

export const workflowStatus = () => text({ enum: WORKFLOW_STATUSES }).notNull().default('draft');

// Milliseconds since the epoch (UTC): sorts and compares as a plain integer in SQLite.
export const instant = () => integer({ mode: 'timestamp_ms' });

export const timestamps = {
  createdAt: instant()
    .notNull()
    .$defaultFn(() => new Date()),
  updatedAt: instant()
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date()),
};

export const lang = () => text({ enum: LANGS }).notNull();

/** A CHECK constraint that keeps an enum column honest even for writes that bypass the API. */
export const enumCheck = (name: string, column: AnyColumn, values: readonly string[]) =>
  check(name, sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`);

/**
 * Columns every editable content item carries (spread into topics, services, about, analyses and events):
 * - `version` goes up by one on every accepted write; the item's ETag is derived from it, and a write only
 *   lands when the version it read is still the current one (`WHERE version = ?`, see api/lib/writes.ts).
 * - `publishAt` / `unpublishAt`: when the scheduled handler publishes or archives the item (then clears the field).
 * - `deletedAt`: set by a soft delete, which also archives the item; the row stays as a tombstone.
 */
export const editorial = {
  version: integer().notNull().default(1),
  publishAt: instant(),
  unpublishAt: instant(),
  deletedAt: instant(),
};
