// npm run bench: throughput and latency of the public API under `wrangler dev` (local D1 and Cache API) on the
// seed plus EXTRA_EVENTS synthetic events. Prints numbers; asserts nothing. wrangler dev's Node proxy caps what
// any route can reach here (a static asset tops out near 350-650 req/s on this machine), so read the figures
// as ratios between routes within one run, never as production claims.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { getPlatformProxy } from 'wrangler';
import { migrateLocal, ROOT, seedLocal, startDev } from './local.ts';

const EXTRA_EVENTS = Number(process.env.EXTRA_EVENTS ?? 2000);
const DURATION_S = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);

const work = mkdtempSync(join(tmpdir(), 'socius-bench-'));
const state = join(work, 'state');
await migrateLocal(state, true);
await seedLocal(state);

// Synthetic upcoming events (one session, Dutch text, a topic) so lists and facets work on a realistic size.
const proxy = await getPlatformProxy<{ DB: D1Database }>({
  configPath: join(ROOT, 'wrangler.toml'),
  persist: { path: join(state, 'v3') },
  remoteBindings: false,
});
const topic = await proxy.env.DB.prepare('select id from topics limit 1').first<{ id: string }>();
const cities = ['Gent', 'Antwerpen', 'Brussel', 'Leuven', 'Brugge', 'Hasselt'];
for (let start = 0; start < EXTRA_EVENTS; start += 200) {
  const statements: D1PreparedStatement[] = [];
  for (let i = start; i < Math.min(start + 200, EXTRA_EVENTS); i++) {
    const id = `bench-${i}`;
    const at = Date.now() + (1 + (i % 365)) * 86_400_000 + i * 1000;
    statements.push(
      proxy.env.DB.prepare(
        `insert into events (id, slug, status, event_status, attendance_mode, starts_at, ends_at, city, postal_code, organiser_name, is_free, availability, created_at, updated_at)
         values (?, ?, 'published', 'scheduled', 'offline', ?, ?, ?, '9000', 'Socius', 1, 'available', ?, ?)`,
      ).bind(id, id, at, at + 7_200_000, cities[i % cities.length]!, Date.now(), Date.now()),
      proxy.env.DB.prepare(`insert into event_translations (event_id, lang, title, summary) values (?, 'nl', ?, ?)`).bind(
        id,
        `Testactiviteit ${i}`,
        'Een activiteit om te meten.',
      ),
      proxy.env.DB.prepare(`insert into event_sessions (id, event_id, position, starts_at, ends_at) values (?, ?, 0, ?, ?)`).bind(
        `${id}-s`,
        id,
        at,
        at + 7_200_000,
      ),
      proxy.env.DB.prepare(`insert into event_topics (event_id, topic_id) values (?, ?)`).bind(id, topic!.id),
    );
  }
  await proxy.env.DB.batch(statements);
}
await proxy.dispose();

const server = await startDev({ port: Number(process.env.PORT ?? 8799), persistTo: state, quiet: true });
const url = new URL(server.url);

async function run(title: string, path: string, vary?: () => string): Promise<void> {
  const result = await autocannon({
    url: new URL(path, url).href,
    connections: CONNECTIONS,
    duration: DURATION_S,
    ...(vary ? { requests: [{ setupRequest: (request) => ({ ...request, path: `${path}${vary()}` }) }] } : {}),
  });
  const errors = result.non2xx + result.errors;
  console.log(
    `${title.padEnd(44)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   ${errors ? `${errors} errors` : ''}`,
  );
}

function workerdRssMb(): string {
  try {
    const pids = execFileSync('pgrep', ['-f', 'workerd serve'], { encoding: 'utf8' }).trim().split('\n');
    const kb = pids.map((pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0));
    return `${(kb.reduce((a, b) => a + b, 0) / 1024).toFixed(0)} MB`;
  } catch {
    return 'unknown';
  }
}

console.log(
  `\nSocius Content API under wrangler dev (${url.origin}), ${EXTRA_EVENTS} extra events, ${CONNECTIONS} connections, ${DURATION_S}s each\n`,
);
let n = 0;
await run('GET /v1/events?limit=20 (edge cache hit)', '/v1/events?limit=20&lang=fr');
await run(
  'GET /v1/events?limit=20 (cache miss, D1)',
  '/v1/events?limit=20&lang=fr',
  () => `&from=2026-01-01T00:00:${String(n++ % 60).padStart(2, '0')}.${n}Z`,
);
await run(
  'GET /v1/events facets+filter (cache miss)',
  '/v1/events?limit=20&city=Gent&facets=topic,city',
  () => `&from=2026-01-01T00:00:00.${n++}Z`,
);
await run('GET /v1/events/{slug} (edge cache hit)', '/v1/events/bench-42');
await run(
  'GET /v1/search?q=… (300 URLs, mostly hits)',
  '/v1/search?q=vrijwilligers',
  () => `&lang=${['nl', 'en', 'fr'][n++ % 3]}&limit=${1 + (n % 100)}`,
);
console.log(`\nworkerd resident memory after the runs (all wrangler dev workerd processes, cache included): ${workerdRssMb()}`);

await server.stop();
rmSync(work, { recursive: true, force: true });
