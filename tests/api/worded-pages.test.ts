// A page of GET /v1/events?q= on real D1: a word many upcoming events hold is found among the first events in
// order (WORDED_PAGE_WINDOW), and the rows D1 reads for that page do not grow with the matches further ahead; a rare
// word's page comes from its matches. Planted events copy a seed event, with their own text in the search index.
import { env, SELF } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../api/env.ts';
import { eventTotalsQuery, WORDED_TOTAL_CAP } from '../../api/events/counts.ts';
import { eventFilterFrom, eventPageQuery, WORDED_PAGE_WINDOW } from '../../api/events/queries.ts';

const db = drizzle(env.DB, { casing: 'snake_case' }) as unknown as Db;
const HOUR = 3_600_000;
const soon = Date.now() + 24 * HOUR;

/**
 * `count` published events named `<prefix>-<n>`, one an hour from `from`, copied from a published seed event
 * (translations too), each indexed in Dutch with `words`.
 */
async function plant(prefix: string, count: number, from: number, words: string): Promise<void> {
  const template = await env.DB.prepare("select id from events where status = 'published' order by starts_at limit 1").first<{
    id: string;
  }>();
  if (!template) throw new Error('the seed has no published event');
  const columns = async (table: string) =>
    (await env.DB.prepare(`pragma table_info(${table})`).all<{ name: string }>()).results.map((column) => column.name);
  const n = `with recursive n(n) as (select 1 union all select n + 1 from n where n < ${count})`;
  const override: Record<string, string> = {
    id: `'${prefix}-' || n`,
    slug: `'${prefix}-' || n`,
    status: "'published'",
    starts_at: `${from} + n * ${HOUR}`,
    ends_at: `${from} + n * ${HOUR} + ${HOUR}`,
    updated_at: `${from} + n * ${HOUR}`,
    publish_at: 'null',
    unpublish_at: 'null',
    deleted_at: 'null',
  };
  const eventColumns = await columns('events');
  const translationColumns = await columns('event_translations');
  const copy = (cols: string[], values: Record<string, string>) => cols.map((c) => values[c] ?? `t.${c}`).join(', ');
  await env.DB.batch([
    env.DB.prepare(
      `insert into events (${eventColumns.join(', ')}) ${n} select ${copy(eventColumns, override)} from n, events t where t.id = ?`,
    ).bind(template.id),
    env.DB.prepare(
      `insert into event_translations (${translationColumns.join(', ')}) ${n}
       select ${copy(translationColumns, { event_id: `'${prefix}-' || n` })} from n, event_translations t where t.event_id = ?`,
    ).bind(template.id),
    env.DB.prepare(
      `insert into search_index (kind, item_id, slug, lang, title, body)
       select 'event', id, slug, 'nl', 'Geplant', ? from events where id like ?`,
    ).bind(words, `${prefix}-%`),
    env.DB.prepare(
      "insert into search_rows (doc, kind, item_id) select rowid, kind, item_id from search_index where kind = 'event' and item_id like ?",
    ).bind(`${prefix}-%`),
  ]);
}

/** The page's ids, and the rows D1 says it read for them. */
async function page(q: string) {
  const { sql, params } = eventPageQuery(
    db,
    'nl',
    { ...eventFilterFrom({ q } as never, new Date()), workflow: undefined },
    'startsAt',
    20,
    undefined,
  ).toSQL();
  const result = await env.DB.prepare(sql)
    .bind(...params)
    .all<{ id: string }>();
  return { ids: result.results.map((row) => row.id), rowsRead: result.meta.rows_read };
}

/** The same page as a plain statement gives it. */
async function reference(q: string): Promise<string[]> {
  const rows = await env.DB.prepare(
    `select id from events where status = 'published' and ends_at >= ?
        and id in (select item_id from search_index where search_index match ? and kind = 'event')
      order by starts_at, id limit 21`,
  )
    .bind(Date.now(), `"${q}"*`)
    .all<{ id: string }>();
  return rows.results.map((row) => row.id);
}

describe('a page of events filtered by words', () => {
  beforeAll(async () => {
    // Half the next events hold "kwartelkoning": the page is among the first of them.
    await plant('soon-match', WORDED_PAGE_WINDOW / 4, soon, 'kwartelkoning boswandeling');
    await plant('soon-other', WORDED_PAGE_WINDOW / 4, soon + HOUR / 2, 'boswandeling');
    // A rare word, only on events after the window.
    await plant('late-rare', 5, soon + 2 * WORDED_PAGE_WINDOW * HOUR, 'grutto');
  });

  it('reads only the index entries of matches further ahead, not their events', async () => {
    const before = await page('kwartelkoning');
    expect(before.ids).toEqual(await reference('kwartelkoning'));
    expect(before.ids).toHaveLength(21);
    const added = 2 * WORDED_PAGE_WINDOW;
    await plant('late-match', added, soon + 2 * WORDED_PAGE_WINDOW * HOUR, 'kwartelkoning');
    const after = await page('kwartelkoning');
    expect(after.ids).toEqual(before.ids);
    // D1 counts 2 rows a match for the index's rowids. Gathering the matches' events as well (the second branch of
    // pageByWords run although the first found the page) made it 6.
    expect(after.rowsRead - before.rowsRead, `${before.rowsRead} → ${after.rowsRead}`).toBeLessThanOrEqual(3 * added);
  });

  it('finds a rare word on events past the window, as the plain statement does', async () => {
    const rare = await page('grutto');
    expect(rare.ids).toHaveLength(5);
    expect(rare.ids).toEqual(await reference('grutto'));
  });

  it('answers with words and every other filter at its bound (binding the filter once), and at half of it', async () => {
    const fifteen = (prefix: string) => Array.from({ length: 15 }, (_, i) => `${prefix}${i}`).join(',');
    const all = new URLSearchParams({
      q: 'kwartelkoning',
      topic: fifteen('t'),
      city: fifteen('c'),
      postalCode: Array.from({ length: 15 }, (_, i) => String(1000 + i)).join(','),
      organiser: fifteen('o'),
      service: fifteen('s'),
    });
    for (const params of [all, new URLSearchParams({ q: 'kwartelkoning', city: fifteen('c'), organiser: fifteen('o') })]) {
      const response = await SELF.fetch(`https://api.test/v1/events?${params}`);
      expect(response.status, await response.clone().text()).toBe(200);
    }
  });

  it('counts up to 1,000 matches and says the total is a lower bound, on every page; exactly with facets', async () => {
    await plant('cap-match', WORDED_TOTAL_CAP + 1, soon + 4 * WORDED_PAGE_WINDOW * HOUR, 'tureluur');
    type Page = { data: { slug: string }[]; total: number; totalIsLowerBound: boolean; nextCursor: string | null };
    const first = (await (await SELF.fetch('https://api.test/v1/events?q=tureluur&limit=50')).json()) as Page;
    expect([first.total, first.totalIsLowerBound]).toEqual([WORDED_TOTAL_CAP, true]);
    expect(first.data[0]?.slug).toBe('cap-match-1');
    const second = (await (await SELF.fetch(`https://api.test/v1/events?q=tureluur&limit=50&cursor=${first.nextCursor}`)).json()) as Page;
    expect([second.total, second.totalIsLowerBound, second.data[0]?.slug]).toEqual([WORDED_TOTAL_CAP, true, 'cap-match-51']);
    const faceted = (await (await SELF.fetch('https://api.test/v1/events?q=tureluur&facets=city')).json()) as Page;
    expect([faceted.total, faceted.totalIsLowerBound]).toEqual([WORDED_TOTAL_CAP + 1, false]);
    const rare = (await (await SELF.fetch('https://api.test/v1/events?q=grutto')).json()) as Page;
    expect([rare.total, rare.totalIsLowerBound]).toEqual([5, false]);

    // Counting stops at the cap: twice as many matches more, and D1 reads about as many rows for the total.
    const totalsRead = async () => {
      const filter = { ...eventFilterFrom({ q: 'tureluur' } as never, new Date()), workflow: undefined };
      const { sql, params } = eventTotalsQuery(db, filter, true, true).toSQL();
      const result = await env.DB.prepare(sql)
        .bind(...params)
        .all();
      return result.meta.rows_read;
    };
    const before = await totalsRead();
    await plant('cap-more', 2 * WORDED_TOTAL_CAP, soon + 4 * WORDED_PAGE_WINDOW * HOUR, 'tureluur');
    const after = await totalsRead();
    expect(after - before, `${before} → ${after}`).toBeLessThan(WORDED_TOTAL_CAP);
  });

  it('answers the same page through the API, with its total', async () => {
    const response = await SELF.fetch('https://api.test/v1/events?q=grutto&limit=3');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { slug: string }[]; total: number; nextCursor: string | null };
    expect(body.data.map((event) => event.slug)).toEqual(['late-rare-1', 'late-rare-2', 'late-rare-3']);
    expect(body.total).toBe(5);
    const next = await SELF.fetch(`https://api.test/v1/events?q=grutto&limit=3&cursor=${body.nextCursor}`);
    const rest = (await next.json()) as { data: { slug: string }[] };
    expect(rest.data.map((event) => event.slug)).toEqual(['late-rare-4', 'late-rare-5']);
  });
});
