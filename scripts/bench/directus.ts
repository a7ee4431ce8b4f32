// `--peer directus`: Directus 11 on SQLite with the same events, measured in the same run beside ours (issue 12).
// Directus is never a dependency of this project (neither `npm install` nor `npm test` touches it): it is installed
// on demand into a folder of its own outside the repository (DIRECTUS_DIR, default
// ~/.cache/socius-bench/directus-<version>), once, with the npm client and nothing but the npm registry:
//   npm install --ignore-scripts directus@<version>, then npm rebuild sqlite3 isolated-vm
// with npm_config_nodedir set to the headers of the Node that runs the benchmark (the `node` package's
// node-<platform>-<arch>/include) and npm_config_build_from_source=true. Why: both native modules otherwise try to
// download a prebuilt binary from GitHub, then fall back to node-gyp with this machine's npmrc `nodedir=/usr`, the
// headers of the system's Node 20, while Directus needs Node 22: sqlite3 (N-API) would load anyway, isolated-vm
// (V8's own ABI, imported by Directus at startup) would not. Everything else needs no install script: argon2 and sharp
// ship their linux-x64 binaries inside npm packages, and sqlite3 is an *optional* dependency of @directus/api, so
// `--omit=optional` would drop the one driver we need. The first install took 36 minutes here at a load average of
// about 20 (2026-12-01): npm install 3-4 min, then 32 min of node-gyp (isolated-vm about 20, SQLite's amalgamation the
// rest); later runs start at once. An interrupted install starts over, an interrupted build resumes; delete the
// folder to install again.
//
// Its database is a new SQLite file in the benchmark's temporary folder: Directus creates its own tables (bootstrap),
// the `events` collection is made through its REST API and opened to anonymous reads (the public policy), then the
// events are copied in from the benchmark's D1 file in one transaction (its API would take minutes at 100,000).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export const DIRECTUS_VERSION = '11.16.1';
export const DIRECTUS_DIR = process.env.DIRECTUS_DIR ?? join(homedir(), '.cache', 'socius-bench', `directus-${DIRECTUS_VERSION}`);

const ADMIN = { email: 'bench@example.org', password: 'socius-bench-only' };
// Directus answers whether a response came from its cache in this header (CACHE_STATUS_HEADER): HIT or MISS.
const CACHE_STATUS = 'x-directus-cache';
// Written once the install works with this Node: isolated-vm is built for one Node ABI.
const READY = join(DIRECTUS_DIR, '.socius-bench-ready');
const readyMark = `directus@${DIRECTUS_VERSION} node-abi ${process.versions.modules}\n`;
// Written once `npm install` has finished: an interrupted one leaves half-extracted packages that a second
// `npm install` takes as installed (seen here: lodash-es without its main file), so without this mark it starts over.
const INSTALLED = join(DIRECTUS_DIR, '.socius-bench-installed');
// The native modules Directus loads at startup whose binaries npm cannot fetch here: built with node-gyp.
const NATIVE = ['sqlite3', 'isolated-vm'];

export interface DirectusRun {
  /** The same list as ours: upcoming published events, soonest first, 20 of them, each with what our list shows. */
  list: URL;
  /** Directus's own cheapest route, its ceiling as the static asset is ours. */
  ping: URL;
  pid: number;
  stop: () => Promise<void>;
}

export interface DirectusPeer {
  /** Directus with its memory cache on (as the issue's comparison ran it): for its ping and its cached list. */
  cached: () => Promise<DirectusRun>;
  /** Directus with its cache off (CACHE_ENABLED=false): what a list costs it without a cache. */
  uncached: () => Promise<DirectusRun>;
  /** The bytes of its list's body, and the slugs it lists in order, to hold beside ours. */
  probe: (run: DirectusRun) => Promise<{ bytes: number; slugs: string[]; cache: string | null }>;
  stop: () => Promise<void>;
}

function entry(): string {
  return join(DIRECTUS_DIR, 'node_modules', 'directus', 'cli.js');
}

/** The headers of the Node that runs this (the `node` package keeps them in node-<platform>-<arch>/include). */
function nodeHeaders(): string | undefined {
  const prefix = dirname(dirname(process.execPath));
  const own = `node-${process.platform}-${process.arch}`;
  for (const dir of [prefix, join(prefix, 'node_modules', own), join(dirname(prefix), own)]) {
    if (existsSync(join(dir, 'include', 'node', 'common.gypi'))) return dir;
  }
  return undefined;
}

/** Runs a command to its end; its output is shown only when it fails (npm's and node-gyp's are long). */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.trim()}`)),
    );
  });
}

/** Installs Directus into DIRECTUS_DIR unless it is there and loads; fails saying what to do. */
export async function ensureDirectus(): Promise<void> {
  if (Number(process.versions.node.split('.')[0]) < 22)
    throw new Error(
      `--peer directus: Directus ${DIRECTUS_VERSION} needs Node 22 or later, this is ${process.version}: run it through npm run bench`,
    );
  if (existsSync(entry()) && existsSync(READY) && readFileSync(READY, 'utf8') === readyMark) return;
  const started = Date.now();
  console.log(
    `Installing Directus ${DIRECTUS_VERSION} into ${DIRECTUS_DIR} (once; over half an hour on a busy 2-core machine; DIRECTUS_DIR sets the folder) …`,
  );
  mkdirSync(DIRECTUS_DIR, { recursive: true });
  if (!existsSync(join(DIRECTUS_DIR, 'package.json'))) writeFileSync(join(DIRECTUS_DIR, 'package.json'), '{"private":true}\n');
  const headers = nodeHeaders();
  const env = {
    ...process.env,
    npm_config_build_from_source: 'true',
    ...(headers ? { npm_config_nodedir: headers } : {}),
  };
  try {
    if (!existsSync(INSTALLED)) {
      rmSync(join(DIRECTUS_DIR, 'node_modules'), { recursive: true, force: true });
      await run('npm', ['install', '--no-audit', '--no-fund', '--save-exact', '--ignore-scripts', `directus@${DIRECTUS_VERSION}`], {
        cwd: DIRECTUS_DIR,
        env,
      });
      writeFileSync(INSTALLED, `directus@${DIRECTUS_VERSION}\n`);
    }
    // Only what does not load yet is built: a second try after a failed or interrupted build resumes there.
    // Each as Directus itself requires it (npm may nest it under @directus/api).
    const api = join(DIRECTUS_DIR, 'node_modules', '@directus', 'api', 'package.json');
    const loads = (name: string) =>
      run(process.execPath, ['-e', `require("node:module").createRequire(${JSON.stringify(api)})(${JSON.stringify(name)})`], {
        cwd: DIRECTUS_DIR,
      }).then(
        () => true,
        () => false,
      );
    const build: string[] = [];
    for (const name of NATIVE) if (!(await loads(name))) build.push(name);
    const installed = Math.round((Date.now() - started) / 1000);
    if (build.length > 0) {
      console.log(`  npm install (no install scripts) done after ${installed} s; building ${build.join(' and ')} …`);
      await run('npm', ['rebuild', ...build], { cwd: DIRECTUS_DIR, env });
    }
    for (const name of [...NATIVE, 'argon2', 'sharp']) {
      if (!(await loads(name))) throw new Error(`${name} does not load with ${process.execPath}`);
    }
  } catch (error) {
    throw new Error(
      `--peer directus: installing directus@${DIRECTUS_VERSION} into ${DIRECTUS_DIR} failed with Node ${process.version}` +
        `${headers ? ` (headers ${headers})` : ' (no Node headers found beside it)'}: ${(error as Error).message}\n` +
        'Directus needs Node 22 and builds sqlite3 and isolated-vm with node-gyp (python3, make, g++). Run again to resume, or delete the folder to start over.',
    );
  }
  writeFileSync(READY, readyMark);
  console.log(`Installed Directus ${DIRECTUS_VERSION} in ${Math.round((Date.now() - started) / 1000)} s.`);
}

async function until(check: () => Promise<boolean>, what: string, seconds: number, child?: ChildProcess): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (child && child.exitCode !== null) throw new Error(`--peer directus: ${what}: Directus exited with ${child.exitCode}`);
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`--peer directus: ${what} within ${seconds} s`);
}

/** Stops Directus (it closes its server on SIGTERM), and kills it if it has not gone within 15 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(timer);
}

/** The events collection: every field our list shows, flat, with sessions, topics and service as JSON. */
const FIELDS: { field: string; type: string; special?: string[] }[] = [
  { field: 'slug', type: 'string' },
  { field: 'status', type: 'string' },
  { field: 'event_status', type: 'string' },
  { field: 'attendance_mode', type: 'string' },
  { field: 'starts_at', type: 'bigInteger' },
  { field: 'ends_at', type: 'bigInteger' },
  { field: 'previous_starts_at', type: 'bigInteger' },
  { field: 'title', type: 'text' },
  { field: 'summary', type: 'text' },
  { field: 'description', type: 'text' },
  { field: 'audience', type: 'text' },
  { field: 'accessibility', type: 'text' },
  { field: 'status_reason', type: 'text' },
  { field: 'price_note', type: 'text' },
  { field: 'venue_name', type: 'string' },
  { field: 'street', type: 'string' },
  { field: 'postal_code', type: 'string' },
  { field: 'city', type: 'string' },
  { field: 'country', type: 'string' },
  { field: 'latitude', type: 'float' },
  { field: 'longitude', type: 'float' },
  { field: 'online_url', type: 'string' },
  { field: 'organiser_name', type: 'string' },
  { field: 'organiser_url', type: 'string' },
  { field: 'is_free', type: 'boolean', special: ['cast-boolean'] },
  { field: 'price_cents', type: 'integer' },
  { field: 'registration_url', type: 'string' },
  { field: 'availability', type: 'string' },
  { field: 'sessions', type: 'json', special: ['cast-json'] },
  { field: 'topics', type: 'json', special: ['cast-json'] },
  { field: 'service', type: 'json', special: ['cast-json'] },
  { field: 'created_at', type: 'bigInteger' },
  { field: 'updated_at', type: 'bigInteger' },
];

/** Our events in Dutch, one flat row each, as the collection above holds them. */
const COPY = `
  select e.id, e.slug, e.status, e.event_status, e.attendance_mode, e.starts_at, e.ends_at, e.previous_starts_at,
         t.title, t.summary, t.description, t.audience, t.accessibility, t.status_reason, t.price_note,
         e.venue_name, e.street, e.postal_code, e.city, e.country, e.latitude, e.longitude, e.online_url,
         e.organiser_name, e.organiser_url, e.is_free, e.price_cents, e.registration_url, e.availability,
         (select json_group_array(json_object('startsAt', s.starts_at, 'endsAt', s.ends_at, 'status', s.status))
            from (select * from event_sessions s where s.event_id = e.id order by s.starts_at) s) as sessions,
         (select json_group_array(json_object('slug', tp.slug, 'name', coalesce(tt.name, tp.slug)))
            from event_topics et join topics tp on tp.id = et.topic_id and tp.status = 'published'
            left join topic_translations tt on tt.topic_id = tp.id and tt.lang = 'nl'
           where et.event_id = e.id) as topics,
         (select json_object('slug', sv.slug, 'title', coalesce(st.title, sv.slug))
            from services sv left join service_translations st on st.service_id = sv.id and st.lang = 'nl'
           where sv.id = e.service_id and sv.status = 'published') as service,
         e.created_at, e.updated_at
    from events e join event_translations t on t.event_id = e.id and t.lang = 'nl'`;

/**
 * Prepares Directus on a new SQLite database in `work` with the events of `d1File` (our seeded database) in a public
 * `events` collection, rate limits off; `cached()` and `uncached()` then start it with its memory cache on or off.
 * Started one at a time: stop one run before starting the other.
 */
export async function prepareDirectus({ work, d1File, port }: { work: string; d1File: string; port: number }): Promise<DirectusPeer> {
  await ensureDirectus();
  const database = join(work, 'directus.db');
  const base = new URL(`http://127.0.0.1:${port}`);
  const env = (cache: boolean): NodeJS.ProcessEnv => ({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: base.origin,
    DB_CLIENT: 'sqlite3',
    DB_FILENAME: database,
    SECRET: 'socius-bench-only-not-a-secret',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    CACHE_ENABLED: String(cache),
    CACHE_STORE: 'memory',
    CACHE_TTL: '30m',
    CACHE_STATUS_HEADER: CACHE_STATUS,
    RATE_LIMITER_ENABLED: 'false',
    // Its load shedder answers 503 once its event loop is 99 % busy, which a benchmark makes it: off, as ours has none.
    PRESSURE_LIMITER_ENABLED: 'false',
    WEBSOCKETS_ENABLED: 'false',
    TELEMETRY: 'false',
    LOG_LEVEL: 'warn',
    // Its extensions folder, uploads and so on stay in the temporary folder, not in DIRECTUS_DIR.
    EXTENSIONS_PATH: join(work, 'directus-extensions'),
    STORAGE_LOCAL_ROOT: join(work, 'directus-uploads'),
  });
  let current: ChildProcess | undefined;
  const start = async (cache: boolean): Promise<DirectusRun> => {
    if (current) await stopChild(current);
    const child = spawn(process.execPath, [entry(), 'start'], {
      cwd: DIRECTUS_DIR,
      env: env(cache),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    current = child;
    // Its log (warnings and errors only) is shown when it does not come up; read throughout so it never blocks.
    let log = '';
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-8_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const ping = new URL('/server/ping', base);
    try {
      await until(async () => (await fetch(ping)).ok, 'Directus did not answer /server/ping', 300, child);
    } catch (error) {
      await stopChild(child);
      throw new Error(`${(error as Error).message}\n${log.trim()}`);
    }
    return { list: listUrl(base), ping, pid: child.pid ?? 0, stop: () => stopChild(child) };
  };
  const stop = async () => {
    if (current) await stopChild(current);
  };

  try {
    await run(process.execPath, [entry(), 'bootstrap'], { cwd: DIRECTUS_DIR, env: env(false) });
    await start(false);
    await setUp(base);
    await stop();
    copyEvents(d1File, database);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    cached: () => start(true),
    uncached: () => start(false),
    probe: async (run) => {
      const response = await fetch(run.list);
      const body = await response.text();
      if (!response.ok) throw new Error(`--peer directus: ${run.list.pathname} answered ${response.status}: ${body}`);
      const slugs = (JSON.parse(body) as { data: { slug: string }[] }).data.map((event) => event.slug);
      return { bytes: Buffer.byteLength(body), slugs, cache: response.headers.get(CACHE_STATUS) };
    },
    stop,
  };
}

/**
 * Our `GET /v1/events?limit=20`: published events that have not ended, by start then id. `now` is fixed when the run
 * starts (ours reads the clock per request); over a run of seconds that moves no event in or out of the first page.
 */
function listUrl(base: URL): URL {
  const fields = ['id', ...FIELDS.map((f) => f.field).filter((f) => f !== 'status')].join(',');
  return new URL(
    `/items/events?limit=20&sort=starts_at,id&fields=${fields}&filter[status][_eq]=published&filter[ends_at][_gte]=${Date.now()}`,
    base,
  );
}

/** The collection and the public read permission, through Directus's REST API as its admin. */
async function setUp(base: URL): Promise<void> {
  const login = await fetch(new URL('/auth/login', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!login.ok) throw new Error(`--peer directus: /auth/login answered ${login.status}: ${await login.text()}`);
  const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(new URL(path, base), {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`--peer directus: ${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { data: unknown };
  };
  await api('POST', '/collections', {
    collection: 'events',
    schema: {},
    meta: {},
    fields: [
      { field: 'id', type: 'string', schema: { is_primary_key: true, length: 64, has_auto_increment: false }, meta: {} },
      ...FIELDS.map(({ field, type, special }) => ({ field, type, schema: {}, meta: special ? { special } : {} })),
    ],
  });
  // The public policy is the one given to nobody in particular (no role, no user).
  const access = (await api('GET', '/access?filter[role][_null]=true&filter[user][_null]=true&fields=policy')) as {
    data: { policy: string }[];
  };
  const policy = access.data[0]?.policy;
  if (!policy) throw new Error('--peer directus: found no public policy to let anonymous requests read events');
  await api('POST', '/permissions', { policy, collection: 'events', action: 'read', fields: ['*'], permissions: {} });
}

/**
 * The events, straight into Directus's table while it is stopped, and an index that serves its list as ours serves
 * ours (status, then start order, with ends_at inside for the "not ended" filter), with statistics for its planner.
 */
function copyEvents(d1File: string, database: string): void {
  const ours = new DatabaseSync(d1File, { readOnly: true });
  const theirs = new DatabaseSync(database);
  try {
    const columns = ['id', ...FIELDS.map((f) => f.field)];
    const insert = theirs.prepare(`insert into events (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
    theirs.exec('begin');
    for (const row of ours.prepare(COPY).iterate()) {
      const r = row as Record<string, string | number | null>;
      insert.run(...columns.map((column) => r[column] ?? null));
    }
    theirs.exec('create index events_status_starts on events (status, starts_at, id, ends_at); commit; analyze');
  } finally {
    ours.close();
    theirs.close();
  }
}
