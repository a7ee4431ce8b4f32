// npm run bench [-- --events 100000 --duration 10 --connections 32 --json out.json | --smoke]
// Seeds a throwaway local D1 at the chosen scale, serves the built Worker on workerd without `wrangler dev`,
// and loads each route from this process for a fixed time after a warm-up. Prints a table and issue 12's
// targets, and writes both as JSON (default dist/bench-results.json). A benchmark, not a test: only `--smoke`
// (tiny data, 20 requests per route) runs in CI, to prove the harness works. See README, "Benchmark".

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { planFor } from './bench/content.ts';
import { DIRECTUS_VERSION, prepareDirectus } from './bench/directus.ts';
import { heldMemory } from './bench/held-memory.ts';
import { measure } from './bench/load.ts';
import { heldLine, markdown, peerNote, type RouteResult, routeResult, table, targetLines, targets } from './bench/report.ts';
import { benchRoutes, type Route } from './bench/routes.ts';
import { d1File, seedBenchDatabase } from './bench/seed.ts';
import { bundleWorker, ensureAssets, freePort, memoryMb, residentMb, serve } from './bench/serve.ts';
import { numericFlag, ROOT } from './local.ts';

const USAGE =
  'npm run bench -- [--events N] [--duration S] [--warmup S] [--connections C] [--json FILE] [--markdown] [--peer directus] [--keep] [--smoke]';

const numberFlag = (name: string, value: string | undefined, fallback: number, min: number) =>
  numericFlag(name, value, fallback, min, USAGE);

const { values } = parseArgs({
  options: {
    events: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    json: { type: 'string' },
    markdown: { type: 'boolean', default: false },
    peer: { type: 'string' },
    keep: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const smoke = values.smoke;
if (values.peer !== undefined && values.peer !== 'directus')
  throw new Error(`--peer takes only "directus", got "${values.peer}"\n${USAGE}`);
const events = Math.round(numberFlag('events', values.events, smoke ? 200 : 10_000, 1));
const duration = numberFlag('duration', values.duration, smoke ? 1 : 10, 1);
const warmup = numberFlag('warmup', values.warmup, smoke ? 0 : 2, 0);
// Few connections: on 2 cores more only queue, and a route slower than duration / connections per request
// (the uncached list at 100,000 events) would complete nothing within the run.
const connections = Math.round(numberFlag('connections', values.connections, smoke ? 4 : 8, 1));
const jsonPath = resolve(values.json ?? join(ROOT, 'dist', 'bench-results.json'));

/**
 * Waits until workerd has worked off what a run left behind. autocannon drops its connections when the time is up,
 * but the requests already sent still run, and D1 answers one query at a time: without this, a slow route's
 * backlog would be counted against the next one. One request that touches D1 comes back once the queue is empty.
 */
async function drain(base: URL): Promise<void> {
  const response = await fetch(new URL('/v1/about', base), { signal: AbortSignal.timeout(600_000) });
  await response.arrayBuffer();
}

/**
 * Directus beside us (scripts/bench/directus.ts): its /server/ping as its ceiling, its list with its memory cache and,
 * restarted with its cache off, without. First it must list the same 20 events in the same order as ours.
 * The ping is measured with the cache on, where each request also looks the cache up: a lower ceiling, so Directus's
 * fractions come out higher, never lower, than on a cacheless ping.
 */
async function measureDirectus(ourList: URL): Promise<RouteResult[]> {
  console.log(`\nStarting Directus ${DIRECTUS_VERSION} on SQLite with the same events …`);
  const setupStarted = performance.now();
  const peer = await prepareDirectus({ work, d1File: d1File(state), port: await freePort() });
  stopPeer = peer.stop;
  try {
    const ours = await fetch(ourList);
    const ourBody = await ours.text();
    if (!ours.ok) throw new Error(`--peer directus: our ${ourList.pathname} answered ${ours.status}`);
    const ourSlugs = (JSON.parse(ourBody) as { data: { slug: string }[] }).data.map((event) => event.slug);
    const rows: RouteResult[] = [];
    let ceiling = 0;
    const load = async (route: Route, pid: number) => {
      const result = await measure(route.url, { connections, duration, warmup, pid, ...(smoke ? { amount: connections * 5 } : {}) });
      if (route.id === 'directus-ping') ceiling = result.requestsPerSecond;
      const row = routeResult(route, result, ceiling, residentMb(pid));
      rows.push(row);
      console.log(`  ${row.title}: ${row.requestsPerSecond} req/s, p99 ${row.p99} ms`);
    };

    const cached = await peer.cached();
    const first = await peer.probe(cached);
    const again = await peer.probe(cached);
    if (first.slugs.join() !== ourSlugs.join()) {
      throw new Error(
        `--peer directus: Directus lists other events than ours, so the comparison would not be fair:\n` +
          `  ours:     ${ourSlugs.join(' ')}\n  Directus: ${first.slugs.join(' ')}`,
      );
    }
    if (again.cache !== 'HIT') throw new Error(`--peer directus: its second request for the list was a cache ${again.cache}, not a HIT`);
    console.log(
      `Directus ready in ${Math.round((performance.now() - setupStarted) / 1000)} s (pid ${cached.pid}, ${residentMb(cached.pid)} MB): ` +
        `the same ${ourSlugs.length} events in the same order; a list body of ${first.bytes} bytes against our ${Buffer.byteLength(ourBody)}.`,
    );
    await load({ id: 'directus-ping', title: '(D-a) Directus /server/ping', url: cached.ping, cached: true }, cached.pid);
    await load(
      { id: 'directus-list-cached', title: '(D-b) Directus /items/events, 20, memory cache', url: cached.list, cached: true },
      cached.pid,
    );
    await cached.stop();

    const uncached = await peer.uncached();
    const cold = await peer.probe(uncached);
    if (cold.cache !== null || cold.slugs.join() !== ourSlugs.join())
      throw new Error(`--peer directus: with its cache off, its list said cache ${cold.cache} or listed other events`);
    await load(
      { id: 'directus-list-uncached', title: '(D-c) Directus /items/events, 20, cache off', url: uncached.list, cached: false },
      uncached.pid,
    );
    return rows;
  } finally {
    await peer.stop();
    stopPeer = undefined;
  }
}

/** The built widget scripts in gzip kB: socius.js (every page) and all chunks together. */
function widgetSizes(): { eagerKb: number; allKb: number } {
  const folder = join(ROOT, 'dist', 'public', 'widgets', 'v1');
  const kb = (name: string) => gzipSync(readFileSync(join(folder, name))).length / 1024;
  const all = readdirSync(folder).filter((name) => name.endsWith('.js'));
  return { eagerKb: kb('socius.js'), allKb: all.reduce((sum, name) => sum + kb(name), 0) };
}

/** Routes whose latency matters to one user (the p99 target of search and facets), measured again at one connection. */
const ONE_CONNECTION = ['search', 'facets', 'list-words'];

let stopPeer: (() => Promise<void>) | undefined;
const started = performance.now();
const seconds = () => Math.round((performance.now() - started) / 100) / 10;
const work = mkdtempSync(join(tmpdir(), 'socius-bench-'));
const state = join(work, 'state');
let stop: (() => Promise<void>) | undefined;
const cleanUp = async () => {
  await stopPeer?.();
  const stopping = stop;
  stop = undefined;
  await stopping?.();
  if (values.keep) console.log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
};
// Ctrl+C must not leave workerd running or the seeded database in the temporary folder.
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

try {
  if (await ensureAssets()) console.log('Built the static assets (dist/public), which the Worker serves.');
  const script = bundleWorker(join(work, 'worker'));
  console.log(`Seeding ${events} events in ${state} …`);
  const seeded = await seedBenchDatabase(state, planFor(events));
  console.log(
    `Seeded ${seeded.plan.events} events, ${seeded.plan.analyses} analyses and ${seeded.plan.services} services (plus the seed) ` +
      `through the content import's statements (${seeded.rows} statements), ${seeded.searchRows} search documents, in ` +
      `${seeded.seconds.toFixed(1)} s (schema and seed ${seeded.phases.schemaAndSeed} s, content ${seeded.phases.content} s). ` +
      `"${seeded.commonWord}" is in ${Math.round(seeded.commonWordShare * 100)} % of the Dutch documents.`,
  );

  const served = await serve({ script, state });
  stop = served.stop;
  const { routes, deepPosition } = await benchRoutes(served, seeded.commonWord);
  const idleMb = residentMb(served.pid);
  // Every isolate the load goes through: the routers, the asset servers, the three Workers and D1. One left out keeps
  // its garbage, and the array buffers that garbage holds count as TCMalloc's bytes in use.
  const poke = async () => {
    for (const base of [served.cached, served.uncached, served.d1Ceiling])
      for (const path of ['/v1/about', '/widgets/version.json']) await (await fetch(new URL(path, base))).arrayBuffer();
  };
  const heldIdle = await heldMemory(served.pid, served.inspector, poke);
  console.log(
    `workerd pid ${served.pid} on ${served.cached.host} (cached) and ${served.uncached.host} (uncached), ${idleMb} MB anonymous memory.`,
  );
  const length = smoke ? `${connections * 5} requests` : `${duration} s`;
  console.log(`Deep page at ${deepPosition}. ${connections} connections, ${warmup} s warm-up, ${length} per route.\n`);

  const results: RouteResult[] = [];
  let staticRps = 0;
  // Latency as one user sees it: the ONE_CONNECTION routes again with one connection. With `connections` of them on two
  // cores, a request mostly waits behind the others (p99 is about connections ÷ req/s), which says how much load
  // the server takes, not how long one answer takes to make.
  const oneUser = routes
    .filter((route) => ONE_CONNECTION.includes(route.id))
    .map((route) => ({ ...route, id: `${route.id}-1`, title: `${route.title}, 1 connection`, connections: 1 }));
  const measured: (Route & { connections?: number })[] = [...routes, ...oneUser];
  for (const route of measured) {
    // The smoke run must see every route answer, even one slower than its second on a loaded CI machine.
    const settle = () => drain(served.uncached);
    const conns = route.connections ?? connections;
    const load = await measure(route.url, {
      connections: conns,
      duration,
      warmup,
      settle,
      pid: served.pid,
      ...(smoke ? { amount: conns * 5 } : {}),
    });
    if (route.id === 'static') staticRps = load.requestsPerSecond;
    await settle();
    const row = routeResult(route, load, staticRps, residentMb(served.pid));
    results.push(row);
    console.log(`  ${row.title}: ${row.requestsPerSecond} req/s, p99 ${row.p99} ms`);
  }
  // Give the runtime a moment without load, then see whether its memory came back.
  await new Promise((done) => setTimeout(done, smoke ? 500 : 5000));
  const afterIdleMb = residentMb(served.pid);
  const heldAfter = await heldMemory(served.pid, served.inspector, poke);
  const memory = { idleMb, afterIdleMb, fileMb: memoryMb(served.pid).fileMb, heldIdle, heldAfter };
  const peerRows = values.peer === 'directus' ? await measureDirectus(new URL('/v1/events?limit=20', served.uncached)) : [];
  results.push(...peerRows);
  // A smoke run's figures only prove the harness works: too few requests on too little data to judge targets by.
  const checked = smoke ? [] : targets(results, memory, events, seeded.seconds, widgetSizes());

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  console.log(`\nSocius Content API on workerd (no wrangler dev), ${events} events, ${machine}`);
  console.log(
    `${connections} connections, ${length} per route after ${warmup} s warm-up; workerd anonymous memory idle ${idleMb} MB, ${afterIdleMb} MB once the load stopped (file-backed ${memory.fileMb} MB apart)`,
  );
  console.log(`${heldLine('idle', heldIdle)}\n${heldLine('after the load', heldAfter)}\n`);
  console.log(table(results));
  const note = peerNote(results);
  if (note) console.log(note);
  if (!smoke) console.log(`\nTargets (issue 12):\n${targetLines(checked)}`);
  console.log(`\nSeed ${seeded.seconds.toFixed(1)} s, total ${seconds()} s.`);
  if (values.markdown) {
    const setup = `${connections} connections, ${length} per route after ${warmup} s warm-up, load average ${loadavg()[0]?.toFixed(1)} at the end`;
    console.log(`\n${markdown(results, checked, { events, machine, date: new Date().toISOString(), setup })}\n`);
  }

  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(
    jsonPath,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        options: { events, duration, warmup, connections, smoke },
        seed: seeded,
        deepPage: deepPosition,
        memory,
        routes: results,
        targets: checked,
        totalSeconds: seconds(),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Results in ${jsonPath}`);
  if (smoke) {
    const failed = results.filter((row) => row.requestsPerSecond === 0 || row.non2xx > 0 || row.errors > 0);
    if (failed.length > 0) throw new Error(`smoke: ${failed.map((row) => row.title).join('; ')} did not answer 2xx throughout`);
  }
} finally {
  await cleanUp();
}
