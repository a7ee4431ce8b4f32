// `--peer directus`: Directus 11 on SQLite with the same events, measured in the same run beside ours (issue 12).
// Directus is never a dependency of this project: it is installed on demand into a folder of its own outside the
// repository (DIRECTUS_DIR, default ~/.cache/socius-bench/directus-<version>), with the npm client, once. Its
// database is a new SQLite file in the benchmark's temporary folder: Directus creates its own tables (bootstrap),
// the `events` collection is made through its REST API, and the events are copied in from the benchmark's D1 file.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export const DIRECTUS_VERSION = '11.16.1';
export const DIRECTUS_DIR = process.env.DIRECTUS_DIR ?? join(homedir(), '.cache', 'socius-bench', `directus-${DIRECTUS_VERSION}`);

const ADMIN = { email: 'bench@example.org', password: 'socius-bench-only' };

export interface DirectusPeer {
  base: URL;
  /** The same list as ours: upcoming published events, soonest first, 20 of them. */
  list: URL;
  /** Directus's own cheapest route, its ceiling as the static asset is ours. */
  ping: URL;
  /** Sent with a request to skip Directus's cache (CACHE_SKIP_ALLOWED). */
  skipCache: Record<string, string>;
  pid: number;
  stop: () => Promise<void>;
}

function entry(): string {
  return join(DIRECTUS_DIR, 'node_modules', 'directus', 'cli.js');
}

/** Installs Directus into DIRECTUS_DIR unless it is there; fails with what to do when it cannot be installed or loaded. */
export function ensureDirectus(): void {
  if (!existsSync(entry())) {
    console.log(`Installing Directus ${DIRECTUS_VERSION} into ${DIRECTUS_DIR} (once; set DIRECTUS_DIR to use another folder) …`);
    mkdirSync(DIRECTUS_DIR, { recursive: true });
    if (!existsSync(join(DIRECTUS_DIR, 'package.json'))) writeFileSync(join(DIRECTUS_DIR, 'package.json'), '{"private":true}\n');
    try {
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--save-exact', `directus@${DIRECTUS_VERSION}`], {
        cwd: DIRECTUS_DIR,
        stdio: 'inherit',
      });
    } catch {
      throw new Error(
        `--peer directus: installing directus@${DIRECTUS_VERSION} into ${DIRECTUS_DIR} failed (see npm's output above). ` +
          `Directus needs Node 22 and the sqlite3 native module; install it there by hand (npm install directus@${DIRECTUS_VERSION}) and run again.`,
      );
    }
  }
  try {
    execFileSync(process.execPath, ['-e', 'require("sqlite3")'], { cwd: DIRECTUS_DIR, stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `--peer directus: Directus is in ${DIRECTUS_DIR}, but its SQLite driver (sqlite3) does not load with ${process.execPath}: ` +
        `${String((error as { stderr?: Buffer }).stderr ?? error).split('\n')[0]}. Rebuild it there (npm rebuild sqlite3) and run again.`,
    );
  }
}

async function until(check: () => Promise<boolean>, what: string, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`--peer directus: ${what} within ${seconds} s`);
}

/**
 * Starts Directus on `port` with a new SQLite database in `work`, its memory cache on (as the comparison
 * ran it), rate limits off, and the events of `d1File` (our seeded database) in a public `events` collection.
 */
export async function startDirectus({ work, d1File, port }: { work: string; d1File: string; port: number }): Promise<DirectusPeer> {
  ensureDirectus();
  const database = join(work, 'directus.db');
  const env = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DB_CLIENT: 'sqlite3',
    DB_FILENAME: database,
    KEY: crypto.randomUUID(),
    SECRET: crypto.randomUUID(),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    CACHE_ENABLED: 'true',
    CACHE_STORE: 'memory',
    CACHE_TTL: '30m',
    CACHE_SKIP_ALLOWED: 'true',
    RATE_LIMITER_ENABLED: 'false',
    TELEMETRY: 'false',
    LOG_LEVEL: 'warn',
  };
  execFileSync(process.execPath, [entry(), 'bootstrap'], { cwd: DIRECTUS_DIR, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const child: ChildProcess = spawn(process.execPath, [entry(), 'start'], {
    cwd: DIRECTUS_DIR,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  };
  try {
    const base = new URL(`http://127.0.0.1:${port}`);
    await until(async () => (await fetch(new URL('/server/ping', base))).ok, 'Directus did not answer /server/ping', 180);
    const login = (await (
      await fetch(new URL('/auth/login', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      })
    ).json()) as { data: { access_token: string } };
    const api = async (path: string, body: unknown) => {
      const response = await fetch(new URL(path, base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${login.data.access_token}` },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`--peer directus: POST ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as { data: unknown };
    };
    const field = (name: string, type: string) => ({ field: name, type, schema: {}, meta: {} });
    await api('/collections', {
      collection: 'events',
      schema: {},
      meta: {},
      fields: [
        { field: 'id', type: 'string', schema: { is_primary_key: true, length: 64 }, meta: {} },
        field('slug', 'string'),
        field('status', 'string'),
        field('title', 'string'),
        field('summary', 'text'),
        field('city', 'string'),
        field('starts_at', 'bigInteger'),
        field('ends_at', 'bigInteger'),
      ],
    });
    // The public policy is the one given to nobody in particular (no role, no user).
    const access = (await (
      await fetch(new URL('/access?filter[role][_null]=true&filter[user][_null]=true&fields=policy', base), {
        headers: { authorization: `Bearer ${login.data.access_token}` },
      })
    ).json()) as { data: { policy: string }[] };
    const policy = access.data[0]?.policy;
    if (!policy) throw new Error('--peer directus: found no public policy to let anonymous requests read events');
    await api('/permissions', { policy, collection: 'events', action: 'read', fields: ['*'], permissions: {} });
    await stop();

    // The same events, in Dutch, straight into Directus's table (its API would take minutes for 100,000 rows); an
    // index that serves the list as ours serves it, so both read the same way.
    const ours = new DatabaseSync(d1File, { readOnly: true });
    const theirs = new DatabaseSync(database);
    try {
      theirs.exec('begin');
      const insert = theirs.prepare(
        'insert into events (id, slug, status, title, summary, city, starts_at, ends_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const row of ours
        .prepare(
          `select e.id, e.slug, e.status, t.title, t.summary, e.city, e.starts_at, e.ends_at
             from events e join event_translations t on t.event_id = e.id and t.lang = 'nl'`,
        )
        .iterate()) {
        const r = row as Record<string, string | number | null>;
        insert.run(
          r.id ?? null,
          r.slug ?? null,
          r.status ?? null,
          r.title ?? null,
          r.summary ?? null,
          r.city ?? null,
          r.starts_at ?? null,
          r.ends_at ?? null,
        );
      }
      theirs.exec('create index events_status_starts on events (status, starts_at, id, ends_at); commit; analyze');
    } finally {
      ours.close();
      theirs.close();
    }

    const again = spawn(process.execPath, [entry(), 'start'], { cwd: DIRECTUS_DIR, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const stopAgain = async () => {
      if (again.exitCode !== null) return;
      again.kill('SIGTERM');
      await new Promise((done) => again.once('exit', done));
    };
    await until(async () => (await fetch(new URL('/server/ping', base))).ok, 'Directus did not come back', 180);
    const now = Date.now();
    const list = new URL(
      `/items/events?limit=20&sort=starts_at,id&fields=id,slug,title,summary,city,starts_at,ends_at` +
        `&filter[status][_eq]=published&filter[ends_at][_gte]=${now}`,
      base,
    );
    const probe = await fetch(list);
    if (!probe.ok) throw new Error(`--peer directus: ${list.pathname} answered ${probe.status}: ${await probe.text()}`);
    return {
      base,
      list,
      ping: new URL('/server/ping', base),
      skipCache: { 'cache-control': 'no-store' },
      pid: again.pid ?? 0,
      stop: stopAgain,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
