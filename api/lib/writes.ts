// The write pipeline every editable resource goes through (topics, services, about, analyses, events).
//
// Guarantees, and how they are kept on D1 (no interactive transactions, but `batch()` is atomic):
// - Optimistic concurrency. Every item has a `version`; its ETag is `"<version>"`. `PATCH`/`DELETE`/restore need
//   `If-Match` (428 without, 412 with the current ETag when stale). The batch starts with a conditional
//   `UPDATE … WHERE id = ? AND version = ?`, and the next statement inserts the revision row whose `version` is
//   `CASE WHEN changes() = 1 THEN <new> ELSE NULL END`: when another writer got in between the read and the batch,
//   the update changes nothing, the NULL breaks `revisions.version NOT NULL`, and SQLite rolls the whole batch back.
//   The revision's primary key (resource, item, version) is a second guard. So a lost race writes nothing and
//   answers 412, and no accepted write is ever overwritten unknowingly.
// - Atomicity. The item row, its children (translations, links, search index: whatever the resource adds), the
//   revision, the audit entry and the idempotency record are ONE `db.batch()`: all of it lands, or none.
// - Revisions. Each accepted change stores the editable state after it (`snapshot`), which fields changed, the key
//   and the time. Restoring a revision writes its content fields again as a new revision (the workflow state
//   stays as it is, so a restore never publishes by itself).
// - Deletes are soft: the item is archived and `deleted_at` set; the row stays as a tombstone. `?purge=true`
//   (keys:admin only) removes the row, its children and its revisions for good; the audit entry stays.
// - Workflow: draft → review → published → archived. Publishing, archiving and scheduling (`publishAt`,
//   `unpublishAt`) need `content:publish`; the scheduled handler ({@link runSchedule}) carries them out on time.
import { z } from '@hono/zod-openapi';
import { and, desc, eq, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { SQLiteAsyncDialect, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { CHANGES_RETENTION_DAYS, changes } from '../../schema/changes.ts';
import { WORKFLOW_STATUSES, type WorkflowStatus } from '../../schema/columns.ts';
import { auditLog, idempotencyRecords, type RevisionAction, revisions, type Scope } from '../../schema/editorial.ts';
import type { AppEnv, Db } from '../env.ts';
import { ApiError, invalidBody, pointer } from '../errors.ts';
import { currentKey, hasScope, requireKey } from './auth.ts';
import { toBrusselsIso } from './brussels-time.ts';
import { contentChanged } from './content-version.ts';
import { plainTextInput } from './rich-text-input.ts';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slugs.ts';

/**
 * A statement of a write batch: a drizzle query (insert, update, delete, select) or {@link rawStatement}.
 * Batches run on D1 directly from each statement's SQL and values: drizzle 0.45 cannot batch raw SQL with
 * bound values on D1.
 */
export interface Statement {
  toSQL(): { sql: string; params: unknown[] };
}

const dialect = new SQLiteAsyncDialect({ casing: 'snake_case' });

/** A hand-written statement (drizzle's `sql` template, identifiers spelt out) for a write batch. */
/** A hand-written statement (text and parameters) as a batch statement. */
export const sqlStatement = (statement: { sql: string; params: unknown[] }): Statement => ({ toSQL: () => statement });

export function rawStatement(query: SQL): Statement {
  return { toSQL: () => dialect.sqlToQuery(query) };
}

/** The columns the pipeline reads and writes on every content table (see `editorial` in schema/columns.ts). */
export type ItemTable = SQLiteTable & {
  id: SQLiteColumn;
  slug: SQLiteColumn;
  status: SQLiteColumn;
  version: SQLiteColumn;
  publishAt: SQLiteColumn;
  unpublishAt: SQLiteColumn;
  deletedAt: SQLiteColumn;
  createdAt: SQLiteColumn;
  updatedAt: SQLiteColumn;
};

/** Fields of every editable representation, managed by the pipeline. */
export interface EditableBase {
  id: string;
  slug: string;
  status: WorkflowStatus;
  version: number;
  publishAt: string | null;
  unpublishAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Pipeline-managed fields a client may send (slug, workflow, schedule); the rest is the resource's own. */
export interface EditorialInput {
  slug?: string | undefined;
  status?: WorkflowStatus | undefined;
  publishAt?: string | null | undefined;
  unpublishAt?: string | null | undefined;
}

// At most 80 characters, like every slug the API makes (slugify) and every slug reference an item's input takes
// (topics, service): a longer one could be set here but not referenced, and items naming it could not be edited.
const SLUG = z
  .string()
  .min(1)
  .max(SLUG_MAX_LENGTH)
  .regex(SLUG_PATTERN, 'A slug is lowercase letters, digits and single hyphens')
  .refine((value) => !/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(value), 'A slug may not look like an item id')
  .openapi({ description: 'Unique among items of this kind; the public URL of the item.', example: 'vrijwilligerswerk' });
const INSTANT = z.iso.datetime({ offset: true }).openapi({ example: '2026-12-15T09:00:00+01:00' });

/** A required slug (resources that generate slugs from the Dutch title use `editorialInputFields.slug`). */
export const slugField = SLUG;

/** Input fields every resource's create schema spreads in. */
export const editorialInputFields = {
  slug: SLUG.optional(),
  status: z
    .enum(WORKFLOW_STATUSES)
    .optional()
    .openapi({ description: 'Workflow state; `draft` when absent. `published` and `archived` need `content:publish`.' }),
  publishAt: INSTANT.nullable()
    .optional()
    .openapi({ description: 'When the scheduled handler publishes the item (needs `content:publish`); cleared once done.' }),
  unpublishAt: INSTANT.nullable()
    .optional()
    .openapi({ description: 'When the scheduled handler archives the item (needs `content:publish`); cleared once done.' }),
};

/** Output fields of every editable representation. */
export const editorialOutputFields = {
  id: z.string().openapi({ example: '3caad1ae-bd26-4125-b080-19c6c287d714' }),
  slug: z.string().openapi({ example: 'vrijwilligerswerk' }),
  status: z.enum(WORKFLOW_STATUSES).openapi({ example: 'draft' }),
  version: z.int().openapi({ description: 'Goes up by one with every accepted change; the `ETag` is `"<version>"`.', example: 3 }),
  publishAt: z.string().nullable().openapi({ example: null }),
  unpublishAt: z.string().nullable().openapi({ example: null }),
  createdAt: z.string().openapi({ example: '2026-11-02T10:15:00+01:00' }),
  updatedAt: z.string().openapi({ example: '2026-11-02T10:15:00+01:00' }),
};

/**
 * JSON merge patch schema (RFC 7396) of a create schema: every field optional; `null` removes a field, so it is
 * accepted only where the field itself may be absent. A field the item must have therefore cannot be nulled, and a
 * patch that passes this schema merges into an item that passes the create schema (checked again after merging).
 */
export function mergePatchSchema(schema: z.ZodObject): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (field instanceof z.ZodOptional) {
      const inner = field.unwrap() as z.ZodType;
      const base = inner instanceof z.ZodNullable ? (inner.unwrap() as z.ZodType) : inner;
      shape[key] = (base instanceof z.ZodObject ? mergePatchSchema(base) : base).nullable().optional();
    } else {
      shape[key] = (field instanceof z.ZodObject ? mergePatchSchema(field) : field).optional();
    }
  }
  return z.strictObject(shape);
}

/** RFC 7396: objects merge member by member, `null` removes, anything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

/** Top-level fields whose values differ (JSON comparison, absent = null): what a revision records as changed. */
export function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => !PIPELINE_FIELDS.has(key) && JSON.stringify(before?.[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .sort();
}
const PIPELINE_FIELDS = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/** What a resource tells the pipeline about itself. `E` is its editable representation, `I` its create input. */
export interface EditableResource<E extends EditableBase, I extends EditorialInput> {
  /** Plural name: `revisions.resource`, the audit entry, and messages (`topics`). */
  name: string;
  /** Singular for messages (`topic`). */
  label: string;
  table: ItemTable;
  /** The editable state of an item (every language, every status), or undefined. */
  read(db: Db, id: string): Promise<E | undefined>;
  /** The editable state `input` describes, before it is written (sanitise, derive, default here). */
  build(input: I, base: EditableBase, previous: E | undefined): E | Promise<E>;
  /** Columns of the item's own row besides the pipeline's (id, slug, status, version, schedule, times). */
  columns(item: E): Record<string, unknown>;
  /** Statements that write everything else of the item (translations, links, search index), after its row. */
  children(db: Db, item: E, previous: E | undefined): Statement[] | Promise<Statement[]>;
  /**
   * Runs first in create (`previous` undefined), update (with the validated, merged input) and soft delete (`input`
   * undefined), with the request: settles what needs the database (a slug made unique) and refuses what the key may
   * not do to this item (partner keys). Returns the input to build from. (Added by the analyses/events writes.)
   */
  prepare?(c: Context<AppEnv>, input: I | undefined, previous: E | undefined): Promise<I | undefined>;
  /** Checks the whole item can only be judged on (all reported with the body's violations). */
  check?(db: Db, item: E, previous: E | undefined): Issue[] | Promise<Issue[]>;
}

/** One violation for a 422, with the path into the request body. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

export const etagOf = (version: number) => `"${version}"`;

const toIso = (value: Date | number | null | undefined) => (value == null ? null : toBrusselsIso(new Date(value)));

/** The pipeline fields of a row of an item table, as the editable representation shows them. */
export function editableBase(row: {
  id: string;
  slug: string;
  status: WorkflowStatus;
  version: number;
  publishAt: Date | null;
  unpublishAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}): EditableBase {
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    version: row.version,
    publishAt: toIso(row.publishAt),
    unpublishAt: toIso(row.unpublishAt),
    createdAt: toIso(row.createdAt) ?? '',
    updatedAt: toIso(row.updatedAt) ?? '',
  };
}

interface ItemRow {
  id: string;
  slug: string;
  version: number;
  status: WorkflowStatus;
  deletedAt: number | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The item a write path names, by id or by current slug (slugs never look like ids); 404 when none or deleted. */
export async function findItem(db: Db, resource: { table: ItemTable; label: string }, idOrSlug: string, withDeleted = false) {
  const { table } = resource;
  const [row] = await db
    .select({ id: table.id, slug: table.slug, version: table.version, status: table.status, deletedAt: table.deletedAt })
    .from(table)
    .where(UUID.test(idOrSlug) ? eq(table.id, idOrSlug) : eq(table.slug, idOrSlug))
    .limit(1);
  const item = row as unknown as ItemRow | undefined;
  if (!item || (item.deletedAt !== null && !withDeleted)) {
    throw new ApiError('not-found', `No ${resource.label} has the id or slug "${idOrSlug}".`);
  }
  return item;
}

/** The version `If-Match` names; 428 when absent (or `*`), 412 when it is not the item's current one. */
export function requireIfMatch(c: Context<AppEnv>, current: number): number {
  const header = c.req.header('If-Match')?.trim();
  if (!header || header === '*') {
    throw new ApiError(
      'precondition-required',
      'Send the `ETag` you last read of this item in `If-Match` to change it (`*` is not accepted).',
    );
  }
  const tags = header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (!tags.includes(etagOf(current))) throw stale(header, current);
  return current;
}

function stale(sent: string, current: number): ApiError {
  return new ApiError(
    'precondition-failed',
    `The item changed since version ${sent}: its current version is ${etagOf(current)}.`,
    undefined,
    {
      headers: { ETag: etagOf(current) },
      extensions: { currentETag: etagOf(current) },
    },
  );
}

/** Scope and transition rules of the workflow; violations are 403 (scope) or listed as 422 issues. */
function checkWorkflow(c: Context<AppEnv>, next: EditableBase, previous: EditableBase | undefined): void {
  const key = currentKey(c);
  const publishing =
    (next.status !== previous?.status && (next.status === 'published' || next.status === 'archived' || previous?.status === 'published')) ||
    next.publishAt !== (previous?.publishAt ?? null) ||
    next.unpublishAt !== (previous?.unpublishAt ?? null);
  if (publishing && !hasScope(key, 'content:publish')) {
    throw new ApiError(
      'forbidden',
      'Publishing, unpublishing, archiving and scheduling need the scope "content:publish"; this key may only edit drafts and items in review.',
    );
  }
}

function scheduleIssues(item: EditableBase): Issue[] {
  const issues: Issue[] = [];
  if (item.publishAt && item.unpublishAt && Date.parse(item.unpublishAt) <= Date.parse(item.publishAt)) {
    issues.push({ path: ['unpublishAt'], message: 'Must be later than publishAt' });
  }
  if (item.publishAt && item.status === 'published') {
    issues.push({ path: ['publishAt'], message: 'The item is already published; remove publishAt or set status to draft or review' });
  }
  return issues;
}

/** Values as SQLite stores them: instants in ms, booleans as 0/1, objects as JSON. */
function sqlValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value ?? null;
}
const snake = (key: string) => key.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
const tableName = (table: SQLiteTable) => (table as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')] ?? '';
const msOrNull = (iso: string | null) => (iso === null ? null : Date.parse(iso));

function pipelineColumns(item: EditableBase, now: number): Record<string, unknown> {
  return {
    slug: item.slug,
    status: item.status,
    publishAt: msOrNull(item.publishAt),
    unpublishAt: msOrNull(item.unpublishAt),
    deletedAt: null,
    updatedAt: now,
  };
}

function assignments(columns: Record<string, unknown>): SQL {
  return sql.join(
    Object.entries(columns).map(([key, value]) => sql`${sql.identifier(snake(key))} = ${sqlValue(value)}`),
    sql`, `,
  );
}

/** `UPDATE <table> SET …, version = version + 1 WHERE id = ? AND version = ?`: changes one row, or none on a lost race. */
export function conditionalUpdate(table: ItemTable, id: string, expected: number, columns: Record<string, unknown>): Statement {
  return rawStatement(
    sql`update ${sql.identifier(tableName(table))} set ${assignments(columns)}, "version" = ${expected + 1} where "id" = ${id} and "version" = ${expected}`,
  );
}

/**
 * The revision row, written right after the conditional update: its version is NULL (which `NOT NULL` refuses,
 * failing the whole batch) unless that update changed exactly one row.
 */
function revisionStatement(entry: {
  resource: string;
  itemId: string;
  version: number;
  action: RevisionAction;
  keyId: string | null;
  at: number;
  changed: string[];
  snapshot: unknown;
}): Statement {
  return rawStatement(sql`insert into "revisions" ("resource", "item_id", "version", "action", "key_id", "at", "changed", "snapshot")
    values (${entry.resource}, ${entry.itemId}, case when changes() = 1 then ${entry.version} else null end, ${entry.action}, ${entry.keyId},
      ${entry.at}, ${JSON.stringify(entry.changed)}, ${JSON.stringify(entry.snapshot)})`);
}

/** What the audit entry of a request says; the pipeline fills it, {@link auditTrail} writes it for refused writes. */
export interface AuditNote {
  resource?: string;
  itemId?: string;
  /** Set once the entry went into the write's own batch. */
  written?: boolean;
}

function auditStatement(db: Db, c: Context<AppEnv>, status: number, result: string, note: AuditNote): Statement {
  return db.insert(auditLog).values({
    at: new Date(),
    keyId: c.get('apiKey')?.id ?? null,
    method: c.req.method,
    route: new URL(c.req.url).pathname,
    resource: note.resource ?? null,
    itemId: note.itemId ?? null,
    status,
    result,
  });
}

function note(c: Context<AppEnv>, resource: string, itemId: string): AuditNote {
  const audit = { ...(c.get('audit') ?? {}), resource, itemId };
  c.set('audit', audit);
  return audit;
}

/** True when a batch failed because another writer changed the item first (see the guard above). */
function isLostRace(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const message = String((e as { message?: unknown }).message ?? e);
    if (/NOT NULL constraint failed: revisions\.version|UNIQUE constraint failed: revisions\./.test(message)) return true;
  }
  return false;
}

/** The column named in a UNIQUE violation (`topics.slug`), for a 409. */
function uniqueViolation(error: unknown): string | undefined {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const match = /UNIQUE constraint failed: (\w+)\.(\w+)/.exec(String((e as { message?: unknown }).message ?? e));
    if (match?.[2]) return match[2];
  }
  return undefined;
}

async function slugTaken(db: Db, table: ItemTable, slug: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.slug, slug), exceptId ? sql`${table.id} <> ${exceptId}` : undefined))
    .limit(1);
  return row !== undefined;
}

const conflictOnSlug = (slug: string) =>
  new ApiError('conflict', `The slug "${slug}" is already taken.`, [
    { name: 'slug', in: 'body', reason: 'Already taken by another item', pointer: '/slug' },
  ]);

/** Runs the statements as one atomic batch: all of them, or (on any failure) none. */
export async function runBatch(db: Db, statements: Statement[]): Promise<D1Result[]> {
  if (statements.length === 0) return [];
  const client = db.$client;
  const results = await client.batch(
    statements.map((statement) => {
      const { sql: text, params } = statement.toSQL();
      return client.prepare(text).bind(...params);
    }),
  );
  // This isolate stops trusting its remembered content version, so the write shows on its very next request.
  contentChanged();
  return results;
}

interface Committed<E> {
  item: E;
  status: 200 | 201;
}

/** The response of an accepted write: the editable item, its ETag, never stored by shared caches. */
export function writeResponse<E extends EditableBase>(c: Context<AppEnv>, { item, status }: Committed<E>, location?: string) {
  c.header('ETag', etagOf(item.version));
  c.header('Cache-Control', 'private, no-store');
  if (location) c.header('Location', location);
  return { body: { data: item }, status } as const;
}

async function validated<E extends EditableBase>(
  db: Db,
  resource: EditableResource<E, EditorialInput>,
  item: E,
  previous: E | undefined,
  issues: Issue[],
) {
  const all = [...issues, ...scheduleIssues(item), ...((await resource.check?.(db, item, previous)) ?? [])];
  if (all.length > 0) throw invalidBody(all);
}

/** A 409 when a create's batch failed because a twin request with the same `Idempotency-Key` stored its record first. */
export function idempotencyRace(c: Context<AppEnv>, error: unknown): void {
  if (c.get('idempotency') && uniqueViolation(error) === 'idempotency_key')
    throw new ApiError('conflict', 'A request with this Idempotency-Key is being processed; retry shortly.');
}

/**
 * The idempotency record of a `POST` that carried `Idempotency-Key` (see {@link idempotency}), written in the
 * write's own batch so a retry can never create a second item.
 */
export function idempotencyStatement(
  db: Db,
  c: Context<AppEnv>,
  status: number,
  headers: Record<string, string>,
  body: unknown,
): Statement[] {
  const pending = c.get('idempotency');
  if (!pending) return [];
  pending.stored = true;
  return [
    db.insert(idempotencyRecords).values({
      keyId: currentKey(c).id,
      idempotencyKey: pending.key,
      requestHash: pending.hash,
      status,
      headers,
      body: JSON.stringify(body),
      createdAt: new Date(),
    }),
  ];
}

/** `POST`: creates an item from validated input; 201 with the editable item, `ETag` and `Location`. */
export async function createItem<E extends EditableBase, I extends EditorialInput>(
  c: Context<AppEnv>,
  resource: EditableResource<E, I>,
  sent: I,
  location: (item: E) => string,
) {
  const { db } = c.var;
  const key = currentKey(c);
  const input = ((await resource.prepare?.(c, sent, undefined)) ?? sent) as I;
  const now = Date.now();
  const base: EditableBase = {
    id: crypto.randomUUID(),
    slug: input.slug ?? '',
    status: input.status ?? 'draft',
    version: 1,
    publishAt: input.publishAt ?? null,
    unpublishAt: input.unpublishAt ?? null,
    createdAt: toIso(now) ?? '',
    updatedAt: toIso(now) ?? '',
  };
  const item = await resource.build(input, base, undefined);
  checkWorkflow(c, item, undefined);
  await validated(db, resource as unknown as EditableResource<E, EditorialInput>, item, undefined, []);
  if (await slugTaken(db, resource.table, item.slug)) throw conflictOnSlug(item.slug);
  const audit = note(c, resource.name, item.id);
  const columns: Record<string, unknown> = {
    id: item.id,
    ...pipelineColumns(item, now),
    version: 1,
    createdAt: now,
    ...resource.columns(item),
  };
  const names = Object.keys(columns);
  const insert = rawStatement(
    sql`insert into ${sql.identifier(tableName(resource.table))} (${sql.join(
      names.map((n) => sql.identifier(snake(n))),
      sql`, `,
    )}) values (${sql.join(
      names.map((n) => sql`${sqlValue(columns[n])}`),
      sql`, `,
    )})`,
  );
  const snapshot = snapshotOf(item);
  const url = location(item);
  const statements: Statement[] = [
    insert,
    revisionStatement({
      resource: resource.name,
      itemId: item.id,
      version: 1,
      action: 'create',
      keyId: key.id,
      at: now,
      changed: changedFields(undefined, snapshot),
      snapshot,
    }),
    ...(await resource.children(db, item, undefined)),
    auditStatement(db, c, 201, 'created', audit),
    ...idempotencyStatement(db, c, 201, { ETag: etagOf(1), Location: url }, { data: item }),
  ];
  try {
    await runBatch(db, statements);
  } catch (error) {
    if (uniqueViolation(error) === 'slug') throw conflictOnSlug(item.slug);
    idempotencyRace(c, error);
    throw error;
  }
  audit.written = true;
  return writeResponse(c, { item, status: 201 }, url);
}

/** The stored state of an item as a revision keeps it (everything but the pipeline's counters and times). */
function snapshotOf(item: EditableBase): Record<string, unknown> {
  const { id: _id, version: _version, createdAt: _created, updatedAt: _updated, ...rest } = item;
  return rest;
}

/** Writes `next` over the item at version `expected`, with a revision of `action`; 412 on a lost race. */
async function commitChange<E extends EditableBase>(
  c: Context<AppEnv>,
  resource: EditableResource<E, EditorialInput>,
  previous: E,
  next: E,
  expected: number,
  action: RevisionAction,
  extra: { deletedAt?: number } = {},
): Promise<E> {
  const { db } = c.var;
  const now = Date.now();
  const item = { ...next, id: previous.id, version: expected + 1, createdAt: previous.createdAt, updatedAt: toIso(now) ?? '' };
  const audit = note(c, resource.name, item.id);
  const snapshot = snapshotOf(item);
  const statements: Statement[] = [
    conditionalUpdate(resource.table, item.id, expected, { ...pipelineColumns(item, now), ...extra, ...resource.columns(item) }),
    revisionStatement({
      resource: resource.name,
      itemId: item.id,
      version: expected + 1,
      action,
      keyId: c.get('apiKey')?.id ?? null,
      at: now,
      changed: changedFields(snapshotOf(previous), snapshot),
      snapshot,
    }),
    ...(await resource.children(db, item, previous)),
    auditStatement(db, c, 200, action === 'delete' ? 'deleted' : action === 'restore' ? 'restored' : 'updated', audit),
  ];
  try {
    await runBatch(db, statements);
  } catch (error) {
    if (isLostRace(error)) {
      const [row] = await db.select({ version: resource.table.version }).from(resource.table).where(eq(resource.table.id, item.id));
      throw stale(etagOf(expected), Number((row as { version: unknown } | undefined)?.version ?? expected));
    }
    if (uniqueViolation(error) === 'slug') throw conflictOnSlug(item.slug);
    throw error;
  }
  audit.written = true;
  return item;
}

async function readOr404<E extends EditableBase>(db: Db, resource: EditableResource<E, EditorialInput>, id: string): Promise<E> {
  const item = await resource.read(db, id);
  if (!item) throw new ApiError('not-found', `No ${resource.label} has the id "${id}".`);
  return item;
}

/**
 * `PATCH` with a JSON merge patch (validated by the route against {@link mergePatchSchema}): merged into the
 * editable state, checked as a whole, written if `If-Match` is current.
 */
export async function updateItem<E extends EditableBase, I extends EditorialInput>(
  c: Context<AppEnv>,
  resource: EditableResource<E, I>,
  idOrSlug: string,
  patch: Record<string, unknown>,
  inputSchema: z.ZodType<I>,
) {
  const { db } = c.var;
  const generic = resource as unknown as EditableResource<E, EditorialInput>;
  const row = await findItem(db, resource, idOrSlug);
  note(c, resource.name, row.id);
  const expected = requireIfMatch(c, row.version);
  const previous = await readOr404(db, generic, row.id);
  const merged = applyMergePatch(toInput(previous), patch);
  const parsed = inputSchema.safeParse(merged);
  if (!parsed.success) throw invalidBody(parsed.error.issues);
  const data = ((await resource.prepare?.(c, parsed.data, previous)) ?? parsed.data) as I;
  const base: EditableBase = {
    ...editableBaseOf(previous),
    slug: data.slug ?? previous.slug,
    status: data.status ?? previous.status,
    publishAt: data.publishAt ?? null,
    unpublishAt: data.unpublishAt ?? null,
  };
  const next = await resource.build(data, base, previous);
  checkWorkflow(c, next, previous);
  await validated(db, generic, next, previous, []);
  if (next.slug !== previous.slug && (await slugTaken(db, resource.table, next.slug, row.id))) throw conflictOnSlug(next.slug);
  const item = await commitChange(c, generic, previous, next, expected, 'update');
  return writeResponse(c, { item, status: 200 });
}

function editableBaseOf(item: EditableBase): EditableBase {
  const { id, slug, status, version, publishAt, unpublishAt, createdAt, updatedAt } = item;
  return { id, slug, status, version, publishAt, unpublishAt, createdAt, updatedAt };
}

/** The editable state as input: what a merge patch applies to (pipeline counters and times left out, nulls absent). */
function toInput(item: EditableBase): Record<string, unknown> {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...rest } = item;
  return withoutNulls(rest) as Record<string, unknown>;
}

/** Drops null members of objects, deeply: in a merge patch's world an absent member and a null one are the same. */
function withoutNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/** Output schema of an item's texts: every language present, each field null when not written. */
export function translationsOutput<const F extends Record<string, z.ZodType>>(name: string, fields: F) {
  const nullable = z.object(Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.nullable()])));
  return z.object({ nl: nullable, en: nullable.optional(), fr: nullable.optional() }).openapi(name) as unknown as z.ZodType<
    Texts<keyof F & string>
  >;
}

/** A plain-text field of an editable item: trimmed, at most `max` characters, never empty. */
export const plainText = (max: number) => z.string().trim().min(1, 'May not be empty; leave the field out instead').max(max);

/** `DELETE`: soft (archived, tombstone kept) with `If-Match`; `purge` (keys:admin) removes it for good. */
export async function deleteItem<E extends EditableBase, I extends EditorialInput>(
  c: Context<AppEnv>,
  resource: EditableResource<E, I>,
  idOrSlug: string,
  purge: boolean,
) {
  const { db } = c.var;
  const generic = resource as unknown as EditableResource<E, EditorialInput>;
  const key = currentKey(c);
  if (purge && !hasScope(key, 'keys:admin')) throw new ApiError('forbidden', 'Purging an item for good needs the scope "keys:admin".');
  const row = await findItem(db, resource, idOrSlug, purge);
  const audit = note(c, resource.name, row.id);
  const expected = requireIfMatch(c, row.version);
  if (purge) {
    const { table } = resource;
    await runBatch(db, [
      rawStatement(sql`delete from ${sql.identifier(tableName(table))} where "id" = ${row.id} and "version" = ${expected}`),
      // Fails the batch (NOT NULL) when the delete above found the item changed since If-Match was read.
      rawStatement(sql`insert into "audit_log" ("at", "key_id", "method", "route", "resource", "item_id", "status", "result")
        values (${Date.now()}, ${key.id}, ${c.req.method}, ${new URL(c.req.url).pathname}, ${resource.name}, ${row.id}, case when changes() = 1 then 204 else null end, 'purged')`),
      db.delete(revisions).where(and(eq(revisions.resource, resource.name), eq(revisions.itemId, row.id))),
    ]).catch(async (error: unknown) => {
      if (/NOT NULL constraint failed: audit_log\.status/.test(String((error as Error).message)))
        throw stale(etagOf(expected), expected + 1);
      throw error;
    });
    audit.written = true;
    return null;
  }
  const previous = await readOr404(db, generic, row.id);
  await generic.prepare?.(c, undefined, previous);
  const next = { ...previous, status: 'archived' as const, publishAt: null, unpublishAt: null };
  checkWorkflow(c, next, previous);
  const item = await commitChange(c, generic, previous, next, expected, 'delete', { deletedAt: Date.now() });
  c.header('ETag', etagOf(item.version));
  return null;
}

export const RevisionSchema = z
  .object({
    version: z.int().openapi({ description: 'The item version this revision produced.', example: 4 }),
    action: z.enum(['create', 'update', 'delete', 'restore', 'publish', 'unpublish']).openapi({ example: 'update' }),
    keyId: z
      .string()
      .nullable()
      .openapi({ description: 'The API key that wrote it; null for the scheduler.', example: '9f2c4e1a7b3d5f60' }),
    at: z.string().openapi({ example: '2026-11-30T14:05:12+01:00' }),
    changed: z.array(z.string()).openapi({ description: 'Top-level fields that changed.', example: ['translations'] }),
    snapshot: z.record(z.string(), z.unknown()).openapi({ description: 'The editable item as this revision left it.' }),
  })
  .openapi('Revision');
export const RevisionListSchema = z.object({ data: z.array(RevisionSchema) }).openapi('RevisionList');

/** Every revision of an item, newest first. */
export async function listRevisions(c: Context<AppEnv>, resource: { name: string; table: ItemTable; label: string }, idOrSlug: string) {
  const { db } = c.var;
  const row = await findItem(db, resource, idOrSlug, true);
  const rows = await db
    .select()
    .from(revisions)
    .where(and(eq(revisions.resource, resource.name), eq(revisions.itemId, row.id)))
    .orderBy(desc(revisions.version));
  c.header('Cache-Control', 'private, no-store');
  return {
    data: rows.map((r) => ({
      version: r.version,
      action: r.action,
      keyId: r.keyId,
      at: toIso(r.at) ?? '',
      changed: r.changed,
      snapshot: r.snapshot,
    })),
  };
}

/** Restores the content of revision `version` as a new revision; the workflow state and schedule stay as they are. */
export async function restoreRevision<E extends EditableBase, I extends EditorialInput>(
  c: Context<AppEnv>,
  resource: EditableResource<E, I>,
  idOrSlug: string,
  version: number,
  inputSchema: z.ZodType<I>,
) {
  const { db } = c.var;
  const generic = resource as unknown as EditableResource<E, EditorialInput>;
  const row = await findItem(db, resource, idOrSlug);
  note(c, resource.name, row.id);
  const expected = requireIfMatch(c, row.version);
  const [revision] = await db
    .select()
    .from(revisions)
    .where(and(eq(revisions.resource, resource.name), eq(revisions.itemId, row.id), eq(revisions.version, version)))
    .limit(1);
  if (!revision) throw new ApiError('not-found', `The ${resource.label} has no revision ${version}.`);
  const previous = await readOr404(db, generic, row.id);
  const { status: _s, publishAt: _p, unpublishAt: _u, ...content } = revision.snapshot;
  // A field the revision did not have (null) is absent again after the restore.
  const merged = withoutNulls({ ...toInput(previous), ...content });
  const parsed = inputSchema.safeParse(merged);
  if (!parsed.success) throw invalidBody(parsed.error.issues);
  const next = await resource.build(parsed.data, { ...editableBaseOf(previous), slug: parsed.data.slug ?? previous.slug }, previous);
  if (next.slug !== previous.slug && (await slugTaken(db, resource.table, next.slug, row.id))) throw conflictOnSlug(next.slug);
  const item = await commitChange(c, generic, previous, next, expected, 'restore');
  return writeResponse(c, { item, status: 200 });
}

/** `GET …/{slug}/edit`: the editable state of an item (any status) with its `ETag` for `If-Match`. */
export async function readEditable<E extends EditableBase, I extends EditorialInput>(
  c: Context<AppEnv>,
  resource: EditableResource<E, I>,
  idOrSlug: string,
) {
  const { db } = c.var;
  const row = await findItem(db, resource, idOrSlug);
  const item = await readOr404(db, resource as unknown as EditableResource<E, EditorialInput>, row.id);
  return writeResponse(c, { item, status: 200 });
}

/** How long audit entries and idempotency records are kept (documented in the README and the audit endpoint). */
export const AUDIT_RETENTION_DAYS = 365;
export const IDEMPOTENCY_RETENTION_HOURS = 24;

/**
 * The scheduled handler's work: publishes items whose `publishAt` has come (from draft or review), archives
 * published items whose `unpublishAt` has come, each as its own conditional batch with a revision (key: null),
 * and prunes the audit log, idempotency records and the change feed's log past their period. Returns what it changed.
 */
export async function runSchedule(db: Db, resources: readonly EditableResource<EditableBase, EditorialInput>[], now = new Date()) {
  const done: { resource: string; id: string; action: 'publish' | 'unpublish' }[] = [];
  const at = now.getTime();
  for (const resource of resources) {
    const { table } = resource;
    const due = (await db
      .select({ id: table.id, version: table.version, status: table.status, publishAt: table.publishAt, unpublishAt: table.unpublishAt })
      .from(table)
      .where(
        and(
          isNull(table.deletedAt),
          or(
            and(isNotNull(table.publishAt), lte(table.publishAt, now), or(eq(table.status, 'draft'), eq(table.status, 'review'))),
            and(isNotNull(table.unpublishAt), lte(table.unpublishAt, now), eq(table.status, 'published')),
          ),
        ),
      )) as unknown as { id: string; version: number; status: WorkflowStatus; publishAt: Date | null; unpublishAt: Date | null }[];
    for (const row of due) {
      const publish = row.status !== 'published';
      const previous = await resource.read(db, row.id);
      if (!previous) continue;
      const next: EditableBase = publish
        ? { ...previous, status: 'published', publishAt: null }
        : { ...previous, status: 'archived', unpublishAt: null };
      const item = { ...previous, ...next, version: row.version + 1, updatedAt: toIso(at) ?? '' };
      const snapshot = snapshotOf(item);
      try {
        await runBatch(db, [
          conditionalUpdate(table, row.id, row.version, { ...pipelineColumns(item, at), ...resource.columns(item) }),
          revisionStatement({
            resource: resource.name,
            itemId: row.id,
            version: row.version + 1,
            action: publish ? 'publish' : 'unpublish',
            keyId: null,
            at,
            changed: changedFields(snapshotOf(previous), snapshot),
            snapshot,
          }),
          ...(await resource.children(db, item, previous)),
          db.insert(auditLog).values({
            at: now,
            keyId: null,
            method: 'SCHEDULED',
            route: 'cron',
            resource: resource.name,
            itemId: row.id,
            status: 200,
            result: publish ? 'published' : 'unpublished',
          }),
        ]);
        done.push({ resource: resource.name, id: row.id, action: publish ? 'publish' : 'unpublish' });
      } catch (error) {
        // An editor changed the item between the read and the batch: the next run sees the new state.
        if (!isLostRace(error)) throw error;
      }
    }
  }
  await db.delete(auditLog).where(lte(auditLog.at, new Date(at - AUDIT_RETENTION_DAYS * 86_400_000)));
  await db.delete(idempotencyRecords).where(lte(idempotencyRecords.createdAt, new Date(at - IDEMPOTENCY_RETENTION_HOURS * 3_600_000)));
  // The change feed's log: oldest first, so what is kept stays a contiguous tail (a cursor before it answers 410),
  // and never the newest entry, so the head a cursor is checked against survives a quiet period.
  await db
    .delete(changes)
    .where(
      and(lt(changes.at, new Date(at - CHANGES_RETENTION_DAYS * 86_400_000)), sql`${changes.seq} < (select max("seq") from "changes")`),
    );
  return done;
}

/** RFC 6901 pointers, for resources that build their own `invalidParams`. */
export { pointer };

/** Scopes that may create and edit content of a resource (events add `events:submit`). */
export const WRITE_SCOPES: Scope[] = ['content:write', 'content:publish'];

/**
 * Writes the audit entry of a write the pipeline did not commit (refused: 403, 404, 412, 422…), after the
 * handler; accepted writes carry theirs in their own batch. Requests without a valid key are not logged: that
 * would let anyone fill the log.
 */
export const auditTrail = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const key = c.get('apiKey');
  const audit = c.get('audit') ?? {};
  if (!key || audit.written || c.req.method === 'GET' || c.req.method === 'HEAD') return;
  const status = c.res.status;
  await auditStatement(c.var.db, c, status, status < 400 ? 'ok' : `refused: ${status}`, audit);
});

const MAX_IDEMPOTENCY_KEY = 255;

/**
 * `Idempotency-Key` on `POST`: the first response to (key holder, idempotency key) is stored with a hash of the
 * request (method, path, body); the same request again gets that response (`Idempotent-Replayed: true`), another
 * request with the same idempotency key a 422. Records are kept IDEMPOTENCY_RETENTION_HOURS.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const idemKey = c.req.header('Idempotency-Key');
  if (idemKey === undefined) return next();
  if (idemKey.length === 0 || idemKey.length > MAX_IDEMPOTENCY_KEY) {
    throw ApiError.invalidParam('Idempotency-Key', 'header', `Between 1 and ${MAX_IDEMPOTENCY_KEY} characters`);
  }
  const key = currentKey(c);
  const hash = await sha256(`${c.req.method} ${new URL(c.req.url).pathname}\n${await c.req.text()}`);
  const [record] = await c.var.db
    .select()
    .from(idempotencyRecords)
    .where(and(eq(idempotencyRecords.keyId, key.id), eq(idempotencyRecords.idempotencyKey, idemKey)))
    .limit(1);
  if (record) {
    if (record.requestHash !== hash) {
      throw invalidBody([
        { path: [], message: 'This Idempotency-Key was already used with a different request; use a new key for a new request' },
      ]);
    }
    c.set('audit', { ...(c.get('audit') ?? {}), written: true });
    return new Response(record.body, {
      status: record.status,
      headers: {
        ...record.headers,
        'Content-Type': 'application/json',
        'Cache-Control': 'private, no-store',
        'Idempotent-Replayed': 'true',
      },
    });
  }
  c.set('idempotency', { key: idemKey, hash });
  await next();
});

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Route middleware of a write: key with one of `scopes`, then the audit trail. */
export const writeMiddleware = (...scopes: Scope[]) => [requireKey(...scopes), auditTrail];
/** Route middleware of a `POST` that creates: as {@link writeMiddleware}, plus `Idempotency-Key`. */
export const createMiddlewares = (...scopes: Scope[]) => [requireKey(...scopes), auditTrail, idempotency];

/** An item's texts per language as the editable representation holds them: nl always, en/fr when written. */
export type Texts<F extends string> = { nl: Record<F, string | null> } & Partial<Record<'en' | 'fr', Record<F, string | null>>>;
export type TextsInput<F extends string> = { nl: Partial<Record<F, string>> } & Partial<
  Record<'en' | 'fr', Partial<Record<F, string>> | undefined>
>;

const OTHER_LANGS = ['en', 'fr'] as const;
const fill = <F extends string>(fields: readonly F[], source: Partial<Record<F, string | null>>) =>
  Object.fromEntries(fields.map((field) => [field, source[field] ?? null])) as Record<F, string | null>;

/** Plain texts as sent, normalised as events' and analyses' are (line endings, control characters, bidi overrides). */
const fillInput = <F extends string>(fields: readonly F[], source: Partial<Record<F, string | null>>) =>
  Object.fromEntries(fields.map((field) => [field, typeof source[field] === 'string' ? plainTextInput(source[field]) : null])) as Record<
    F,
    string | null
  >;

/** Texts from translation rows (`lang` plus the fields). */
export function textsFromRows<F extends string>(
  rows: readonly ({ lang: string } & Partial<Record<F, string | null>>)[],
  fields: readonly F[],
): Texts<F> {
  const byLang = new Map(rows.map((row) => [row.lang, row]));
  const texts: Texts<F> = { nl: fill(fields, byLang.get('nl') ?? {}) };
  for (const lang of OTHER_LANGS) {
    const row = byLang.get(lang);
    if (row) texts[lang] = fill(fields, row);
  }
  return texts;
}

/** Texts from validated input: a language present in the input is kept, each absent field null. */
export function textsFromInput<F extends string>(input: TextsInput<F>, fields: readonly F[]): Texts<F> {
  const texts: Texts<F> = { nl: fillInput(fields, input.nl) };
  for (const lang of OTHER_LANGS) {
    const t = input[lang];
    if (t) texts[lang] = fillInput(fields, t);
  }
  return texts;
}

/** One translation row per language present, with `owner` (e.g. `{ topicId }`) merged in. */
export function translationRows<F extends string, O extends Record<string, string>>(texts: Texts<F>, owner: O) {
  return (['nl', ...OTHER_LANGS] as const).flatMap((lang) => {
    const t = texts[lang];
    return t ? [{ ...owner, lang, ...t }] : [];
  });
}

/** A URL field that accepts only `https:` and `http:` (no `javascript:`, `data:`, …). */
export const httpUrl = () =>
  z
    .url({ protocol: /^https?$/, error: 'Must be an absolute https: or http: URL' })
    .max(2000)
    .openapi({ example: 'https://socius.be' });
