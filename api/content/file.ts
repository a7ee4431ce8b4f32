// The content file: all content (every language, every status, sessions, relations) as one JSON document, written by
// `npm run content -- export` and loaded by `npm run content -- import`. Loading goes through the same schemas,
// normalising and sanitising as the API's writes, and writes only what differs, so importing twice changes nothing.
import { z } from '@hono/zod-openapi';
import type { SqlStatement } from '../../schema/db.ts';
import {
  type AnalysisDocument,
  AnalysisDocumentSchema,
  analysisStatements,
  normaliseAnalysis,
  readAnalysisDocuments,
} from '../analyses/writes.ts';
import { type EventDocument, EventDocumentSchema, eventStatements, normaliseEvent, readEventDocuments } from '../events/writes.ts';
import { momentInput, slugInput } from '../lib/content-input.ts';
import type { ReadRows } from '../lib/content-writes.ts';
import { changedFields } from '../lib/writes.ts';
import {
  type AboutDocument,
  AboutDocumentSchema,
  aboutStatements,
  readAboutDocuments,
  readServiceDocuments,
  readTopicDocuments,
  type ServiceDocument,
  ServiceDocumentSchema,
  serviceStatements,
  type TopicDocument,
  TopicDocumentSchema,
  topicStatements,
} from './taxonomy.ts';

export const CONTENT_FORMAT = 'socius-content/1';

const KINDS = ['about', 'topics', 'services', 'analyses', 'events'] as const;
type Kind = (typeof KINDS)[number];
/** The table of each kind (also `revisions.resource` and the audit entry's resource). */
const TABLES: Record<Kind, string> = { about: 'about', topics: 'topics', services: 'services', analyses: 'analyses', events: 'events' };

/**
 * A soft-deleted item (archived, its row kept for the change feed): the item itself is in its list as usual, this
 * says since when it is deleted. An item of the file without a tombstone is not deleted (an import undeletes it).
 */
export const TombstoneSchema = z
  .strictObject({ kind: z.enum(KINDS), id: z.string().min(1).max(64), deletedAt: momentInput })
  .openapi('ContentTombstone');
export type Tombstone = z.infer<typeof TombstoneSchema>;

/** The kinds whose items have public URLs by slug, and the name slug_redirects gives each. */
const SLUGGED = { topics: 'topic', services: 'service', analyses: 'analysis', events: 'event' } as const;
type SluggedFileKind = keyof typeof SLUGGED;
const SLUGGED_FILE_KINDS = Object.keys(SLUGGED) as SluggedFileKind[];

/**
 * A slug an item had before it was renamed: its public URL still answers 301 to the item. In the file so that a
 * restore into an empty database keeps the links and bookmarks made before a rename working.
 */
export const RedirectSchema = z
  .strictObject({ kind: z.enum(SLUGGED_FILE_KINDS), slug: slugInput, id: z.string().min(1).max(64) })
  .openapi('ContentRedirect');
export type Redirect = z.infer<typeof RedirectSchema>;

/**
 * The file. Items are matched by `id` on import (new ids are added, known ones updated); slugs refer to topics and
 * services; moments are ISO 8601. Section bodies are sanitised HTML. Items in the database but not in the file are
 * left alone.
 */
export const ContentFileSchema = z
  .strictObject({
    format: z.literal(CONTENT_FORMAT),
    exportedAt: z.iso.datetime({ offset: true }).optional(),
    about: z.array(AboutDocumentSchema).max(1).default([]),
    topics: z.array(TopicDocumentSchema).default([]),
    services: z.array(ServiceDocumentSchema).default([]),
    analyses: z.array(AnalysisDocumentSchema).default([]),
    events: z.array(EventDocumentSchema).default([]),
    tombstones: z.array(TombstoneSchema).default([]),
    redirects: z.array(RedirectSchema).default([]),
  })
  .openapi('ContentFile');
export type ContentFile = z.infer<typeof ContentFileSchema>;

/** Everything stored, as a content file. */
export async function exportContent(rows: ReadRows, now = new Date()): Promise<ContentFile> {
  const [about, topics, services, analyses, events, tombstones, redirects] = await Promise.all([
    readAboutDocuments(rows),
    readTopicDocuments(rows),
    readServiceDocuments(rows),
    readAnalysisDocuments(rows),
    readEventDocuments(rows),
    rows(
      KINDS.map((kind) => `select '${kind}' as kind, id, deleted_at from ${TABLES[kind]} where deleted_at is not null`).join(
        ' union all ',
      ) + ' order by kind, id',
      [],
    ),
    rows('select kind, old_slug, item_id from slug_redirects order by kind, old_slug', []),
  ]);
  const fileKind = Object.fromEntries(SLUGGED_FILE_KINDS.map((kind) => [SLUGGED[kind], kind]));
  return {
    format: CONTENT_FORMAT,
    exportedAt: now.toISOString(),
    about,
    topics,
    services,
    analyses,
    events,
    tombstones: tombstones.map((t) =>
      TombstoneSchema.parse({ kind: t.kind, id: t.id, deletedAt: new Date(Number(t.deleted_at)).toISOString() }),
    ),
    redirects: redirects.map((r) => RedirectSchema.parse({ kind: fileKind[String(r.kind)], slug: r.old_slug, id: r.item_id })),
  };
}

export interface ImportProblem {
  /** JSON pointer into the file. */
  pointer: string;
  reason: string;
}

export class ContentImportError extends Error {
  readonly problems: ImportProblem[];
  constructor(problems: ImportProblem[]) {
    super(`The content file is invalid:\n${problems.map((p) => `  ${p.pointer || '/'}: ${p.reason}`).join('\n')}`);
    this.problems = problems;
  }
}

const pointer = (path: readonly PropertyKey[]) =>
  path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/** Parses a content file, reporting every problem at once with a JSON pointer each. */
export function parseContentFile(json: unknown): ContentFile {
  const result = ContentFileSchema.safeParse(json);
  if (!result.success)
    throw new ContentImportError(result.error.issues.map((issue) => ({ pointer: pointer(issue.path), reason: issue.message })));
  return result.data;
}

// Keys in a fixed order, so two documents compare by content, not by how they were built.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, inner]) => inner !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

type Doc = { id: string; slug: string; createdAt?: string; updatedAt?: string };

export interface ImportOptions {
  /** Who the revisions and audit entries name as the writer (`revisions.key_id`, `audit_log.key_id`). */
  keyId?: string;
  /** The audit entries' route. */
  route?: string;
}

export interface ImportPlan {
  statements: SqlStatement[];
  /** Per kind, how many items the import adds and how many it changes. */
  counts: Record<'about' | 'topics' | 'services' | 'analyses' | 'events', { added: number; changed: number }>;
}

/**
 * The statements that make the database hold `file` (as one batch), given what it holds now (`current`, an export
 * of it). Every item is normalised as an API write would (texts, rich text sanitised, moments in UTC); an item
 * equal to the stored one writes nothing.
 */
export function planImport(
  file: ContentFile,
  current: ContentFile,
  now = new Date(),
  { keyId = 'import', route = 'content import' }: ImportOptions = {},
): ImportPlan {
  const problems: ImportProblem[] = [];
  const statements: SqlStatement[] = [];
  const counts = {} as ImportPlan['counts'];
  const tombstone = (list: Tombstone[]) => new Map(list.map((t) => [`${t.kind}:${t.id}`, Date.parse(t.deletedAt)]));
  const wantDeleted = tombstone(file.tombstones);
  const isDeleted = tombstone(current.tombstones);
  file.tombstones.forEach((t, index) => {
    if (!file[t.kind].some((item) => item.id === t.id))
      problems.push({ pointer: `/tombstones/${index}/id`, reason: `No item of /${t.kind} has this id` });
  });

  function plan<D extends Doc>(
    kind: keyof ImportPlan['counts'],
    items: D[],
    stored: D[],
    normalise: (item: D) => D,
    write: (doc: D, now: Date, previousSlug?: string) => SqlStatement[],
  ): void {
    const byId = new Map(stored.map((item) => [item.id, item]));
    const slugOwner = new Map(stored.map((item) => [item.slug, item.id]));
    const seen = new Map<string, number>();
    counts[kind] = { added: 0, changed: 0 };
    items.forEach((item, index) => {
      const at = `/${kind}/${index}`;
      if (seen.has(`id:${item.id}`)) problems.push({ pointer: `${at}/id`, reason: `Also the id of /${kind}/${seen.get(`id:${item.id}`)}` });
      if (seen.has(`slug:${item.slug}`))
        problems.push({ pointer: `${at}/slug`, reason: `Also the slug of /${kind}/${seen.get(`slug:${item.slug}`)}` });
      seen.set(`id:${item.id}`, index).set(`slug:${item.slug}`, index);
      const owner = slugOwner.get(item.slug);
      if (owner !== undefined && owner !== item.id)
        problems.push({ pointer: `${at}/slug`, reason: `Already the slug of the stored item ${owner}` });
      const before = byId.get(item.id);
      const doc = normalise({ ...item, createdAt: item.createdAt ?? before?.createdAt, updatedAt: item.updatedAt ?? before?.updatedAt });
      const deletedAt = wantDeleted.get(`${kind}:${item.id}`) ?? null;
      const wasDeletedAt = before ? (isDeleted.get(`${kind}:${item.id}`) ?? null) : null;
      if (before && canonical(before) === canonical(doc) && deletedAt === wasDeletedAt) return;
      counts[kind][before ? 'changed' : 'added'] += 1;
      statements.push(
        ...write(doc, now, before?.slug),
        { sql: `update ${TABLES[kind]} set deleted_at = ? where id = ?`, params: [deletedAt, doc.id] },
        ...changeRecords(kind, doc, before, deletedAt !== null && wasDeletedAt === null, now, keyId, route),
      );
    });
  }

  const topicSlugs = new Set([...current.topics, ...file.topics].map((t) => t.slug));
  const serviceSlugs = new Set([...current.services, ...file.services].map((s) => s.slug));
  const checkRefs = (kind: string, items: { topics: string[]; service?: string }[]) =>
    items.forEach((item, index) => {
      item.topics.forEach((slug, i) => {
        if (!topicSlugs.has(slug)) problems.push({ pointer: `/${kind}/${index}/topics/${i}`, reason: `No topic has the slug "${slug}"` });
      });
      if (item.service !== undefined && !serviceSlugs.has(item.service)) {
        problems.push({ pointer: `/${kind}/${index}/service`, reason: `No service has the slug "${item.service}"` });
      }
    });
  checkRefs('services', file.services);
  checkRefs('analyses', file.analyses);
  checkRefs('events', file.events);

  const moment = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso).toISOString());
  const sorted = (topics: string[]) => [...topics].sort();

  plan<TopicDocument>('topics', file.topics, current.topics, (t) => TopicDocumentSchema.parse(stamped(t, moment)), topicStatements);
  plan<ServiceDocument>(
    'services',
    file.services,
    current.services,
    (s) => ServiceDocumentSchema.parse({ ...stamped(s, moment), topics: sorted(s.topics) }),
    serviceStatements,
  );
  plan<AnalysisDocument>(
    'analyses',
    file.analyses,
    current.analyses,
    (a) =>
      AnalysisDocumentSchema.parse({
        ...stamped(normaliseAnalysis({ ...a, topics: sorted(a.topics) }, a.id, a.slug), moment),
        publishedAt: moment(a.publishedAt) ?? (a.status === 'published' ? now.toISOString() : undefined),
        revisedAt: moment(a.revisedAt),
      }),
    analysisStatements,
  );
  plan<EventDocument>(
    'events',
    file.events,
    current.events,
    (e) => {
      const doc = normaliseEvent({ ...e, topics: sorted(e.topics) }, e.id, e.slug);
      return EventDocumentSchema.parse({
        ...stamped(doc, moment),
        previousStartsAt: moment(doc.previousStartsAt),
        sessions: doc.sessions.map((s) => ({ ...s, startsAt: moment(s.startsAt), endsAt: moment(s.endsAt) })),
      });
    },
    eventStatements,
  );
  plan<AboutDocument>('about', file.about, current.about, (a) => AboutDocumentSchema.parse(stamped(a, moment)), aboutStatements);
  statements.push(...redirectStatements(file, current, now, problems));

  if (problems.length > 0) throw new ContentImportError(problems);
  return { statements, counts };
}

/**
 * The file's redirects that the database lacks (or has for another item), after the items: each must lead to an
 * item of its kind, and may not be the current slug of one. Redirects only in the database are left alone.
 */
function redirectStatements(file: ContentFile, current: ContentFile, now: Date, problems: ImportProblem[]): SqlStatement[] {
  const stored = new Map(current.redirects.map((r) => [`${r.kind}:${r.slug}`, r.id]));
  const seen = new Map<string, number>();
  const statements: SqlStatement[] = [];
  file.redirects.forEach((redirect, index) => {
    const at = `/redirects/${index}`;
    const key = `${redirect.kind}:${redirect.slug}`;
    const items = [...file[redirect.kind], ...current[redirect.kind]];
    if (seen.has(key)) problems.push({ pointer: `${at}/slug`, reason: `Also the slug of /redirects/${seen.get(key)}` });
    seen.set(key, index);
    if (!items.some((item) => item.id === redirect.id))
      problems.push({ pointer: `${at}/id`, reason: `No item of /${redirect.kind} has this id` });
    const named = file[redirect.kind].findIndex((item) => item.slug === redirect.slug);
    if (named >= 0) problems.push({ pointer: `${at}/slug`, reason: `The current slug of /${redirect.kind}/${named}` });
    if (stored.get(key) === redirect.id) return;
    statements.push({
      sql: `insert into slug_redirects (kind, old_slug, item_id, created_at) values (?, ?, ?, ?)
            on conflict (kind, old_slug) do update set item_id = excluded.item_id, created_at = excluded.created_at`,
      params: [SLUGGED[redirect.kind], redirect.slug, redirect.id, now.getTime()],
    });
  });
  return statements;
}

/**
 * The revision and the audit entry of an imported item, as an API write leaves them: an import is a change of
 * content like any other, so its history shows it (key `import`) and a later restore can go back past it. The
 * revision takes the item's version after the upsert (which bumps it on every change), so (resource, item,
 * version) stays unique and the ETag editors hold goes stale.
 */
function changeRecords(kind: Kind, doc: Doc, before: Doc | undefined, deleting: boolean, now: Date, keyId: string, route: string) {
  const snapshot = snapshotOf(doc);
  const action = deleting ? 'delete' : before ? 'update' : 'create';
  return [
    {
      sql: `insert into revisions (resource, item_id, version, action, key_id, at, changed, snapshot)
            select ?, id, version, ?, ?, ?, ?, ? from ${TABLES[kind]} where id = ?`,
      params: [
        TABLES[kind],
        action,
        keyId,
        now.getTime(),
        JSON.stringify(changedFields(before && snapshotOf(before), snapshot)),
        JSON.stringify(snapshot),
        doc.id,
      ],
    },
    {
      sql: `insert into audit_log (at, key_id, method, route, resource, item_id, status, result) values (?, ?, 'IMPORT', ?, ?, ?, ?, ?)`,
      params: [now.getTime(), keyId, route, TABLES[kind], doc.id, before ? 200 : 201, before ? 'imported: updated' : 'imported: created'],
    },
  ];
}

/** The editable state as revisions keep it (api/lib/writes.ts snapshotOf): no id, version or times. */
function snapshotOf(doc: Doc): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = doc as Doc & Record<string, unknown>;
  return rest;
}

function stamped<D extends Doc>(doc: D, moment: (iso: string | undefined) => string | undefined): D {
  return { ...doc, createdAt: moment(doc.createdAt), updatedAt: moment(doc.updatedAt) };
}
