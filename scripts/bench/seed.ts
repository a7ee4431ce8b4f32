// Fills the benchmark's own local D1 (a state folder of its own, never the developer's .wrangler/state): the
// schema from the migrations folder, the real seed through the seed's writer, and synthetic content as documents
// of the content file stored by the content import's own statement builders (api/content/file.ts: the same
// statements `npm run content -- import` runs, search index included). Written straight into the SQLite file that
// workerd will open afterwards (see sqlite-d1.ts for why).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { unstable_readConfig } from 'wrangler';
import { type AnalysisDocument, AnalysisDocumentSchema, analysisStatements } from '../../api/analyses/writes.ts';
import { type ServiceDocument, ServiceDocumentSchema, serviceStatements } from '../../api/content/taxonomy.ts';
import type { Db } from '../../api/env.ts';
import { type EventDocument, EventDocumentSchema, eventStatements } from '../../api/events/writes.ts';
import { d1Runner, type SqlStatement } from '../../schema/db.ts';
import * as t from '../../schema/index.ts';
import { ROOT } from '../local.ts';
import { seed } from '../seed/index.ts';
import { ContentGenerator, type ContentPlan } from './content.ts';
import { SqliteFileD1 } from './sqlite-d1.ts';

const EVENTS_PER_BATCH = 2000;
// Every this many documents one is checked against the content file's schema, so generator and import cannot drift.
const CHECK_EVERY = 500;

export interface SeedReport {
  plan: ContentPlan;
  /** Statements the import's builders ran for the content, plus the seed's rows. */
  rows: number;
  searchRows: number;
  /** The word the search route asks for, and the share of Dutch search documents it matches. */
  commonWord: string;
  commonWordShare: number;
  seconds: number;
  /** Seconds per step: database created and migrated with the seed; content (search index included) written. */
  phases: { schemaAndSeed: number; content: number };
}

/** The one database file local D1 keeps under `<state>/v3/d1`. */
export function d1File(state: string): string {
  const folder = join(state, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const files = readdirSync(folder).filter((name) => name.endsWith('.sqlite') && name !== 'metadata.sqlite');
  if (files.length !== 1 || !files[0]) throw new Error(`expected one D1 database in ${folder}, found ${files.length}`);
  return join(folder, files[0]);
}

/**
 * Has workerd create the empty database of wrangler.toml's `DB` under `state` (its file name is derived from the
 * database id inside workerd), and returns that file with the migrations folder. Much quicker than
 * `wrangler d1 migrations apply`, which boots all of wrangler for it (40 s on this machine under load).
 */
async function createDatabase(state: string): Promise<{ file: string; migrations: string }> {
  const config = unstable_readConfig({ config: join(ROOT, 'wrangler.toml') });
  const db = config.d1_databases.find((entry: { binding: string }) => entry.binding === 'DB');
  if (!db?.database_id) throw new Error('wrangler.toml declares no D1 database bound as DB');
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      script: 'export default { fetch: () => new Response(null, { status: 204 }) }',
      compatibilityDate: config.compatibility_date ?? '2026-11-01',
      d1Databases: { DB: db.database_id },
      resourcePersistencePath: join(state, 'v3'),
    }),
  );
  try {
    await (await mf.getD1Database('DB')).prepare('select 1').first();
  } finally {
    await mf.dispose();
  }
  return { file: d1File(state), migrations: join(ROOT, db.migrations_dir ?? 'migrations') };
}

/**
 * A bulk load's way with the triggers: every trigger is dropped while the content is written, then event_counts is
 * filled at once by its migration's own first statement (the one that fills it for content already there), the
 * triggers are put back, and the content version is bumped once. Row by row, the event_counts triggers cost several
 * minutes at 100,000 events on a busy 2-core machine, and the version triggers a million updates of one row.
 */
async function withoutTriggers(file: SqliteFileD1, folder: string, write: () => Promise<void>): Promise<void> {
  const name = readdirSync(folder).find((entry) => entry.endsWith('_event_counts_triggers.sql'));
  if (!name) throw new Error(`no *_event_counts_triggers.sql in ${folder}`);
  const d1 = file.asD1();
  const triggers = (await d1.prepare(`select name, sql from sqlite_master where type = 'trigger'`).all<{ name: string; sql: string }>())
    .results;
  for (const trigger of triggers) await file.exec(`drop trigger \`${trigger.name}\``);
  await write();
  const fill = readFileSync(join(folder, name), 'utf8')
    .split('--> statement-breakpoint')
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .find((statement) => /^insert into `event_counts`/i.test(statement));
  if (!fill) throw new Error(`${name} has no statement that fills event_counts`);
  await file.exec(`delete from event_counts; ${fill}`);
  for (const trigger of triggers) await file.exec(trigger.sql);
  await file.exec('update content_state set version = version + 1 where id = 1');
}

/** Runs every migration, in file-name order as wrangler does; each file may hold several statements. */
async function migrate(file: SqliteFileD1, folder: string): Promise<void> {
  for (const name of readdirSync(folder)
    .filter((entry) => entry.endsWith('.sql'))
    .sort()) {
    await file.exec(readFileSync(join(folder, name), 'utf8'));
  }
}

/**
 * Stores documents with the content import's statement builders, in one transaction per call. Their deletes (of
 * what an item had before) are left out: in a new database they find nothing, and the one from the FTS5 search
 * index, by columns FTS5 cannot index, scans the whole index per item, which would make the load quadratic.
 */
async function store<D>(
  file: SqliteFileD1,
  docs: D[],
  schema: { parse: (doc: unknown) => unknown },
  statements: (doc: D, now: Date) => SqlStatement[],
  now: Date,
): Promise<number> {
  const d1 = file.asD1();
  const prepared: D1PreparedStatement[] = [];
  docs.forEach((doc, i) => {
    if (i % CHECK_EVERY === 0) schema.parse(doc);
    for (const statement of statements(doc, now)) {
      if (statement.sql.startsWith('delete from ')) continue;
      prepared.push(d1.prepare(statement.sql).bind(...statement.params));
    }
  });
  await d1.batch(prepared);
  return prepared.length;
}

export async function seedBenchDatabase(state: string, plan: ContentPlan, now = new Date()): Promise<SeedReport> {
  const started = performance.now();
  let mark = started;
  const lap = () => {
    const now = performance.now();
    const seconds = Math.round(now - mark) / 1000;
    mark = now;
    return seconds;
  };
  const created = await createDatabase(state);
  const file = new SqliteFileD1(created.file);
  try {
    await migrate(file, created.migrations);
    const db = drizzle(file.asD1(), { casing: 'snake_case' }) as Db;
    const seeded = await seed(d1Runner(file.asD1()), { now });
    if (!seeded.seeded) throw new Error(`the benchmark's database in ${state} already holds content`);
    let rows = seeded.rows;
    const schemaAndSeed = lap();

    const generator = new ContentGenerator(now);
    const topics = (await db.select({ slug: t.topics.slug }).from(t.topics)).map((row) => row.slug);
    const existing = { topics, services: [] as string[] };
    const services = generator.services(plan.services, existing, 0);
    rows += await store<ServiceDocument>(file, services, ServiceDocumentSchema, serviceStatements, now);
    existing.services = services.map((service) => service.slug);
    rows += await store<AnalysisDocument>(
      file,
      generator.analyses(plan.analyses, existing, 0),
      AnalysisDocumentSchema,
      analysisStatements,
      now,
    );
    await withoutTriggers(file, created.migrations, async () => {
      for (let from = 0; from < plan.events; from += EVENTS_PER_BATCH) {
        const events = generator.events(from, Math.min(EVENTS_PER_BATCH, plan.events - from), existing);
        rows += await store<EventDocument>(file, events, EventDocumentSchema, eventStatements, now);
      }
    });
    const content = lap();
    const searchRows = (await db.get<{ n: number }>(sql`select count(*) as n from search_index`))?.n ?? 0;
    const commonWord = generator.commonWord();
    const share = await db.get<{ matching: number; all: number }>(sql`
      select (select count(*) from search_index where search_index match ${commonWord} and lang = 'nl') as matching,
             (select count(*) from search_index where lang = 'nl') as "all"`);
    return {
      plan,
      rows,
      searchRows,
      commonWord,
      commonWordShare: (share?.matching ?? 0) / Math.max(1, share?.all ?? 0),
      seconds: (performance.now() - started) / 1000,
      phases: { schemaAndSeed, content },
    };
  } finally {
    file.close();
  }
}
