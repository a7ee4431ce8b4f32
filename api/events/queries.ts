import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, min, type SQL, sql } from 'drizzle-orm';
import { alias, SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { Lang, WorkflowStatus } from '../../schema/columns.ts';
import {
  ATTENDANCE_MODES,
  type AttendanceMode,
  EVENT_STATUSES,
  type EventStatus,
  eventSessions,
  events,
  eventTopics,
  eventTranslations,
} from '../../schema/events.ts';
import { services, serviceTranslations } from '../../schema/services.ts';
import { topics, topicTranslations } from '../../schema/topics.ts';
import type { Db } from '../env.ts';
import { ApiError } from '../errors.ts';
import { TIME_ZONE, toBrusselsIso } from '../lib/brussels-time.ts';
import { dateSummary } from '../lib/date-summary.ts';
import { ftsQuery, matchesWords } from '../lib/full-text.ts';
import { inIds } from '../lib/id-list.ts';
import { keysetOrder, type SortKey, seekAfter, sortedCursorKey, sortedCursorValue } from '../lib/keyset.ts';
import { LABELS } from '../lib/labels.ts';
import { itemLinks } from '../lib/links.ts';
import { enumValues, listValues, parseDateParam } from '../lib/list-params.ts';
import type { Cursor } from '../lib/pagination.ts';
import { sanitiseHtml } from '../lib/sanitise.ts';
import { columnsOf, fallbackFields, localisedSelect } from '../lib/translations.ts';
import { groupTopicRefs, hasAnyTopic, topicRefsQuery } from '../topics/queries.ts';
import type { EVENT_SORTS, EventBody, EventFacet } from './schemas.ts';

const TEXT_FIELDS = ['title', 'summary', 'description', 'audience', 'accessibility', 'statusReason', 'priceNote'] as const;

const topicTr = alias(topicTranslations, 'topic_tr');
const topicNl = alias(topicTranslations, 'topic_nl');

const EVENT_COLUMNS = columnsOf(events, [
  'id',
  'slug',
  'eventStatus',
  'attendanceMode',
  'startsAt',
  'endsAt',
  'previousStartsAt',
  'venueName',
  'street',
  'postalCode',
  'city',
  'country',
  'latitude',
  'longitude',
  'onlineUrl',
  'organiserName',
  'organiserUrl',
  'isFree',
  'priceCents',
  'registrationUrl',
  'availability',
  'serviceId',
  'createdAt',
  'updatedAt',
]);

const EVENT_SOURCE = { table: events, id: events.id, translations: eventTranslations, owner: 'eventId', fields: TEXT_FIELDS } as const;

function eventRows(db: Db, lang: Lang) {
  return localisedSelect(db, lang, EVENT_SOURCE, EVENT_COLUMNS);
}

/**
 * What eventHydrationQueries reads for an event, as JSON columns of the event's own row: its sessions
 * (`[id, startsAt, endsAt, status]` in start order), its published topics (`[slug, name]` in topic order) and its
 * published service (`[slug, title]`, or null). Correlated subqueries, so SQLite runs them only for the rows the
 * statement returns (a page stops after its last row). Aliases here start with `hy_`: the event's own query
 * already uses `nl` and `tr`.
 */
function hydrationColumns(lang: Lang) {
  return {
    sessionsJson: sql<string>`(select json_group_array(json_array(${eventSessions.id}, ${eventSessions.startsAt}, ${eventSessions.endsAt}, ${eventSessions.status})
                                 order by ${eventSessions.startsAt}, ${eventSessions.position})
                                from ${eventSessions} where ${eventSessions.eventId} = ${events.id})`,
    topicsJson: sql<string>`(select json_group_array(json_array(${topics.slug}, coalesce(hy_ttr.name, hy_tnl.name)) order by ${topics.position}, ${topics.slug})
                              from ${eventTopics}
                              join ${topics} on ${topics.id} = ${eventTopics.topicId} and ${topics.status} = 'published'
                              join ${topicTranslations} hy_tnl on hy_tnl.topic_id = ${topics.id} and hy_tnl.lang = 'nl'
                              left join ${topicTranslations} hy_ttr on hy_ttr.topic_id = ${topics.id} and hy_ttr.lang = ${lang}
                             where ${eventTopics.eventId} = ${events.id})`,
    serviceJson: sql<string | null>`(select json_array(${services.slug}, coalesce(hy_str.title, hy_snl.title))
                                       from ${services}
                                       join ${serviceTranslations} hy_snl on hy_snl.service_id = ${services.id} and hy_snl.lang = 'nl'
                                       left join ${serviceTranslations} hy_str on hy_str.service_id = ${services.id} and hy_str.lang = ${lang}
                                      where ${services.id} = ${events.serviceId} and ${services.status} = 'published')`,
  };
}

/** Event rows with their hydration in the same row (hydrationColumns): a list or an item in one statement. */
function hydratedEventRows(db: Db, lang: Lang) {
  return localisedSelect(db, lang, EVENT_SOURCE, { ...EVENT_COLUMNS, ...hydrationColumns(lang) });
}

type EventRow = Awaited<ReturnType<typeof eventRows>>[number];

export type EventSort = (typeof EVENT_SORTS)[number];

export interface EventFilter {
  /** Workflow states shown: published unless an editor previews (api/lib/auth.ts visibleStatuses). */
  workflow?: readonly WorkflowStatus[] | undefined;
  from: Date;
  to?: Date | undefined;
  topics: string[];
  cities: string[];
  postalCodes: string[];
  attendanceModes: AttendanceMode[];
  statuses: EventStatus[];
  organisers: string[];
  services: string[];
  free?: boolean | undefined;
  q?: string | undefined;
}

/** The filter parameters of GET /v1/events, as the list and the calendar feed both read them. */
export interface EventFilterQuery {
  from?: string | undefined;
  to?: string | undefined;
  topic?: string | string[] | undefined;
  city?: string | string[] | undefined;
  postalCode?: string | string[] | undefined;
  attendanceMode?: string | string[] | undefined;
  status?: string | string[] | undefined;
  organiser?: string | string[] | undefined;
  service?: string | string[] | undefined;
  free?: 'true' | 'false' | undefined;
  q?: string | undefined;
}

/** Reads the filter parameters, one way for every endpoint, so a list and a feed with the same query agree. */
export function eventFilterFrom(query: EventFilterQuery, now: Date): EventFilter {
  const filter: EventFilter = {
    from: parseDateParam(query.from) ?? now,
    to: parseDateParam(query.to, true),
    topics: listValues(query.topic),
    cities: listValues(query.city),
    postalCodes: listValues(query.postalCode),
    attendanceModes: enumValues('attendanceMode', query.attendanceMode, ATTENDANCE_MODES),
    statuses: enumValues('status', query.status, EVENT_STATUSES),
    organisers: listValues(query.organiser),
    services: listValues(query.service),
    free: query.free === undefined ? undefined : query.free === 'true',
    q: query.q,
  };
  if (filter.to && filter.to < filter.from) {
    throw ApiError.invalidParam('to', 'query', '`to` is before `from`: no event can match.');
  }
  return filter;
}

const lowerIn = (column: SQL | typeof events.city, values: string[]) =>
  inArray(
    sql`lower(${column})`,
    values.map((v) => v.toLowerCase()),
  );

/**
 * `status = 'published'`, or for an editor's preview every state in `statuses`. `indexed: false` writes the column
 * `+status`, which keeps SQLite from choosing an index on it (eventConditions, words).
 */
const visible = (statuses: readonly WorkflowStatus[] = ['published'], indexed = true) => {
  const only = statuses.length === 1 && statuses[0] === 'published';
  if (indexed) return only ? eq(events.status, 'published') : inArray(events.status, [...statuses]);
  const status = sql`+${events.status}`;
  return only ? eq(status, 'published') : inArray(status, [...statuses]);
};

/**
 * The WHERE conditions of a filter; shared by the page, the total and the facets so they always agree.
 * `forPage`: for a page in sort order. Its `ends_at` bound is then written `+ends_at`, which no index can serve, so
 * SQLite walks the sort's own index and stops after the page. Without statistics (a fresh D1 has none), the
 * planner would otherwise take the range on (status, ends_at) and sort every upcoming event for each page:
 * seconds at 100,000 events. events_status_starts_idx holds ends_at, so the bound is checked inside the index.
 * `wordsOnlyIf`: the words match nothing unless it holds (matchesWords). `byId`: the events are reached by id (from
 * the matches of words), so no condition may lead SQLite to an index on status or ends_at instead.
 */
export function eventConditions(
  filter: EventFilter,
  forPage = false,
  { wordsOnlyIf, byId = filter.q !== undefined && !forPage }: { wordsOnlyIf?: SQL; byId?: boolean } = {},
): SQL {
  // With words, a total or a facet goes from the events the search index matched (by id) instead of walking every
  // upcoming event to test each: the `+` keeps SQLite off the status and ends_at indexes. A rare word then costs
  // next to nothing, and one in half the events a sixth of the walk (at 100,000 events). A page with words is
  // pageByWords' (a calendar's walks its sort's index, testing each event against the matches).
  const ends = forPage || byId ? sql`+${events.endsAt} >= ${sql.param(filter.from, events.endsAt)}` : gte(events.endsAt, filter.from);
  const conditions: (SQL | undefined)[] = [visible(filter.workflow, !byId), ends];
  if (filter.to) conditions.push(lte(events.startsAt, filter.to));
  conditions.push(hasAnyTopic(eventTopics, eventTopics.eventId, events.id, filter.topics));
  if (filter.cities.length > 0) conditions.push(lowerIn(events.city, filter.cities));
  if (filter.postalCodes.length > 0) conditions.push(inArray(events.postalCode, filter.postalCodes));
  if (filter.attendanceModes.length > 0) conditions.push(inArray(events.attendanceMode, filter.attendanceModes));
  if (filter.statuses.length > 0) conditions.push(inArray(events.eventStatus, filter.statuses));
  if (filter.organisers.length > 0) conditions.push(lowerIn(sql`${events.organiserName}`, filter.organisers));
  if (filter.services.length > 0) {
    conditions.push(
      inArray(events.serviceId, sql`(select ${services.id} from ${services} where ${inArray(services.slug, filter.services)})`),
    );
  }
  if (filter.free !== undefined) conditions.push(eq(events.isFree, filter.free));
  if (filter.q !== undefined) conditions.push(matchesWords(events.id, 'event', filter.q, wordsOnlyIf));
  return and(...conditions) ?? sql`1`;
}

const SORT_KEYS: Record<EventSort, SortKey> = {
  startsAt: { column: events.startsAt, direction: 'asc' },
  '-startsAt': { column: events.startsAt, direction: 'desc' },
  '-updatedAt': { column: events.updatedAt, direction: 'desc' },
};

/** Cursors carry their sort, so one issued for one order is never misread in another. */
export function eventCursor(sort: EventSort) {
  return (row: EventRow): Cursor => ({
    key: sortedCursorKey(sort, (sort === '-updatedAt' ? row.updatedAt : row.startsAt).getTime()),
    id: row.id,
  });
}

/** How many events in sort order a page filtered by words looks through for its matches (pageByWords). */
export const WORDED_PAGE_WINDOW = 500;
// D1 binds at most 100 values a statement. A worded page binds its filter twice (pageByWords); around it, a page's
// statement binds a few of its own (5 for the hydrated page).
const D1_MAX_PARAMS = 100;
const PAGE_OWN_PARAMS = 10;
const paramsDialect = new SQLiteAsyncDialect({ casing: 'snake_case' });

/**
 * WHERE and ORDER BY of a page in sort order (the first `rows` from `cursor` on). Without words: the filter's
 * conditions, walking the sort's own index (eventConditions, forPage). With words: see pageByWords.
 */
function pageSelection(filter: EventFilter, sort: EventSort, cursor: Cursor | undefined, rows: number): { where: SQL; order: SQL[] } {
  const key = SORT_KEYS[sort];
  const seek = cursor ? seekAfter(key, events.id, new Date(sortedCursorValue(cursor, sort)), cursor.id) : undefined;
  const walked = { where: and(eventConditions(filter, true), seek) ?? sql`1`, order: keysetOrder(key, events.id) };
  if (filter.q === undefined) return walked;
  const { q, ...rest } = filter;
  const plain = and(eventConditions(rest, true), seek) ?? sql`1`;
  const nearIsPage = sql`(select count(*) from near) >= ${rows}`;
  const fromMatches = and(eventConditions(filter, false, { wordsOnlyIf: sql`not ${nearIsPage}` }), seek) ?? sql`1`;
  const worded = pageByWords(key, q, plain, nearIsPage, fromMatches, rows);
  // A filter near every bound: the walk, which binds it once.
  return paramsDialect.sqlToQuery(worded.where).params.length + PAGE_OWN_PARAMS > D1_MAX_PARAMS ? walked : worded;
}

/**
 * A page filtered by words. Walking the sort's index and testing each event against every match, as a page without
 * words walks it, first gathers every match: 70 ms for a word in half of 100,000 events. Instead:
 *
 * - near: the first WORDED_PAGE_WINDOW events of the page in sort order, without the words, and those whose indexed
 *   texts (search_rows, by item) are among the index's matches (their rowids only: 4 ms for that word). When the
 *   page's `rows` are among them, they are the page: 48 → 13 ms for that word (node:sqlite, the hydrated page).
 * - Otherwise the words are rare among the next events: the page is read from the matches, by id, and sorted. A word
 *   in few events costs a little more than the walk did (6 → 12 ms for one in 680 texts), one in none less.
 *
 * The `+` keeps SQLite from using the IN list of rowids to search search_rows, which it would do once per rowid
 * (seconds), and the outer order from an index walk: the page is then at most `rows` events, sorted.
 */
function pageByWords(key: SortKey, q: string, plain: SQL, nearIsPage: SQL, fromMatches: SQL, rows: number): { where: SQL; order: SQL[] } {
  const direction = sql.raw(key.direction);
  const near = sql`select distinct w.id, w.k
      from (select ${events.id} as id, ${key.column} as k from ${events} where ${plain}
             order by ${sql.join(keysetOrder(key, events.id), sql`, `)} limit ${WORDED_PAGE_WINDOW}) as w
      cross join search_rows on search_rows.kind = 'event' and search_rows.item_id = w.id
     where +search_rows.doc in (select rowid from search_index where search_index match ${ftsQuery(q)})
     order by w.k ${direction}, w.id ${direction} limit ${rows}`;
  // The second branch asks the index only when near is not the page (eventConditions' wordsOnlyIf).
  const matched = sql`select ${events.id} as id from ${events} where ${fromMatches}
     order by +${key.column} ${direction}, +${events.id} ${direction} limit ${rows}`;
  const ids = sql`(with near(id, k) as materialized (${near})
      select id from near where ${nearIsPage}
      union all
      select id from (${matched}))`;
  return {
    where: inArray(events.id, ids),
    order: [sql`+${key.column} ${direction}`, sql`+${events.id} ${direction}`],
  };
}

export function eventListQuery(db: Db, lang: Lang, filter: EventFilter, sort: EventSort, limit: number, cursor: Cursor | undefined) {
  const { where, order } = pageSelection(filter, sort, cursor, limit + 1);
  return eventRows(db, lang)
    .where(where)
    .orderBy(...order)
    .limit(limit + 1);
}

/**
 * The page of eventListQuery with each event's sessions, topics and service in the same statement
 * (hydrationColumns): with the total and the facets, a list is one round trip of two or three statements instead
 * of five or more, and the page's query runs once instead of once per hydrating statement. Split with
 * {@link splitHydrated} for assembleEvents.
 */
export function eventPageQuery(db: Db, lang: Lang, filter: EventFilter, sort: EventSort, limit: number, cursor: Cursor | undefined) {
  const { where, order } = pageSelection(filter, sort, cursor, limit + 1);
  return hydratedEventRows(db, lang)
    .where(where)
    .orderBy(...order)
    .limit(limit + 1);
}

/** The published event `slug` (or one in `statuses`, for a preview) with its hydration: one statement. */
export function eventItemQuery(db: Db, lang: Lang, slug: string, statuses?: readonly WorkflowStatus[]) {
  return hydratedEventRows(db, lang)
    .where(and(visible(statuses), eq(events.slug, slug)))
    .limit(1);
}

type HydratedRow = Awaited<ReturnType<typeof eventItemQuery>>[number];

/** Rows of eventPageQuery or eventItemQuery as assembleEvents takes them: the rows, and what hydration would have read. */
export function splitHydrated(hydrated: HydratedRow[]): { rows: EventRow[]; hydration: Hydration } {
  const sessions: SessionRow[] = [];
  const topicRefs: TopicRef[] = [];
  const serviceRefs: ServiceRef[] = [];
  const rows = hydrated.map(({ sessionsJson, topicsJson, serviceJson, ...row }) => {
    for (const [id, startsAt, endsAt, status] of JSON.parse(sessionsJson) as [string, number, number, EventStatus][]) {
      sessions.push({ id, eventId: row.id, startsAt: new Date(startsAt), endsAt: new Date(endsAt), status });
    }
    for (const [slug, name] of JSON.parse(topicsJson) as [string, string | null][]) topicRefs.push({ ownerId: row.id, slug, name });
    if (serviceJson !== null && row.serviceId !== null) {
      const [slug, title] = JSON.parse(serviceJson) as [string, string | null];
      serviceRefs.push({ id: row.serviceId, slug, title });
    }
    return row;
  });
  return { rows, hydration: [sessions, topicRefs, serviceRefs] };
}

/** The ids of the page eventListQuery reads (and the one extra row), for hydrating it in the same batch. */
export function eventPageIdsQuery(db: Db, filter: EventFilter, sort: EventSort, limit: number, cursor: Cursor | undefined) {
  const { where, order } = pageSelection(filter, sort, cursor, limit + 1);
  return db
    .select({ id: events.id })
    .from(events)
    .where(where)
    .orderBy(...order)
    .limit(limit + 1);
}

export function eventCountQuery(db: Db, filter: EventFilter) {
  return db
    .select({ total: count(), firstEnd: min(events.endsAt) })
    .from(events)
    .where(eventConditions(filter));
}

export function eventBySlugQuery(db: Db, lang: Lang, slug: string, statuses?: readonly WorkflowStatus[]) {
  return eventRows(db, lang)
    .where(and(visible(statuses), eq(events.slug, slug)))
    .limit(1);
}

export function eventFacetQuery(db: Db, lang: Lang, filter: EventFilter, facet: EventFacet) {
  const where = eventConditions(filter);
  const n = count().as('n');
  switch (facet) {
    case 'topic':
      return db
        .select({ value: topics.slug, label: sql<string>`coalesce(${topicTr.name}, ${topicNl.name}, ${topics.slug})`, count: n })
        .from(events)
        .innerJoin(eventTopics, eq(eventTopics.eventId, events.id))
        .innerJoin(topics, and(eq(topics.id, eventTopics.topicId), eq(topics.status, 'published')))
        .leftJoin(topicNl, and(eq(topicNl.topicId, topics.id), eq(topicNl.lang, 'nl')))
        .leftJoin(topicTr, and(eq(topicTr.topicId, topics.id), eq(topicTr.lang, lang)))
        .where(where)
        .groupBy(topics.id)
        .orderBy(desc(n), asc(topics.slug));
    case 'city':
      return db
        .select({ value: sql<string>`${events.city}`, count: n })
        .from(events)
        .where(and(where, isNotNull(events.city)))
        .groupBy(events.city)
        .orderBy(desc(n), asc(events.city));
    case 'organiser':
      return db
        .select({ value: events.organiserName, count: n })
        .from(events)
        .where(where)
        .groupBy(events.organiserName)
        .orderBy(desc(n), asc(events.organiserName));
    case 'attendanceMode':
      return db
        .select({ value: events.attendanceMode, count: n })
        .from(events)
        .where(where)
        .groupBy(events.attendanceMode)
        .orderBy(desc(n), asc(events.attendanceMode));
    case 'status':
      return db
        .select({ value: events.eventStatus, count: n })
        .from(events)
        .where(where)
        .groupBy(events.eventStatus)
        .orderBy(desc(n), asc(events.eventStatus));
  }
}

/** Display name of a facet value: topics are named by the query, enums here, the rest are their own name. */
export function facetLabel(facet: EventFacet, row: { value: string; label?: string }, lang: Lang): string {
  if (facet === 'attendanceMode' || facet === 'status') return LABELS[lang][row.value as AttendanceMode | EventStatus] ?? row.value;
  return row.label ?? row.value;
}

/** A stored session, with the id the public body leaves out (calendars build stable UIDs from it). */
export interface SessionRow {
  id: string;
  eventId: string;
  startsAt: Date;
  endsAt: Date;
  status: EventStatus;
}

/**
 * The sessions, topics and services of the events `ids` selects: a list of ids, or the page's own query as a
 * subquery, so a list or an item and its hydration go to D1 in one batch (one round trip).
 */
export function eventHydrationQueries(db: Db, ids: readonly string[] | SQL, lang: Lang) {
  return [
    db
      .select({
        id: eventSessions.id,
        eventId: eventSessions.eventId,
        startsAt: eventSessions.startsAt,
        endsAt: eventSessions.endsAt,
        status: eventSessions.status,
      })
      .from(eventSessions)
      .where(inIds(eventSessions.eventId, ids))
      .orderBy(asc(eventSessions.eventId), asc(eventSessions.startsAt)),
    topicRefsQuery(db, eventTopics, eventTopics.eventId, ids, lang),
    localisedSelect(
      db,
      lang,
      {
        table: services,
        id: services.id,
        translations: serviceTranslations,
        owner: 'serviceId',
        fields: ['title'] as const,
        prefix: 'service_',
      },
      { id: services.id, slug: services.slug },
    ).where(
      and(
        inArray(services.id, db.select({ id: events.serviceId }).from(events).where(inIds(events.id, ids))),
        eq(services.status, 'published'),
      ),
    ),
  ] as const;
}

interface TopicRef {
  ownerId: unknown;
  slug: string;
  name: string | null;
}
interface ServiceRef {
  id: string;
  slug: string;
  title: string | null;
}
/** What D1 returns for eventHydrationQueries, in order (or splitHydrated makes of the hydrated rows). */
export type Hydration = readonly [SessionRow[], TopicRef[], ServiceRef[]];

/** Event bodies from the page's rows and what eventHydrationQueries returned for them. */
export function assembleEvents(
  rows: EventRow[],
  [sessions, topicRows, serviceRows]: Hydration,
  lang: Lang,
  origin: string,
  now: Date,
): { event: EventBody; sessions: SessionRow[] }[] {
  const topicsByEvent = groupTopicRefs(topicRows);
  const servicesById = new Map(serviceRows.map((s) => [s.id, { slug: s.slug, title: s.title ?? s.slug }]));
  const sessionsByEvent = new Map<string, SessionRow[]>();
  for (const session of sessions) {
    const own = sessionsByEvent.get(session.eventId);
    if (own) own.push(session);
    else sessionsByEvent.set(session.eventId, [session]);
  }

  return rows.map((row) => {
    const own = sessionsByEvent.get(row.id) ?? [];
    const event: EventBody = {
      id: row.id,
      slug: row.slug,
      url: `${origin}/v1/events/${row.slug}`,
      links: itemLinks(origin, lang, 'events', row.slug),
      title: row.title ?? row.slug,
      summary: row.summary,
      // Stored sanitised on write; sanitised again on the way out, so no row written before (or around) the write
      // path reaches a page as live HTML.
      description: row.description === null ? null : sanitiseHtml(row.description),
      status: row.eventStatus,
      statusReason: row.statusReason,
      attendanceMode: row.attendanceMode,
      dateSummary: dateSummary({ status: row.eventStatus, sessions: own }, lang, now),
      startsAt: toBrusselsIso(row.startsAt),
      endsAt: toBrusselsIso(row.endsAt),
      previousStartsAt: row.previousStartsAt ? toBrusselsIso(row.previousStartsAt) : null,
      timeZone: TIME_ZONE,
      sessions: own.map((s) => ({ startsAt: toBrusselsIso(s.startsAt), endsAt: toBrusselsIso(s.endsAt), status: s.status })),
      venue:
        row.venueName || row.street || row.city
          ? {
              name: row.venueName,
              street: row.street,
              postalCode: row.postalCode,
              city: row.city,
              country: row.country,
              latitude: row.latitude,
              longitude: row.longitude,
            }
          : null,
      onlineUrl: row.onlineUrl,
      organiser: { name: row.organiserName, url: row.organiserUrl },
      price: { free: row.isFree, amountCents: row.priceCents, currency: 'EUR' as const, note: row.priceNote },
      registration: { url: row.registrationUrl, availability: row.availability },
      audience: row.audience,
      accessibility: row.accessibility,
      topics: topicsByEvent.get(row.id) ?? [],
      service: row.serviceId ? (servicesById.get(row.serviceId) ?? null) : null,
      createdAt: toBrusselsIso(row.createdAt),
      updatedAt: toBrusselsIso(row.updatedAt),
      meta: { lang, fallback: fallbackFields(row, TEXT_FIELDS) },
    };
    return { event, sessions: own };
  });
}
