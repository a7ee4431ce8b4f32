import { createRouter } from '../app.ts';
import { ApiError } from '../errors.ts';
import { enumValues } from '../lib/list-params.ts';
import { decodeCursor, nextLink, page } from '../lib/pagination.ts';
import { redirectRenamed } from '../lib/slugs.ts';
import { freshUntil } from '../middleware/edge-cache.ts';
import { eventEditorial } from './editorial.ts';
import {
  eventBySlugQuery,
  eventCountQuery,
  eventCursor,
  eventFacetQuery,
  eventFilterFrom,
  eventListQuery,
  facetLabel,
  hydrateEvents,
} from './queries.ts';
import { getEvent, listEvents, routes as publicRoutes } from './routes.ts';
import { EVENT_FACETS, type EventFacet } from './schemas.ts';

/** Every documented operation of this module (public reads and editorial writes). */
export const routes = [...publicRoutes, ...eventEditorial.routes];

export const eventsRouter = createRouter()
  .openapi(listEvents, async (c) => {
    const query = c.req.valid('query');
    const { db, lang } = c.var;
    const now = new Date();
    const filter = eventFilterFrom(query, now);
    const facets: EventFacet[] = enumValues('facets', query.facets, EVENT_FACETS);
    const cursor = decodeCursor(query.cursor, query.sort);

    // The page, its total and the facets share one filter and go to D1 in one round trip.
    const [rows, totals, ...facetRows] = await db.batch([
      eventListQuery(db, lang, filter, query.sort, query.limit, cursor),
      eventCountQuery(db, filter),
      ...facets.map((facet) => eventFacetQuery(db, lang, filter, facet)),
    ]);
    // Listed because they end after now: the page, its total and its facets change when the first of them ends.
    if (query.from === undefined) freshUntil(c, totals[0]?.firstEnd);
    const { items, nextCursor } = page(rows, query.limit, eventCursor(query.sort));
    const data = await hydrateEvents(db, items, lang, new URL(c.req.url).origin, now);
    const body = {
      data,
      nextCursor,
      total: totals[0]?.total ?? 0,
      ...(facets.length > 0
        ? {
            facets: Object.fromEntries(
              facets.map((facet, i) => [
                facet,
                (facetRows[i] ?? []).map((row) => ({
                  value: String(row.value),
                  label: facetLabel(facet, { value: String(row.value), ...('label' in row ? { label: String(row.label) } : {}) }, lang),
                  count: Number(row.count),
                })),
              ]),
            ),
          }
        : {}),
    };
    return c.json(body, 200, nextLink(c.req.url, nextCursor));
  })
  .openapi(getEvent, async (c) => {
    const { slug } = c.req.valid('param');
    const { db, lang } = c.var;
    const [row] = await eventBySlugQuery(db, lang, slug);
    const [data] = row ? await hydrateEvents(db, [row], lang, new URL(c.req.url).origin, new Date()) : [];
    if (!data) {
      const renamed = await redirectRenamed(c, 'event', slug);
      if (renamed) return renamed;
      throw new ApiError('not-found', `No published event has the slug "${slug}".`);
    }
    return c.json({ data }, 200);
  })
  .route('/', eventEditorial.router);
