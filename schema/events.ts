import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { editorial, enumCheck, id, instant, LANGS, lang, slug, timestamps, WORKFLOW_STATUSES, workflowStatus } from './columns.ts';
import { services } from './services.ts';
import { topics } from './topics.ts';

/** schema.org EventStatusType, in our casing. */
export const EVENT_STATUSES = ['scheduled', 'cancelled', 'postponed', 'rescheduled', 'moved-online'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** schema.org EventAttendanceModeEnumeration: offline, online or mixed. */
export const ATTENDANCE_MODES = ['offline', 'online', 'mixed'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

export const AVAILABILITIES = ['available', 'limited', 'full', 'not-required'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export const events = sqliteTable(
  'events',
  {
    id: id(),
    slug: slug(),
    status: workflowStatus(),
    eventStatus: text({ enum: EVENT_STATUSES }).notNull().default('scheduled'),
    attendanceMode: text({ enum: ATTENDANCE_MODES }).notNull(),
    // First session's start and last session's end, kept on the event so lists sort and filter on one index.
    startsAt: instant().notNull(),
    endsAt: instant().notNull(),
    /** Start before it was postponed or rescheduled (schema.org previousStartDate). */
    previousStartsAt: instant(),
    venueName: text(),
    street: text(),
    postalCode: text(),
    city: text(),
    country: text(),
    latitude: real(),
    longitude: real(),
    onlineUrl: text(),
    organiserName: text().notNull(),
    organiserUrl: text(),
    isFree: integer({ mode: 'boolean' }).notNull().default(false),
    /** Price in euro cents; null when free or not known. */
    priceCents: integer(),
    registrationUrl: text(),
    availability: text({ enum: AVAILABILITIES }).notNull().default('available'),
    serviceId: text().references(() => services.id, { onDelete: 'set null' }),
    ...timestamps,
    ...editorial,
  },
  (t) => [
    // ends_at last: a page in start order checks "still listed" inside the index (api/events/queries.ts).
    index('events_status_starts_idx').on(t.status, t.startsAt, t.id, t.endsAt),
    index('events_status_updated_idx').on(t.status, t.updatedAt, t.id),
    // The first event to end (how long a list stays true) and the events ending on the day of `from` (the part of
    // a total or facet that event_counts cannot give by whole days).
    index('events_status_ends_idx').on(t.status, t.endsAt),
    index('events_status_city_starts_idx').on(t.status, t.city, t.startsAt),
    index('events_status_postal_starts_idx').on(t.status, t.postalCode, t.startsAt),
    index('events_service_idx').on(t.serviceId, t.startsAt),
    enumCheck('events_status_check', t.status, WORKFLOW_STATUSES),
    enumCheck('events_event_status_check', t.eventStatus, EVENT_STATUSES),
    enumCheck('events_attendance_mode_check', t.attendanceMode, ATTENDANCE_MODES),
    enumCheck('events_availability_check', t.availability, AVAILABILITIES),
    check('events_ends_after_start', sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);

export const eventTranslations = sqliteTable(
  'event_translations',
  {
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    lang: lang(),
    title: text(),
    summary: text(),
    description: text(),
    audience: text(),
    accessibility: text(),
    statusReason: text(),
    priceNote: text(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.lang] }),
    enumCheck('event_translations_lang_check', t.lang, LANGS),
    check('event_translations_nl_title', sql`${t.lang} <> 'nl' or ${t.title} is not null`),
  ],
);

/** Every event has at least one session; each carries its own times and status. */
export const eventSessions = sqliteTable(
  'event_sessions',
  {
    id: id(),
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    startsAt: instant().notNull(),
    endsAt: instant().notNull(),
    status: text({ enum: EVENT_STATUSES }).notNull().default('scheduled'),
  },
  (t) => [
    uniqueIndex('event_sessions_position_idx').on(t.eventId, t.position),
    index('event_sessions_starts_idx').on(t.startsAt),
    enumCheck('event_sessions_status_check', t.status, EVENT_STATUSES),
    check('event_sessions_ends_after_start', sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);

export const eventTopics = sqliteTable(
  'event_topics',
  {
    eventId: text()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    topicId: text()
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.topicId] }), index('event_topics_topic_idx').on(t.topicId, t.eventId)],
);

export type Event = typeof events.$inferSelect;
export type EventSession = typeof eventSessions.$inferSelect;
