// The benchmark's table and its targets (issue 12), from the measured rows. Figures are ratios within one run on
// one machine: the static asset through the same workerd is the ceiling every route is compared with.
import { type HeldMemory, heldMb } from './held-memory.ts';
import type { LoadResult } from './load.ts';
import type { Route } from './routes.ts';

export interface RouteResult extends LoadResult {
  id: string;
  title: string;
  path: string;
  cached: boolean;
  ratioToStatic: number;
  rssAfterMb: number;
}

export interface Target {
  name: string;
  measured: string;
  met: boolean | null;
}

export function routeResult(route: Route, load: LoadResult, staticRps: number, rssAfterMb: number): RouteResult {
  return {
    id: route.id,
    title: route.title,
    path: `${route.url.pathname}${route.url.search}`,
    cached: route.cached,
    ...load,
    ratioToStatic: staticRps ? Math.round((load.requestsPerSecond / staticRps) * 100) / 100 : 0,
    rssAfterMb,
  };
}

/** One reading of held-memory.ts as a line of the report. */
export function heldLine(when: string, memory: HeldMemory): string {
  const malloc =
    memory.mallocInUseMb === null
      ? 'TCMalloc not read (no gdb, or it may not attach)'
      : `TCMalloc ${memory.mallocInUseMb} MB in use of ${memory.mallocResidentMb} MB resident`;
  return (
    `After a forced GC (${when}): anonymous ${memory.anonMb} MB; V8 ${memory.v8UsedMb} MB live of ${memory.v8HeapMb} MB of heaps; ${malloc}` +
    (memory.notCollected.length > 0 ? ` (not collected, no request reaches them: ${memory.notCollected.join(', ')})` : '')
  );
}

const fmt = (value: number | null, digits = 0) => (value === null ? '-' : value.toFixed(digits));

/**
 * The measured columns after the route's title, as both the printed table and the README's show them (`non-2xx`
 * only printed: a README run has none). A route that answered nothing within the run has no latency to show.
 */
const COLUMNS: { head: string; value: (r: RouteResult) => string; printedOnly?: true }[] = [
  { head: 'req/s', value: (r) => (r.requestsPerSecond < 10 ? r.requestsPerSecond.toFixed(1) : r.requestsPerSecond.toFixed(0)) },
  { head: 'p50 ms', value: (r) => (r.requests > 0 ? String(r.p50) : '-') },
  { head: 'p99 ms', value: (r) => (r.requests > 0 ? String(r.p99) : '-') },
  { head: '× static', value: (r) => r.ratioToStatic.toFixed(2) },
  { head: 'D1 trips', value: (r) => fmt(r.d1RoundTrips, 2) },
  { head: 'cache hit', value: (r) => (r.cacheHitShare === null ? '-' : `${Math.round(r.cacheHitShare * 100)} %`) },
  { head: 'CPU ms/req', value: (r) => fmt(r.cpuMsPerRequest, 2) },
  { head: 'cores', value: (r) => fmt(r.cores, 2) },
  { head: 'non-2xx', value: (r) => String(r.non2xx + r.errors), printedOnly: true },
  { head: 'anon MB after', value: (r) => String(r.rssAfterMb) },
];

export function table(rows: RouteResult[]): string {
  const head = ['route', ...COLUMNS.map((column) => column.head)];
  const body = rows.map((r) => [r.title, ...COLUMNS.map((column) => column.value(r))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** Issue 12's targets that one run can check (the comparison with Directus is made by `--peer directus`). */
export function targets(
  rows: RouteResult[],
  memory: { idleMb: number; afterIdleMb: number; fileMb?: number; heldIdle?: HeldMemory; heldAfter?: HeldMemory },
  events: number,
  seedSeconds: number,
  widgets: { eagerKb: number; allKb: number },
): Target[] {
  const by = (id: string) => rows.find((row) => row.id === id);
  const out: Target[] = [];
  const answered = (row: RouteResult) => row.requests > 0;
  const check = (name: string, measured: string, met: boolean | null) => out.push({ name, measured, met });
  for (const id of ['list-cached', 'item-cached']) {
    const row = by(id);
    if (!row) continue;
    check(`${row.title}: 0 D1 round trips on a hit`, fmt(row.d1RoundTrips, 2), answered(row) && row.d1RoundTrips === 0);
    check(`${row.title}: ≥ 0.8× static`, `${row.ratioToStatic.toFixed(2)}×`, answered(row) && row.ratioToStatic >= 0.8);
  }
  // Beside each uncached ratio, what one D1 round trip alone reaches here (serve.ts D1_CEILING): no route that reads
  // D1 can do better, whatever the Worker does.
  const ceiling = by('d1-ceiling');
  const alone = ceiling ? `; one D1 round trip alone ${ceiling.ratioToStatic.toFixed(2)}×` : '';
  for (const id of ['list-uncached', 'item-uncached']) {
    const row = by(id);
    if (!row) continue;
    check(`${row.title}: ≤ 1 D1 round trip`, fmt(row.d1RoundTrips, 2), row.d1RoundTrips !== null && row.d1RoundTrips <= 1);
    check(`${row.title}: ≥ 0.3× static`, `${row.ratioToStatic.toFixed(2)}×${alone}`, answered(row) && row.ratioToStatic >= 0.3);
  }
  const deep = by('deep-page');
  const firstPage = by('list-uncached');
  if (deep && firstPage) {
    const ratio = deep.p50 / Math.max(firstPage.p50, 1);
    check(
      'deep page p50 within 1.2× of the first page (at 100,000 events)',
      `${ratio.toFixed(2)}×`,
      events >= 100_000 ? answered(deep) && answered(firstPage) && ratio <= 1.2 : null,
    );
  }
  // Judged on one connection (bench.ts ONE_CONNECTION); the loaded p99 is shown beside it.
  for (const id of ['search', 'facets']) {
    const row = by(`${id}-1`);
    const loaded = by(id);
    if (row)
      check(
        `${row.title}: p99 < 50 ms (at 100,000 events)`,
        `${row.p99} ms${loaded ? ` (${loaded.p99} ms with ${loaded.connections} connections)` : ''}`,
        events >= 100_000 ? answered(row) && row.p99 < 50 : null,
      );
  }
  const directusCached = by('directus-list-cached');
  const directusUncached = by('directus-list-uncached');
  if (firstPage && directusUncached) {
    check(
      `uncached list ≥ 1.0× Directus's uncached list`,
      `${firstPage.requestsPerSecond} vs ${directusUncached.requestsPerSecond} req/s`,
      answered(firstPage) && firstPage.requestsPerSecond >= directusUncached.requestsPerSecond,
    );
    check(
      `uncached list: a larger fraction of our ceiling than Directus's of its /server/ping`,
      `${firstPage.ratioToStatic.toFixed(2)}× vs ${directusUncached.ratioToStatic.toFixed(2)}×`,
      answered(firstPage) && firstPage.ratioToStatic > directusUncached.ratioToStatic,
    );
  }
  const cachedList = by('list-cached');
  if (cachedList && directusCached) {
    check(
      `cached list: a larger fraction of our ceiling than Directus's of its /server/ping`,
      `${cachedList.ratioToStatic.toFixed(2)}× vs ${directusCached.ratioToStatic.toFixed(2)}×`,
      answered(cachedList) && cachedList.ratioToStatic > directusCached.ratioToStatic,
    );
  }
  check(
    'seeded through the content import in well under two minutes (at 100,000 events: < 90 s)',
    `${seedSeconds.toFixed(0)} s`,
    events >= 100_000 ? seedSeconds < 90 : null,
  );
  for (const id of ['calendar', 'feed']) {
    const row = by(id);
    if (row) check(`${row.title}: ≤ 1 D1 round trip`, fmt(row.d1RoundTrips, 2), row.d1RoundTrips !== null && row.d1RoundTrips <= 1);
  }
  check(
    'widgets: what a page with <socius-events> loads ≤ 30 kB gzip (socius.js)',
    `${widgets.eagerKb.toFixed(1)} kB`,
    widgets.eagerKb <= 30,
  );
  check(
    'widgets: socius.js and every file it loads on demand ≤ 30 kB gzip together',
    `${widgets.allKb.toFixed(1)} kB`,
    widgets.allKb <= 30,
  );
  // Judged on anonymous memory (RssAnon, serve.ts memoryMb): what workerd allocated and may keep. File-backed pages
  // (the workerd binary, a memory-mapped database) are the kernel's to drop and are printed apart, not judged.
  // Where it stays high, held-memory.ts tells what is still in use (V8's live objects, TCMalloc's allocations) from
  // what the runtime keeps free: the target's "or a measurement that shows the growth is not the app's".
  const growth = memory.afterIdleMb / Math.max(memory.idleMb, 1);
  const file = memory.fileMb === undefined ? '' : `; file-backed ${memory.fileMb} MB apart`;
  const heldIdle = memory.heldIdle ? heldMb(memory.heldIdle) : null;
  const heldAfter = memory.heldAfter ? heldMb(memory.heldAfter) : null;
  const heldGrowth = heldIdle !== null && heldAfter !== null ? heldAfter / Math.max(heldIdle, 1) : null;
  const held =
    heldGrowth === null
      ? '; in use after a forced GC not read (needs gdb)'
      : `; in use after a forced GC ${heldIdle} → ${heldAfter} MB (${heldGrowth.toFixed(2)}×), the rest free memory TCMalloc and V8 keep`;
  check(
    "workerd's anonymous memory back within 1.5× of idle after the load, or what it holds in use after a forced GC within 1.5×",
    `${memory.idleMb} → ${memory.afterIdleMb} MB (${growth.toFixed(2)}×)${held}${file}`,
    growth <= 1.5 || (heldGrowth !== null && heldGrowth <= 1.5),
  );
  return out;
}

/** A Markdown table laid out as the formatter (Biome) lays it out, so a pasted table passes `npm run lint`. */
function markdownTable(head: string[], right: boolean[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, 3, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (right[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = widths.map((w, i) => (right[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)));
  return [line(head), `| ${rule.join(' | ')} |`, ...rows.map(line)];
}

/**
 * The README's tables (GitHub Markdown): the routes, then every target with whether it was met, with the machine.
 * `npm run bench -- --events 100000 --markdown` prints them, so the README is updated by pasting.
 */
export function markdown(
  rows: RouteResult[],
  checked: Target[],
  about: { events: number; machine: string; date: string; setup: string },
): string {
  const cell = (value: string) => value.replaceAll('|', '\\|');
  const shown = COLUMNS.filter((column) => !column.printedOnly);
  const lines = [
    `Latest \`npm run bench -- --events ${about.events}\` (${about.date.slice(0, 10)}, ${about.machine}; ${about.setup}):`,
    '',
    ...markdownTable(
      [`route (${about.events.toLocaleString('en')} events)`, ...shown.map((column) => column.head)],
      [false, ...shown.map(() => true)],
      rows.map((r) => [cell(r.title), ...shown.map((column) => column.value(r))]),
    ),
  ];
  const note = peerNote(rows);
  if (note) lines.push('', note);
  if (checked.length > 0) {
    lines.push(
      '',
      ...markdownTable(
        ['target (issue 12)', 'measured', 'met'],
        [false, false, false],
        checked.map((t) => [cell(t.name), cell(t.measured), t.met === null ? 'n/a' : t.met ? 'yes' : '**no**']),
      ),
    );
  }
  return lines.join('\n');
}

/** What the `--peer directus` rows' ratio means, printed under the table when they are in it. */
export function peerNote(rows: RouteResult[]): string | undefined {
  if (!rows.some((row) => row.id.startsWith('directus-'))) return undefined;
  const lines = ["(D-…) rows: Directus 11 on Node, same events and list; their × static is the fraction of Directus's own /server/ping."];
  // Requests a second say how much load a server takes; CPU per request says what each answer costs it. workerd runs
  // every isolate and local D1 on one thread (about 1 core); Node runs Directus's SQLite queries on its thread pool.
  const ours = rows.find((row) => row.id === 'list-uncached');
  const theirs = rows.find((row) => row.id === 'directus-list-uncached');
  if (ours?.cpuMsPerRequest && theirs?.cpuMsPerRequest)
    lines.push(
      `Uncached list, CPU per request: ours ${ours.cpuMsPerRequest.toFixed(2)} ms on ${fmt(ours.cores, 2)} cores, ` +
        `Directus ${theirs.cpuMsPerRequest.toFixed(2)} ms on ${fmt(theirs.cores, 2)} cores ` +
        `(ours ${(theirs.cpuMsPerRequest / ours.cpuMsPerRequest).toFixed(2)}× as many answers per CPU second).`,
    );
  return lines.join('\n\n');
}

export function targetLines(list: Target[]): string {
  return list.map((t) => `${t.met === null ? '  n/a ' : t.met ? '  met ' : '  MISS '} ${t.name}: ${t.measured}`).join('\n');
}
