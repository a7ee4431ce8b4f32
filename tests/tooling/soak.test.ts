// The short form of `npm run soak`: the built Worker on workerd over a D1 of its own, every route group under
// concurrent load for 5 s. It fails on any 5xx, failed request or unexpected status, or when the serving workerd's
// memory ends beyond the bound the script documents (2 × its size after warm-up).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupResult } from '../../scripts/soak/load.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const GROUPS = ['lists', 'items', 'search', 'feeds', 'calendar', 'pages', 'errors'];

interface Results {
  memory: { startMb: number; endMb: number; idleMb: number; limitMb: number };
  totals: { requests: number; serverErrors: number; other: number };
  groups: GroupResult[];
  problems: string[];
}

describe('npm run soak -- --duration 5', () => {
  const work = mkdtempSync(join(tmpdir(), 'socius-soak-test-'));
  const jsonPath = join(work, 'soak.json');
  let status: number | null = null;
  let output = '';
  let results: Results;

  beforeAll(() => {
    // The seed alone (no synthetic events) and a short idle pause keep the whole run near 30 s on 2 cores.
    const run = spawnSync(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        join(ROOT, 'scripts', 'soak.ts'),
        ...['--duration', '5', '--connections', '16', '--events', '0', '--idle', '2', '--json', jsonPath],
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        // wrangler must run on the Node in node_modules/.bin, as under `npm run`.
        env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
        timeout: 170_000,
      },
    );
    status = run.status;
    output = `${run.stdout}\n${run.stderr}`;
    results = JSON.parse(readFileSync(jsonPath, 'utf8')) as Results;
  }, 180_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('answers every request of every route group without a 5xx or a failure, and says so by its exit code', () => {
    expect(results.problems, output).toEqual([]);
    expect(status, output).toBe(0);
    expect(results.totals.serverErrors).toBe(0);
    expect(results.totals.other).toBe(0);
    expect([...new Set(results.groups.map((group) => group.group))]).toEqual(GROUPS);
    for (const group of results.groups) {
      expect(group.requests, `${group.group} (${group.mode})`).toBeGreaterThan(0);
      expect(group.p99, `${group.group} (${group.mode})`).toBeGreaterThanOrEqual(group.p50);
    }
  });

  it('keeps the serving workerd within its memory bound, measured from /proc', () => {
    expect(results.memory.startMb).toBeGreaterThan(10);
    expect(results.memory.endMb).toBeLessThanOrEqual(results.memory.limitMb);
    expect(results.memory.idleMb).toBeLessThanOrEqual(results.memory.limitMb);
    expect(output).toMatch(/workerd RSS: start \d+ MB, peak \d+ MB, end \d+ MB/);
  });
});
