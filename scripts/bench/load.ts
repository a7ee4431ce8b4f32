// Drives one URL with autocannon (this process; workerd serves from its own) for a fixed time with a fixed number of
// connections, after a warm-up whose results are dropped. Every response's Server-Timing is read, so the D1 round
// trips and the cache status are those of the measured requests, not of a separate probe.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadOptions {
  connections: number;
  /** Seconds of measured load; or, with `amount`, none: exactly that many requests, however long they take. */
  duration: number;
  amount?: number;
  warmup: number;
  /** Resolves once the server has finished what the warm-up left running, so the run starts on a clean queue. */
  settle?: () => Promise<void>;
  /** Sent with every request (Directus's cache is skipped by a header). */
  headers?: Record<string, string>;
  /** The serving process, whose CPU time (all its threads) during the measured run is divided among its requests. */
  pid?: number;
}

export interface LoadResult {
  /** Connections the load kept open. */
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Mean D1 round trips per response that reported them; null when none did (static assets). */
  d1RoundTrips: number | null;
  /** Share of responses that said `cache;desc="hit"`; null when none said anything about the cache. */
  cacheHitShare: number | null;
  /**
   * CPU milliseconds the serving process spent per request (user and system, all its threads), and how many cores
   * it kept busy on average: what a server costs per answer, apart from how many threads it can use. null without a pid.
   */
  cpuMsPerRequest: number | null;
  cores: number | null;
}

/** CPU time of a process so far, in ms: utime + stime of /proc/<pid>/stat (in USER_HZ, 100 a second on Linux). */
export function cpuMs(pid: number): number {
  // The command name (field 2) may hold spaces and parentheses: count fields from the last ')'.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line; fields[0] here is field 3.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

// The API writes `db;dur=…;desc="D1, N round trips"` and `cache;desc="hit|miss"` (api/middleware/*.ts).
const D1_TRIPS = /desc="D1, (\d+) round trips?"/;
const CACHE = /cache;desc="(\w+)"/;

function header(headers: Record<string, string | string[] | undefined> | undefined, name: string): string {
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(', ') : (value ?? '');
  }
  return '';
}

function run(
  url: URL,
  connections: number,
  length: { duration: number } | { amount: number },
  headers: Record<string, string> | undefined,
  onResponse?: (timing: string) => void,
): Promise<autocannon.Result> {
  return autocannon({
    url: url.href,
    connections,
    ...length,
    // autocannon ends a run at its next sample: with a fixed number of requests (smoke runs), every 100 ms instead of
    // every second, which alone made each smoke route take a second.
    ...('amount' in length ? { sampleInt: 100 } : {}),
    ...(headers ? { headers } : {}),
    // A slow route under many connections queues for seconds; count it as slow, not as failed.
    timeout: 60,
    requests: [
      {
        method: 'GET',
        // autocannon types headers as an outgoing-request object, but hands over what the response carried.
        onResponse: onResponse
          ? (_status, _body, _context, headers) => onResponse(header(headers as Record<string, string>, 'server-timing'))
          : undefined,
      },
    ],
  });
}

export async function measure(url: URL, options: LoadOptions): Promise<LoadResult> {
  if (options.warmup > 0) {
    await run(url, options.connections, { duration: options.warmup }, options.headers);
    await options.settle?.();
  }
  let reported = 0;
  let trips = 0;
  let cacheReported = 0;
  let hits = 0;
  const length = options.amount ? { amount: options.amount } : { duration: options.duration };
  const cpuBefore = options.pid ? cpuMs(options.pid) : 0;
  const result = await run(url, options.connections, length, options.headers, (timing) => {
    const d1 = D1_TRIPS.exec(timing);
    if (d1) {
      reported += 1;
      trips += Number(d1[1]);
    }
    const cache = CACHE.exec(timing);
    if (cache) {
      cacheReported += 1;
      if (cache[1] === 'hit') hits += 1;
    }
  });
  const cpu = options.pid ? cpuMs(options.pid) - cpuBefore : null;
  return {
    connections: options.connections,
    requestsPerSecond: Math.round((result.requests.total / Math.max(result.duration, 0.001)) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    d1RoundTrips: reported ? Math.round((trips / reported) * 100) / 100 : null,
    cacheHitShare: cacheReported ? Math.round((hits / cacheReported) * 100) / 100 : null,
    cpuMsPerRequest: cpu === null || result.requests.total === 0 ? null : Math.round((cpu / result.requests.total) * 100) / 100,
    cores: cpu === null ? null : Math.round((cpu / 1000 / Math.max(result.duration, 0.001)) * 100) / 100,
  };
}
