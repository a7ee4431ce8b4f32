import type { OpenAPIHono, OpenAPIObjectConfigure } from '@hono/zod-openapi';
import { LANGS } from '../schema/columns.ts';
import type { AppEnv } from './env.ts';
import { BEARER_SCHEME, bearerSchemeComponent } from './lib/auth.ts';
import { PUBLIC_CACHE_CONTROL } from './middleware/edge-cache.ts';

type Document = Exclude<OpenAPIObjectConfigure<AppEnv, string>, (...args: never[]) => unknown>;
type Registry = OpenAPIHono<AppEnv>['openAPIRegistry'];

export function openApiInfo(origin: string): Document {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Socius Content API',
      version: '1.0.0',
      description:
        'Content of Socius, the support and expertise centre for socio-cultural adult work in Flanders and Brussels: ' +
        'the organisation profile, topics, services, analyses and events, in Dutch (default), English and French.\n\n' +
        'Pick a language with `?lang=` or `Accept-Language`; a field missing in that language falls back to Dutch and is listed ' +
        "in the item's `meta.fallback`. Lists page with `limit` and an opaque `cursor`. Every read carries a strong `ETag` and " +
        'answers `If-None-Match` with `304`. Items and lists also come as schema.org JSON-LD: ask with `Accept: application/ld+json`.\n\n' +
        'Errors are RFC 9457 `application/problem+json`; each problem `type` (such as `/problems/invalid-parameter`) is a page ' +
        'on this server that explains it.\n\n' +
        'Editors write through the same API with a key in `Authorization: Bearer` (operations marked with a lock): `POST` creates ' +
        '(`Idempotency-Key` makes retries safe), `PATCH` takes a JSON merge patch and `DELETE` archives, both with `If-Match` set to the ' +
        "item's `ETag`. Every change is kept as a revision that can be restored.",
      license: { name: 'CC BY 4.0 (content)', url: 'https://creativecommons.org/licenses/by/4.0/' },
      contact: { name: 'Socius', url: 'https://socius.be', email: 'info@socius.be' },
    },
    servers: [{ url: origin, description: 'This server' }],
    tags: [
      { name: 'About', description: 'The organisation profile: mission, offer, stakeholders, region, contact.' },
      { name: 'Topics', description: 'The shared taxonomy that services, analyses and events are tagged with.' },
      { name: 'Services', description: 'What Socius offers: trainings, workshops, inspiration days, networks, support, research.' },
      { name: 'Analyses', description: 'Long-form research and policy texts, with authors, dates, licence and downloads.' },
      { name: 'Events', description: 'Trainings, workshops, inspiration days and network meetings, in Brussels time.' },
      { name: 'Search', description: 'Full-text search across events, analyses, services and topics.' },
      { name: 'Embeds', description: 'oEmbed for the pages of this server, so pasting a Socius URL into a CMS embeds it.' },
      { name: 'Keys', description: 'API keys for editors and partners (`keys:admin`).' },
      { name: 'Audit', description: 'The log of every write (`keys:admin`).' },
      { name: 'Changes', description: 'Every change to public content, in order, for systems that keep a mirror of it.' },
      {
        name: 'Webhooks',
        description: 'Signed deliveries of every change to subscribers (`webhooks:admin`), with a delivery log and replay.',
      },
    ],
  };
}

interface HeaderDoc {
  description: string;
  required: boolean;
  schema: { type: 'string'; enum?: string[] };
  example: string;
}

// Response headers every public read carries (set by the language and edge-cache middleware), documented
// once as components so client generators expose them the same way on every operation.
const HEADERS = {
  ETag: {
    description:
      'Strong validator of this exact representation (language included). Send it back in `If-None-Match` to get `304 Not Modified` while nothing changed.',
    required: true,
    schema: { type: 'string' },
    example: '"kT3dYx0vJq1pQm8nW2sA9bLc4eRf"',
  },
  'Cache-Control': {
    description:
      'Fresh for a minute; shared caches keep it for five and may serve it stale for a day while revalidating. ' +
      'A list of upcoming events is kept, stale copies included, no longer than until the first of them ends.',
    required: true,
    schema: { type: 'string' },
    example: PUBLIC_CACHE_CONTROL,
  },
  'Content-Language': {
    description: 'The language the response is in, negotiated from `?lang=` and `Accept-Language` (Dutch by default).',
    required: true,
    schema: { type: 'string', enum: [...LANGS] },
    example: 'en',
  },
  Vary: {
    description:
      'Caches must keep one copy per `Accept-Language`, since it can change the language served, and per `Accept` where the operation also serves `application/ld+json`.',
    required: true,
    schema: { type: 'string' },
    example: 'Accept-Language, Accept',
  },
  Link: {
    description:
      'RFC 8288 link to the next page (`rel="next"`), so generic clients can page without reading the body. Absent on the last page.',
    required: false,
    schema: { type: 'string' },
    example: '</v1/events?limit=20&cursor=WyJzdGFydHNBdHwxNzk2MjE0NjAwMDAwIiwiODM4YiJd>; rel="next"',
  },
} satisfies Record<string, HeaderDoc>;
type HeaderName = keyof typeof HEADERS;

const headerRef = (name: HeaderName) => ({ $ref: `#/components/headers/${name}` });

/** Headers of a `200` from a single-item or unpaginated read. */
export const readHeaders = {
  ETag: headerRef('ETag'),
  'Cache-Control': headerRef('Cache-Control'),
  'Content-Language': headerRef('Content-Language'),
  Vary: headerRef('Vary'),
};

/** Headers of a `200` page of a list. */
export const listHeaders = { ...readHeaders, Link: headerRef('Link') };

const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header' as const,
  required: false,
  description: 'The `ETag` of a copy you already hold; when it still matches, the answer is `304` without a body.',
  // No example: reference UIs prefill examples, and a made-up ETag in every tried request only confuses.
  schema: { type: 'string' as const },
};

/** Request headers of every public read; documentation only, the edge cache middleware reads it. */
export const conditionalGetParameters = [{ $ref: `#/components/parameters/${IF_NONE_MATCH.name}` }];

/**
 * `304` for every public read. `content: {}` documents "no body" while keeping every response of the route
 * `content`-typed, which is what makes @hono/zod-openapi type-check handler bodies against the schemas.
 */
export const notModifiedResponse = {
  description: '`If-None-Match` matched the current `ETag`: your copy is still current. No body.',
  headers: { ETag: headerRef('ETag'), 'Cache-Control': headerRef('Cache-Control'), Vary: headerRef('Vary') },
  content: {},
};

/** Registers the components referenced above; call once on the app that serves the document. */
export function registerSharedComponents(registry: Registry): void {
  for (const [name, header] of Object.entries(HEADERS)) {
    registry.registerComponent('headers', name, header);
  }
  registry.registerComponent('parameters', IF_NONE_MATCH.name, IF_NONE_MATCH);
  registry.registerComponent('securitySchemes', BEARER_SCHEME, bearerSchemeComponent);
}
