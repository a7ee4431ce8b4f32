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
 * The cursor the API itself issues about `share` of the way down the upcoming events. Walking there page by page
 * takes minutes at 100,000 events, so the moment X after which only the rest remain is found by bisecting on
 * `from` (events ending at or after X) and `total`; the first page from X then gives its `nextCursor`. Events that
 * run over several weeks make the position approximate, which does not matter for a deep page.
 */
async function cursorAt(base: URL, share: number): Promise<{ cursor: string; position: number; total: number }> {
  const totalFrom = async (from?: number) => {
    const query = from === undefined ? '' : `&from=${new Date(from).toISOString()}`;
    const page = await getJson<EventPage>(new URL(`/v1/events?limit=1${query}`, base));
    if (page.total === undefined) throw new Error('/v1/events gave no total on its first page: the deep page needs one');
    return { total: page.total, cursor: page.nextCursor };
  };
  const { total } = await totalFrom();
  const rest = total * (1 - share);
  let lo = Date.now();
  let hi = lo + 10 * 365 * 86_400_000;
  while (hi - lo > 60_000) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await totalFrom(mid)).total > rest) lo = mid;
    else hi = mid;
  }
  const from = await totalFrom(lo);
  if (!from.cursor) throw new Error(`no page after ${new Date(lo).toISOString()} in a list of ${total} events`);
  return { cursor: from.cursor, position: total - from.total + 1, total };
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
    {
      id: 'd1-ceiling',
      title: "(a') one D1 round trip, nothing else",
      url: at(served.d1Ceiling, '/ceiling'),
      cached: false,
    },
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
    {
      id: 'list-words',
      title: `(j) /v1/events?limit=20&q=${searchWord}, uncached`,
      url: at(uncached, `/v1/events?limit=20&q=${encodeURIComponent(searchWord)}`),
      cached: false,
    },
    { id: 'calendar', title: '(h) /v1/calendar.ics, uncached', url: at(uncached, '/v1/calendar.ics'), cached: false },
    { id: 'feed', title: '(i) /v1/feeds/analyses.atom, uncached', url: at(uncached, '/v1/feeds/analyses.atom'), cached: false },
  ];
  return { routes, deepPosition: `about item ${deep.position} of ${deep.total}` };
}
