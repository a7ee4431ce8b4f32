// `Accept: application/ld+json` on an item or list under /v1: the same data as the JSON, described in schema.org
// terms by the one mapping (./schema-org.ts).
//
// Why a middleware per path rather than a second branch in each handler: the representation is a pure function
// of the JSON body, so the handler stays the single source of what an item is, and the one table below says
// both which operations serve JSON-LD (`representations`) and what /openapi.json documents about it
// (`documentJsonLd`), so the two cannot drift apart. It runs inside the edge cache, which keys by the
// negotiated representation, so each representation gets its own cached copy and its own strong ETag.
import type { Context, MiddlewareHandler } from 'hono';
import { accepts } from 'hono/accepts';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import type { EventBody } from '../events/schemas.ts';
import { appendVary } from '../lib/headers.ts';
import {
  analysisNode,
  eventNode,
  itemList,
  type JsonLdNode,
  jsonLdDocument,
  organizationNode,
  SCHEMA_ORG,
  searchHitNode,
  serialiseJsonLd,
  serviceNode,
  topicNode,
} from './schema-org.ts';

export const JSON_LD_TYPE = 'application/ld+json';
const JSON_TYPE = 'application/json';

/** The representation a request asks for: JSON-LD only when `Accept` prefers it; JSON otherwise, also for `*\/*`. */
export function representation(c: Context): typeof JSON_TYPE | typeof JSON_LD_TYPE {
  return accepts(c, { header: 'Accept', supports: [JSON_TYPE, JSON_LD_TYPE], default: JSON_TYPE }) === JSON_LD_TYPE
    ? JSON_LD_TYPE
    : JSON_TYPE;
}

// The JSON bodies, as far as the mapping reads them; the handlers' own schemas guarantee these shapes.
type Item<T> = { data: T };
type List<T> = { data: T[]; total?: number; totalIsLowerBound?: boolean };
type Mapping = (body: never) => JsonLdNode;

const item =
  <T>(node: (value: T) => JsonLdNode) =>
  (body: Item<T>) =>
    node(body.data);
const list =
  <T>(node: (value: T) => JsonLdNode) =>
  (body: List<T>) =>
    // A total that only says "at least" is no number of items.
    itemList(body.data, node, body.totalIsLowerBound ? undefined : body.total);

/** Every operation (OpenAPI path under /v1) that also serves JSON-LD, with the mapping of its JSON body. */
const JSON_LD_OPERATIONS: Record<string, Mapping> = {
  '/about': item(organizationNode),
  '/topics': list(topicNode),
  '/topics/{slug}': item(topicNode),
  '/services': list(serviceNode),
  '/services/{slug}': item(serviceNode),
  '/analyses': list(analysisNode),
  '/analyses/{slug}': item(analysisNode),
  '/events': list<EventBody>(eventNode),
  '/events/{slug}': item<EventBody>(eventNode),
  '/search': list(searchHitNode),
};

function serveJsonLd(map: Mapping): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    // Reads only: a write's answer (the editable item) has no JSON-LD form; mapping it failed with a 500 (found by fuzzing).
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    await next();
    // Both representations say they vary by Accept, so no shared cache hands one to a client that asked for the other.
    appendVary(c.res.headers, 'Accept');
    if (c.res.status !== 200 || representation(c) !== JSON_LD_TYPE) return;
    const body = jsonLdDocument(map((await c.res.json()) as never));
    const response = new Response(serialiseJsonLd(body), c.res);
    response.headers.set('Content-Type', JSON_LD_TYPE);
    response.headers.delete('Content-Length');
    c.res = undefined; // replace the response outright: assigning over it would copy the old headers back
    c.res = response;
  });
}

/** Middleware to mount on the /v1 router (after the edge cache, before the routes), one per Hono path. */
export const representations: { path: string; middleware: MiddlewareHandler<AppEnv> }[] = Object.entries(JSON_LD_OPERATIONS).map(
  ([path, map]) => ({ path: path.replace(/\{(\w+)\}/g, ':$1'), middleware: serveJsonLd(map) }),
);

/** The OpenAPI schema of every JSON-LD body: a schema.org node with its context; the rest is open, as JSON-LD is. */
const JSON_LD_SCHEMA = {
  type: 'object',
  description:
    'schema.org JSON-LD of the same data as the JSON: Event, Report (analyses), Service, DefinedTerm (topics), Organization ' +
    '(about), or an ItemList of those for a list (ListItems of name and URL for search). Asked for with `Accept: application/ld+json`.',
  required: ['@context', '@type'],
  properties: {
    '@context': { type: 'string', const: SCHEMA_ORG },
    '@type': { type: 'string', enum: ['Event', 'Report', 'Service', 'DefinedTerm', 'Organization', 'ItemList'] },
  },
  additionalProperties: true,
};

interface MediaDoc {
  schema?: { $ref?: string };
  example?: unknown;
}
interface DocumentShape {
  paths?: Record<string, { get?: { responses?: Record<string, { content?: Record<string, MediaDoc> } | undefined> } } | undefined>;
  components?: { schemas?: Record<string, unknown> };
}

/**
 * Adds the `application/ld+json` representation to the `200` of every operation in the table, with an example
 * made by the mapping from the operation's own JSON example. Throws when the table names an operation the
 * document lacks, so a renamed path cannot silently lose its documentation.
 */
export function documentJsonLd<D extends DocumentShape>(document: D): D {
  const schemas = document.components?.schemas ?? {};
  for (const [path, map] of Object.entries(JSON_LD_OPERATIONS)) {
    const ok = document.paths?.[`/v1${path}`]?.get?.responses?.['200'];
    const json = ok?.content?.[JSON_TYPE];
    if (!ok || !json) throw new Error(`JSON-LD is served for GET /v1${path}, which documents no JSON 200`);
    const ref = json.schema?.$ref?.split('/').at(-1);
    const jsonExample = json.example ?? (ref ? (schemas[ref] as { example?: unknown } | undefined)?.example : undefined);
    if (jsonExample === undefined) throw new Error(`GET /v1${path} has no JSON example to derive a JSON-LD example from`);
    ok.content = {
      ...ok.content,
      [JSON_LD_TYPE]: { schema: { $ref: '#/components/schemas/JsonLd' }, example: jsonLdDocument(map(jsonExample as never)) },
    };
  }
  document.components = { ...document.components, schemas: { ...schemas, JsonLd: JSON_LD_SCHEMA } };
  return document;
}
