import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';

/**
 * One row whose `version` goes up on every write to any content table (triggers in the migrations), so
 * cached responses keyed by version are invalidated the moment content changes, whoever wrote it.
 */
export const contentState = sqliteTable('content_state', {
  id: integer().primaryKey(),
  version: integer().notNull().default(0),
  changedAt: integer({ mode: 'timestamp_ms' }),
});
