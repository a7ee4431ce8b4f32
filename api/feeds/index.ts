// Every list as a feed, for feed readers and portals that syndicate Socius content: RSS 2.0, Atom 1.0 and JSON
// Feed 1.1 of analyses, events and services, from the same queries and filters as the JSON lists. Entries link
// to the items' pages for people; their ids never change with language, slug or edits.
import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Lang } from '../../schema/columns.ts';
import { SERVICE_FORMATS } from '../../schema/services.ts';
import {
  type AnalysisFilter,
  analysisListQuery,
  analysisPageIdsQuery,
  authorsAndTopicsQueries,
  groupAuthorsAndTopics,
  toAnalysisSummary,
} from '../analyses/queries.ts';
import { AnalysisListQuerySchema } from '../analyses/schemas.ts';
import { createRouter } from '../app.ts';
import type { AppEnv } from '../env.ts';
import { problemResponses } from '../errors.ts';
import { assembleEvents, eventFilterFrom, eventPageQuery, splitHydrated } from '../events/queries.ts';
import type { EventBody } from '../events/schemas.ts';
import { EventListQuerySchema } from '../events/schemas.ts';
import { ATTENDANCE_LABELS, STATUS_LABELS } from '../lib/labels.ts';
import { enumValues, listValues } from '../lib/list-params.ts';
import { freshUntil } from '../middleware/edge-cache.ts';
import { conditionalGetParameters, notModifiedResponse, readHeaders } from '../openapi.ts';
import { serviceBodies, serviceListQuery, servicePageIdsQuery, serviceTopicsQuery } from '../services/queries.ts';
import { ServiceListQuerySchema } from '../services/schemas.ts';
import { atom, FEED_CONTENT_TYPES, type FeedEntry, type FeedFormat, type FeedModel, jsonFeed, rss } from './render.ts';

/** A feed holds at most this many entries: the newest analyses, the soonest events, services in editorial order. */
export const FEED_SIZE = 50;
export const FEED_KINDS = ['analyses', 'events', 'services'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];
const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];

const TITLES: Record<FeedKind, Record<Lang, string>> = {
  analyses: {
    nl: 'Socius – analyses over het sociaal-cultureel werk',
    en: 'Socius – analyses of socio-cultural work',
    fr: 'Socius – analyses du travail socioculturel',
  },
  events: { nl: 'Socius – agenda', en: 'Socius – events', fr: 'Socius – agenda' },
  services: { nl: 'Socius – aanbod', en: 'Socius – services', fr: 'Socius – offre' },
};
const DESCRIPTIONS: Record<FeedKind, Record<Lang, string>> = {
  analyses: {
    nl: 'Onderzoeks- en beleidsteksten van Socius over het middenveld in Vlaanderen en Brussel.',
    en: 'Research and policy texts by Socius on civil society in Flanders and Brussels.',
    fr: 'Textes de recherche et de politique de Socius sur la société civile en Flandre et à Bruxelles.',
  },
  events: {
    nl: 'Vormingen, workshops, inspiratiedagen en netwerkmomenten van Socius en partners.',
    en: 'Trainings, workshops, inspiration days and network meetings by Socius and partners.',
    fr: 'Formations, ateliers, journées d’inspiration et rencontres de réseau de Socius et de ses partenaires.',
  },
  services: {
    nl: 'Wat Socius aanbiedt: vormingen, workshops, inspiratiedagen, netwerken, begeleiding en onderzoek.',
    en: 'What Socius offers: trainings, workshops, inspiration days, networks, support and research.',
    fr: 'Ce que propose Socius : formations, ateliers, journées d’inspiration, réseaux, accompagnement et recherche.',
  },
};
const SOCIUS = { name: 'Socius', url: 'https://socius.be' };
const RIGHTS = 'Socius, CC BY 4.0 unless an entry says otherwise';
// The `updated` of a feed with no entries: a fixed moment, so an empty feed keeps one ETag.
const EMPTY_FEED_UPDATED = '2024-01-01T00:00:00.000Z';

/** The URL when it is absolute http(s), normalised; anything else (relative, `javascript:`, garbage) is left out. */
export function absoluteUrl(url: string | null | undefined): string | undefined {
  const parsed = url ? URL.parse(url) : null;
  return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed.href : undefined;
}

/** The id of an item in every feed: a tag URI (RFC 4151) of its database id, which nothing ever changes. */
export const entryId = (kind: FeedKind, id: string) => `tag:socius.be,2024:${kind}/${encodeURIComponent(id)}`;

// ---- Contracts -------------------------------------------------------------------------------------------------

const analysisShape = AnalysisListQuerySchema.shape;
const eventShape = EventListQuerySchema.shape;
const serviceShape = ServiceListQuerySchema.shape;
const QUERIES = {
  analyses: z.strictObject({
    lang: analysisShape.lang,
    topic: analysisShape.topic,
    year: analysisShape.year,
    author: analysisShape.author,
    q: analysisShape.q,
  }),
  events: z.strictObject({
    lang: eventShape.lang,
    from: eventShape.from,
    to: eventShape.to,
    topic: eventShape.topic,
    city: eventShape.city,
    postalCode: eventShape.postalCode,
    attendanceMode: eventShape.attendanceMode,
    status: eventShape.status,
    organiser: eventShape.organiser,
    service: eventShape.service,
    free: eventShape.free,
    q: eventShape.q,
  }),
  services: z.strictObject({ lang: serviceShape.lang, topic: serviceShape.topic, format: serviceShape.format }),
};

const personSchema = z.object({ name: z.string(), url: z.url().optional() });
export const JsonFeedSchema = z
  .object({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    title: z.string(),
    home_page_url: z.url().openapi({ description: 'The list as a page for people.' }),
    feed_url: z.url(),
    description: z.string(),
    language: z.enum(['nl', 'en', 'fr']),
    authors: z.array(personSchema),
    items: z.array(
      z.object({
        id: z.string().openapi({ description: 'Stable across languages, slugs and edits (a tag URI of the item id).' }),
        url: z.url().openapi({ description: "The item's page for people." }),
        external_url: z.url().optional().openapi({ description: 'The original publication elsewhere, when there is one.' }),
        title: z.string(),
        content_text: z.string().openapi({ description: 'Plain text: the summary (or the title when there is none).' }),
        summary: z.string().optional(),
        date_published: z.string(),
        date_modified: z.string(),
        authors: z.array(personSchema),
        tags: z.array(z.string()),
        language: z.enum(['nl', 'en', 'fr']),
      }),
    ),
  })
  .openapi('JsonFeed', {
    description: 'A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/); every text is plain text.',
    example: {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Socius – analyses of socio-cultural work',
      home_page_url: 'https://api.socius.example/embed/analyses?lang=en',
      feed_url: 'https://api.socius.example/v1/feeds/analyses.json?lang=en',
      description: 'Research and policy texts by Socius on civil society in Flanders and Brussels.',
      language: 'en',
      authors: [SOCIUS],
      items: [
        {
          id: 'tag:socius.be,2024:analyses/3b9f6a0e-5a7c-4a8e-9a56-0d3c1f1e2b4d',
          url: 'https://api.socius.example/en/analyses/tien-stromingen-in-het-middenveld',
          title: 'Ten flows from civil society in Flanders and Brussels',
          content_text: 'How civil society is changing, in ten flows.',
          summary: 'How civil society is changing, in ten flows.',
          date_published: '2026-03-02T10:00:00+01:00',
          date_modified: '2026-03-09T14:30:00+01:00',
          authors: [{ name: 'Socius' }],
          tags: ['Participation'],
          language: 'en',
        },
      ],
    },
  });

const XML_EXAMPLES: Record<'rss' | 'atom', string> = {
  atom: [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    '  <id>https://api.socius.example/v1/feeds/analyses.atom?lang=en</id>',
    '  <title type="text">Socius – analyses of socio-cultural work</title>',
    '  <updated>2026-03-09T14:30:00+01:00</updated>',
    '  <entry>',
    '    <id>tag:socius.be,2024:analyses/3b9f6a0e-5a7c-4a8e-9a56-0d3c1f1e2b4d</id>',
    '    <title type="text">Ten flows from civil society in Flanders and Brussels</title>',
    '    <link rel="alternate" type="text/html" href="https://api.socius.example/en/analyses/tien-stromingen-in-het-middenveld"/>',
    '    <updated>2026-03-09T14:30:00+01:00</updated>',
    '  </entry>',
    '</feed>',
  ].join('\n'),
  rss: [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    '    <title>Socius – analyses of socio-cultural work</title>',
    '    <link>https://api.socius.example/embed/analyses?lang=en</link>',
    '    <language>en</language>',
    '    <item>',
    '      <title>Ten flows from civil society in Flanders and Brussels</title>',
    '      <link>https://api.socius.example/en/analyses/tien-stromingen-in-het-middenveld</link>',
    '      <guid isPermaLink="false">tag:socius.be,2024:analyses/3b9f6a0e-5a7c-4a8e-9a56-0d3c1f1e2b4d</guid>',
    '    </item>',
    '  </channel>',
    '</rss>',
  ].join('\n'),
};

const WHAT: Record<FeedKind, string> = {
  analyses: `The ${FEED_SIZE} newest published analyses, with authors, topics, dates and licence`,
  events: `The ${FEED_SIZE} soonest upcoming events (cancelled and postponed ones included, their status leading the summary)`,
  services: `The first ${FEED_SIZE} services in editorial order`,
};
const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS 2.0', atom: 'Atom 1.0 (RFC 4287)', json: 'JSON Feed 1.1' };
const TAGS: Record<FeedKind, string> = { analyses: 'Analyses', events: 'Events', services: 'Services' };
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function feedRoute<K extends FeedKind>(kind: K, format: FeedFormat) {
  return createRoute({
    method: 'get',
    path: `/feeds/${kind}.${format}`,
    tags: [TAGS[kind]],
    operationId: `get${capital(kind)}${capital(format)}Feed`,
    summary: `${capital(kind)} as ${FORMAT_NAMES[format]}`,
    description:
      `${WHAT[kind]}, as ${FORMAT_NAMES[format]} for feed readers and portals. Takes \`lang\` and the filters of \`GET /v1/${kind}\`. ` +
      'Entry ids are tag URIs of the item id, stable across languages, slugs and edits; links go to the pages for people; ' +
      'titles and summaries are plain text. The same feed exists as `.rss`, `.atom` and `.json`.',
    request: { query: QUERIES[kind] as (typeof QUERIES)[K] },
    parameters: conditionalGetParameters,
    responses: {
      200: {
        description: `The ${FORMAT_NAMES[format]} document.`,
        headers: readHeaders,
        content:
          format === 'json'
            ? { 'application/feed+json': { schema: JsonFeedSchema } }
            : {
                [format === 'rss' ? 'application/rss+xml' : 'application/atom+xml']: {
                  schema: z.string().openapi({ description: `An ${FORMAT_NAMES[format]} document.`, example: XML_EXAMPLES[format] }),
                },
              },
      },
      304: notModifiedResponse,
      ...problemResponses(400, 500),
    },
  } satisfies RouteConfig);
}

// ---- Entries ---------------------------------------------------------------------------------------------------

type Query<K extends FeedKind> = z.infer<(typeof QUERIES)[K]>;
type Ctx = Context<AppEnv>;

async function analysisEntries(c: Ctx, query: Query<'analyses'>, origin: string): Promise<FeedEntry[]> {
  const { db, lang } = c.var;
  const filter: AnalysisFilter = {
    topics: listValues(query.topic),
    year: query.year === undefined ? undefined : Number(query.year),
    authors: listValues(query.author),
    q: query.q,
  };
  // The entries and their authors and topics (through the list's own query) in one batch: one round trip.
  const [listed, authorRows, topicRows] = await db.batch([
    analysisListQuery(db, lang, filter, '-publishedAt', FEED_SIZE, undefined),
    ...authorsAndTopicsQueries(db, analysisPageIdsQuery(db, filter, '-publishedAt', FEED_SIZE, undefined).getSQL(), lang),
  ]);
  const rows = listed.slice(0, FEED_SIZE);
  const { authors, topicRefs } = groupAuthorsAndTopics([authorRows, topicRows]);
  return rows.map((row) => {
    const a = toAnalysisSummary(row, lang, origin, authors.get(row.id) ?? [], topicRefs.get(row.id) ?? []);
    const external = absoluteUrl(a.url);
    return {
      id: entryId('analyses', a.id),
      url: a.links.html,
      externalUrl: external && !external.startsWith(`${origin}/v1/`) ? external : undefined,
      title: a.title,
      summary: a.summary,
      published: a.publishedAt,
      updated: a.updatedAt,
      authors: a.authors.map((x) => ({ name: x.name })),
      categories: a.topics.map((t) => ({ term: t.slug, label: t.name })),
      rights: a.licence,
    };
  });
}

/** Status, dates and place lead the text, so a reader sees a cancellation without opening the entry. */
function eventText(e: EventBody, lang: Lang): string {
  const status = e.status === 'scheduled' ? null : [STATUS_LABELS[lang][e.status], e.statusReason].filter(Boolean).join(': ');
  const place = e.attendanceMode === 'online' ? ATTENDANCE_LABELS[lang].online : [e.venue?.name, e.venue?.city].filter(Boolean).join(', ');
  return [status, [e.dateSummary, place].filter(Boolean).join(' · '), e.summary].filter(Boolean).join('\n');
}

async function eventEntries(c: Ctx, query: Query<'events'>, origin: string): Promise<FeedEntry[]> {
  const { db, lang } = c.var;
  const now = new Date();
  const filter = eventFilterFrom(query, now);
  // The entries with their sessions, topics and services in one statement, as the JSON list reads its page.
  const listed = splitHydrated(await eventPageQuery(db, lang, filter, 'startsAt', FEED_SIZE, undefined));
  const rows = listed.rows.slice(0, FEED_SIZE);
  // As with the JSON list: the feed stops being true when its first event ends.
  if (query.from === undefined) {
    freshUntil(
      c,
      rows.reduce<Date | undefined>((first, row) => (!first || row.endsAt < first ? row.endsAt : first), undefined),
    );
  }
  const events = assembleEvents(rows, listed.hydration, lang, origin, now).map(({ event }) => event);
  return events.map((e) => ({
    id: entryId('events', e.id),
    url: e.links.html,
    title: e.title,
    summary: eventText(e, lang),
    published: e.createdAt,
    updated: e.updatedAt,
    authors: [{ name: e.organiser.name, url: absoluteUrl(e.organiser.url) }],
    categories: e.topics.map((t) => ({ term: t.slug, label: t.name })),
  }));
}

async function serviceEntries(c: Ctx, query: Query<'services'>, origin: string): Promise<FeedEntry[]> {
  const { db, lang } = c.var;
  const filter = { topics: listValues(query.topic), formats: enumValues('format', query.format, SERVICE_FORMATS) };
  const [listed, topicRows] = await db.batch([
    serviceListQuery(db, lang, filter, FEED_SIZE, undefined),
    serviceTopicsQuery(db, servicePageIdsQuery(db, filter, FEED_SIZE, undefined).getSQL(), lang),
  ]);
  const services = serviceBodies(listed.slice(0, FEED_SIZE), topicRows, lang, origin);
  return services.map((s) => ({
    id: entryId('services', s.id),
    url: s.links.html,
    externalUrl: absoluteUrl(s.link),
    title: s.title,
    summary: s.summary,
    published: s.updatedAt,
    updated: s.updatedAt,
    authors: [SOCIUS],
    categories: s.topics.map((t) => ({ term: t.slug, label: t.name })),
  }));
}

const ENTRIES: { [K in FeedKind]: (c: Ctx, query: Query<K>, origin: string) => Promise<FeedEntry[]> } = {
  analyses: analysisEntries,
  events: eventEntries,
  services: serviceEntries,
};

function feedModel(kind: FeedKind, lang: Lang, requestUrl: string, entries: FeedEntry[]): FeedModel {
  const url = new URL(requestUrl);
  const search = url.searchParams.size > 0 ? `?${url.searchParams}` : '';
  const self = Object.fromEntries(FORMATS.map((f) => [f, `${url.origin}/v1/feeds/${kind}.${f}${search}`])) as Record<FeedFormat, string>;
  const newest = entries.reduce<string | undefined>(
    (latest, e) => (!latest || Date.parse(e.updated) > Date.parse(latest) ? e.updated : latest),
    undefined,
  );
  return {
    lang,
    title: TITLES[kind][lang],
    description: DESCRIPTIONS[kind][lang],
    homeUrl: `${url.origin}/embed/${kind}?lang=${lang}`,
    self,
    id: self.atom,
    updated: newest ?? EMPTY_FEED_UPDATED,
    authors: [SOCIUS],
    rights: RIGHTS,
    entries,
  };
}

// ---- Router ----------------------------------------------------------------------------------------------------

const RENDER: Record<FeedFormat, (feed: FeedModel) => string> = {
  rss,
  atom,
  json: (feed) => JSON.stringify(jsonFeed(feed)),
};

type FeedHandler = (c: Context<AppEnv, string, { out: { query: unknown } }>) => Promise<Response>;

function feedHandler(kind: FeedKind, format: FeedFormat): FeedHandler {
  const entriesOf = ENTRIES[kind] as (c: Ctx, query: unknown, origin: string) => Promise<FeedEntry[]>;
  return async (c) => {
    const entries = await entriesOf(c, c.req.valid('query'), new URL(c.req.url).origin);
    const body = RENDER[format](feedModel(kind, c.var.lang, c.req.url, entries));
    return c.body(body, 200, { 'Content-Type': FEED_CONTENT_TYPES[format] });
  };
}

const router = createRouter();
const contracts: ReturnType<typeof feedRoute>[] = [];
for (const kind of FEED_KINDS) {
  for (const format of FORMATS) {
    const route = feedRoute(kind, format);
    contracts.push(route);
    // One handler serves nine contracts whose typed bodies differ (XML text or a JSON Feed object), which the
    // typed handler signature cannot express; tests/api/feeds.test.ts holds every answer to its contract instead.
    router.openapi(route, feedHandler(kind, format) as unknown as Parameters<typeof router.openapi<typeof route>>[1]);
  }
}

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes = contracts;
export const feedsRouter = router;
