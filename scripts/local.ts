// The local platform: migrate and seed local D1, build the widgets, run the Worker under `wrangler dev`.
// `npm start` and the widget tests' global setup both use these, so tests exercise what a newcomer runs.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { readD1Migrations } from '@cloudflare/vitest-plugin';
import { getPlatformProxy } from 'wrangler';
import type { SqlRunner } from '../schema/db.ts';
import { type SeedOptions, seed } from './seed/index.ts';

export const ROOT = join(import.meta.dirname, '..');
export const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler');
export const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' };

export function run(command: string, args: string[], quiet = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: quietEnv, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

const persistArgs = (persistTo?: string) => (persistTo ? ['--persist-to', persistTo] : []);

/**
 * Runs `work` on the local D1 (the one `wrangler dev` uses, or the one under `persistTo`) through one platform proxy,
 * disposed after.
 */
export async function withLocalD1<T>(persistTo: string | undefined, work: (db: D1Database) => Promise<T>): Promise<T> {
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: join(ROOT, 'wrangler.toml'),
    // wrangler's --persist-to X keeps its state in X/v3; the proxy wants that inner folder.
    persist: persistTo ? { path: join(persistTo, 'v3') } : true,
    remoteBindings: false,
  });
  try {
    return await work(proxy.env.DB);
  } finally {
    await proxy.dispose();
  }
}

/**
 * Applies every migration in schema/migrations that the local database has not had yet, as `wrangler d1 migrations
 * apply DB --local` does and with its bookkeeping (the d1_migrations table, so wrangler sees them applied), but
 * through one platform proxy: wrangler's command starts the runtime again for each migration (22 s for 17 here,
 * paid by every `npm start` on a fresh clone, every content import and every tooling test that migrates). Each
 * migration is one batch with its row in d1_migrations, so a failed one leaves nothing half-applied.
 */
export async function migrateLocal(persistTo?: string, quiet = false): Promise<void> {
  await withLocalD1(persistTo, (db) => applyMigrations(db, quiet));
}

/**
 * What migrateLocal does, on a local D1 the caller already holds (one proxy for migrating and the work after it).
 * Returns the names of the migrations it applied.
 */
export async function applyMigrations(db: D1Database, quiet = false): Promise<string[]> {
  const migrations = await readD1Migrations(join(ROOT, 'schema', 'migrations'));
  await db
    .prepare(
      `create table if not exists d1_migrations (
         id integer primary key autoincrement, name text unique, applied_at timestamp default current_timestamp not null)`,
    )
    .run();
  const applied = new Set((await db.prepare('select name from d1_migrations').all<{ name: string }>()).results.map((r) => r.name));
  const pending = migrations.filter((migration) => !applied.has(migration.name));
  for (const { name, queries } of pending) {
    await db.batch([...queries.map((query) => db.prepare(query)), db.prepare('insert into d1_migrations (name) values (?)').bind(name)]);
  }
  if (!quiet) console.log(pending.length === 0 ? 'No migrations to apply.' : `Applied ${pending.map((m) => m.name).join(', ')}.`);
  return pending.map((migration) => migration.name);
}

/**
 * Migrates the local database, then seeds it when it holds no content yet, through one platform proxy (each proxy
 * start is seconds of `npm start` and of every test that seeds).
 */
export function seedLocal(persistTo?: string, options?: SeedOptions): Promise<{ migrations: string[]; seeded: boolean; rows: number }> {
  return withLocalD1(persistTo, async (db) => {
    const migrations = await applyMigrations(db, true);
    return { migrations, ...(await seed(proxyRunner(db), options)) };
  });
}

/**
 * A SqlRunner over the platform proxy's D1. Through the proxy, every prepare() and bind() is a synchronous call to
 * workerd that holds Node's event loop (2 × 1,149 of them for the seed: 8 s here, over 20 s on a loaded machine).
 * On a loaded machine the batch then went out on a connection workerd had closed meanwhile, which undici had not
 * yet seen closed ("other side closed", nothing written): 3 seeds in 4 failed so beside three busy loops. One turn
 * of the event loop before the batch lets it see that and connect anew (3 in 3 then passed).
 */
function proxyRunner(db: D1Database): SqlRunner {
  return {
    all: async <Row>(sql: string) => (await db.prepare(sql).all<Row>()).results,
    batch: async (statements) => {
      if (statements.length === 0) return;
      const prepared = statements.map(({ sql, params }) => db.prepare(sql).bind(...params));
      await new Promise((resolve) => setImmediate(resolve));
      await db.batch(prepared);
    },
  };
}

export function buildWidgets(): Promise<void> {
  return run(process.execPath, [join(ROOT, 'scripts', 'build-widgets.ts')]);
}

/** Puts the API reference's script into the static assets, so /docs works without a CDN. */
export function buildDocs(): Promise<void> {
  return run(process.execPath, [join(ROOT, 'scripts', 'build-docs.ts')]);
}

export interface DevServer {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** Starts `wrangler dev` and resolves once the API answers. */
export async function startDev({
  port,
  persistTo,
  quiet = false,
  env,
}: {
  port: number;
  persistTo?: string;
  quiet?: boolean;
  /** A `[env.<name>]` of wrangler.toml, such as `test` (rate limits far above what a test run sends). */
  env?: string;
}): Promise<DevServer> {
  const child = spawn(
    WRANGLER,
    [
      'dev',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--inspector-port',
      '0',
      '--show-interactive-dev-session=false',
      ...persistArgs(persistTo),
      ...(env ? ['--env', env] : []),
    ],
    { cwd: ROOT, env: quietEnv, stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'ignore' : 'inherit'] },
  );
  const url = `http://localhost:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`wrangler dev exited with ${code} before it was ready`))),
  );
  const ready = (async () => {
    for (let attempt = 0; attempt < 240; attempt++) {
      try {
        const response = await fetch(`${url}/v1/about`);
        if (response.status < 500) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error('wrangler dev did not answer within 2 minutes');
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A numeric command-line flag of the bench and soak scripts: `fallback` when absent, an error naming it when not a number >= `min`. */
export function numericFlag(name: string, value: string | undefined, fallback: number, min: number, usage: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number of at least ${min}, got "${value}"\n${usage}`);
  return n;
}
