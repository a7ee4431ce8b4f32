// The list's `total`, its facets and the moment its first event ends, without walking every upcoming event:
// event_counts (schema/event-counts.ts, kept by triggers) holds per day how many published events end then, per
// facet value and filter scope. Whole days after the day of `from` come from there; the events ending on that
// day itself are counted live through the (status, ends_at) index, a few rows. A filter the table has no scope
// for (words, `to`, several kinds of filter at once …) is counted live over the matching events.
import { and, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Lang } from '../../schema/columns.ts';
import { eventCounts } from '../../schema/event-counts.ts';
import { events, eventTopics } from '../../schema/events.ts';
import { topics, topicTranslations } from '../../schema/topics.ts';
import type { Db } from '../env.ts';
import { matchedRows } from '../lib/full-text.ts';
import { type EventFilter, eventConditions, eventFacetQuery } from './queries.ts';
import type { EventFacet } from './schemas.ts';

const DAY_MS = 86_400_000;

/**
 * The scopes of event_counts that together hold exactly the events of `filter`, as a select of their names
 * (`scope`), or undefined when no scope does. Cities are disjoint (an event has one city), so several add up; topics
 * overlap, so only one.
 */
function countScopes(filter: EventFilter): SQL | undefined {
  const only =
    // event_counts holds published events only: a preview (drafts too) is counted live.
    (filter.workflow === undefined || filter.workflow.every((s) => s === 'published')) &&
    filter.to === undefined &&
    filter.q === undefined &&
    filter.free === undefined &&
    filter.postalCodes.length === 0 &&
    filter.attendanceModes.length === 0 &&
    filter.statuses.length === 0 &&
    filter.organisers.length === 0 &&
    filter.services.length === 0;
  if (!only) return undefined;
  if (filter.cities.length > 0 && filter.topics.length > 0) return undefined;
  if (filter.cities.length > 0) {
    const cities = [...new Set(filter.cities.map((city) => `city:${city.toLowerCase()}`))];
    return sql`select value as scope from json_each(${JSON.stringify(cities)})`;
  }
  if (filter.topics.length > 1) return undefined;
  if (filter.topics.length === 1) {
    return sql`select 'topic:' || ${topics.id} as scope from ${topics} where ${topics.slug} = ${filter.topics[0]}`;
  }
  return sql`select '' as scope`;
}

/** The day of `from` and where it ends: counted live up to there, from event_counts after it. */
function split(filter: EventFilter) {
  const day = Math.floor(filter.from.getTime() / DAY_MS);
  return { day, dayEnd: new Date((day + 1) * DAY_MS) };
}

/** Where a total of events matching words stops counting (`totalIsLowerBound`). */
export const WORDED_TOTAL_CAP = 1000;

/**
 * One row: `total` (null when `count` is false: a later page repeats the first page's total from its cursor) and
 * `firstEnd`, when the first matching event ends (milliseconds), which caps how long the list stays true.
 *
 * With words and `capped`, counting stops after WORDED_TOTAL_CAP + 1 events: a word in half of 100,000 events took
 * 95 ms to count exactly (every match looked up by id), 3.5 ms so. `firstEnd` is then the first end among the events
 * counted, which is as long as "at least WORDED_TOTAL_CAP" stays true; the page's own events bound it too (the
 * handler). A total above the cap is for the handler to report as a lower bound.
 */
export function eventTotalsQuery(db: Db, filter: EventFilter, count: boolean, capped = false) {
  const where = eventConditions(filter);
  const scopes = countScopes(filter);
  let totals: SQL;
  if (count && capped && filter.q !== undefined) {
    const { q, ...rest } = filter;
    // From the matches in the index's order to their events by id; the limit stops the walk.
    totals = sql`select count(*) as total, min(ends_at) as first_end from (
        select distinct ${events.id} as id, ${events.endsAt} as ends_at
          from ${matchedRows(q)}
          cross join ${events} on ${events.id} = search_rows.item_id
         where search_rows.kind = 'event' and ${eventConditions(rest, false, { byId: true })}
         limit ${WORDED_TOTAL_CAP + 1})`;
  } else if (count && !scopes) {
    // No scope fits: counted live, in one walk over the matching events (and the filter's parameters bound once,
    // so a filter at every bound stays under D1's 100).
    totals = sql`select count(*) as total, min(${events.endsAt}) as first_end from ${events} where ${where}`;
  } else {
    const firstEnd = sql`(select ${events.endsAt} from ${events} where ${where} order by ${events.endsAt} limit 1)`;
    let total: SQL = sql`null`;
    if (count && scopes) {
      const { day, dayEnd } = split(filter);
      // value = '' too, so the sum reads event_counts_value_day_idx alone, without visiting the table.
      total = sql`coalesce((select sum(${eventCounts.n}) from ${eventCounts}
                             where ${eventCounts.scope} in (${scopes}) and ${eventCounts.facet} = '' and ${eventCounts.value} = ''
                               and ${eventCounts.day} > ${day}), 0)
                + (select count(*) from ${events} where ${and(where, lt(events.endsAt, dayEnd))})`;
    }
    totals = sql`select ${total} as total, ${firstEnd} as first_end`;
  }
  // A select from a derived table, not db.all(): drizzle's D1 batch cannot bind the parameters of a raw query.
  return db.select({ total: sql<number | null>`total`, firstEnd: sql<number | null>`first_end` }).from(sql`(${totals}) as totals`);
}

export interface FacetCount {
  value: string;
  label: string | null;
  count: number;
}

// A select from a derived table, not db.all(): drizzle's D1 batch cannot bind the parameters of a raw query.
function facetRows(db: Db, query: SQL) {
  return db
    .select({ value: sql<string>`value`, label: sql<string | null>`label`, count: sql<number>`count` })
    .from(sql`(${query}) as facet_counts`)
    .orderBy(sql`count desc`, sql`value`);
}

/**
 * Topics counted over the events matching words: from those events to their topics. Left to itself, SQLite goes
 * from each topic to its events and tests every one against the matches (a second for a word in half of 100,000
 * events); the cross join fixes the order.
 */
function wordedTopicFacet(db: Db, lang: Lang, filter: EventFilter) {
  return facetRows(
    db,
    sql`select ${topics.slug} as value, coalesce(topic_tr.name, topic_nl.name, ${topics.slug}) as label, count(*) as count
          from (select ${events.id} as id from ${events} where ${eventConditions(filter)}) as worded
          cross join ${eventTopics} on ${eventTopics.eventId} = worded.id
          join ${topics} on ${topics.id} = ${eventTopics.topicId} and ${topics.status} = 'published'
          left join ${topicTranslations} topic_nl on topic_nl.topic_id = ${topics.id} and topic_nl.lang = 'nl'
          left join ${topicTranslations} topic_tr on topic_tr.topic_id = ${topics.id} and topic_tr.lang = ${lang}
         group by ${topics.id}`,
  );
}

/** The facet's column in events (topics come through event_topics). */
const FACET_COLUMNS = {
  city: events.city,
  attendanceMode: events.attendanceMode,
  status: events.eventStatus,
  organiser: events.organiserName,
} as const;

/**
 * Counts per value of `facet` under `filter`, most frequent first, from event_counts where a scope fits, else
 * live (eventFacetQuery). Rows are `{ value, count }`, with `label` for topics.
 */
export function eventFacetCountsQuery(db: Db, lang: Lang, filter: EventFilter, facet: EventFacet) {
  const scopes = countScopes(filter);
  if (facet === 'topic' && filter.q !== undefined) return wordedTopicFacet(db, lang, filter);
  if (!scopes) return eventFacetQuery(db, lang, filter, facet);
  const { day, dayEnd } = split(filter);
  const today = and(eventConditions(filter), lt(events.endsAt, dayEnd));
  // Each value the scopes have ever counted (found by skipping from one value to the next in
  // event_counts_value_day_idx), then per value the sum over the days after `from`: every step is a seek in the
  // index, and only days after `from` are read, however much history the table holds.
  const stored = sql`select value, n from (
      with recursive v(scope, value) as (
        select sc.scope, (select min(${eventCounts.value}) from ${eventCounts}
                           where ${eventCounts.scope} = sc.scope and ${eventCounts.facet} = ${facet})
          from (${scopes}) as sc
        union all
        select v.scope, (select min(${eventCounts.value}) from ${eventCounts}
                          where ${eventCounts.scope} = v.scope and ${eventCounts.facet} = ${facet} and ${eventCounts.value} > v.value)
          from v where v.value is not null)
      select v.value as value,
             (select sum(${eventCounts.n}) from ${eventCounts}
               where ${eventCounts.scope} = v.scope and ${eventCounts.facet} = ${facet} and ${eventCounts.value} = v.value
                 and ${eventCounts.day} > ${day}) as n
        from v where v.value is not null)`;
  if (facet === 'topic') {
    const live = sql`select ${eventTopics.topicId} as value, 1 as n
                       from ${events} join ${eventTopics} on ${eventTopics.eventId} = ${events.id} where ${today}`;
    return facetRows(
      db,
      sql`
      select ${topics.slug} as value, coalesce(topic_tr.name, topic_nl.name, ${topics.slug}) as label, c.count as count
        from (select value, sum(n) as count from (${stored} union all ${live}) group by value) c
        join ${topics} on ${topics.id} = c.value and ${topics.status} = 'published'
        left join ${topicTranslations} topic_nl on topic_nl.topic_id = ${topics.id} and topic_nl.lang = 'nl'
        left join ${topicTranslations} topic_tr on topic_tr.topic_id = ${topics.id} and topic_tr.lang = ${lang}
       where c.count > 0
       order by c.count desc, ${topics.slug}`,
    );
  }
  const column = FACET_COLUMNS[facet];
  const live = sql`select ${column} as value, 1 as n from ${events} where ${and(today, isNotNull(column))}`;
  return facetRows(
    db,
    sql`select value, null as label, sum(n) as count from (${stored} union all ${live})
         group by value having count > 0 order by count desc, value`,
  );
}
