import { env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { analysisListQuery } from '../../api/analyses/queries.ts';
import { type EventFilter, eventCountQuery, eventFacetQuery, eventListQuery } from '../../api/events/queries.ts';
import { EVENT_FACETS } from '../../api/events/schemas.ts';

const db = drizzle(env.DB, { casing: 'snake_case' });

/** Fails on any step that reads events or analyses without an index (SQLite says SCAN instead of SEARCH). */
async function expectIndexed(query: { toSQL: () => { sql: string; params: unknown[] } }) {
  const { sql, params } = query.toSQL();
  const plan = await env.DB.prepare(`explain query plan ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  const details = plan.results.map((row) => row.detail);
  const scans = details.filter((detail) => /^SCAN (events|analyses)\b/.test(detail));
  expect(scans, `${sql}\n${details.join('\n')}`).toEqual([]);
  return details;
}

const base: EventFilter = {
  from: new Date(),
  topics: [],
  cities: [],
  postalCodes: [],
  attendanceModes: [],
  statuses: [],
  organisers: [],
  services: [],
};

const filters: [string, EventFilter][] = [
  ['no filter', base],
  ['from and to', { ...base, to: new Date(Date.now() + 30 * 86_400_000) }],
  ['topic', { ...base, topics: ['vrijwilligerswerk', 'diversiteit'] }],
  ['city', { ...base, cities: ['Gent'] }],
  ['postal code', { ...base, postalCodes: ['9000'] }],
  ['attendance mode and status', { ...base, attendanceModes: ['online'], statuses: ['scheduled'] }],
  ['organiser, service, free', { ...base, organisers: ['Socius'], services: ['x'], free: true }],
  ['words', { ...base, q: 'vrijwilligers' }],
];

describe('every list query uses an index', () => {
  it.each(filters)('events list, count and facets with %s', async (_, filter) => {
    for (const sort of ['startsAt', '-startsAt', '-updatedAt'] as const) {
      await expectIndexed(eventListQuery(db, 'fr', filter, sort, 20, undefined));
    }
    await expectIndexed(eventListQuery(db, 'nl', filter, 'startsAt', 20, { key: `startsAt|${Date.now()}`, id: 'x' }));
    await expectIndexed(eventCountQuery(db, filter));
    for (const facet of EVENT_FACETS) await expectIndexed(eventFacetQuery(db, 'en', filter, facet));
  });

  it('analyses list with every filter and sort', async () => {
    for (const sort of ['-publishedAt', 'publishedAt'] as const) {
      await expectIndexed(analysisListQuery(db, 'en', { topics: [], authors: [] }, sort, 20, undefined));
      await expectIndexed(
        analysisListQuery(db, 'fr', { topics: ['participatie'], authors: ['Socius'], year: 2026, q: 'middenveld' }, sort, 20, {
          key: `${sort}|${Date.now()}`,
          id: 'x',
        }),
      );
    }
  });
});

describe('a next page starts inside the index', () => {
  // The cursor's (sort key, id) must be a range on the sort index, not a filter over every row before it:
  // otherwise page 50 reads the 49 pages before it too.
  const seeks = (details: string[], table: string) =>
    details.some((detail) => new RegExp(`^SEARCH ${table} USING INDEX \\w+ \\(.*\\(\\w+,id\\)[<>]\\(\\?,\\?\\)\\)$`).test(detail));

  it.each(['startsAt', '-startsAt', '-updatedAt'] as const)('events sorted by %s', async (sort) => {
    const details = await expectIndexed(eventListQuery(db, 'en', base, sort, 20, { key: `${sort}|${Date.now()}`, id: 'x' }));
    expect(seeks(details, 'events'), details.join('\n')).toBe(true);
  });

  it.each(['-publishedAt', 'publishedAt'] as const)('analyses sorted by %s', async (sort) => {
    const details = await expectIndexed(
      analysisListQuery(db, 'en', { topics: [], authors: [] }, sort, 20, { key: `${sort}|${Date.now()}`, id: 'x' }),
    );
    expect(seeks(details, 'analyses'), details.join('\n')).toBe(true);
  });
});
