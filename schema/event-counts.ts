import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * How many published events end on each day (UTC, `ends_at / 86400000`), per facet value and per filter scope,
 * kept by triggers (migration 0009_event_counts_triggers.sql) on every write to `events` and `event_topics`. The
 * list's `total` and `facets` sum these from the day of `from` on instead of walking every upcoming event.
 *
 * - `scope`: '' (no filter), `city:<lower-case city>` or `topic:<topic id>`: the filter the counts are under.
 * - `facet`: '' (the total, `value` ''), `topic` (`value` the topic id), `city`, `attendanceMode`, `status`
 *   (the event status) or `organiser`.
 */
export const eventCounts = sqliteTable(
  'event_counts',
  {
    scope: text().notNull(),
    facet: text().notNull(),
    value: text().notNull(),
    day: integer().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.facet, t.day, t.value] })],
);
