// Holds every documented GET to its contract: whatever /openapi.json promises (body schema, headers, error
// statuses, examples) is what the Worker answers, against the real seeded D1.
import { SELF } from 'cloudflare:test';
import { type RouteConfig, z } from '@hono/zod-openapi';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { routes as aboutRoutes } from '../../api/about/index.ts';
import { routes as analysesRoutes } from '../../api/analyses/index.ts';
import { routes as changesRoutes } from '../../api/changes/index.ts';
import { ProblemSchema } from '../../api/errors.ts';
import { eventExample } from '../../api/events/examples.ts';
import { routes as eventsRoutes } from '../../api/events/index.ts';
import { EventDetailSchema } from '../../api/events/schemas.ts';
import { routes as oembedRoutes } from '../../api/oembed/index.ts';
import { routes as searchRoutes } from '../../api/search/index.ts';
import { routes as servicesRoutes } from '../../api/services/index.ts';
import { routes as topicsRoutes } from '../../api/topics/index.ts';
import {
  type HeaderDoc,
  type MediaTypeDoc,
  type OpenApiDocument,
  type OperationDoc,
  type ParameterDoc,
  type ResponseDoc,
  resolveRef,
  type SchemaDoc,
} from '../openapi-document.ts';
import { get, ORIGIN } from './helpers.ts';
import { deepStrict, schemaIssues } from './strict-schema.ts';

const JSON_TYPE = 'application/json';
const PROBLEM_TYPE = 'application/problem+json';

// Every module with JSON operations exports its route contracts; a new one must be added here.
const ROUTES: RouteConfig[] = [
  ...aboutRoutes,
  ...topicsRoutes,
  ...servicesRoutes,
  ...analysesRoutes,
  ...eventsRoutes,
  ...searchRoutes,
  ...changesRoutes,
];
const routeByPath = new Map(ROUTES.filter((route) => route.method === 'get').map((route) => [`/v1${route.path}`, route]));
// Outside /v1: oEmbed is answered at the root, where consumers look for it.
for (const route of oembedRoutes) routeByPath.set(route.path, route);

const doc = (await get<OpenApiDocument>('/openapi.json')).body;
// Public reads only: operations behind a key are held to their contracts by the editorial tests.
const getOperations = Object.entries(doc.paths).flatMap(([path, item]) =>
  item.get && !item.get.security?.length ? [{ path, operation: item.get }] : [],
);

/** The zod schema a route declares for a status and media type, if it declares one. */
function declared(route: RouteConfig | undefined, status: number, mediaType: string): { schema?: z.ZodType; example?: unknown } {
  const response = route?.responses[status];
  if (!response || '$ref' in response) return {};
  const media = response.content?.[mediaType];
  if (!media || '$ref' in media) return {};
  return { schema: media.schema instanceof z.ZodType ? media.schema : undefined, example: media.example };
}

function parameters(operation: OperationDoc): ParameterDoc[] {
  return (operation.parameters ?? []).flatMap((p) => {
    const parameter = resolveRef<ParameterDoc>(doc, p);
    return parameter ? [parameter] : [];
  });
}

// Examples name the documented placeholder host; a URL on "this server" (oEmbed's `url`) must name the test's one.
const exampleOf = (parameter: ParameterDoc) => {
  const example = parameter.example ?? parameter.schema?.example;
  return typeof example === 'string' ? example.replace('https://api.socius.example', ORIGIN) : example;
};
const hasQueryParam = (operation: OperationDoc, name: string) => parameters(operation).some((p) => p.in === 'query' && p.name === name);

/** Slugs of the items of the list a `{slug}` path belongs to (`/v1/events/{slug}` → `/v1/events`). */
async function slugsFor(path: string): Promise<string[]> {
  const base = path.slice(0, path.indexOf('/{slug}'));
  // Paginated lists take `limit`; short unpaginated ones (topics) reject it as unknown.
  let response = await get<{ data: { slug: string }[] }>(`${base}?limit=100`);
  if (response.status === 400) response = await get<{ data: { slug: string }[] }>(base);
  const list = base;
  const slugs = response.body.data.map((item) => item.slug);
  if (slugs.length === 0) throw new Error(`${list} lists nothing to take a slug from`);
  return slugs;
}

/** The path with `{slug}` filled with a real one, taken from the list it belongs to. */
async function concretePath(path: string): Promise<string> {
  return path.includes('{slug}') ? path.replace('{slug}', (await slugsFor(path))[0] ?? '') : path;
}

/** Every item of a `{slug}` path, or the path itself. */
async function concretePaths(path: string): Promise<string[]> {
  return path.includes('{slug}') ? (await slugsFor(path)).map((slug) => path.replace('{slug}', slug)) : [path];
}

/** Query string with the operation's required parameters at their documented examples, plus `extra`. */
function query(operation: OperationDoc, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const parameter of parameters(operation)) {
    if (parameter.in === 'query' && parameter.required) params.set(parameter.name, String(exampleOf(parameter)));
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function documentedResponse(operation: OperationDoc, status: number): ResponseDoc | undefined {
  return resolveRef<ResponseDoc>(doc, operation.responses?.[String(status)]);
}

/** Checks one response against what the document and the route declare for its status; returns what differs. */
async function contractIssues(
  operation: OperationDoc,
  route: RouteConfig | undefined,
  response: Response,
  path: string,
  expectEntries = false,
): Promise<string[]> {
  const documented = documentedResponse(operation, response.status);
  const text = await response.text();
  if (!documented) return [`${path}: answered ${response.status}, which is not documented (${text.slice(0, 200)})`];
  const issues: string[] = [];

  for (const [name, header] of Object.entries(documented.headers ?? {})) {
    if (resolveRef<HeaderDoc>(doc, header)?.required && !response.headers.has(name)) issues.push(`${path}: no ${name} header`);
  }

  const mediaTypes = Object.keys(documented.content ?? {});
  if (mediaTypes.length === 0) {
    if (text !== '') issues.push(`${path}: ${response.status} is documented without a body but has one`);
    return issues;
  }
  const contentType = response.headers.get('Content-Type') ?? '';
  const mediaType = mediaTypes.find((type) => contentType.split(';')[0]?.trim() === type);
  if (!mediaType) return [...issues, `${path}: Content-Type "${contentType}" is not one of ${mediaTypes.join(', ')}`];
  if (mediaType !== JSON_TYPE && mediaType !== PROBLEM_TYPE) {
    const read = DOCUMENT_READERS[mediaType];
    if (!read) return [...issues, `${path}: no reader for ${mediaType}; add one to DOCUMENT_READERS`];
    try {
      issues.push(...read(text, expectEntries).map((issue) => `${path}: ${issue}`));
    } catch (error) {
      issues.push(`${path}: not ${mediaType}: ${String(error)}`);
    }
    return issues;
  }

  const body: unknown = JSON.parse(text);
  const schema = mediaType === PROBLEM_TYPE ? ProblemSchema : declared(route, response.status, mediaType).schema;
  if (!schema) return [...issues, `${path}: the route declares no zod schema for ${response.status} ${mediaType}`];
  issues.push(...schemaIssues(schema, body).map((issue) => `${path}: ${issue}`));
  if (mediaType === PROBLEM_TYPE && (body as { status?: unknown }).status !== response.status) {
    issues.push(`${path}: problem status ${String((body as { status?: unknown }).status)} differs from HTTP ${response.status}`);
  }
  const nextCursor = (body as { nextCursor?: unknown }).nextCursor;
  if (typeof nextCursor === 'string' && documented.headers?.Link && !response.headers.has('Link')) {
    issues.push(`${path}: there is a next page but no Link header`);
  }
  return issues;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' });

/**
 * Reads a body the way its consumers do (a calendar app, a feed reader) and says what is wrong with it: a document
 * that does not parse, an entry without its identity, or (with `expectEntries`) no entry at all.
 */
const DOCUMENT_READERS: Record<string, (text: string, expectEntries: boolean) => string[]> = {
  'text/calendar': (text, expectEntries) => {
    const root = new ICAL.Component(ICAL.parse(text));
    const events = root.getAllSubcomponents('vevent');
    return [
      ...(root.name === 'vcalendar' ? [] : [`root is ${root.name}, not vcalendar`]),
      ...(events.length > 0 || !expectEntries ? [] : ['holds no VEVENT']),
      ...events.flatMap((vevent) => {
        const event = new ICAL.Event(vevent);
        return event.uid && event.summary && event.startDate ? [] : [`VEVENT without UID, SUMMARY or DTSTART: ${vevent.toString()}`];
      }),
    ];
  },
  'application/atom+xml': (text, expectEntries) => {
    if (XMLValidator.validate(text) !== true) return ['is not well-formed XML'];
    const feed = xml.parse(text).feed as { '@xmlns'?: string; id?: string; entry?: { id?: string; title?: unknown }[] } | undefined;
    if (!feed) return ['has no <feed> root'];
    return [
      ...(feed['@xmlns'] === 'http://www.w3.org/2005/Atom' ? [] : [`feed namespace is ${feed['@xmlns']}`]),
      ...(feed.id ? [] : ['feed has no id']),
      ...((feed.entry ?? []).length > 0 || !expectEntries ? [] : ['feed has no entry']),
      ...(feed.entry ?? []).flatMap((entry) => (entry.id && entry.title ? [] : [`entry without id or title: ${JSON.stringify(entry)}`])),
    ];
  },
  'application/rss+xml': (text, expectEntries) => {
    if (XMLValidator.validate(text) !== true) return ['is not well-formed XML'];
    const channel = xml.parse(text).rss?.channel as { title?: string; item?: { guid?: unknown; title?: unknown } | unknown[] } | undefined;
    if (!channel) return ['has no <rss><channel>'];
    const items = Array.isArray(channel.item) ? channel.item : channel.item ? [channel.item] : [];
    return [
      ...(channel.title ? [] : ['channel has no title']),
      ...(items.length > 0 || !expectEntries ? [] : ['channel has no item']),
      ...items.flatMap((item) => {
        const { guid, title } = item as { guid?: unknown; title?: unknown };
        return guid && title ? [] : [`item without guid or title: ${JSON.stringify(item)}`];
      }),
    ];
  },
  'application/x-bibtex': (text) => (/^@\w+\{[\w-]+,\n(?: {2}\w+ = \{.*\},?\n)+\}\n$/.test(text) ? [] : ['is not one BibTeX entry']),
  'application/x-research-info-systems': (text) => {
    const lines = text.split('\r\n');
    return lines[0]?.startsWith('TY  - ') && lines.at(-2) === 'ER  - ' && lines.slice(0, -1).every((l) => /^[A-Z][A-Z0-9] {2}- /.test(l))
      ? []
      : ['is not one RIS record'];
  },
  'application/vnd.citationstyles.csl+json': (text) => {
    const items = JSON.parse(text) as { id?: string; type?: string; title?: string }[];
    return Array.isArray(items) && items.length === 1 && items.every((i) => i.id && i.type && i.title) ? [] : ['is not one CSL-JSON item'];
  },
  'application/feed+json': (text, expectEntries) => {
    const feed = JSON.parse(text) as { version?: string; title?: string; items?: { id?: string; title?: string }[] };
    return [
      ...(feed.version?.startsWith('https://jsonfeed.org/version/') ? [] : [`version is ${feed.version}`]),
      ...(feed.title ? [] : ['feed has no title']),
      ...((feed.items ?? []).length > 0 || !expectEntries ? [] : ['feed has no item']),
      ...(feed.items ?? []).flatMap((item) => (item.id && item.title ? [] : [`item without id or title: ${JSON.stringify(item)}`])),
    ];
  },
};

const fetchPath = (path: string, headers: Record<string, string> = {}) => SELF.fetch(`${ORIGIN}${path}`, { headers });

describe('the strict response check', () => {
  it('refuses a field the schema does not declare, at any depth', () => {
    expect(schemaIssues(EventDetailSchema, { data: eventExample })).toEqual([]);
    expect(schemaIssues(EventDetailSchema, { data: eventExample, debug: true })).not.toEqual([]);
    expect(schemaIssues(EventDetailSchema, { data: { ...eventExample, internalId: 7 } })).not.toEqual([]);
    const venue = { ...eventExample.venue, floor: 2 };
    expect(schemaIssues(EventDetailSchema, { data: { ...eventExample, venue } })).not.toEqual([]);
  });

  it('refuses a body that misses a required field or has a wrong format', () => {
    const { dateSummary: _omitted, ...withoutSummary } = eventExample;
    expect(schemaIssues(EventDetailSchema, { data: withoutSummary })).not.toEqual([]);
    expect(schemaIssues(EventDetailSchema, { data: { ...eventExample, startsAt: 'tomorrow' } })).not.toEqual([]);
  });

  it('knows every kind of schema the documented responses use', () => {
    for (const route of ROUTES) {
      for (const status of Object.keys(route.responses)) {
        const { schema } = declared(route, Number(status), JSON_TYPE);
        if (schema) expect(() => deepStrict(schema), `${route.path} ${status}`).not.toThrow();
      }
    }
  });
});

describe('every documented GET', () => {
  it('is found in /openapi.json', () => {
    expect(getOperations.length).toBeGreaterThanOrEqual(9);
  });

  describe.each(getOperations)('GET $path', ({ path, operation }) => {
    const route = routeByPath.get(path);
    const okMedia = Object.keys(documentedResponse(operation, 200)?.content ?? {});

    it('has its contract exported for these checks when it answers JSON', () => {
      if (okMedia.includes(JSON_TYPE)) expect(route, `export ${path} in its module's \`routes\` and add it to ROUTES`).toBeDefined();
    });

    // Every listed item and the largest page, so all seeded content is held to the schema, not just the first item.
    it('answers 200 with exactly the documented body and headers, for every item and language', async () => {
      const issues: string[] = [];
      for (const concrete of await concretePaths(path)) {
        // oEmbed takes no `lang`: the language is the one of the page it embeds.
        for (const lang of hasQueryParam(operation, 'lang') ? ['nl', 'en', 'fr'] : ['']) {
          const extra: Record<string, string> = {
            ...(lang ? { lang } : {}),
            ...(hasQueryParam(operation, 'limit') ? { limit: '100' } : {}),
          };
          const url = `${concrete}${query(operation, extra)}`;
          const response = await fetchPath(url);
          if (response.status !== 200) issues.push(`${url}: ${response.status}`);
          issues.push(...(await contractIssues(operation, route, response, url, true)));
        }
      }
      expect(issues).toEqual([]);
    }, 30_000);

    it('accepts every parameter at its documented example', async () => {
      const concrete = await concretePath(path);
      const examples: Record<string, string> = {};
      for (const parameter of parameters(operation)) {
        const example = exampleOf(parameter);
        // `preview` needs a key (tests/api/editorial-preview.test.ts covers it).
        if (parameter.in === 'query' && example !== undefined && parameter.name !== 'preview') examples[parameter.name] = String(example);
      }
      const url = `${concrete}${query(operation, examples)}`;
      const response = await fetchPath(url);
      expect(response.status, url).toBe(200);
      expect(await contractIssues(operation, route, response, url)).toEqual([]);
    });

    it('documents examples that match their schemas exactly', () => {
      const issues: string[] = [];
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        for (const [mediaType, media] of Object.entries(resolveRef<ResponseDoc>(doc, response)?.content ?? {})) {
          const schema = mediaType === PROBLEM_TYPE ? ProblemSchema : declared(route, Number(status), mediaType).schema;
          const example = (media as MediaTypeDoc).example ?? resolveRef<SchemaDoc>(doc, (media as MediaTypeDoc).schema)?.example;
          if (schema && example !== undefined)
            issues.push(...schemaIssues(schema, example).map((issue) => `${status} ${mediaType}: ${issue}`));
        }
      }
      expect(issues).toEqual([]);
    });

    it('answers an unknown language with a documented 400 problem naming `lang`', async () => {
      const url = `${await concretePath(path)}${query(operation, { lang: 'xx' })}`;
      const response = await fetchPath(url);
      expect(response.status, url).toBe(400);
      const body = (await response.clone().json()) as { type: string; invalidParams?: { name: string }[] };
      expect(body.type).toBe('/problems/invalid-parameter');
      expect(body.invalidParams?.map((p) => p.name)).toContain('lang');
      expect(await contractIssues(operation, route, response, url)).toEqual([]);
    });

    if (hasQueryParam(operation, 'limit')) {
      it('answers limit=0 with a documented 400 problem', async () => {
        const url = `${path}${query(operation, { limit: '0' })}`;
        const response = await fetchPath(url);
        expect(response.status, url).toBe(400);
        expect(await contractIssues(operation, route, response, url)).toEqual([]);
      });
    }

    if (path.includes('{slug}')) {
      it('answers an unknown slug with a documented 404 problem', async () => {
        const url = `${path.replace('{slug}', 'no-such-item-anywhere')}${query(operation)}`;
        const response = await fetchPath(url);
        expect(response.status, url).toBe(404);
        expect(await contractIssues(operation, route, response, url)).toEqual([]);
      });
    }

    it('documents 304 exactly when it answers If-None-Match with one', async () => {
      const url = `${await concretePath(path)}${query(operation)}`;
      const first = await fetchPath(url);
      await first.arrayBuffer();
      const again = await fetchPath(url, { 'If-None-Match': first.headers.get('ETag') ?? '"none"' });
      await again.arrayBuffer();
      expect(again.status === 304, `${url} answered ${again.status}`).toBe(documentedResponse(operation, 304) !== undefined);
    });

    if (documentedResponse(operation, 304)) {
      it('answers If-None-Match with its ETag with a documented 304', async () => {
        const url = `${await concretePath(path)}${query(operation)}`;
        const first = await fetchPath(url);
        await first.arrayBuffer();
        const etag = first.headers.get('ETag');
        expect(etag, url).toBeTruthy();
        const again = await fetchPath(url, { 'If-None-Match': etag ?? '' });
        expect(again.status, url).toBe(304);
        expect(await contractIssues(operation, route, again, url)).toEqual([]);
      });
    }
  });
});
