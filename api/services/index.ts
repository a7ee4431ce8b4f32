import { SERVICE_FORMATS } from '../../schema/services.ts';
import { createRouter } from '../app.ts';
import { ApiError } from '../errors.ts';
import { visibleStatuses } from '../lib/auth.ts';
import { enumValues, listValues } from '../lib/list-params.ts';
import { decodeCursor, nextLink, page } from '../lib/pagination.ts';
import { redirectRenamed } from '../lib/slugs.ts';
import {
  type ServiceFilter,
  serviceBodies,
  serviceBySlugQuery,
  serviceCountQuery,
  serviceCursor,
  serviceIdBySlugQuery,
  serviceListQuery,
  servicePageIdsQuery,
  serviceTopicsQuery,
} from './queries.ts';
import { getService, listServices, serviceEditorial } from './routes.ts';

export { routes } from './routes.ts';

export const servicesRouter = createRouter()
  .openapi(listServices, async (c) => {
    const query = c.req.valid('query');
    const { db, lang } = c.var;
    const filter: ServiceFilter = {
      topics: listValues(query.topic),
      formats: enumValues('format', query.format, SERVICE_FORMATS),
      workflow: await visibleStatuses(c),
    };
    const cursor = decodeCursor(query.cursor);
    if (cursor && !/^\d+$/.test(String(cursor.key))) throw ApiError.invalidParam('cursor', 'query', 'Not a services cursor.');
    // The page, its total and its topics (through the page's own query) in one batch: one round trip.
    const [rows, totals, topicRows] = await db.batch([
      serviceListQuery(db, lang, filter, query.limit, cursor),
      serviceCountQuery(db, filter),
      serviceTopicsQuery(db, servicePageIdsQuery(db, filter, query.limit, cursor).getSQL(), lang),
    ]);
    const { items, nextCursor } = page(rows, query.limit, serviceCursor);
    const data = serviceBodies(items, topicRows, lang, new URL(c.req.url).origin);
    return c.json({ data, nextCursor, total: totals[0]?.total ?? 0 }, 200, nextLink(c.req.url, nextCursor));
  })
  .openapi(getService, async (c) => {
    const { slug } = c.req.valid('param');
    const { db, lang } = c.var;
    const statuses = await visibleStatuses(c);
    const [rows, topicRows] = await db.batch([
      serviceBySlugQuery(db, lang, slug, statuses),
      serviceTopicsQuery(db, serviceIdBySlugQuery(db, slug, statuses).getSQL(), lang),
    ]);
    const [data] = serviceBodies(rows, topicRows, lang, new URL(c.req.url).origin);
    if (!data) {
      const renamed = await redirectRenamed(c, 'service', slug);
      if (renamed) return renamed;
      throw new ApiError('not-found', `No published service has the slug "${slug}".`);
    }
    return c.json({ data }, 200);
  })
  .route('/', serviceEditorial.router);
