// Sustained concurrent load: one autocannon instance per route group and mode (the Worker as deployed, and the same
// Worker with the Cache API off), all running at once for the same time, in this process while workerd serves
// from its own. Every response's status and latency is recorded, so percentiles are exact per group, and a
// single 5xx anywhere is seen.
import autocannon from 'autocannon';
import type { RouteGroup } from './routes.ts';

export type Mode = 'cached' | 'uncached';

export interface GroupResult {
  group: string;
  title: string;
  mode: Mode;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Responses of 500 and above: the soak fails on any. */
  serverErrors: number;
  /** Answers other than the expected class (2xx, or 4xx for the bad-input group), 5xx excluded. */
  unexpected: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** A few of the failing answers, to say what went wrong. */
  samples: string[];
}

/** The value at quantile q of sorted values (nearest rank). */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return Math.round((sorted[rank - 1] ?? Number.NaN) * 10) / 10;
}

interface Lane {
  group: RouteGroup;
  mode: Mode;
  base: URL;
  connections: number;
}

/**
 * Deals `connections` out over every group and mode, one each in turn (all uncached lanes first, as those run the
 * whole app and D1 on every request), so 16 connections give each of 7 groups one per mode and two groups a second.
 */
export function lanes(groups: RouteGroup[], bases: Record<Mode, URL>, connections: number): Lane[] {
  const order: Lane[] = (['uncached', 'cached'] as const).flatMap((mode) =>
    groups.map((group) => ({ group, mode, base: bases[mode], connections: 0 })),
  );
  for (let i = 0; i < connections; i++) {
    const lane = order[i % order.length];
    if (lane) lane.connections += 1;
  }
  return order.filter((lane) => lane.connections > 0);
}

function drive(lane: Lane, duration: number): Promise<GroupResult> {
  const latencies: number[] = [];
  let serverErrors = 0;
  let unexpected = 0;
  const samples: string[] = [];
  const expected = (status: number) => (lane.group.expectsClientError ? status >= 400 && status < 500 : status >= 200 && status < 300);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: lane.base.href,
        connections: lane.connections,
        duration,
        // A slow answer under load is slow, not failed; one that takes this long is a timeout and counts as an error.
        timeout: 30,
        requests: lane.group.paths.map((path) => ({
          method: 'GET' as const,
          path,
          onResponse: (status: number) => {
            if (!expected(status) && samples.length < 5) samples.push(`${status} ${path}`);
          },
        })),
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          group: lane.group.id,
          title: lane.group.title,
          mode: lane.mode,
          connections: lane.connections,
          requests: latencies.length,
          requestsPerSecond: Math.round((latencies.length / Math.max(result.duration, 0.001)) * 10) / 10,
          p50: percentile(latencies, 0.5),
          p95: percentile(latencies, 0.95),
          p99: percentile(latencies, 0.99),
          max: percentile(latencies, 1),
          serverErrors,
          unexpected,
          errors: result.errors + result.timeouts,
          samples,
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (status >= 500) serverErrors += 1;
      else if (!expected(status)) unexpected += 1;
    });
  });
}

/** Runs every lane at once for `duration` seconds. */
export function soak(all: Lane[], duration: number): Promise<GroupResult[]> {
  return Promise.all(all.map((lane) => drive(lane, duration)));
}
