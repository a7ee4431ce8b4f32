// Serves the built Worker on workerd directly, through the Miniflare that wrangler itself depends on: no
// `wrangler dev`, whose proxy workerd and per-request logging in Node cost a third of the throughput here.
// One workerd process runs the Worker twice over the same D1: once as deployed, and once with the Cache API
// switched off (a Miniflare option production cannot take), so uncached figures are for the same URLs as the
// cached ones. Each has its own socket that enters through the assets router, as requests do in production.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { withoutRateLimits } from '../../api/lib/rate-limit.ts';
import { buildDocs, buildWidgets, ROOT } from '../local.ts';

const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler');

/** The static assets (widgets, docs script) must exist: the assets router refuses to start without them. */
export async function ensureAssets(): Promise<boolean> {
  if (existsSync(join(ROOT, 'dist', 'public', 'widgets', 'version.json'))) return false;
  await buildWidgets();
  await buildDocs();
  return true;
}

/** Bundles the Worker exactly as `wrangler deploy` would, into `outdir`; returns the entry module. */
export function bundleWorker(outdir: string): string {
  execFileSync(WRANGLER, ['deploy', '--dry-run', '--outdir', outdir], {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return join(outdir, 'index.js');
}

export interface Served {
  /** Through the Cache API, as deployed. */
  cached: URL;
  /** The same Worker and D1 with the Cache API switched off. */
  uncached: URL;
  /** A Worker that only makes one D1 round trip ({@link D1_CEILING}). */
  d1Ceiling: URL;
  /** The serving workerd process. */
  pid: number;
  /** Its V8 inspector (held-memory.ts reads the isolates' heaps through it). */
  inspector: URL;
  stop: () => Promise<void>;
}

/**
 * The Miniflare options the benchmark serves the Worker with: wrangler.toml's, as wrangler itself builds them,
 * plus the built bundle. THE place for benchmark-only settings of the Worker (bindings, vars such as a rate-limit
 * switch for benchmarks): add them to `worker` below, and they apply to both the cached and the uncached Worker.
 */
export function benchOptions({ script, state, inspectorPort }: { script: string; state: string; inspectorPort?: number }) {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(ROOT, 'wrangler.toml'));
  // The bundle is already built: module rules would make Miniflare collect modules from source again.
  // Without the rate limiters: a benchmark or soak sends far more from one address than the limits allow (SECURITY.md).
  const unlimited: typeof workerOptions = withoutRateLimits(
    workerOptions as typeof workerOptions & { ratelimits?: Record<string, unknown> },
  );
  const { modulesRules: _unused, ...options } = unlimited;
  const bundleDir = join(script, '..');
  const worker = {
    ...options,
    scriptPath: script,
    modules: true,
    // Module names must stay inside modulesRoot: a name with `..` makes workerd fail with "internal error".
    modulesRoot: bundleDir,
    unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }],
  };
  const ceilingScript = join(bundleDir, 'd1-ceiling.js');
  writeFileSync(ceilingScript, D1_CEILING);
  return convertV4MiniflareOptions({
    host: '127.0.0.1',
    port: 0,
    // `d1Persist` is ignored by this Miniflare; state lives where `wrangler --persist-to <state>` keeps it.
    resourcePersistencePath: join(state, 'v3'),
    cf: false,
    ...(inspectorPort === undefined ? {} : { inspectorPort }),
    workers: [
      { ...worker, name: 'socius' },
      // A queue has one consumer: the cached Worker takes the webhook deliveries (Miniflare refuses two).
      { ...worker, name: 'socius-uncached', cacheAPI: false, queueConsumers: undefined },
      // The same bindings and router in front, another script: one D1 round trip and nothing else (D1_CEILING).
      { ...worker, name: 'd1-ceiling', scriptPath: ceilingScript, cacheAPI: false, queueConsumers: undefined },
    ],
  });
}

/**
 * The most any route making one D1 round trip can do on this machine: a Worker that only reads one row from the
 * same D1 and answers a few bytes, behind the same assets router as ours. Locally D1 is Miniflare's Durable Object on workerd's own thread, so each round
 * trip costs this process CPU that in production D1's servers spend; this row shows how much.
 */
const D1_CEILING = `export default {
  async fetch(request, env) {
    const row = await env.DB.prepare('select version from content_state limit 1').first();
    return new Response(JSON.stringify(row), {
      headers: { 'content-type': 'application/json', 'server-timing': 'db;desc="D1, 1 round trip"' },
    });
  },
};`;

export async function serve({ script, state }: { script: string; state: string }): Promise<Served> {
  const inspectorPort = await freePort();
  const mf = new Miniflare(benchOptions({ script, state, inspectorPort }));
  await mf.ready;
  const cached = await mf.unsafeGetDirectURL('socius');
  const uncached = await mf.unsafeGetDirectURL('socius-uncached');
  const d1Ceiling = await mf.unsafeGetDirectURL('d1-ceiling');
  const pid = listeningPid(Number(cached.port));
  return { cached, uncached, d1Ceiling, pid, inspector: new URL(`http://127.0.0.1:${inspectorPort}`), stop: () => mf.dispose() };
}

/** A port nothing listens on now (for workerd's inspector, and for Directus, which take no port 0). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/** The process listening on `port`, from `ss -ltnp`; it must be workerd, or we would measure something else. */
export function listeningPid(port: number): number {
  let pid: number | undefined;
  try {
    const lines = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    pid = Number(/pid=(\d+)/.exec(lines)?.[1]) || undefined;
  } catch {
    // no ss on this machine: fall back to our own workerd child below
  }
  pid ??= childWorkerd();
  const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  if (name !== 'workerd') throw new Error(`port ${port} belongs to ${name} (pid ${pid}), not workerd`);
  return pid;
}

/** The workerd that Miniflare started as a child of this process. */
function childWorkerd(): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after the closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && stat.includes('(workerd)')) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error('found no workerd started by this process');
}

/**
 * Resident memory of one process in MB, split as /proc/<pid>/status splits it. `anonMb` (RssAnon) is what the
 * process allocated: V8 heaps, buffers, SQLite's page cache. `fileMb` (RssFile) is file pages mapped in, such as
 * the workerd binary (about 60 MB) and any memory-mapped database file: the kernel drops those when it needs the
 * room, so they say nothing about whether the Worker gives memory back.
 */
export function memoryMb(pid: number): { anonMb: number; fileMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 1024);
  return { anonMb: mb('RssAnon') + mb('RssShmem'), fileMb: mb('RssFile') };
}

/** Anonymous resident memory of one process in MB ({@link memoryMb}): what the memory target is judged by. */
export function residentMb(pid: number): number {
  return memoryMb(pid).anonMb;
}
