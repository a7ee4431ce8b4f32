import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  analyses,
  analysisAttachments,
  analysisAuthors,
  analysisSections,
  analysisSectionTranslations,
  analysisTopics,
  analysisTranslations,
} from '../../schema/analyses.ts';
import type { Lang, WorkflowStatus } from '../../schema/columns.ts';
import type { Db } from '../env.ts';
import { fromBrusselsLocal, toBrusselsIso } from '../lib/brussels-time.ts';
import { matchesWords } from '../lib/full-text.ts';
import { inIds } from '../lib/id-list.ts';
import { keysetOrder, type SortKey, seekAfter, sortedCursorKey, sortedCursorValue } from '../lib/keyset.ts';
import { itemLinks } from '../lib/links.ts';
import type { Cursor } from '../lib/pagination.ts';
import { sanitiseHtml } from '../lib/sanitise.ts';
import { columnsOf, fallbackFields, localisedSelect } from '../lib/translations.ts';
import { groupTopicRefs, hasAnyTopic, topicRefsQuery } from '../topics/queries.ts';
import type { AnalysisSchema, AnalysisSort, AnalysisSummaryBody, Author } from './schemas.ts';

const TEXT_FIELDS = ['title', 'summary'] as const;

function analysisRows(db: Db, lang: Lang) {
  return localisedSelect(
    db,
    lang,
    { table: analyses, id: analyses.id, translations: analysisTranslations, owner: 'analysisId', fields: TEXT_FIELDS },
    columnsOf(analyses, ['id', 'slug', 'publishedAt', 'revisedAt', 'licence', 'canonicalUrl', 'updatedAt']),
  );
}
export type AnalysisRow = Awaited<ReturnType<typeof analysisRows>>[number];

export interface AnalysisFilter {
  /** Workflow states shown: published unless an editor previews (api/lib/auth.ts visibleStatuses). */
  workflow?: readonly WorkflowStatus[];
  topics: string[];
  year?: number | undefined;
  authors: string[];
  q?: string | undefined;
}

const published = and(eq(analyses.status, 'published'), sql`${analyses.publishedAt} is not null`);

/**
 * Published analyses, or for an editor's preview every state in `statuses`. A draft has no publication date yet, so
 * a preview orders and pages by {@link PREVIEW_KEY} instead.
 */
const visible = (statuses: readonly WorkflowStatus[] = ['published']) =>
  statuses.length === 1 && statuses[0] === 'published' ? published : inArray(analyses.status, [...statuses]);
const isPreview = (statuses: readonly WorkflowStatus[] | undefined) => statuses?.some((s) => s !== 'published') ?? false;
/** The publication date, or (drafts) the last change: what analysisCursor already keys on. */
const PREVIEW_KEY = sql`coalesce(${analyses.publishedAt}, ${analyses.updatedAt})`;

/** The WHERE conditions of a filter; shared by the page and its total so they always agree. */
export function analysisConditions(filter: AnalysisFilter): SQL | undefined {
  return and(
    visible(filter.workflow),
    filter.year === undefined
      ? undefined
      : and(
          gte(analyses.publishedAt, fromBrusselsLocal({ year: filter.year, month: 1, day: 1 }, 0, 0)),
          lt(analyses.publishedAt, fromBrusselsLocal({ year: filter.year + 1, month: 1, day: 1 }, 0, 0)),
        ),
    hasAnyTopic(analysisTopics, analysisTopics.analysisId, analyses.id, filter.topics),
    filter.authors.length > 0
      ? sql`exists (select 1 from ${analysisAuthors} where ${analysisAuthors.analysisId} = ${analyses.id}
              and lower(${analysisAuthors.name}) in (${sql.join(
                filter.authors.map((a) => sql`${a.toLowerCase()}`),
                sql`, `,
              )}))`
      : undefined,
    filter.q === undefined ? undefined : matchesWords(analyses.id, 'analysis', filter.q),
  );
}

const SORT_KEYS: Record<AnalysisSort, SortKey> = {
  '-publishedAt': { column: analyses.publishedAt, direction: 'desc' },
  publishedAt: { column: analyses.publishedAt, direction: 'asc' },
};

/** Cursors carry their sort, so one issued for one order is never misread in another. */
export function analysisCursor(sort: AnalysisSort) {
  return (row: AnalysisRow): Cursor => ({ key: sortedCursorKey(sort, (row.publishedAt ?? row.updatedAt).getTime()), id: row.id });
}

/**
 * Where a page of analyses starts and how it is ordered: by the sort's key, or for an editor's preview (drafts
 * have no publication date) by {@link PREVIEW_KEY}. Shared by the page and its ids so they always read the same rows.
 */
function pageOf(filter: AnalysisFilter, sort: AnalysisSort, cursor: Cursor | undefined): { where: SQL | undefined; orderBy: SQL[] } {
  const key = SORT_KEYS[sort];
  if (isPreview(filter.workflow)) {
    const ascending = key.direction === 'asc';
    const order = ascending ? asc : desc;
    const seek = cursor
      ? sql`(${PREVIEW_KEY}, ${analyses.id}) ${sql.raw(ascending ? '>' : '<')} (${sortedCursorValue(cursor, sort)}, ${cursor.id})`
      : undefined;
    return { where: and(analysisConditions(filter), seek), orderBy: [order(PREVIEW_KEY), order(analyses.id)] };
  }
  const seek = cursor ? seekAfter(key, analyses.id, new Date(sortedCursorValue(cursor, sort)), cursor.id) : undefined;
  return { where: and(analysisConditions(filter), seek), orderBy: keysetOrder(key, analyses.id) };
}

/** A page of analyses (one row more than `limit`, to tell whether another page follows). */
export function analysisListQuery(
  db: Db,
  lang: Lang,
  filter: AnalysisFilter,
  sort: AnalysisSort,
  limit: number,
  cursor: Cursor | undefined,
) {
  const { where, orderBy } = pageOf(filter, sort, cursor);
  return analysisRows(db, lang)
    .where(where)
    .orderBy(...orderBy)
    .limit(limit + 1);
}

/** The ids of the page analysisListQuery reads, for reading its authors and topics in the same batch. */
export function analysisPageIdsQuery(db: Db, filter: AnalysisFilter, sort: AnalysisSort, limit: number, cursor: Cursor | undefined) {
  const { where, orderBy } = pageOf(filter, sort, cursor);
  return db
    .select({ id: analyses.id })
    .from(analyses)
    .where(where)
    .orderBy(...orderBy)
    .limit(limit + 1);
}

/** The id of the published analysis `slug` (or one in `statuses`, for a preview), for reading what belongs to it in the same batch. */
export function analysisIdBySlugQuery(db: Db, slug: string, statuses?: readonly WorkflowStatus[]) {
  return db
    .select({ id: analyses.id })
    .from(analyses)
    .where(and(visible(statuses), eq(analyses.slug, slug)))
    .limit(1);
}

export function analysisCountQuery(db: Db, filter: AnalysisFilter) {
  return db.select({ total: count() }).from(analyses).where(analysisConditions(filter));
}

export function analysisBySlugQuery(db: Db, lang: Lang, slug: string, statuses?: readonly WorkflowStatus[]) {
  return analysisRows(db, lang)
    .where(and(visible(statuses), eq(analyses.slug, slug)))
    .limit(1);
}

const sectionTr = alias(analysisSectionTranslations, 'section_tr');
const sectionNl = alias(analysisSectionTranslations, 'section_nl');

/**
 * The sections of one analysis in `lang`, Dutch where a section is missing, and its files in `lang` first. The
 * analysis is its id, or a query selecting it, so the analysis and these go to D1 in one batch.
 */
export function sectionsAndAttachmentsQueries(db: Db, analysisId: string | SQL, lang: Lang) {
  const of = (column: typeof analysisSections.analysisId | typeof analysisAttachments.analysisId) =>
    typeof analysisId === 'string' ? eq(column, analysisId) : inIds(column, analysisId);
  return [
    db
      .select({
        anchor: analysisSections.anchor,
        heading: sql<string>`coalesce(${sectionTr.heading}, ${sectionNl.heading})`,
        body: sql<string>`coalesce(${sectionTr.body}, ${sectionNl.body})`,
        fallback: sql<number>`(${sectionTr.body} is null or ${sectionTr.heading} is null)`,
      })
      .from(analysisSections)
      .innerJoin(sectionNl, and(eq(sectionNl.sectionId, analysisSections.id), eq(sectionNl.lang, 'nl')))
      .leftJoin(sectionTr, and(eq(sectionTr.sectionId, analysisSections.id), eq(sectionTr.lang, lang)))
      .where(of(analysisSections.analysisId))
      .orderBy(asc(analysisSections.position)),
    db
      .select({
        title: analysisAttachments.title,
        url: analysisAttachments.url,
        mediaType: analysisAttachments.mediaType,
        byteSize: analysisAttachments.byteSize,
        lang: analysisAttachments.lang,
      })
      .from(analysisAttachments)
      .where(of(analysisAttachments.analysisId))
      .orderBy(sql`${analysisAttachments.lang} = ${lang} desc`, asc(analysisAttachments.position)),
  ] as const;
}

/**
 * Authors (in credited order) and topics of the analyses `ids` selects: a list of ids, or the page's own query as a
 * subquery, so a page and what it shows go to D1 in one batch.
 */
export function authorsAndTopicsQueries(db: Db, ids: readonly string[] | SQL, lang: Lang) {
  return [
    db
      .select({ analysisId: analysisAuthors.analysisId, name: analysisAuthors.name, affiliation: analysisAuthors.affiliation })
      .from(analysisAuthors)
      .where(inIds(analysisAuthors.analysisId, ids))
      .orderBy(asc(analysisAuthors.analysisId), asc(analysisAuthors.position)),
    topicRefsQuery(db, analysisTopics, analysisTopics.analysisId, ids, lang),
  ] as const;
}

type AuthorsAndTopicsQueries = ReturnType<typeof authorsAndTopicsQueries>;

/** What authorsAndTopicsQueries returned, by analysis id. */
export function groupAuthorsAndTopics([authorRows, topicRows]: readonly [
  Awaited<AuthorsAndTopicsQueries[0]>,
  Awaited<AuthorsAndTopicsQueries[1]>,
]) {
  const authors = new Map<string, Author[]>();
  for (const { analysisId, ...author } of authorRows) authors.set(analysisId, [...(authors.get(analysisId) ?? []), author]);
  return { authors, topicRefs: groupTopicRefs(topicRows) };
}

/** Authors and topics of a page of analyses, by analysis id, in one round trip. */
export async function authorsAndTopics(db: Db, ids: string[], lang: Lang) {
  if (ids.length === 0) return groupAuthorsAndTopics([[], []]);
  return groupAuthorsAndTopics(await db.batch(authorsAndTopicsQueries(db, ids, lang)));
}

export function toAnalysisSummary(
  row: AnalysisRow,
  lang: Lang,
  origin: string,
  authors: Author[],
  topicRefs: { slug: string; name: string }[],
): AnalysisSummaryBody {
  return {
    id: row.id,
    slug: row.slug,
    url: row.canonicalUrl ?? `${origin}/v1/analyses/${row.slug}`,
    links: itemLinks(origin, lang, 'analyses', row.slug),
    title: row.title ?? row.slug,
    summary: row.summary,
    authors,
    publishedAt: toBrusselsIso(row.publishedAt ?? row.updatedAt),
    revisedAt: row.revisedAt ? toBrusselsIso(row.revisedAt) : null,
    licence: row.licence,
    topics: topicRefs,
    updatedAt: toBrusselsIso(row.updatedAt),
    meta: { lang, fallback: fallbackFields(row, TEXT_FIELDS) },
  };
}

type SectionQueries = ReturnType<typeof sectionsAndAttachmentsQueries>;
export type Sections = Awaited<SectionQueries[0]>;
export type Attachments = Awaited<SectionQueries[1]>;

/** One analysis as GET /v1/analyses/{slug} and the change feed (api/changes/queries.ts) serve it. */
export function analysisBody(
  row: AnalysisRow,
  lang: Lang,
  origin: string,
  { sections, attachments }: { sections: Sections; attachments: Attachments },
  authors: Parameters<typeof toAnalysisSummary>[3],
  topicRefs: Parameters<typeof toAnalysisSummary>[4],
): typeof AnalysisSchema._zod.output {
  const summary = toAnalysisSummary(row, lang, origin, authors, topicRefs);
  const data = {
    ...summary,
    sections: sections.map((s) => ({
      anchor: s.anchor,
      heading: s.heading,
      // Stored HTML is sanitised on the way out too, whatever path wrote it.
      body: sanitiseHtml(s.body),
      fallback: Boolean(s.fallback) && lang !== 'nl',
    })),
    attachments,
  };
  if (data.sections.some((s) => s.fallback)) data.meta = { ...data.meta, fallback: [...data.meta.fallback, 'sections'] };
  return data;
}
