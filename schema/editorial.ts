// Tables of the editorial API that are not content: keys, revisions, the audit log and idempotency records.
// They carry no content-version triggers (a key being used must not invalidate every cached page); the test
// tests/api/content-version-triggers.test.ts names them as the exceptions.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { enumCheck, instant } from './columns.ts';

/** What a key may do. `events:submit` keys are bound to one organiser (`api_keys.organiser`). */
export const SCOPES = ['content:write', 'content:publish', 'events:submit', 'keys:admin', 'webhooks:admin'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * API keys. The key itself is never stored: `hash` is the SHA-256 (hex) of the whole key string, which is enough
 * for 256 random bits. `id` is also the public part of the key (`socius_<id>_<secret>`), so a request finds its
 * row by id and then compares hashes in constant time.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    hash: text().notNull(),
    scopes: text({ mode: 'json' }).$type<Scope[]>().notNull(),
    /** The organiser name an `events:submit` key may submit events for (matches `events.organiser_name`). */
    organiser: text(),
    createdAt: instant().notNull(),
    expiresAt: instant(),
    lastUsedAt: instant(),
    revokedAt: instant(),
  },
  (t) => [check('api_keys_scopes_is_array', sql`json_type(${t.scopes}) = 'array'`)],
);
export type ApiKey = typeof apiKeys.$inferSelect;

export const REVISION_ACTIONS = ['create', 'update', 'delete', 'restore', 'publish', 'unpublish'] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

/**
 * One row per accepted change of an item: which key (null for the scheduler), when, what changed and the whole
 * editable state after it (`snapshot`), so any revision can be restored. `version` is the item's version after
 * the change; (resource, item, version) is unique, so a lost race cannot leave a second revision behind.
 */
export const revisions = sqliteTable(
  'revisions',
  {
    resource: text().notNull(),
    itemId: text().notNull(),
    version: integer().notNull(),
    action: text({ enum: REVISION_ACTIONS }).notNull(),
    keyId: text(),
    at: instant().notNull(),
    changed: text({ mode: 'json' }).$type<string[]>().notNull(),
    snapshot: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.resource, t.itemId, t.version] }), enumCheck('revisions_action_check', t.action, REVISION_ACTIONS)],
);
export type Revision = typeof revisions.$inferSelect;

/**
 * Every write request that reached a handler, accepted or refused: who (key id), what (method, route, item), the
 * answer (`status`) and when. Kept for AUDIT_RETENTION_DAYS (api/lib/audit.ts); the scheduled handler prunes older rows.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: instant().notNull(),
    keyId: text(),
    method: text().notNull(),
    route: text().notNull(),
    resource: text(),
    itemId: text(),
    status: integer().notNull(),
    result: text().notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_item_idx').on(t.resource, t.itemId, t.at)],
);
export type AuditEntry = typeof auditLog.$inferSelect;

/**
 * `Idempotency-Key` records of `POST`s: per key holder and idempotency key, the hash of the request (method, path,
 * body) and the response first given, replayed for a retry of the same request. Pruned with the audit log's period.
 */
export const idempotencyRecords = sqliteTable(
  'idempotency_records',
  {
    keyId: text().notNull(),
    idempotencyKey: text().notNull(),
    requestHash: text().notNull(),
    status: integer().notNull(),
    headers: text({ mode: 'json' }).$type<Record<string, string>>().notNull(),
    body: text().notNull(),
    createdAt: instant().notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.idempotencyKey] }), index('idempotency_records_created_idx').on(t.createdAt)],
);
