import { createRouter } from '../app.ts';
import { ApiError } from '../errors.ts';
import { visibleStatuses } from '../lib/auth.ts';
import { listValues } from '../lib/list-params.ts';
import { decodeCursor, nextLink, page } from '../lib/pagination.ts';
import { redirectRenamed } from '../lib/slugs.ts';
import { analysisEditorial } from './editorial.ts';
import {
  type AnalysisFilter,
  analysisBody,
  analysisBySlugQuery,
  analysisCountQuery,
  analysisCursor,
  analysisIdBySlugQuery,
  analysisListQuery,
  analysisPageIdsQuery,
  authorsAndTopicsQueries,
  groupAuthorsAndTopics,
  sectionsAndAttachmentsQueries,
  toAnalysisSummary,
} from './queries.ts';
import { getAnalysis, listAnalyses, routes as publicRoutes } from './routes.ts';

/** Every documented operation of this module (public reads and editorial writes). */
export const routes = [...publicRoutes, ...analysisEditorial.routes];

export const analysesRouter = createRouter()
  .openapi(listAnalyses, async (c) => {
    const query = c.req.valid('query');
    const { db, lang } = c.var;
    const filter: AnalysisFilter = {
      workflow: await visibleStatuses(c),
      topics: listValues(query.topic),
      year: query.year === undefined ? undefined : Number(query.year),
      authors: listValues(query.author),
      q: query.q,
    };
    const cursor = decodeCursor(query.cursor, query.sort);
    // The page, its total, and its authors and topics (through the page's own query) in one batch: one round trip.
    const [rows, totals, authorRows, topicRows] = await db.batch([
      analysisListQuery(db, lang, filter, query.sort, query.limit, cursor),
      analysisCountQuery(db, filter),
      ...authorsAndTopicsQueries(db, analysisPageIdsQuery(db, filter, query.sort, query.limit, cursor).getSQL(), lang),
    ]);
    const { items, nextCursor } = page(rows, query.limit, analysisCursor(query.sort));
    const { authors, topicRefs } = groupAuthorsAndTopics([authorRows, topicRows]);
    const origin = new URL(c.req.url).origin;
    const data = items.map((row) => toAnalysisSummary(row, lang, origin, authors.get(row.id) ?? [], topicRefs.get(row.id) ?? []));
    return c.json({ data, nextCursor, total: totals[0]?.total ?? 0 }, 200, nextLink(c.req.url, nextCursor));
  })
  .openapi(getAnalysis, async (c) => {
    const { slug } = c.req.valid('param');
    const { db, lang } = c.var;
    // The analysis, its sections, files, authors and topics in one batch: one round trip.
    const statuses = await visibleStatuses(c);
    const id = analysisIdBySlugQuery(db, slug, statuses).getSQL();
    const [[row], sections, attachments, authorRows, topicRows] = await db.batch([
      analysisBySlugQuery(db, lang, slug, statuses),
      ...sectionsAndAttachmentsQueries(db, id, lang),
      ...authorsAndTopicsQueries(db, id, lang),
    ]);
    if (!row) {
      const renamed = await redirectRenamed(c, 'analysis', slug);
      if (renamed) return renamed;
      throw new ApiError('not-found', `No published analysis has the slug "${slug}".`);
    }
    const { authors, topicRefs } = groupAuthorsAndTopics([authorRows, topicRows]);
    const data = analysisBody(
      row,
      lang,
      new URL(c.req.url).origin,
      { sections, attachments },
      authors.get(row.id) ?? [],
      topicRefs.get(row.id) ?? [],
    );
    return c.json({ data }, 200);
  })
  .route('/', analysisEditorial.router);
