// What the soak drives: the public surface a partner page, a feed reader, a calendar app and a search engine reach,
// in route groups whose latencies are reported apart. Each group cycles through many URLs (every language, every
// item the database lists, several cursors and filters), so the Worker as deployed keeps missing its cache for a
// while and the runtime holds many distinct responses, as a long-running production isolate does.

const LANGS = ['nl', 'en', 'fr'] as const;

export interface RouteGroup {
  id: string;
  title: string;
  /** Paths with their query, cycled through by every connection of the group. */
  paths: string[];
  /** A 4xx is the expected answer (bad input); anything else counts as a failure. */
  expectsClientError?: boolean;
}

interface Page {
  data: { slug: string }[];
  nextCursor: string | null;
}

async function getJson<T>(base: URL, path: string): Promise<T> {
  const response = await fetch(new URL(path, base));
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every slug of a list, walked page by page as a client would. */
async function slugs(base: URL, list: string): Promise<{ slugs: string[]; cursors: string[] }> {
  const found: string[] = [];
  const cursors: string[] = [];
  let cursor: string | null = null;
  do {
    const separator = list.includes('?') ? '&' : '?';
    const page: Page = await getJson<Page>(base, `${list}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`);
    found.push(...page.data.map((item) => item.slug));
    cursor = page.nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor && found.length < 2000);
  return { slugs: found, cursors };
}

/** At most `n` entries spread evenly over `all`: enough variety without thousands of URLs per group. */
function spread<T>(all: T[], n: number): T[] {
  if (all.length <= n) return all;
  return Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)] as T);
}

const perLang = (paths: (lang: string) => string[]) => LANGS.flatMap((lang) => paths(lang));

/** Reads the served database once (through the API) and builds the URLs of every group. */
export async function soakRoutes(base: URL): Promise<RouteGroup[]> {
  const events = await slugs(base, '/v1/events?limit=100');
  const analyses = await slugs(base, '/v1/analyses?limit=100');
  const services = await slugs(base, '/v1/services?limit=100');
  const topics = await slugs(base, '/v1/topics');
  if (events.slugs.length === 0 || analyses.slugs.length === 0) throw new Error('the soak needs upcoming events and analyses to load');
  const someEvents = spread(events.slugs, 30);
  const someAnalyses = spread(analyses.slugs, 15);
  const someServices = spread(services.slugs, 10);
  const eventCursors = spread(events.cursors, 5).map((cursor) => `&cursor=${encodeURIComponent(cursor)}`);
  const topic = topics.slugs[0] ?? '';

  return [
    {
      id: 'lists',
      title: 'lists (/v1/events, analyses, services, topics, about; filters, cursors)',
      paths: perLang((lang) => [
        `/v1/events?lang=${lang}`,
        `/v1/events?limit=50&lang=${lang}&facets=topic,city`,
        `/v1/events?lang=${lang}&topic=${topic}`,
        ...eventCursors.map((cursor) => `/v1/events?limit=100&lang=${lang}${cursor}`),
        `/v1/analyses?lang=${lang}`,
        `/v1/services?limit=100&lang=${lang}`,
        `/v1/topics?lang=${lang}`,
        `/v1/about?lang=${lang}`,
      ]),
    },
    {
      id: 'items',
      title: 'items (/v1/events/{slug} and the other resources; JSON and JSON-LD)',
      paths: perLang((lang) => [
        ...someEvents.map((slug) => `/v1/events/${slug}?lang=${lang}`),
        ...someAnalyses.map((slug) => `/v1/analyses/${slug}?lang=${lang}`),
        ...someServices.map((slug) => `/v1/services/${slug}?lang=${lang}`),
        ...topics.slugs.map((slug) => `/v1/topics/${slug}?lang=${lang}`),
      ]),
    },
    {
      id: 'search',
      title: 'search (/v1/search, common and rare words, prefixes)',
      paths: perLang((lang) =>
        ['vrijwilligers', 'middenveld', 'participation', 'vorming', 'netw*', 'brussel', 'democratie', '"NEAR('].map(
          (q) => `/v1/search?q=${encodeURIComponent(q)}&lang=${lang}`,
        ),
      ),
    },
    {
      id: 'feeds',
      title: 'feeds (/v1/feeds/{analyses,events,services}.{rss,atom,json})',
      paths: perLang((lang) =>
        ['analyses', 'events', 'services'].flatMap((feed) =>
          ['rss', 'atom', 'json'].map((format) => `/v1/feeds/${feed}.${format}?lang=${lang}`),
        ),
      ),
    },
    {
      id: 'calendar',
      title: 'calendar (/v1/calendar.ics, /v1/events/{slug}/calendar.ics)',
      paths: perLang((lang) => [
        `/v1/calendar.ics?lang=${lang}`,
        `/v1/calendar.ics?lang=${lang}&topic=${topic}`,
        ...spread(someEvents, 10).map((slug) => `/v1/events/${slug}/calendar.ics?lang=${lang}`),
      ]),
    },
    {
      id: 'pages',
      title: 'pages for people (/{lang}/…, /embed/…)',
      paths: perLang((lang) => [
        ...spread(someEvents, 10).map((slug) => `/${lang}/events/${slug}`),
        ...spread(someAnalyses, 5).map((slug) => `/${lang}/analyses/${slug}`),
        ...spread(someServices, 5).map((slug) => `/${lang}/services/${slug}`),
        `/${lang}/about`,
        `/${lang}/topics`,
        `/${lang}/topics/${topic}`,
        `/embed/events?lang=${lang}`,
        `/embed/analyses?lang=${lang}`,
      ]),
    },
    {
      id: 'errors',
      title: 'bad input (expects 4xx problem+json)',
      expectsClientError: true,
      paths: [
        '/v1/events?limit=1000',
        '/v1/events?cursor=forged',
        '/v1/events?unknown=1',
        '/v1/events/no-such-event',
        '/v1/search',
        '/v1/events?topic=a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p',
        '/nl/events/no-such-event',
      ],
    },
  ];
}
