// The change feed's reads: which items changed after a position, and each one as the public API shows it now.
// Shared by GET /v1/changes and the webhook deliveries, so a webhook payload is exactly a feed entry.
import { eq, inArray, max, min, sql } from 'drizzle-orm';
import { analyses } from '../../schema/analyses.ts';
import { type ChangeResource, changes } from '../../schema/changes.ts';
import type { Lang } from '../../schema/columns.ts';
import { events } from '../../schema/events.ts';
import { services } from '../../schema/services.ts';
import { topics } from '../../schema/topics.ts';
import { aboutQuery, toAbout } from '../about/queries.ts';
import { analysisBySlugQuery, authorsAndTopics, sectionsAndAttachmentsQueries, toAnalysisSummary } from '../analyses/queries.ts';
import type { AnalysisSchema } from '../analyses/schemas.ts';
import type { Db } from '../env.ts';
import { assembleEvents, eventBySlugQuery, eventHydrationQueries } from '../events/queries.ts';
import { toBrusselsIso } from '../lib/brussels-time.ts';
import { sanitiseHtml } from '../lib/sanitise.ts';
import { hydrateServices, serviceBySlugQuery } from '../services/queries.ts';
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
  const latest = db
    .select({ seq: max(changes.seq).as('latest_seq') })
    .from(changes)
    .where(sql`${changes.seq} > ${sinceSeq}`)
    .groupBy(changes.resource, changes.itemId)
    .as('latest');
  const rows = await db
    .select({ seq: changes.seq, resource: changes.resource, id: changes.itemId, slug: changes.slug, at: changes.at })
    .from(changes)
    .innerJoin(latest, eq(changes.seq, latest.seq))
    .orderBy(changes.seq)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const now = new Date();
  const records = await Promise.all(
    page.map(async (row): Promise<ChangeRecord> => {
      const fields = { id: row.id, slug: row.slug, at: toBrusselsIso(row.at) };
      const item = await publicItem(db, row.resource, row.id, lang, origin, now);
      const entry = item
        ? ({ kind: 'item', resource: row.resource, ...fields, slug: item.slug, item } as ChangeEntry)
        : ({ kind: 'tombstone', resource: row.resource, ...fields } as ChangeEntry);
      return { seq: row.seq, entry };
    }),
  );
  return { records, lastSeq: page.at(-1)?.seq ?? sinceSeq, hasMore: rows.length > limit };
}

/** The span of the log still held: `first` is the oldest kept `seq`, `last` the newest ever written (0 for none). */
export async function changeLogSpan(db: Db): Promise<{ first: number | null; last: number }> {
  const [row] = await db.select({ first: min(changes.seq), last: max(changes.seq) }).from(changes);
  return { first: row?.first ?? null, last: row?.last ?? 0 };
}

type ItemBody = Extract<ChangeEntry, { kind: 'item' }>['item'];

/** The item as its public GET shows it now, or undefined when it is not public (or gone). */
async function publicItem(
  db: Db,
  resource: ChangeResource,
  id: string,
  lang: Lang,
  origin: string,
  now: Date,
): Promise<ItemBody | undefined> {
  switch (resource) {
    case 'about': {
      // GET /v1/about shows the one published profile (the newest, should there be more).
      const [row] = await aboutQuery(db, lang);
      return row?.id === id ? toAbout(row, lang, origin) : undefined;
    }
    case 'topics': {
      const [row] = await topicQuery(db, lang, eq(topics.id, id)).limit(1);
      return row ? toTopic(row, lang, origin) : undefined;
    }
    case 'services': {
      const slug = await currentSlug(db, services, id);
      if (!slug) return undefined;
      const [body] = await hydrateServices(db, await serviceBySlugQuery(db, lang, slug), lang, origin);
      return body;
    }
    case 'events': {
      const slug = await currentSlug(db, events, id);
      if (!slug) return undefined;
      const [rows, ...hydration] = await db.batch([eventBySlugQuery(db, lang, slug), ...eventHydrationQueries(db, [id], lang)]);
      return assembleEvents(rows, hydration, lang, origin, now)[0]?.event;
    }
    case 'analyses': {
      const slug = await currentSlug(db, analyses, id);
      if (!slug) return undefined;
      const [row] = await analysisBySlugQuery(db, lang, slug);
      return row ? analysisBody(db, row, lang, origin) : undefined;
    }
  }
}

async function currentSlug(db: Db, table: typeof services | typeof events | typeof analyses, id: string) {
  const [row] = await db
    .select({ slug: table.slug })
    .from(table)
    .where(inArray(table.id, [id]))
    .limit(1);
  return row?.slug;
}

type AnalysisRow = Awaited<ReturnType<typeof analysisBySlugQuery>>[number];

// The same assembly as the GET /v1/analyses/{slug} handler (api/analyses/index.ts); tests/api/changes.test.ts
// compares every feed entry with that handler's answer, so the two cannot drift apart unnoticed.
async function analysisBody(db: Db, row: AnalysisRow, lang: Lang, origin: string): Promise<typeof AnalysisSchema._zod.output> {
  const [[sections, attachments], { authors, topicRefs }] = await Promise.all([
    db.batch(sectionsAndAttachmentsQueries(db, row.id, lang)),
    authorsAndTopics(db, [row.id], lang),
  ]);
  const summary = toAnalysisSummary(row, lang, origin, authors.get(row.id) ?? [], topicRefs.get(row.id) ?? []);
  const data = {
    ...summary,
    sections: sections.map((s) => ({
      anchor: s.anchor,
      heading: s.heading,
      body: sanitiseHtml(s.body),
      fallback: Boolean(s.fallback) && lang !== 'nl',
    })),
    attachments,
  };
  if (data.sections.some((s) => s.fallback)) data.meta = { ...data.meta, fallback: [...data.meta.fallback, 'sections'] };
  return data;
}
