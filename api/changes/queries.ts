// The change feed's reads: which items changed after a position, and each one as the public API shows it now.
// Shared by GET /v1/changes and the webhook deliveries, so a webhook payload is exactly a feed entry.
import { and, eq, gt, inArray, max, min, notExists, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { alias } from 'drizzle-orm/sqlite-core';
import { analyses } from '../../schema/analyses.ts';
import { type ChangeResource, changes } from '../../schema/changes.ts';
import type { Lang } from '../../schema/columns.ts';
import { events } from '../../schema/events.ts';
import { services } from '../../schema/services.ts';
import { topics } from '../../schema/topics.ts';
import { aboutQuery, toAbout } from '../about/queries.ts';
import {
  type Attachments,
  analysisBody,
  analysisBySlugQuery,
  authorsAndTopics,
  type Sections,
  sectionsAndAttachmentsQueries,
} from '../analyses/queries.ts';
import type { Db } from '../env.ts';
import { assembleEvents, eventBySlugQuery, eventHydrationQueries } from '../events/queries.ts';
import { toBrusselsIso } from '../lib/brussels-time.ts';
import { serviceBodies, serviceBySlugQuery, serviceTopicsQuery } from '../services/queries.ts';
import { topicQuery, toTopic } from '../topics/queries.ts';
import type { ChangeEntry } from './schemas.ts';

/** One entry of the feed with its position in the log (`seq`: increasing, unique; a webhook delivery id). */
export interface ChangeRecord {
  seq: number;
  entry: ChangeEntry;
}

export interface ChangePage {
  records: ChangeRecord[];
  /** Where the next read starts: the last record's `seq`, or `sinceSeq` when there was none. */
  lastSeq: number;
  /** More changed items follow already (the page was cut at `limit`). */
  hasMore: boolean;
}

/**
 * The items changed after `sinceSeq`, each once at its latest change, oldest first, at most `limit`: an item that
 * is public now as `GET /v1/<resource>/{slug}` shows it in `lang` (with URLs on `origin`), else a tombstone.
 * Drafts never appear: the log only holds items that were public before or after a change (see the triggers in
 * schema/migrations/0011_changes_triggers.sql). Reads the current state, so applying the records in order leaves
 * a mirror equal to the public API.
 *
 * @example
 * const { records, lastSeq } = await readChanges(db, delivered, 50, 'nl', 'https://api.socius.be');
 */
export async function readChanges(db: Db, sinceSeq: number, limit: number, lang: Lang, origin: string): Promise<ChangePage> {
  const rows = await latestChangesQuery(db, sinceSeq, limit + 1);
  const page = rows.slice(0, limit);
  const now = new Date();
  // Rendered per resource, a few round trips for a whole page rather than some for every item.
  const rendered = new Map<string, ItemBody>();
  for (const resource of new Set(page.map((row) => row.resource))) {
    const ids = page.filter((row) => row.resource === resource).map((row) => row.id);
    for (const [id, body] of await publicItems(db, resource, ids, lang, origin, now)) rendered.set(`${resource}/${id}`, body);
  }
  const records = page.map((row): ChangeRecord => {
    const fields = { id: row.id, slug: row.slug, at: toBrusselsIso(row.at) };
    const item = rendered.get(`${row.resource}/${row.id}`);
    const entry = item
      ? ({ kind: 'item', resource: row.resource, ...fields, slug: item.slug, item } as ChangeEntry)
      : ({ kind: 'tombstone', resource: row.resource, ...fields } as ChangeEntry);
    return { seq: row.seq, entry };
  });
  return { records, lastSeq: page.at(-1)?.seq ?? sinceSeq, hasMore: rows.length > limit };
}

/**
 * The latest change of each item changed after `sinceSeq`, oldest first, at most `limit`. Walks the log from
 * `sinceSeq` in order (the primary key) and keeps a row only when no later one names the same item (an index seek
 * each), stopping at `limit`: a poll near the head reads a few rows however long the log is.
 */
export function latestChangesQuery(db: Db, sinceSeq: number, limit: number) {
  const later = alias(changes, 'later');
  return db
    .select({ seq: changes.seq, resource: changes.resource, id: changes.itemId, slug: changes.slug, at: changes.at })
    .from(changes)
    .where(
      and(
        gt(changes.seq, sinceSeq),
        notExists(
          db
            .select({ one: sql`1` })
            .from(later)
            .where(and(eq(later.resource, changes.resource), eq(later.itemId, changes.itemId), gt(later.seq, changes.seq))),
        ),
      ),
    )
    .orderBy(changes.seq)
    .limit(limit);
}

/** The span of the log still held: `first` is the oldest kept `seq`, `last` the newest ever written (0 for none). */
export async function changeLogSpan(db: Db): Promise<{ first: number | null; last: number }> {
  const [row] = await db.select({ first: min(changes.seq), last: max(changes.seq) }).from(changes);
  return { first: row?.first ?? null, last: row?.last ?? 0 };
}

type ItemBody = Extract<ChangeEntry, { kind: 'item' }>['item'];

/** Runs queries in one D1 batch (one round trip); none for an empty list. */
async function batchAll<Q extends BatchItem<'sqlite'>>(db: Db, queries: Q[]) {
  const [first, ...rest] = queries;
  return first ? db.batch([first, ...rest]) : [];
}

/** The items among `ids` as their public GET shows them now, by id; an item that is not public is left out. */
async function publicItems(
  db: Db,
  resource: ChangeResource,
  ids: string[],
  lang: Lang,
  origin: string,
  now: Date,
): Promise<Map<string, ItemBody>> {
  const byId = <T extends { id: string }>(bodies: T[]) => new Map(bodies.map((body) => [body.id, body]));
  switch (resource) {
    case 'about': {
      // GET /v1/about shows the one published profile (the newest, should there be more).
      const [row] = await aboutQuery(db, lang);
      return byId(row && ids.includes(row.id) ? [toAbout(row, lang, origin)] : []);
    }
    case 'topics':
      return byId((await topicQuery(db, lang, inArray(topics.id, ids))).map((row) => toTopic(row, lang, origin)));
    case 'services': {
      const slugs = await db.select({ slug: services.slug }).from(services).where(inArray(services.id, ids));
      const rows = (
        await batchAll(
          db,
          slugs.map(({ slug }) => serviceBySlugQuery(db, lang, slug)),
        )
      ).flat();
      const topicRows = await serviceTopicsQuery(
        db,
        rows.map((row) => row.id),
        lang,
      );
      return byId(serviceBodies(rows, topicRows, lang, origin));
    }
    case 'events': {
      const slugs = await db.select({ slug: events.slug }).from(events).where(inArray(events.id, ids));
      const rows = (
        await batchAll(
          db,
          slugs.map(({ slug }) => eventBySlugQuery(db, lang, slug)),
        )
      ).flat();
      const hydration = await db.batch(eventHydrationQueries(db, ids, lang));
      return byId(assembleEvents(rows, hydration, lang, origin, now).map(({ event }) => event));
    }
    case 'analyses': {
      const slugs = await db.select({ slug: analyses.slug }).from(analyses).where(inArray(analyses.id, ids));
      const rows = (
        await batchAll(
          db,
          slugs.map(({ slug }) => analysisBySlugQuery(db, lang, slug)),
        )
      ).flat();
      const [parts, { authors, topicRefs }] = await Promise.all([
        batchAll(
          db,
          rows.flatMap((row) => sectionsAndAttachmentsQueries(db, row.id, lang)),
        ),
        authorsAndTopics(
          db,
          rows.map((row) => row.id),
          lang,
        ),
      ]);
      return byId(
        rows.map((row, index) =>
          analysisBody(
            row,
            lang,
            origin,
            {
              sections: parts[2 * index] as Sections,
              attachments: parts[2 * index + 1] as Attachments,
            },
            authors.get(row.id) ?? [],
            topicRefs.get(row.id) ?? [],
          ),
        ),
      );
    }
  }
}
