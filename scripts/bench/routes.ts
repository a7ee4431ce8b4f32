// What the benchmark measures. Cached routes go to the Worker as deployed and are measured after their first
// (missing) request; uncached ones go to the same Worker with the Cache API off (serve.ts), with the same URLs.
// The deep page's cursor is the one the API itself issues at the 90 % point, found by walking the list.
import type { Served } from './serve.ts';

export interface Route {
  id: string;
  title: string;
  url: URL;
  cached: boolean;
}

interface EventPage {
  data: { slug: string }[];
  nextCursor: string | null;
  total?: number;
  facets?: Record<string, { value: string; count: number }[]>;
}

async function getJson<T>(url: URL): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url.pathname}${url.search} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * The cursor the API gives for the page that starts at `share` of the upcoming events: the whole list is walked
 * once by `nextCursor` (so it does not depend on `total` being there), then the cursor at that point is taken.
 */
async function cursorAt(base: URL, share: number): Promise<{ cursor: string; position: number; total: number }> {
  const cursors: { cursor: string; position: number }[] = [];
  let position = 0;
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: EventPage = await getJson<EventPage>(new URL(`/v1/events?limit=50${query}`, base));
    position += page.data.length;
    cursor = page.nextCursor;
    if (cursor) cursors.push({ cursor, position });
  } while (cursor);
  const target = position * share;
  const found = cursors.findLast((entry) => entry.position <= target) ?? cursors[0];
  if (!found) throw new Error(`the list holds ${position} events: too few for a deep page`);
  return { ...found, total: position };
}

/** The city most events are in, as the API's own facet counts it. */
async function busiestCity(base: URL): Promise<string> {
  const page = await getJson<EventPage>(new URL('/v1/events?limit=1&facets=city', base));
  const top = [...(page.facets?.city ?? [])].sort((a, b) => b.count - a.count)[0];
  if (!top) throw new Error('no city facet in /v1/events?facets=city');
  return top.value;
}

export async function benchRoutes(served: Served, searchWord: string): Promise<{ routes: Route[]; deepPosition: string }> {
  const { cached, uncached } = served;
  const first = await getJson<EventPage>(new URL('/v1/events?limit=20', uncached));
  const slug = first.data[Math.floor(first.data.length / 2)]?.slug;
  if (!slug) throw new Error('/v1/events lists no events');
  const deep = await cursorAt(uncached, 0.9);
  const city = await busiestCity(uncached);
  const at = (base: URL, path: string) => new URL(path, base);
  const routes: Route[] = [
    { id: 'static', title: '(a) static asset /widgets/version.json', url: at(cached, '/widgets/version.json'), cached: true },
    { id: 'list-cached', title: '(b) GET /v1/events?limit=20, cached', url: at(cached, '/v1/events?limit=20'), cached: true },
    { id: 'list-uncached', title: '(c) GET /v1/events?limit=20, uncached', url: at(uncached, '/v1/events?limit=20'), cached: false },
    {
      id: 'deep-page',
      title: '(d) deep page (cursor at 90 %), uncached',
      url: at(uncached, `/v1/events?limit=20&cursor=${encodeURIComponent(deep.cursor)}`),
      cached: false,
    },
    {
      id: 'search',
      title: `(e) /v1/search?q=${searchWord}, uncached`,
      url: at(uncached, `/v1/search?q=${encodeURIComponent(searchWord)}`),
      cached: false,
    },
    { id: 'item-cached', title: '(f) GET /v1/events/{slug}, cached', url: at(cached, `/v1/events/${slug}`), cached: true },
    { id: 'item-uncached', title: "(f') GET /v1/events/{slug}, uncached", url: at(uncached, `/v1/events/${slug}`), cached: false },
    {
      id: 'facets',
      title: `(g) city=${city}&facets=topic,city, uncached`,
      url: at(uncached, `/v1/events?limit=20&city=${encodeURIComponent(city)}&facets=topic,city`),
      cached: false,
    },
    { id: 'calendar', title: '(h) /v1/calendar.ics, uncached', url: at(uncached, '/v1/calendar.ics'), cached: false },
    { id: 'feed', title: '(i) /v1/feeds/analyses.atom, uncached', url: at(uncached, '/v1/feeds/analyses.atom'), cached: false },
  ];
  return { routes, deepPosition: `item ${deep.position} of ${deep.total}` };
}
