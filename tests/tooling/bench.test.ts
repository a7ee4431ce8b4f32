import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeldMemory } from '../../scripts/bench/held-memory.ts';
import type { RouteResult } from '../../scripts/bench/report.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ROUTES = [
  'static',
  'd1-ceiling',
  'list-cached',
  'list-uncached',
  'deep-page',
  'search',
  'item-cached',
  'item-uncached',
  'facets',
  'list-words',
  'calendar',
  'feed',
  // Latency as one user sees it (bench.ts ONE_CONNECTION).
  'search-1',
  'facets-1',
  'list-words-1',
];

interface Results {
  routes: RouteResult[];
  memory: { idleMb: number; afterIdleMb: number; heldIdle: HeldMemory; heldAfter: HeldMemory };
}

/** gdb reads TCMalloc's figures; without it on PATH the bench says so instead. */
const hasGdb = spawnSync('gdb', ['--version']).status === 0;

// The real harness end to end: its own D1, the built Worker on workerd, autocannon. About 30 s on an idle
// 2-core machine; the timeout allows for a CI machine that is busy with other work.
interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run bench -- …` (this Node, from the repository root), killed after `timeout` ms. */
function bench(args: string[], timeout: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(ROOT, 'scripts', 'bench.ts'), ...args], {
      cwd: ROOT,
      // wrangler must run on the Node in node_modules/.bin, as under `npm run`.
      env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('npm run bench -- --smoke', () => {
  const work = mkdtempSync(join(tmpdir(), 'socius-bench-test-'));
  const jsonPath = join(work, 'bench.json');
  let stdout = '';
  let results: Results;
  // Started beside the smoke run: loading the harness (wrangler, Miniflare) takes seconds on a busy machine before
  // the flag is read, time the smoke run spends waiting for its own processes anyway.
  let refusal: Promise<Run>;

  beforeAll(async () => {
    refusal = bench(['--peer', 'strapi'], 60_000);
    const run = await bench(['--smoke', '--markdown', '--json', jsonPath], 240_000);
    stdout = run.stdout;
    if (run.status !== 0) throw new Error(`bench --smoke exited with ${run.status}:\n${run.stdout}\n${run.stderr}`);
    results = JSON.parse(readFileSync(jsonPath, 'utf8')) as Results;
  }, 250_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('measures every route, and each answered only 2xx', () => {
    expect(results.routes.map((route) => route.id)).toEqual(ROUTES);
    for (const route of results.routes) {
      expect(route.requestsPerSecond, route.title).toBeGreaterThan(0);
      expect(route.non2xx + route.errors, route.title).toBe(0);
      expect(stdout, 'the printed table').toContain(route.title);
    }
  });

  it('reads the D1 round trips of every API route from Server-Timing', () => {
    for (const route of results.routes.filter((r) => r.id !== 'static')) {
      expect(route.d1RoundTrips, route.title).toBeGreaterThanOrEqual(0);
    }
  });

  it('serves cached routes from the Cache API and uncached ones never from it', () => {
    for (const route of results.routes.filter((r) => r.id !== 'static' && r.id !== 'd1-ceiling')) {
      if (route.cached) expect(route.cacheHitShare, route.title).toBeGreaterThan(0.5);
      else expect(route.cacheHitShare, route.title).toBe(0);
    }
  });

  it('prints the README table with --markdown', () => {
    expect(stdout).toMatch(
      /\| route \(200 events\) +\| req\/s \| p50 ms \| p99 ms \| × static \| D1 trips \| cache hit \| CPU ms\/req \| cores \| anon MB after \|/,
    );
    for (const route of results.routes)
      expect(stdout).toMatch(new RegExp(`\\| ${route.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\|`));
  });

  it('refuses a peer it does not know, naming the one it does', async () => {
    const run = await refusal;
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('--peer takes only "directus", got "strapi"');
  }, 60_000);

  it('reads what each answer cost the serving workerd in CPU, and how many cores it kept busy', () => {
    // Every uncached route reads D1 and renders a body: milliseconds a request even on a fast machine.
    for (const route of results.routes.filter((r) => !r.cached && r.id !== 'static')) {
      expect(route.cpuMsPerRequest, route.title).toBeGreaterThan(0);
      // workerd runs its isolates and local D1 on one thread; its other threads (I/O) add little.
      expect(route.cores, route.title).toBeGreaterThan(0);
      expect(route.cores, route.title).toBeLessThan(1.9);
    }
  });

  it('reports the resident memory of the serving workerd', () => {
    expect(results.memory.idleMb).toBeGreaterThan(10);
    for (const route of results.routes) expect(route.rssAfterMb, route.title).toBeGreaterThan(10);
  });

  it('tells what workerd still holds after a forced GC in every isolate from what it keeps free', () => {
    for (const held of [results.memory.heldIdle, results.memory.heldAfter]) {
      // Both Workers ran requests, so both collected: what V8 reports is after their garbage went.
      expect(held.notCollected).not.toContain('core:user:socius');
      expect(held.notCollected).not.toContain('core:user:socius-uncached');
      expect(held.v8UsedMb).toBeGreaterThan(1);
      expect(held.v8HeapMb).toBeGreaterThanOrEqual(held.v8UsedMb);
      if (hasGdb) {
        expect(held.mallocInUseMb).toBeGreaterThan(1);
        expect(held.mallocResidentMb).toBeGreaterThanOrEqual(held.mallocInUseMb ?? 0);
      } else {
        expect(stdout).toContain('TCMalloc not read');
      }
    }
    expect(stdout).toContain('After a forced GC (after the load): anonymous');
  });
});
