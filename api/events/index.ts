import { createRouter } from '../app.ts';
import { ApiError } from '../errors.ts';
import { visibleStatuses } from '../lib/auth.ts';
import { enumValues } from '../lib/list-params.ts';
import { decodeCursor, nextLink, page } from '../lib/pagination.ts';
import { redirectRenamed } from '../lib/slugs.ts';
import { freshUntil } from '../middleware/edge-cache.ts';
import { eventFacetCountsQuery, eventTotalsQuery, WORDED_TOTAL_CAP } from './counts.ts';
import { eventEditorial } from './editorial.ts';
import { assembleEvents, eventCursor, eventFilterFrom, eventItemQuery, eventPageQuery, facetLabel, splitHydrated } from './queries.ts';
import { getEvent, listEvents, routes as publicRoutes } from './routes.ts';
import { EVENT_FACETS, type EventFacet } from './schemas.ts';

/** Every documented operation of this module (public reads and editorial writes). */
export const routes = [...publicRoutes, ...eventEditorial.routes];

export const eventsRouter = createRouter()
  .openapi(listEvents, async (c) => {
    const query = c.req.valid('query');
    const { db, lang } = c.var;
    const now = new Date();
    const filter = { ...eventFilterFrom(query, now), workflow: await visibleStatuses(c) };
    const facets: EventFacet[] = enumValues('facets', query.facets, EVENT_FACETS);
    const cursor = decodeCursor(query.cursor, query.sort);

    // A later page repeats the total its cursor carries from the first page instead of counting again.
    const carried = cursor?.total;
    // With words (and no facets, which count every match anyway), the total stops at WORDED_TOTAL_CAP.
    const capped = facets.length === 0;
    // The page with its sessions, topics and services (one statement), its total and the facets share one filter
    // and go to D1 in one batch: one round trip.
    const [hydrated, totals, ...facetRows] = await db.batch([
      eventPageQuery(db, lang, filter, query.sort, query.limit, cursor),
      eventTotalsQuery(db, filter, carried === undefined, capped),
      ...facets.map((facet) => eventFacetCountsQuery(db, lang, filter, facet)),
    ]);
    const { rows, hydration } = splitHydrated(hydrated);
    // Listed because they end after now: the page, its total and its facets change when the first of them ends (of
    // the events counted, when the total stopped at its cap, and of the page's own).
    const ends = [totals[0]?.firstEnd, ...rows.map((row) => row.endsAt.getTime())].filter((end) => end != null);
    if (query.from === undefined && ends.length > 0) freshUntil(c, new Date(Math.min(...ends)));
    const counted = Number(totals[0]?.total ?? 0);
    const totalIsLowerBound =
      carried === undefined ? filter.q !== undefined && capped && counted > WORDED_TOTAL_CAP : Boolean(cursor?.totalIsLowerBound);
    const total = carried ?? (totalIsLowerBound ? WORDED_TOTAL_CAP : counted);
    const { items, nextCursor } = page(rows, query.limit, eventCursor(query.sort), total, totalIsLowerBound);
    const data = assembleEvents(items, hydration, lang, new URL(c.req.url).origin, now).map(({ event }) => event);
    const body = {
      data,
      nextCursor,
      total,
      totalIsLowerBound,
      ...(facets.length > 0
        ? {
            facets: Object.fromEntries(
              facets.map((facet, i) => [
                facet,
                (facetRows[i] ?? []).map((row) => ({
                  value: String(row.value),
                  label: facetLabel(
                    facet,
                    { value: String(row.value), ...('label' in row && row.label != null ? { label: String(row.label) } : {}) },
                    lang,
                  ),
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
    const statuses = await visibleStatuses(c);
    // The event with its sessions, topics and service: one statement, one round trip.
    const { rows, hydration } = splitHydrated(await eventItemQuery(db, lang, slug, statuses));
    const [data] = assembleEvents(rows, hydration, lang, new URL(c.req.url).origin, new Date()).map(({ event }) => event);
    if (!data) {
      const renamed = await redirectRenamed(c, 'event', slug);
      if (renamed) return renamed;
      throw new ApiError('not-found', `No published event has the slug "${slug}".`);
    }
    return c.json({ data }, 200);
  })
  .route('/', eventEditorial.router);
