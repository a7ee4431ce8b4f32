import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, desc, eq, exists, gt, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
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
import type { Lang } from '../../schema/columns.ts';
import { LANGS } from '../../schema/columns.ts';
import { topics } from '../../schema/topics.ts';
import { createRouter } from '../app.ts';
import type { Db } from '../env.ts';
import { ApiError, problemResponses } from '../errors.ts';
import { fromBrusselsLocal, toBrusselsIso } from '../lib/brussels-time.ts';
import { langParam } from '../lib/language.ts';
import { listValues, multiParam, sortParam } from '../lib/list-params.ts';
import { type Cursor, cursorParam, decodeCursor, limitParam, nextCursorField, nextLink, page } from '../lib/pagination.ts';
import { sanitiseHtml } from '../lib/sanitise.ts';
import { dateTime, ItemMetaSchema, slugParam, TopicRefSchema } from '../lib/schemas.ts';
import { fallbackFields, localized } from '../lib/translations.ts';
import { conditionalGetParameters, listHeaders, notModifiedResponse, readHeaders } from '../openapi.ts';
import { ftsQuery } from '../search/index.ts';
import { groupTopicRefs, topicRefsQuery } from '../topics/queries.ts';
import { analysisExample, analysisSummaryExample } from './examples.ts';

const TEXT_FIELDS = ['title', 'summary'] as const;
const SORTS = ['-publishedAt', 'publishedAt'] as const;

const AuthorSchema = z.object({ name: z.string().openapi({ example: 'Socius' }), affiliation: z.string().nullable() }).openapi('Author');
const AttachmentSchema = z
  .object({
    title: z.string(),
    url: z.url(),
    mediaType: z.string().openapi({ example: 'application/pdf' }),
    byteSize: z.number().int().nullable(),
    lang: z.enum(LANGS).openapi({ description: 'The language of the file itself.' }),
  })
  .openapi('Attachment');

const analysisFields = {
  id: z.string(),
  slug: z.string().openapi({ example: 'tien-stromingen-in-het-middenveld' }),
  url: z.url().openapi({ description: 'Canonical URL: the original publication when there is one, else this API.' }),
  title: z.string(),
  summary: z.string().nullable(),
  authors: z.array(AuthorSchema),
  publishedAt: dateTime,
  revisedAt: dateTime.nullable().openapi({ description: 'Last substantive revision, when there was one.' }),
  licence: z.string().openapi({ description: 'SPDX licence identifier of the text.', example: 'CC-BY-4.0' }),
  topics: z.array(TopicRefSchema),
  updatedAt: dateTime,
  meta: ItemMetaSchema,
};

export const AnalysisSummarySchema = z.object(analysisFields).openapi('AnalysisSummary');

const SectionSchema = z
  .object({
    anchor: z.string().openapi({ description: 'Fragment id, the same in every language.', example: 'methode' }),
    heading: z.string(),
    body: z.string().openapi({ description: 'Sanitised HTML (p, h3, h4, ul, ol, li, strong, em, blockquote, a).' }),
    fallback: z.boolean().openapi({ description: 'True when this section is shown in Dutch because it is missing in `lang`.' }),
  })
  .openapi('AnalysisSection');

export const AnalysisSchema = z
  .object({ ...analysisFields, sections: z.array(SectionSchema), attachments: z.array(AttachmentSchema) })
  .openapi('Analysis');

const listAnalyses = createRoute({
  method: 'get',
  path: '/analyses',
  tags: ['Analyses'],
  operationId: 'listAnalyses',
  summary: 'Research and policy analyses',
  description: 'Published analyses, newest first by default. Bodies are in the detail; lists carry title, summary, authors and dates.',
  request: {
    query: z.strictObject({
      lang: langParam,
      topic: multiParam('topic', 'Topic slug(s); an analysis matches when it has any of them.', 'participatie'),
      year: z
        .string()
        .regex(/^\d{4}$/, 'A four-digit year')
        .optional()
        .openapi({ param: { name: 'year', in: 'query' }, description: 'Year of publication (Brussels time).', example: '2026' }),
      author: multiParam('author', 'Author name(s), case-insensitive.', 'Socius'),
      q: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .optional()
        .openapi({
          param: { name: 'q', in: 'query' },
          description: 'Words in title, summary or text (prefix match, accents ignored).',
          example: 'middenveld',
        }),
      sort: sortParam(SORTS, '`-publishedAt` (newest first, default) or `publishedAt` (oldest first).'),
      limit: limitParam,
      cursor: cursorParam,
    }),
  },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'A page of analyses.',
      headers: listHeaders,
      content: {
        'application/json': {
          schema: z
            .object({ data: z.array(AnalysisSummarySchema), nextCursor: nextCursorField, total: z.number().int() })
            .openapi('AnalysisList'),
          example: { data: [analysisSummaryExample], nextCursor: null, total: 1 },
        },
      },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 500),
  },
});

const getAnalysis = createRoute({
  method: 'get',
  path: '/analyses/{slug}',
  tags: ['Analyses'],
  operationId: 'getAnalysis',
  summary: 'One analysis, in full',
  description:
    'The full text in sections with stable anchors, authors, dates, licence and downloads (files in the requested language first).',
  request: { params: z.object({ slug: slugParam }), query: z.strictObject({ lang: langParam }) },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The analysis.',
      headers: readHeaders,
      content: {
        'application/json': { schema: z.object({ data: AnalysisSchema }).openapi('AnalysisDetail'), example: { data: analysisExample } },
      },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 404, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes = [listAnalyses, getAnalysis];

const tr = alias(analysisTranslations, 'tr');
const nl = alias(analysisTranslations, 'nl');
const sectionTr = alias(analysisSectionTranslations, 'section_tr');
const sectionNl = alias(analysisSectionTranslations, 'section_nl');

function analysisRows(db: Db, lang: Lang) {
  return db
    .select({
      id: analyses.id,
      slug: analyses.slug,
      publishedAt: analyses.publishedAt,
      revisedAt: analyses.revisedAt,
      licence: analyses.licence,
      canonicalUrl: analyses.canonicalUrl,
      updatedAt: analyses.updatedAt,
      ...localized(tr, nl, TEXT_FIELDS),
    })
    .from(analyses)
    .innerJoin(nl, and(eq(nl.analysisId, analyses.id), eq(nl.lang, 'nl')))
    .leftJoin(tr, and(eq(tr.analysisId, analyses.id), eq(tr.lang, lang)));
}
type AnalysisRow = Awaited<ReturnType<typeof analysisRows>>[number];

export interface AnalysisFilter {
  topics: string[];
  year?: number | undefined;
  authors: string[];
  q?: string | undefined;
}

export function analysisConditions(filter: AnalysisFilter): SQL | undefined {
  return and(
    eq(analyses.status, 'published'),
    sql`${analyses.publishedAt} is not null`,
    filter.year === undefined
      ? undefined
      : and(
          gte(analyses.publishedAt, fromBrusselsLocal({ year: filter.year, month: 1, day: 1 }, 0, 0)),
          lt(analyses.publishedAt, fromBrusselsLocal({ year: filter.year + 1, month: 1, day: 1 }, 0, 0)),
        ),
    filter.topics.length > 0
      ? exists(
          sql`(select 1 from ${analysisTopics} join ${topics} on ${topics.id} = ${analysisTopics.topicId}
              where ${analysisTopics.analysisId} = ${analyses.id} and ${inArray(topics.slug, filter.topics)})`,
        )
      : undefined,
    filter.authors.length > 0
      ? exists(
          sql`(select 1 from ${analysisAuthors} where ${analysisAuthors.analysisId} = ${analyses.id}
              and lower(${analysisAuthors.name}) in (${sql.join(
                filter.authors.map((a) => sql`${a.toLowerCase()}`),
                sql`, `,
              )}))`,
        )
      : undefined,
    filter.q === undefined
      ? undefined
      : inArray(analyses.id, sql`(select item_id from search_index where search_index match ${ftsQuery(filter.q)} and kind = 'analysis')`),
  );
}

export function analysisListQuery(
  db: Db,
  lang: Lang,
  filter: AnalysisFilter,
  sort: (typeof SORTS)[number],
  limit: number,
  cursor: Cursor | undefined,
) {
  const newestFirst = sort === '-publishedAt';
  let seek: SQL | undefined;
  if (cursor) {
    const [cursorSort, value] = String(cursor.key).split('|');
    if (cursorSort !== sort || !value || !/^\d+$/.test(value)) {
      throw ApiError.invalidParam('cursor', 'query', 'This cursor belongs to another sort order or is damaged; start again without it.');
    }
    const at = new Date(Number(value));
    const beyond = newestFirst ? lt : gt;
    seek = or(beyond(analyses.publishedAt, at), and(eq(analyses.publishedAt, at), beyond(analyses.id, cursor.id)));
  }
  const order = newestFirst ? desc : asc;
  return analysisRows(db, lang)
    .where(and(analysisConditions(filter), seek))
    .orderBy(order(analyses.publishedAt), order(analyses.id))
    .limit(limit + 1);
}

function summaryOf(
  row: AnalysisRow,
  lang: Lang,
  origin: string,
  authors: { name: string; affiliation: string | null }[],
  topicRefs: { slug: string; name: string }[],
) {
  return {
    id: row.id,
    slug: row.slug,
    url: row.canonicalUrl ?? `${origin}/v1/analyses/${row.slug}`,
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

export async function authorsAndTopics(db: Db, ids: string[], lang: Lang) {
  if (ids.length === 0)
    return {
      authors: new Map<string, { name: string; affiliation: string | null }[]>(),
      topicRefs: new Map<string, { slug: string; name: string }[]>(),
    };
  const [authorRows, topicRows] = await db.batch([
    db
      .select({ analysisId: analysisAuthors.analysisId, name: analysisAuthors.name, affiliation: analysisAuthors.affiliation })
      .from(analysisAuthors)
      .where(inArray(analysisAuthors.analysisId, ids))
      .orderBy(asc(analysisAuthors.analysisId), asc(analysisAuthors.position)),
    topicRefsQuery(db, analysisTopics, analysisTopics.analysisId, ids, lang),
  ]);
  const authors = new Map<string, { name: string; affiliation: string | null }[]>();
  for (const { analysisId, ...author } of authorRows) authors.set(analysisId, [...(authors.get(analysisId) ?? []), author]);
  return { authors, topicRefs: groupTopicRefs(topicRows) };
}

export const analysesRouter = createRouter()
  .openapi(listAnalyses, async (c) => {
    const query = c.req.valid('query');
    const { db, lang } = c.var;
    const filter: AnalysisFilter = {
      topics: listValues(query.topic),
      year: query.year === undefined ? undefined : Number(query.year),
      authors: listValues(query.author),
      q: query.q,
    };
    const [rows, totals] = await db.batch([
      analysisListQuery(db, lang, filter, query.sort, query.limit, decodeCursor(query.cursor)),
      db.select({ total: sql<number>`count(*)` }).from(analyses).where(analysisConditions(filter)),
    ]);
    const { items, nextCursor } = page(rows, query.limit, (row) => ({
      key: `${query.sort}|${(row.publishedAt ?? row.updatedAt).getTime()}`,
      id: row.id,
    }));
    const { authors, topicRefs } = await authorsAndTopics(
      db,
      items.map((row) => row.id),
      lang,
    );
    const origin = new URL(c.req.url).origin;
    const data = items.map((row) => summaryOf(row, lang, origin, authors.get(row.id) ?? [], topicRefs.get(row.id) ?? []));
    return c.json({ data, nextCursor, total: totals[0]?.total ?? 0 }, 200, nextLink(c.req.url, nextCursor));
  })
  .openapi(getAnalysis, async (c) => {
    const { slug } = c.req.valid('param');
    const { db, lang } = c.var;
    const [row] = await analysisRows(db, lang)
      .where(and(eq(analyses.status, 'published'), eq(analyses.slug, slug), sql`${analyses.publishedAt} is not null`))
      .limit(1);
    if (!row) throw new ApiError('not-found', `No published analysis has the slug "${slug}".`);
    const [[sections, attachments], { authors, topicRefs }] = await Promise.all([
      db.batch([
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
          .where(eq(analysisSections.analysisId, row.id))
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
          .where(eq(analysisAttachments.analysisId, row.id))
          .orderBy(sql`${analysisAttachments.lang} = ${lang} desc`, asc(analysisAttachments.position)),
      ]),
      authorsAndTopics(db, [row.id], lang),
    ]);
    const summary = summaryOf(row, lang, new URL(c.req.url).origin, authors.get(row.id) ?? [], topicRefs.get(row.id) ?? []);
    const data = {
      ...summary,
      sections: sections.map((s) => ({
        anchor: s.anchor,
        heading: s.heading,
        // Stored HTML is sanitised on the way out too until every write path sanitises (only the seed does today).
        body: sanitiseHtml(s.body),
        fallback: Boolean(s.fallback) && lang !== 'nl',
      })),
      attachments,
    };
    if (data.sections.some((s) => s.fallback)) data.meta = { ...data.meta, fallback: [...data.meta.fallback, 'sections'] };
    return c.json({ data }, 200);
  });
