import { createRouter } from '../app.ts';
import { ApiError } from '../errors.ts';
import { visibleStatuses } from '../lib/auth.ts';
import { listValues } from '../lib/list-params.ts';
import { decodeCursor, nextLink, page } from '../lib/pagination.ts';
import { sanitiseHtml } from '../lib/sanitise.ts';
import { redirectRenamed } from '../lib/slugs.ts';
import { analysisEditorial } from './editorial.ts';
import {
  type AnalysisFilter,
  analysisBySlugQuery,
  analysisCountQuery,
  analysisCursor,
  analysisListQuery,
  authorsAndTopics,
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
    const [rows, totals] = await db.batch([
      analysisListQuery(db, lang, filter, query.sort, query.limit, decodeCursor(query.cursor, query.sort)),
      analysisCountQuery(db, filter),
    ]);
    const { items, nextCursor } = page(rows, query.limit, analysisCursor(query.sort));
    const { authors, topicRefs } = await authorsAndTopics(
      db,
      items.map((row) => row.id),
      lang,
    );
    const origin = new URL(c.req.url).origin;
    const data = items.map((row) => toAnalysisSummary(row, lang, origin, authors.get(row.id) ?? [], topicRefs.get(row.id) ?? []));
    return c.json({ data, nextCursor, total: totals[0]?.total ?? 0 }, 200, nextLink(c.req.url, nextCursor));
  })
  .openapi(getAnalysis, async (c) => {
    const { slug } = c.req.valid('param');
    const { db, lang } = c.var;
    const [row] = await analysisBySlugQuery(db, lang, slug, await visibleStatuses(c));
    if (!row) {
      const renamed = await redirectRenamed(c, 'analysis', slug);
      if (renamed) return renamed;
      throw new ApiError('not-found', `No published analysis has the slug "${slug}".`);
    }
    const [[sections, attachments], { authors, topicRefs }] = await Promise.all([
      db.batch(sectionsAndAttachmentsQueries(db, row.id, lang)),
      authorsAndTopics(db, [row.id], lang),
    ]);
    const summary = toAnalysisSummary(row, lang, new URL(c.req.url).origin, authors.get(row.id) ?? [], topicRefs.get(row.id) ?? []);
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
  })
  .route('/', analysisEditorial.router);
