// Every list, total, facet and search query of the API, planned and run by SQLite on a database of 100,000 events
// (tests/tooling/large-database.ts): no step may read a whole table (SCAN), and the totals and facets summed from
// event_counts must equal what walking the events gives. tests/api/query-plans.test.ts checks the same shapes
// inside workerd on the seeded data; this one at the benchmark's scale, in Node, where such a database takes
// seconds to build.
import { drizzle } from 'drizzle-orm/d1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisListQuery } from '../../api/analyses/queries.ts';
import type { Db } from '../../api/env.ts';
import { eventFacetCountsQuery, eventTotalsQuery, WORDED_TOTAL_CAP } from '../../api/events/counts.ts';
import {
  assembleEvents,
  type EventFilter,
  eventCountQuery,
  eventFacetQuery,
  eventHydrationQueries,
  eventItemQuery,
  eventListQuery,
  eventPageIdsQuery,
  eventPageQuery,
  splitHydrated,
} from '../../api/events/queries.ts';
import { EVENT_FACETS } from '../../api/events/schemas.ts';
import { SEARCH_CANDIDATES, searchQuery } from '../../api/search/queries.ts';
import { serviceListQuery } from '../../api/services/queries.ts';
import { COMMON_WORD, type LargeDatabase, largeDatabase } from './large-database.ts';

let big: LargeDatabase;
let db: Db;

beforeAll(async () => {
  big = await largeDatabase();
  db = drizzle(big.file.asD1(), { casing: 'snake_case' }) as Db;
}, 600_000);
afterAll(() => big?.close());

interface Query {
  toSQL?: () => { sql: string; params: unknown[] };
  getQuery?: () => { sql: string; params: unknown[] };
}
const sqlOf = (query: Query) => (query.toSQL ?? query.getQuery)?.call(query) ?? { sql: '', params: [] };

/**
 * The plan of a query; fails on any step that reads a whole table that grows with the content instead of searching
 * an index (services and topics are a few dozen rows, which SQLite rightly reads whole).
 */
async function expectIndexed(query: Query): Promise<string[]> {
  const { sql, params } = sqlOf(query);
  const plan = await big.file
    .asD1()
    .prepare(`explain query plan ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  const details = plan.results.map((row) => row.detail);
  const scans = details.filter((detail) =>
    /^SCAN (events|analyses|event_counts|event_topics|event_sessions|analysis_topics)\b/.test(detail),
  );
  expect(scans, `${sql}\n${details.join('\n')}`).toEqual([]);
  return details;
}

const base = (): EventFilter => ({
  from: big.now,
  topics: [],
  cities: [],
  postalCodes: [],
  attendanceModes: [],
  statuses: [],
  organisers: [],
  services: [],
});
const topicSlug = async () =>
  (await big.file.asD1().prepare('select slug from topics order by position limit 1').first<{ slug: string }>())?.slug ?? '';

const filters = async (): Promise<[string, EventFilter][]> => [
  ['no filter', base()],
  ['from a month ago', { ...base(), from: new Date(big.now.getTime() - 30 * 86_400_000) }],
  ['from and to', { ...base(), to: new Date(big.now.getTime() + 30 * 86_400_000) }],
  ['one topic', { ...base(), topics: [await topicSlug()] }],
  ['two topics', { ...base(), topics: [await topicSlug(), 'vrijwilligerswerk'] }],
  ['cities', { ...base(), cities: ['Gent', 'leuven'] }],
  ['postal code', { ...base(), postalCodes: ['2000'] }],
  ['attendance mode and status', { ...base(), attendanceModes: ['online'], statuses: ['scheduled'] }],
  ['organiser, service, free', { ...base(), organisers: ['Organisatie 3'], services: ['x'], free: true }],
  ['words', { ...base(), q: COMMON_WORD }],
];

describe('at 100,000 events every read query searches an index', () => {
  it('events: page, page ids, hydration, totals and every facet, under every filter and sort', async () => {
    for (const [name, filter] of await filters()) {
      for (const sort of ['startsAt', '-startsAt', '-updatedAt'] as const) {
        const cursor = { key: `${sort}|${big.now.getTime() + 86_400_000}`, id: 'big-050000' };
        for (const at of [undefined, cursor]) {
          // A page walks its sort's index and stops after the page, never sorting every upcoming event (a window
          // `to` bounds may be sorted by when it was updated: the window is what is sorted). With words, the page's
          // few events are sorted once found (lists filtered by words, below).
          const sorted =
            (sort === '-updatedAt' && filter.to !== undefined) || filter.q !== undefined ? [] : ['USE TEMP B-TREE FOR ORDER BY'];
          const list = await expectIndexed(eventListQuery(db, 'fr', filter, sort, 20, at));
          for (const step of sorted) expect(list, `${name}, ${sort}`).not.toContain(step);
          // The page with its hydration in one statement (what GET /v1/events runs).
          const hydrated = await expectIndexed(eventPageQuery(db, 'fr', filter, sort, 20, at));
          for (const step of sorted) expect(hydrated, `${name}, ${sort}`).not.toContain(step);
          const ids = eventPageIdsQuery(db, filter, sort, 20, at);
          const idPlan = await expectIndexed(ids);
          for (const step of sorted) expect(idPlan, `${name}, ${sort}`).not.toContain(step);
          for (const query of eventHydrationQueries(db, ids.getSQL(), 'fr')) await expectIndexed(query);
        }
      }
      for (const count of [true, false]) await expectIndexed(eventTotalsQuery(db, filter, count));
      await expectIndexed(eventItemQuery(db, 'fr', 'big-event-050000'));
      for (const facet of EVENT_FACETS) await expectIndexed(eventFacetCountsQuery(db, 'en', filter, facet));
      expect(name).toBeTruthy();
    }
  }, 300_000);

  it('analyses and services lists', async () => {
    for (const sort of ['-publishedAt', 'publishedAt'] as const) {
      await expectIndexed(analysisListQuery(db, 'en', { topics: [], authors: [] }, sort, 20, undefined));
      await expectIndexed(
        analysisListQuery(db, 'fr', { topics: ['participatie'], authors: ['Socius'], year: 2026, q: 'middenveld' }, sort, 20, {
          key: `${sort}|${big.now.getTime()}`,
          id: 'x',
        }),
      );
    }
    await expectIndexed(serviceListQuery(db, 'nl', { topics: [], formats: [] }, 20, undefined));
  });

  it('search, for a word most items contain and for a rare one', async () => {
    for (const q of [COMMON_WORD, 'woord2999', `${COMMON_WORD} woord1`]) {
      for (const kinds of [[], ['event'], ['analysis', 'service']] as const)
        await expectIndexed(searchQuery(db, 'fr', q, [...kinds], 21, 0));
    }
  });
});

describe('totals and facets from event_counts agree with the events at 100,000 events', () => {
  it.each([
    ['no filter', () => base()],
    ['from a month ago', () => ({ ...base(), from: new Date(big.now.getTime() - 30 * 86_400_000) })],
    ['from next week, mid-day', () => ({ ...base(), from: new Date(big.now.getTime() + 7.5 * 86_400_000) })],
    ['cities', () => ({ ...base(), cities: ['Gent', 'leuven'] })],
  ] as const)(
    '%s',
    async (_, make) => {
      const filter: EventFilter = make();
      const [counted] = await eventTotalsQuery(db, filter, true);
      const [walked] = await eventCountQuery(db, filter);
      expect(counted?.total).toBe(walked?.total);
      expect(counted?.total).toBeGreaterThan(1000);
      for (const facet of EVENT_FACETS) {
        const fromCounts = (await eventFacetCountsQuery(db, 'en', filter, facet)).map((row) => [row.value, Number(row.count)]);
        const fromEvents = (await eventFacetQuery(db, 'en', filter, facet)).map((row) => [row.value, Number(row.count)]);
        expect(fromCounts, facet).toEqual(fromEvents);
      }
    },
    120_000,
  );

  it('a page read with its hydration in one statement is the page its separate hydration queries give', async () => {
    for (const [name, filter] of await filters()) {
      const ids = eventPageIdsQuery(db, filter, 'startsAt', 30, undefined).getSQL();
      const [rows, ...hydration] = await db.batch([
        eventListQuery(db, 'fr', filter, 'startsAt', 30, undefined),
        ...eventHydrationQueries(db, ids, 'fr'),
      ]);
      const separate = assembleEvents(rows, hydration, 'fr', 'https://x', big.now);
      const one = splitHydrated(await eventPageQuery(db, 'fr', filter, 'startsAt', 30, undefined));
      expect(assembleEvents(one.rows, one.hydration, 'fr', 'https://x', big.now), name).toEqual(separate);
    }
  }, 120_000);

  it('one topic', async () => {
    const filter = { ...base(), topics: [await topicSlug()] };
    const [counted] = await eventTotalsQuery(db, filter, true);
    const [walked] = await eventCountQuery(db, filter);
    expect(counted?.total).toBe(walked?.total);
    for (const facet of EVENT_FACETS) {
      const fromCounts = (await eventFacetCountsQuery(db, 'en', filter, facet)).map((row) => [row.value, Number(row.count)]);
      const fromEvents = (await eventFacetQuery(db, 'en', filter, facet)).map((row) => [row.value, Number(row.count)]);
      expect(fromCounts, facet).toEqual(fromEvents);
    }
  }, 120_000);
});

describe('lists filtered by words at 100,000 events', () => {
  it('count and facet the events the index matched, instead of testing every upcoming event against the matches', async () => {
    for (const q of [COMMON_WORD, 'woord2900']) {
      const filter = { ...base(), q };
      for (const [name, query] of [
        ['total', eventTotalsQuery(db, filter, true)],
        ...EVENT_FACETS.map((facet) => [facet, eventFacetCountsQuery(db, 'en', filter, facet)] as const),
      ] as const) {
        const plan = await expectIndexed(query);
        const byId = plan.findIndex((step) => step.startsWith('SEARCH events USING INDEX sqlite_autoindex_events_1 (id=?)'));
        // Reached by id from the matches, before any other table: not walked through an index on status.
        expect(byId, `${q}, ${name}:\n${plan.join('\n')}`).toBeGreaterThanOrEqual(0);
        expect(plan.filter((step) => /^SEARCH (events|event_topics|topics) /.test(step))[0], `${q}, ${name}`).toBe(plan[byId]);
        expect(
          plan.some((step) => /^SEARCH events USING (COVERING )?INDEX events_status/.test(step)),
          `${q}, ${name}`,
        ).toBe(false);
      }
      // The same numbers as the plain statement over search_index gives.
      const [counted] = await eventTotalsQuery(db, filter, true);
      const direct = await big.file
        .asD1()
        .prepare(
          `select count(*) as n from events where status = 'published' and ends_at >= ?
              and id in (select item_id from search_index where search_index match ? and kind = 'event')`,
        )
        .bind(big.now.getTime(), `"${q}"*`)
        .first<{ n: number }>();
      expect(counted?.total, q).toBe(direct?.n);
      for (const facet of EVENT_FACETS) {
        const counts = (await eventFacetCountsQuery(db, 'en', filter, facet)).map((row) => [row.value, Number(row.count)]);
        const walked = (await eventFacetQuery(db, 'en', filter, facet)).map((row) => [row.value, Number(row.count)]);
        expect(counts, `${q}, ${facet}`).toEqual(walked);
      }
    }
    const [common] = await eventTotalsQuery(db, { ...base(), q: COMMON_WORD }, true);
    expect(common?.total).toBeGreaterThan(10_000);
  }, 120_000);

  it('count up to the cap from the matches by id, exactly below it', async () => {
    for (const q of [COMMON_WORD, 'woord2900']) {
      const capped = eventTotalsQuery(db, { ...base(), q }, true, true);
      const plan = await expectIndexed(capped);
      expect(plan, plan.join('\n')).toContain('SEARCH events USING INDEX sqlite_autoindex_events_1 (id=?)');
      const [exact] = await eventTotalsQuery(db, { ...base(), q }, true);
      const [counted] = await capped;
      expect(counted?.total, q).toBe(Math.min(Number(exact?.total), WORDED_TOTAL_CAP + 1));
    }
  });
});

describe('pages filtered by words at 100,000 events', () => {
  // The page as a plain statement gives it: every upcoming published event whose text holds the word, in order.
  const reference = async (q: string, sort: 'startsAt' | '-updatedAt', after?: { key: number; id: string }) => {
    const [column, direction] = sort === 'startsAt' ? ['starts_at', 'asc'] : ['updated_at', 'desc'];
    const seek = after ? `and (${column}, id) ${direction === 'asc' ? '>' : '<'} (${after.key}, '${after.id}')` : '';
    const rows = await big.file
      .asD1()
      .prepare(
        `select id from events where status = 'published' and ends_at >= ? ${seek}
            and id in (select item_id from search_index where search_index match ? and kind = 'event')
          order by ${column} ${direction}, id ${direction} limit 21`,
      )
      .bind(big.now.getTime(), `"${q}"*`)
      .all<{ id: string }>();
    return rows.results.map((row) => row.id);
  };

  it('are the pages a plain statement gives, for a word most events hold and for a rare one, in every order', async () => {
    for (const q of [COMMON_WORD, 'woord2900']) {
      for (const sort of ['startsAt', '-updatedAt'] as const) {
        const first = await eventPageQuery(db, 'nl', { ...base(), q }, sort, 20, undefined);
        expect(
          first.map((row) => row.id),
          `${q}, ${sort}`,
        ).toEqual(await reference(q, sort));
        const last = first.at(-2);
        if (!last) continue;
        const key = (sort === 'startsAt' ? last.startsAt : last.updatedAt).getTime();
        const next = await eventPageQuery(db, 'nl', { ...base(), q }, sort, 20, { key: `${sort}|${key}`, id: last.id });
        expect(
          next.map((row) => row.id),
          `${q}, ${sort}, second page`,
        ).toEqual(await reference(q, sort, { key, id: last.id }));
      }
    }
    expect((await reference(COMMON_WORD, 'startsAt')).length).toBe(21);
  }, 120_000);

  it('test the first events in order against the matches, never look up each match in search_rows', async () => {
    const plan = await expectIndexed(eventPageQuery(db, 'nl', { ...base(), q: COMMON_WORD }, 'startsAt', 20, undefined));
    // The window: the sort's own index, and each event's texts by item.
    expect(plan, plan.join('\n')).toContain('SEARCH events USING COVERING INDEX events_status_starts_idx (status=?)');
    expect(plan).toContain('SEARCH search_rows USING COVERING INDEX search_rows_item (kind=? AND item_id=?)');
    // Without the `+` on search_rows.doc, SQLite searches search_rows once per matching rowid for every event.
    expect(plan.filter((step) => step.includes('search_rows_item (kind=? AND item_id=? AND rowid=?)'))).toEqual([]);
  });
});

describe('search at 100,000 events', () => {
  // FTS5's plan number (fts5_main.c): 0x20 orders by rank (bm25() of every match, sorted), 0x40 by rowid, 0x80
  // descending. Ranking every match of a word most items contain took hundreds of milliseconds.
  // woord2900: in about 30 Dutch texts (large-database.ts draws word ranks Zipf-like), fewer than the candidates.
  it('streams the newest matches instead of ranking every one, and counts exactly unless it says otherwise', async () => {
    for (const q of [COMMON_WORD, 'woord2900']) {
      const plan = await expectIndexed(searchQuery(db, 'nl', q, [], 21, 0));
      const fts = plan.map((step) => /^SCAN search_index VIRTUAL TABLE INDEX (\d+):/.exec(step)).find((found) => found);
      expect(Number(fts?.[1]) & 0xe0, plan.join('\n')).toBe(0xc0);
    }
    const [common] = await searchQuery(db, 'nl', COMMON_WORD, [], 21, 0);
    expect(common?.more).toBe(1);
    expect(common?.total).toBeLessThanOrEqual(SEARCH_CANDIDATES);
    const rare = await searchQuery(db, 'nl', 'woord2900', [], 100, 0);
    const walked = await big.file
      .asD1()
      .prepare(
        `select count(distinct s.kind || s.item_id) as n from search_index s
           left join events e on s.kind = 'event' and e.id = s.item_id left join analyses a on s.kind = 'analysis' and a.id = s.item_id
          where search_index match '"woord2900"*' and s.lang = 'nl' and coalesce(e.status, a.status) = 'published'`,
      )
      .first<{ n: number }>();
    expect(walked?.n).toBeGreaterThan(0);
    expect(rare[0]?.more).toBe(0);
    expect(rare[0]?.total).toBe(walked?.n);
    expect(rare.length).toBe(Math.min(100, walked?.n ?? 0));
  });
});
