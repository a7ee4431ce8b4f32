// The retention SECURITY.md promises: the Cron Trigger deletes audit entries after AUDIT_RETENTION_DAYS and
// idempotency records after IDEMPOTENCY_RETENTION_HOURS, and keeps everything younger.
import { createExecutionContext, createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../api/index.ts';
import { AUDIT_RETENTION_DAYS, IDEMPOTENCY_RETENTION_HOURS } from '../../api/lib/writes.ts';
import { auditLog, idempotencyRecords } from '../../schema/editorial.ts';
import { testDb } from './editorial-helpers.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('the scheduled handler', () => {
  it(`deletes audit entries older than ${AUDIT_RETENTION_DAYS} days and idempotency records older than ${IDEMPOTENCY_RETENTION_HOURS} hours, and keeps younger ones`, async () => {
    const now = Date.now();
    const entry = (id: number, age: number) => ({
      id,
      at: new Date(now - age),
      keyId: 'retention-test',
      method: 'POST',
      route: '/v1/topics',
      status: 201,
      result: 'created',
    });
    const record = (idempotencyKey: string, age: number) => ({
      keyId: 'retention-test',
      idempotencyKey,
      requestHash: 'x',
      status: 201,
      headers: {},
      body: '{}',
      createdAt: new Date(now - age),
    });
    await testDb()
      .insert(auditLog)
      .values([entry(900_001, AUDIT_RETENTION_DAYS * DAY + HOUR), entry(900_002, AUDIT_RETENTION_DAYS * DAY - HOUR)]);
    await testDb()
      .insert(idempotencyRecords)
      .values([record('old', IDEMPOTENCY_RETENTION_HOURS * HOUR + 60_000), record('young', IDEMPOTENCY_RETENTION_HOURS * HOUR - 60_000)]);

    await worker.scheduled(createScheduledController({ scheduledTime: new Date(now), cron: '* * * * *' }), env, createExecutionContext());

    const audit = await env.DB.prepare("SELECT id FROM audit_log WHERE key_id = 'retention-test' ORDER BY id").all<{ id: number }>();
    expect(audit.results.map((row) => row.id)).toEqual([900_002]);
    const records = await env.DB.prepare("SELECT idempotency_key AS k FROM idempotency_records WHERE key_id = 'retention-test'").all<{
      k: string;
    }>();
    expect(records.results.map((row) => row.k)).toEqual(['young']);
  });
});
