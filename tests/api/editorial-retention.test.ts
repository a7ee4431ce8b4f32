// The audit log and idempotency records are kept for the documented periods (README: 365 days and 24 hours) and
// no longer: the scheduled handler prunes what is older, and keeps what is younger.
import { createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../api/index.ts';
import { AUDIT_RETENTION_DAYS, IDEMPOTENCY_RETENTION_HOURS } from '../../api/lib/writes.ts';

const DAY = 86_400_000;

describe('retention', () => {
  it('prunes audit entries after 365 days and idempotency records after 24 hours, on the Cron Trigger', async () => {
    expect([AUDIT_RETENTION_DAYS, IDEMPOTENCY_RETENTION_HOURS]).toEqual([365, 24]);
    const now = Date.now();
    const audit = `insert into audit_log (at, key_id, method, route, status, result) values (?, 'k', 'PATCH', ?, 200, 'updated')`;
    const idem = `insert into idempotency_records (key_id, idempotency_key, request_hash, status, headers, body, created_at)
                  values ('k', ?, 'h', 201, '{}', '{}', ?)`;
    await env.DB.batch([
      env.DB.prepare(audit).bind(now - 366 * DAY, '/retention/old'),
      env.DB.prepare(audit).bind(now - 364 * DAY, '/retention/young'),
      env.DB.prepare(idem).bind('retention-old', now - 25 * 3_600_000),
      env.DB.prepare(idem).bind('retention-young', now - 23 * 3_600_000),
    ]);
    await worker.scheduled(createScheduledController({ scheduledTime: new Date(now), cron: '* * * * *' }), env, {
      waitUntil: () => {},
      passThroughOnException: () => {},
    } as unknown as ExecutionContext);
    const routes = await env.DB.prepare(`select route from audit_log where route like '/retention/%'`).all<{ route: string }>();
    expect(routes.results.map((r) => r.route)).toEqual(['/retention/young']);
    const keys = await env.DB.prepare(`select idempotency_key as k from idempotency_records where key_id = 'k'`).all<{ k: string }>();
    expect(keys.results.map((r) => r.k)).toEqual(['retention-young']);
  });
});
