// Cached responses are keyed by content_state.version, which only triggers bump (schema/migrations/
// 0003_content_version_triggers.sql). A content table without them would serve stale lists after a write,
// silently: this fails as soon as a table in the drizzle schema lacks one of the three.
import { env } from 'cloudflare:test';
import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../schema/index.ts';

/**
 * Tables whose rows are not content: the version itself, and the editorial bookkeeping (keys, revisions, audit
 * log, idempotency records), which must NOT bump it: a key being used or a write being logged changes no public
 * answer, and bumping would empty every edge cache on each request with a key. (The FTS5 search index is not a
 * drizzle table.) event_counts is written only by triggers on events and event_topics, whose writes bump the
 * version themselves; likewise `changes` (the change feed's log) is written only by triggers on the content tables.
 */
// Webhook subscriptions and their delivery log are bookkeeping of the same kind: an attempt changes no public answer.
const EDITORIAL_BOOKKEEPING = ['api_keys', 'revisions', 'audit_log', 'idempotency_records', 'webhook_subscriptions', 'webhook_deliveries'];
const NOT_CONTENT = new Set(['content_state', 'event_counts', 'changes', ...EDITORIAL_BOOKKEEPING]);

const contentTables = (Object.values(schema) as unknown[])
  .filter((value): value is SQLiteTable => is(value, SQLiteTable))
  .map((table) => getTableName(table))
  .filter((name) => !NOT_CONTENT.has(name))
  .sort();

async function triggersOn(table: string) {
  const { results } = await env.DB.prepare(`select sql from sqlite_master where type = 'trigger' and tbl_name = ?`)
    .bind(table)
    .all<{ sql: string }>();
  return results.map((row) => row.sql.replace(/\s+/g, ' '));
}

const bumps = /\bupdate\s+`?content_state`?\s+set\s+`?version`?\s*=\s*`?version`?\s*\+\s*1\b/i;

async function version() {
  return (await env.DB.prepare('select version from content_state where id = 1').first<{ version: number }>())?.version ?? 0;
}

describe('every content table bumps the content version', () => {
  it('reads the content tables from the drizzle schema', () => {
    expect(contentTables).toEqual(expect.arrayContaining(['about', 'events', 'event_sessions', 'analyses', 'services', 'topics']));
  });

  it.each(contentTables)('%s has insert, update and delete triggers that bump content_state', async (table) => {
    const triggers = await triggersOn(table);
    for (const event of ['insert', 'update', 'delete']) {
      const found = triggers.filter((sql) => new RegExp(`\\bafter ${event} on \`?${table}\`?`, 'i').test(sql) && bumps.test(sql));
      expect(found, `${table} needs an AFTER ${event.toUpperCase()} trigger that bumps content_state.version`).toHaveLength(1);
    }
  });

  it.each(contentTables)('a write to %s changes the version caches are keyed by', async (table) => {
    const row = await env.DB.prepare(`select rowid as id from \`${table}\` limit 1`).first<{ id: number }>();
    if (!row) return; // the seed holds no row to touch; the trigger check above still covers the table
    const before = await version();
    // A no-op UPDATE still fires AFTER UPDATE triggers, and leaves the seeded content as it was.
    const column = (await env.DB.prepare(`select name from pragma_table_info(?) limit 1`).bind(table).first<{ name: string }>())?.name;
    await env.DB.prepare(`update \`${table}\` set \`${column}\` = \`${column}\` where rowid = ?`).bind(row.id).run();
    expect(await version()).toBeGreaterThan(before);
  });
});

describe('editorial bookkeeping leaves the content version alone', () => {
  it('reads the bookkeeping tables from the drizzle schema', () => {
    const all = (Object.values(schema) as unknown[])
      .filter((value): value is SQLiteTable => is(value, SQLiteTable))
      .map((t) => getTableName(t));
    expect(all).toEqual(expect.arrayContaining(EDITORIAL_BOOKKEEPING));
  });

  it.each(EDITORIAL_BOOKKEEPING)('%s has no trigger that bumps content_state', async (table) => {
    expect((await triggersOn(table)).filter((sql) => bumps.test(sql))).toEqual([]);
  });

  it('using a key and logging a write do not change the version caches are keyed by', async () => {
    const before = await version();
    await env.DB.batch([
      env.DB.prepare(`insert into api_keys (id, name, hash, scopes, created_at) values ('00000000000000aa', 't', 'h', '[]', 0)`),
      env.DB.prepare(`update api_keys set last_used_at = 1 where id = '00000000000000aa'`),
      env.DB.prepare(`insert into audit_log (at, method, route, status, result) values (0, 'PATCH', '/v1/topics/x', 412, 'refused: 412')`),
      env.DB.prepare(
        `insert into idempotency_records (key_id, idempotency_key, request_hash, status, headers, body, created_at) values ('k', 'i', 'h', 201, '{}', '{}', 0)`,
      ),
      env.DB.prepare(
        `insert into revisions (resource, item_id, version, action, at, changed, snapshot) values ('topics', 'x', 2, 'update', 0, '[]', '{}')`,
      ),
    ]);
    expect(await version()).toBe(before);
  });
});
