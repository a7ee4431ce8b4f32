// What an iCalendar entry needs of an event, and nothing else, in one statement. The JSON list's queries carry
// every text field (descriptions too), topics and services, which no entry shows: at the feed's 500 events that
// was four statements, 1.4 MB of rows to move out of D1 and decode, and an event body per row (Brussels times,
// date summaries, sanitised HTML) that the calendar then threw away. The page itself (which events, in which
// order) is still the JSON list's: the same conditions from the events module, the same order.
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Lang } from '../../schema/columns.ts';
import { type EventStatus, eventSessions, events, eventTranslations } from '../../schema/events.ts';
import type { Db } from '../env.ts';
import { type EventFilter, eventConditions } from '../events/queries.ts';

/** A session as the entries need it: its id (the stable UID), its instants and its own status. */
export interface CalendarSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: EventStatus;
}

function calendarSelect(db: Db, lang: Lang, where: SQL | undefined) {
  const tr = alias(eventTranslations, 'tr');
  const nl = alias(eventTranslations, 'nl');
  // Text in `lang`, else in Dutch (every event has a Dutch row), as every other view of an event gives it.
  const text = <F extends 'title' | 'summary' | 'statusReason'>(field: F) =>
    sql<string | null>`coalesce(${tr[field]}, ${nl[field]})`.as(field);
  return db
    .select({
      id: events.id,
      slug: events.slug,
      eventStatus: events.eventStatus,
      attendanceMode: events.attendanceMode,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      venueName: events.venueName,
      street: events.street,
      postalCode: events.postalCode,
      city: events.city,
      country: events.country,
      latitude: events.latitude,
      longitude: events.longitude,
      onlineUrl: events.onlineUrl,
      organiserName: events.organiserName,
      organiserUrl: events.organiserUrl,
      registrationUrl: events.registrationUrl,
      createdAt: events.createdAt,
      updatedAt: events.updatedAt,
      title: text('title'),
      summary: text('summary'),
      statusReason: text('statusReason'),
    })
    .from(events)
    .innerJoin(nl, and(eq(nl.eventId, events.id), eq(nl.lang, 'nl')))
    .leftJoin(tr, and(eq(tr.eventId, events.id), eq(tr.lang, lang)))
    .where(where);
}

/**
 * The first `limit` events `where` selects, in the JSON list's order, each with its sessions as one JSON array.
 * The page is limited first and then wrapped: however a filter makes SQLite plan the page, it never reads the
 * sessions of events that do not make it in.
 */
function calendarQuery(db: Db, lang: Lang, where: SQL | undefined, limit: number) {
  const page = calendarSelect(db, lang, where).orderBy(asc(events.startsAt), asc(events.id)).limit(limit).as('page');
  // In no particular order: sessionsOf puts them in time order. Written with qualified names: drizzle leaves
  // columns unqualified in a one-table select, and an unqualified "id" here would be the session's own.
  const session = (column: string) => sql`${sql.identifier('s')}.${sql.identifier(column)}`;
  const sessions = sql<string>`(select json_group_array(json_array(${session('id')}, ${session('starts_at')}, ${session('ends_at')}, ${session('status')}, ${session('position')}))
    from ${eventSessions} ${sql.identifier('s')} where ${session('event_id')} = ${sql.identifier('page')}.${sql.identifier('id')})`;
  return db
    .select({
      id: page.id,
      slug: page.slug,
      eventStatus: page.eventStatus,
      attendanceMode: page.attendanceMode,
      startsAt: page.startsAt,
      endsAt: page.endsAt,
      venueName: page.venueName,
      street: page.street,
      postalCode: page.postalCode,
      city: page.city,
      country: page.country,
      latitude: page.latitude,
      longitude: page.longitude,
      onlineUrl: page.onlineUrl,
      organiserName: page.organiserName,
      organiserUrl: page.organiserUrl,
      registrationUrl: page.registrationUrl,
      createdAt: page.createdAt,
      updatedAt: page.updatedAt,
      title: page.title,
      summary: page.summary,
      statusReason: page.statusReason,
      sessions,
    })
    .from(page)
    .orderBy(asc(page.startsAt), asc(page.id));
}

/** The first `cap` events the JSON list gives for `filter` (its conditions, its order), ready for entries. */
export function calendarFeedQuery(db: Db, lang: Lang, filter: EventFilter, cap: number) {
  return calendarQuery(db, lang, eventConditions(filter, true), cap);
}

/** The published event `slug`, ready for entries (no row when there is none). */
export function calendarEventQuery(db: Db, lang: Lang, slug: string) {
  return calendarQuery(db, lang, and(eq(events.status, 'published'), eq(events.slug, slug)), 1);
}

export type CalendarRow = Awaited<ReturnType<typeof calendarFeedQuery>>[number];

/** The sessions of a row, in time order (at the same start, in the editor's order). */
export function sessionsOf(row: CalendarRow): CalendarSession[] {
  const raw = JSON.parse(row.sessions) as [id: string, startsAt: number, endsAt: number, status: EventStatus, position: number][];
  raw.sort((a, b) => a[1] - b[1] || a[4] - b[4]);
  return raw.map(([id, startsAt, endsAt, status]) => ({ id, startsAt: new Date(startsAt), endsAt: new Date(endsAt), status }));
}
