// Migrations are forward-only: they build the schema from an empty database, and they carry every released
// database forward with its data. For each release in tests/fixtures/migrations/releases.ts the test empties D1,
// applies only the migrations that release had, writes that release's data as it was, applies every migration
// there is now (what `wrangler d1 migrations apply` does on deploy), and checks that each row is still there and
// that the API serves every item, list and search hit of it. New migrations join the run by themselves.
// Released migration files must never change: the second part compares their checksums.
import { applyD1Migrations, env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { d1Runner } from '../../schema/db.ts';
import { seed } from '../../scripts/seed/index.ts';
import { RELEASED_MIGRATIONS, RELEASES, type ReleaseData } from '../fixtures/migrations/releases.ts';
import { distinctVersion, emptyDatabase, schema } from './empty-database.ts';
import { get, ORIGIN } from './helpers.ts';

const ALL = env.TEST_MIGRATIONS;
const baseName = (name: string) => name.replace(/\.sql$/, '');

async function writeData(data: ReleaseData): Promise<void> {
  const statements = Object.entries(data.tables).flatMap(([table, { columns, rows }]) => {
    const sql = `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
    return rows.map((row) => env.DB.prepare(sql).bind(...row));
  });
  await env.DB.batch(statements);
}

const sortedJson = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row)).sort();

/** Every slug a list gives, page by page. */
async function listed(path: string): Promise<string[]> {
  const slugs: string[] = [];
  let url: string | null = path;
  while (url) {
    const response: { status: number; body: { data: { slug: string }[]; nextCursor?: string | null } } = await get(url);
    expect(response.status, url).toBe(200);
    slugs.push(...response.body.data.map((item) => item.slug));
    url = response.body.nextCursor ? `${path}&cursor=${encodeURIComponent(response.body.nextCursor)}` : null;
  }
  return slugs;
}

interface Item {
  slug: string;
  title: string;
}

/** A table's rows in a release's data as objects by column name; none when the release had no such rows. */
function records(data: ReleaseData, table: string): Record<string, unknown>[] {
  const found = data.tables[table];
  return found ? found.rows.map((row) => Object.fromEntries(found.columns.map((column, i) => [column, row[i]]))) : [];
}

/** The published items of each kind in a release's data, with their Dutch title (or name). */
function publishedItems(data: ReleaseData): Record<'topics' | 'services' | 'analyses' | 'events', Item[]> {
  const rows = (table: string) => {
    if (!data.tables[table]) throw new Error(`the release's data has no ${table}`);
    return records(data, table);
  };
  const items = (table: string, translations: string, key: string, field: string) => {
    const dutch = new Map(rows(translations).flatMap((row) => (row.lang === 'nl' ? [[row[key], String(row[field])]] : [])));
    return rows(table)
      .filter((row) => row.status === 'published')
      .map((row) => ({ slug: String(row.slug), title: dutch.get(row.id) ?? '' }));
  };
  return {
    topics: items('topics', 'topic_translations', 'topic_id', 'name'),
    services: items('services', 'service_translations', 'service_id', 'title'),
    analyses: items('analyses', 'analysis_translations', 'analysis_id', 'title'),
    events: items('events', 'event_translations', 'event_id', 'title'),
  };
}

/** The longest word of a title: rare enough that a search for it ranks the item on the first page. */
const searchWord = (title: string) => [...(title.match(/\p{L}{4,}/gu) ?? [])].sort((a, b) => b.length - a.length)[0] ?? title;

describe('migrations', () => {
  it('build the same schema from an empty database, which then takes the seed and serves it', async () => {
    const expected = await schema();
    await emptyDatabase();
    await applyD1Migrations(env.DB, ALL);
    expect(await schema()).toEqual(expected);
    await seed(d1Runner(env.DB));
    await distinctVersion(1);
    const events = await get<{ data: unknown[] }>('/v1/events');
    expect(events.status).toBe(200);
    expect(events.body.data.length).toBeGreaterThan(0);
  });

  RELEASES.forEach((release, index) => {
    it(`carry the database of the release ${release.name} forward with all its data`, { timeout: 120_000 }, async () => {
      const names = new Set(ALL.map((migration) => baseName(migration.name)));
      for (const name of release.migrations)
        expect(names.has(name), `${name}, applied in production, is gone from schema/migrations`).toBe(true);

      await emptyDatabase();
      await applyD1Migrations(
        env.DB,
        ALL.filter((migration) => release.migrations.includes(baseName(migration.name))),
      );
      await writeData(release.data);
      await applyD1Migrations(env.DB, ALL);
      await distinctVersion(index + 2);

      // Every row of every table is still there, column for column.
      for (const [table, { columns, rows }] of Object.entries(release.data.tables)) {
        const results = await env.DB.prepare(`select ${columns.map((column) => `"${column}"`).join(', ')} from "${table}"`).raw();
        expect(sortedJson(results), `${table} after the migrations since ${release.name}`).toEqual(sortedJson(rows));
      }

      // The API serves all of it: each item (in Dutch, with its title; the languages are the export test's), each
      // list in full, each analysis and event by search.
      const items = publishedItems(release.data);
      expect(items.events.length).toBeGreaterThan(10);
      for (const [kind, list] of Object.entries(items)) {
        for (const { slug, title } of list) {
          const response = await get(`/v1/${kind}/${slug}?lang=nl`);
          expect(response.status, `/v1/${kind}/${slug}`).toBe(200);
          expect(JSON.stringify(response.body), `/v1/${kind}/${slug}`).toContain(JSON.stringify(title).slice(1, -1));
        }
      }
      const lists = {
        topics: (await get<{ data: { slug: string }[] }>('/v1/topics')).body.data.map((topic) => topic.slug),
        services: await listed('/v1/services?limit=100'),
        analyses: await listed('/v1/analyses?limit=100'),
        events: await listed('/v1/events?limit=100&from=2000-01-01'),
      };
      for (const [kind, list] of Object.entries(items))
        expect(lists[kind as keyof typeof lists].sort(), `/v1/${kind}`).toEqual(list.map((item) => item.slug).sort());
      for (const { slug, title } of [...items.analyses, ...items.events]) {
        const hits = await get<{ data: { slug: string }[] }>(`/v1/search?q=${encodeURIComponent(searchWord(title))}&lang=nl&limit=100`);
        expect(
          hits.body.data.map((hit) => hit.slug),
          `search for "${searchWord(title)}"`,
        ).toContain(slug);
      }
      // An item renamed before the release still answers at its old address.
      const PATHS: Record<string, string> = { topic: 'topics', service: 'services', analysis: 'analyses', event: 'events' };
      for (const redirect of records(release.data, 'slug_redirects')) {
        const path = `/v1/${PATHS[String(redirect.kind)]}/${String(redirect.old_slug)}`;
        const response = await SELF.fetch(`${ORIGIN}${path}`, { redirect: 'manual' });
        expect(response.status, path).toBe(301);
      }
      const about = await get('/v1/about');
      expect(about.status).toBe(200);
    });
  });
});

describe('released migrations', () => {
  /** The statements of a migration, without comments and whitespace: what production ran. */
  async function checksum(queries: string[]): Promise<string> {
    const statements = queries
      .join('\n')
      .replace(/--> statement-breakpoint/g, '')
      .replace(/^\s*--.*$/gm, '')
      .replace(/[\s;]+/g, '');
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(statements));
    return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  it('are never edited after release: a change to one is a new migration', async () => {
    const current = new Map(ALL.map((migration) => [`${baseName(migration.name)}.sql`, migration.queries]));
    for (const [file, expected] of Object.entries(RELEASED_MIGRATIONS)) {
      const queries = current.get(file);
      expect(queries, `schema/migrations/${file} was released and is gone: production has run it, so it must stay`).toBeDefined();
      expect(
        await checksum(queries ?? []),
        `schema/migrations/${file} changed after it was released: production will never run it again, so add a new migration instead (npm run db:generate) and put this file back as it was`,
      ).toBe(expected);
    }
  });

  it('come before every new migration, so production applies new ones after them in file order', () => {
    const released = Object.keys(RELEASED_MIGRATIONS).sort();
    const last = released.at(-1) ?? '';
    for (const migration of ALL) {
      const file = `${baseName(migration.name)}.sql`;
      if (!RELEASED_MIGRATIONS[file]) expect(file > last, `${file} sorts before the released ${last}: give it a later number`).toBe(true);
    }
  });
});
