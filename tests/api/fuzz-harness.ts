// Builds one request arbitrary per documented operation and holds every answer to the document: never a 5xx or a
// stack trace; a status the operation documents; a 2xx JSON body that validates strictly against the route's
// schema; a 4xx that is problem+json. `npm test` runs a short form (FUZZ_RUNS requests in all, default below);
// `npm run fuzz` a long one. A failure prints fast-check's seed and path (replay: FUZZ_SEED, FUZZ_PATH) and the request.
import { env, SELF } from 'cloudflare:test';
import type { RouteConfig } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import fc from 'fast-check';
import { ProblemSchema } from '../../api/errors.ts';
import app from '../../api/index.ts';
import { SCOPES } from '../../schema/editorial.ts';
import { type OpenApiDocument, type ResponseDoc, resolveRef } from '../openapi-document.ts';
import { makeKey } from './editorial-helpers.ts';
import {
  conforms,
  type Encoding,
  encodeValue,
  type FuzzOperation,
  type FuzzRequest,
  hostileHeaderValue,
  hostileString,
  operationsOf,
  roundTrips,
  validValue,
} from './fuzz-arbitraries.ts';
import { ORIGIN } from './helpers.ts';
import { schemaIssues } from './strict-schema.ts';

const DEFAULT_RUNS = 1000;

/** Requests in all for one test file, spread evenly over its operations. */
export const fuzzRuns = () => Number((env as { FUZZ_RUNS?: string }).FUZZ_RUNS || DEFAULT_RUNS);

/** fast-check parameters: the replay seed and path when given, and enough runs per operation. */
export function fuzzParameters(operations: number): fc.Parameters<unknown> {
  const { FUZZ_SEED, FUZZ_PATH } = env as { FUZZ_SEED?: string; FUZZ_PATH?: string };
  return {
    numRuns: Math.max(10, Math.ceil(fuzzRuns() / operations)),
    ...(FUZZ_SEED ? { seed: Number(FUZZ_SEED) } : {}),
    ...(FUZZ_PATH ? { path: FUZZ_PATH } : {}),
  };
}

export interface FuzzContext {
  doc: OpenApiDocument;
  operations: FuzzOperation[];
  /** Real slugs of each collection (`/v1/events` → its slugs), for path parameters that name an item. */
  slugs: Map<string, string[]>;
  keys: { admin: string; partner: string };
  /** The documented limits (`x-request-limits`). */
  limits: { maxQueryLength: number; maxValuesPerParameter: number; maxBodyBytes: number };
  routes: Map<string, RouteConfig>;
}

export async function fuzzContext(): Promise<FuzzContext> {
  // Examples name the documented placeholder host; a URL on "this server" (oEmbed's `url`) must name the test's one.
  const text = (await (await SELF.fetch(`${ORIGIN}/openapi.json`)).text()).replaceAll('https://api.socius.example', ORIGIN);
  const doc = JSON.parse(text) as OpenApiDocument & { 'x-request-limits': FuzzContext['limits'] };
  const operations = operationsOf(doc);
  const slugs = new Map<string, string[]>();
  for (const { path } of operations) {
    const base = path.includes('/{slug}') ? path.slice(0, path.indexOf('/{slug}')) : undefined;
    if (!base || slugs.has(base)) continue;
    let response = await SELF.fetch(`${ORIGIN}${base}?limit=100`);
    if (response.status === 400) response = await SELF.fetch(`${ORIGIN}${base}`);
    const body = (await response.json()) as { data?: { slug: string }[] };
    slugs.set(
      base,
      (body.data ?? []).map((item) => item.slug),
    );
  }
  const admin = await makeKey([...SCOPES]);
  const partner = await makeKey(['events:submit'], { organiser: 'Fuzz partner' });
  // Every route the app declares, by method and documented path: their zod schemas are the strict contract.
  const routes = new Map<string, RouteConfig>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type === 'route') routes.set(`${definition.route.method.toUpperCase()} ${definition.route.path}`, definition.route);
  }
  return { doc, operations, slugs, keys: { admin: admin.key, partner: partner.key }, limits: doc['x-request-limits'], routes };
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

type Auth = 'none' | 'admin' | 'partner' | 'garbage';
interface Pair {
  name: string;
  value: string;
  encoding: Encoding;
}
interface Reasons {
  reject: string[];
  unsure: string[];
  allow404: boolean;
  /** The path was sent raw: the URL parser may resolve it to another operation, whose statuses apply. */
  rawPath: boolean;
}

/**
 * What a schema cannot say about a parameter, each rule stated in the parameter's description in the document:
 * requests a rule covers must be refused (`reject`) or may be (`any`) although every value conforms.
 */
const PARAMETER_RULES: {
  parameter: string;
  applies: (value: (name: string) => string | undefined) => boolean;
  outcome: 'reject' | 'any';
  why: string;
}[] = [
  { parameter: 'preview', applies: (value) => value('preview') === 'true', outcome: 'any', why: '`preview=true` needs a key' },
  {
    parameter: 'to',
    applies: (value) => {
      const to = value('to');
      const from = value('from');
      return to !== undefined && (from !== undefined || Date.parse(to) < Date.now());
    },
    outcome: 'any',
    why: '`to` before `from` (default: now) is a 400',
  },
  {
    parameter: 'q',
    applies: (value) => value('q') !== undefined && !/[\p{L}\p{N}]/u.test(value('q') ?? ''),
    outcome: 'reject',
    why: '`q` needs a letter or digit',
  },
];

const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 8, arbitrary: fc.constant('component' as const) },
  { weight: 1, arbitrary: fc.constantFrom('raw' as const, 'plus' as const) },
);

/** One operation's requests: valid ones, and valid ones with one to three things made wrong. */
export function requestArbitrary(ctx: FuzzContext, op: FuzzOperation): fc.Arbitrary<FuzzRequest> {
  const pathValue = (hostile: boolean) =>
    fc.tuple(
      ...op.pathParams.map((parameter) => {
        const base = op.path.slice(0, op.path.indexOf(`/{${parameter.name}}`));
        const real = parameter.name === 'slug' ? (ctx.slugs.get(base) ?? []) : [];
        return fc.oneof(
          ...(real.length > 0
            ? [{ weight: 6, arbitrary: fc.record({ kind: fc.constant('real' as const), value: fc.constantFrom(...real) }) }]
            : []),
          {
            weight: 2,
            arbitrary: fc.record({ kind: fc.constant('schema' as const), value: validValue(ctx.doc, parameter.schema).map(String) }),
          },
          ...(hostile
            ? [{ weight: 2, arbitrary: fc.record({ kind: fc.constant('hostile' as const), value: hostileString, encoding }) }]
            : []),
        );
      }),
    );
  const validQuery = fc.tuple(
    ...op.query.map((parameter) =>
      // A cursor is only ever one the API issued: a generated one is a mutation, never part of a valid request.
      parameter.name === 'cursor' || parameter.name === 'since'
        ? fc.constant(undefined)
        : fc.option(validValue(ctx.doc, parameter.schema), { freq: 2 }).map((value) => ({ parameter, value })),
    ),
  );
  const names = op.query.map((p) => p.name);
  const multi = op.query.filter((p) => JSON.stringify(p.schema ?? {}).includes('"array"')).map((p) => p.name);
  const mutation = fc.oneof(
    ...(names.length > 0
      ? [fc.record({ kind: fc.constant('hostile' as const), name: fc.constantFrom(...names), value: hostileString, encoding })]
      : []),
    fc.record({
      kind: fc.constant('unknown' as const),
      name: fc.oneof(
        fc.stringMatching(/^x[a-zA-Z]{1,10}$/),
        fc.constantFrom('LIMIT', 'lang[]', 'q ', '__proto__', 'constructor', 'toString', 'cursor[]'),
      ),
      value: hostileString,
      encoding,
    }),
    ...(names.length > 0
      ? [
          fc.record({
            kind: fc.constant('repeat' as const),
            name: fc.constantFrom(...names),
            values: fc.array(hostileString, { minLength: 2, maxLength: 4 }),
          }),
        ]
      : []),
    ...(multi.length > 0
      ? [
          fc.record({
            kind: fc.constant('many' as const),
            name: fc.constantFrom(...multi),
            count: fc.integer({ min: 2, max: 3 * ctx.limits.maxValuesPerParameter }),
            repeated: fc.boolean(),
          }),
        ]
      : []),
    fc.record({
      kind: fc.constant('long-query' as const),
      length: fc.integer({ min: ctx.limits.maxQueryLength - 50, max: 2 * ctx.limits.maxQueryLength }),
    }),
  );
  const isWrite = op.method !== 'GET';
  const cleanAuth: fc.Arbitrary<Auth> = op.secured ? fc.constant('admin') : fc.constantFrom<Auth>('none', 'none', 'admin');
  const anyAuth: fc.Arbitrary<Auth> = op.secured
    ? fc.constantFrom<Auth>('admin', 'admin', 'partner', 'none', 'garbage')
    : fc.constantFrom<Auth>('none', 'none', 'admin', 'garbage');
  const cleanHeaders = fc.record(
    {
      'Accept-Language': fc.constantFrom('en', 'fr-BE,fr;q=0.9', 'de', '*'),
      // `current`: the item's ETag, read just before the request is sent (see check).
      ...(isWrite ? { 'If-Match': fc.constant(CURRENT_ETAG), 'Idempotency-Key': fc.uuid() } : {}),
    },
    { requiredKeys: isWrite ? ['If-Match'] : [] },
  );
  const anyHeaders = fc.record(
    {
      'Accept-Language': fc.oneof(fc.constantFrom('en', 'fr-BE,fr;q=0.9', '*', 'xx', 'en;q=abc'), hostileHeaderValue),
      Accept: fc.oneof(
        fc.constantFrom('application/json', 'application/ld+json', '*/*', 'text/html', 'application/xml'),
        hostileHeaderValue,
      ),
      'If-None-Match': fc.oneof(fc.constantFrom('*', '"x"', 'W/"1"'), hostileHeaderValue),
      ...(isWrite
        ? {
            'If-Match': fc.oneof(fc.constantFrom(CURRENT_ETAG, '"1"', '"2"', '*', '"999999999"'), hostileHeaderValue),
            'Idempotency-Key': fc.oneof(fc.uuid(), hostileHeaderValue, fc.constant('k'.repeat(256))),
          }
        : {}),
    },
    { requiredKeys: [] },
  );
  const validBody = op.body ? bodyArbitrary(ctx, op, true) : fc.constant(undefined);
  const anyBody = op.body ? bodyArbitrary(ctx, op, false) : fc.constant(undefined);
  const noMutations = fc.constant<(typeof mutation extends fc.Arbitrary<infer M> ? M : never)[]>([]);
  return fc
    .oneof(
      // Clean: valid values only, so the deep paths (2xx, stored writes) are reached, not just the validators.
      fc.record({
        pathValues: pathValue(false),
        validQuery,
        mutations: noMutations,
        auth: cleanAuth,
        headers: cleanHeaders,
        body: validBody,
      }),
      // Dirty: one to three things made wrong, in the query, the path, the headers, the key or the body.
      fc.record({
        pathValues: pathValue(true),
        validQuery,
        mutations: fc.array(mutation, { maxLength: 3 }),
        auth: anyAuth,
        headers: anyHeaders,
        body: anyBody,
      }),
    )
    .map(({ pathValues, validQuery, mutations, auth, headers, body }) => {
      // Without path parameters, a documented 404 is about the query's content (oEmbed of another site's page).
      const allow404 = op.pathParams.length === 0 && op.operation.responses?.['404'] !== undefined;
      const reasons: Reasons = { reject: [], unsure: [], allow404, rawPath: false };
      // Path
      let path = op.path;
      op.pathParams.forEach((parameter, index) => {
        const chosen = pathValues[index];
        if (!chosen) return;
        if (chosen.kind === 'schema') reasons.allow404 = true;
        let encoded = encodeValue(chosen.value, 'component');
        if (chosen.kind === 'hostile') {
          encoded = encodeValue(chosen.value, chosen.encoding);
          if (!roundTrips(chosen.value, chosen.encoding) || chosen.value === '.' || chosen.value === '..') {
            reasons.rawPath = true;
            reasons.unsure.push(`path parameter ${parameter.name} sent ${chosen.encoding}`);
          } else if (chosen.value === '') reasons.rawPath = true;
          else {
            const verdict = conforms(ctx.doc, parameter.schema, chosen.value);
            if (verdict === 'no') reasons.reject.push(`path parameter ${parameter.name} does not conform`);
            else reasons.allow404 = true;
          }
        }
        path = path.replace(`{${parameter.name}}`, encoded);
      });
      // Query
      const pairs: Pair[] = [];
      const values = new Map<string, { list: string[]; encoding: Encoding }>();
      for (const entry of validQuery) {
        if (!entry || entry.value === null) continue;
        const list = Array.isArray(entry.value) ? entry.value.map(String) : [String(entry.value)];
        values.set(entry.parameter.name, { list, encoding: 'component' });
      }
      for (const m of mutations) {
        if (m.kind === 'hostile') values.set(m.name, { list: [m.value], encoding: m.encoding });
        else if (m.kind === 'unknown') pairs.push({ name: m.name, value: m.value, encoding: m.encoding });
        else if (m.kind === 'repeat') values.set(m.name, { list: m.values, encoding: 'component' });
        else if (m.kind === 'many') {
          const many = Array.from({ length: m.count }, (_, i) => `v${i}`);
          values.set(m.name, { list: m.repeated ? many : [many.join(',')], encoding: 'component' });
        } else pairs.push({ name: 'xpad', value: 'a'.repeat(m.length), encoding: 'component' });
      }
      for (const [name, { list, encoding }] of values) for (const value of list) pairs.unshift({ name, value, encoding });
      for (const pair of pairs) {
        const parameter = op.query.find((p) => p.name === pair.name);
        if (!roundTrips(pair.value, pair.encoding) || !roundTrips(pair.name, pair.encoding)) {
          reasons.unsure.push(`${pair.name} does not round-trip`);
          continue;
        }
        if (!parameter) {
          reasons.reject.push(`unknown parameter ${JSON.stringify(pair.name)}`);
          continue;
        }
        if (parameter.name === 'cursor' || parameter.name === 'since') reasons.reject.push('a cursor the API never issued');
      }
      for (const parameter of op.query) {
        const list = pairs.filter((p) => p.name === parameter.name && roundTrips(p.value, p.encoding)).map((p) => p.value);
        if (list.length === 0) continue;
        const verdict = conforms(ctx.doc, parameter.schema, list.length === 1 ? (list[0] ?? '') : list);
        if (verdict === 'no') reasons.reject.push(`${parameter.name}=${JSON.stringify(list).slice(0, 80)} does not conform`);
        if (verdict === 'unsure') reasons.unsure.push(`${parameter.name} may not conform`);
        if (parameter.schema && JSON.stringify(parameter.schema).includes('"uri"')) reasons.allow404 = true;
        // The documented bound on values of a multi-value parameter, counted as the API counts them.
        const count = list.flatMap((value) => value.split(',')).filter((value) => value.trim() !== '').length;
        if (multi.includes(parameter.name) && count > ctx.limits.maxValuesPerParameter)
          reasons.reject.push(`${count} values in ${parameter.name}`);
      }
      for (const rule of PARAMETER_RULES) {
        const first = (name: string) => pairs.find((p) => p.name === name && roundTrips(p.value, p.encoding))?.value;
        if (op.query.some((p) => p.name === rule.parameter) && rule.applies(first)) {
          (rule.outcome === 'reject' ? reasons.reject : reasons.unsure).push(rule.why);
        }
      }
      const query = pairs.map((p) => `${encodeValue(p.name, p.encoding)}=${encodeValue(p.value, p.encoding)}`).join('&');
      if (query.length > ctx.limits.maxQueryLength) reasons.reject.push(`query string of ${query.length} characters`);
      const requiredMissing = op.query.filter((p) => p.required && !pairs.some((pair) => pair.name === p.name));
      if (requiredMissing.length > 0) reasons.reject.push(`required ${requiredMissing.map((p) => p.name).join(', ')} missing`);
      // Headers
      const sent: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) sent[name] = value;
      if (auth === 'admin') sent.Authorization = `Bearer ${ctx.keys.admin}`;
      if (auth === 'partner') sent.Authorization = `Bearer ${ctx.keys.partner}`;
      if (auth === 'garbage') sent.Authorization = 'Bearer socius_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
      if (op.secured && (auth === 'none' || auth === 'garbage')) reasons.reject.push(`no valid key (${auth})`);
      if (body?.contentType) sent['Content-Type'] = body.contentType;
      if (body?.reject) reasons.reject.push(body.reject);
      if (isWrite) reasons.unsure.push('a write: the outcome depends on the stored content');
      if (op.secured && auth !== 'admin') reasons.unsure.push(`key ${auth}`);
      if (sent.Accept && !['application/json', '*/*'].includes(sent.Accept)) reasons.unsure.push(`Accept: ${sent.Accept}`);
      if ('If-None-Match' in sent) reasons.unsure.push('If-None-Match');

      const expect = reasons.reject.length > 0 ? 'reject' : reasons.unsure.length > 0 ? 'any' : 'ok';
      const why = [...reasons.reject, ...reasons.unsure].join('; ') || 'valid';
      return {
        method: op.method,
        url: `${path}${query ? `?${query}` : ''}`,
        headers: sent,
        ...(body?.text !== undefined ? { body: body.text } : {}),
        expect,
        why,
        allow404: reasons.allow404,
        ...(reasons.rawPath ? { rawPath: true } : {}),
      } satisfies FuzzRequest & { rawPath?: boolean };
    });
}

/** Stands for the item's current ETag in `If-Match`; replaced just before sending. */
const CURRENT_ETAG = 'current';

interface GeneratedBody {
  text?: string;
  contentType?: string;
  /** Why this body must be refused, when it must. */
  reject?: string;
}

const BROKEN_BODIES = [
  '',
  '{',
  'null',
  '[]',
  '"x"',
  '1',
  '{"a":',
  '\u0000',
  '{"__proto__":{"polluted":true}}',
  `${'['.repeat(3000)}${']'.repeat(3000)}`,
];

function bodyArbitrary(ctx: FuzzContext, op: FuzzOperation, clean: boolean): fc.Arbitrary<GeneratedBody> {
  const schema = op.body?.schema ?? {};
  const mediaTypes = op.body?.mediaTypes ?? ['application/json'];
  const valid = validValue(ctx.doc, schema);
  const leaf: fc.Arbitrary<unknown> = fc.oneof(
    hostileString,
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.constant({}),
    fc.constant([]),
    fc.boolean(),
  );
  const mutated = fc.tuple(valid, fc.array(fc.tuple(fc.nat(), leaf), { minLength: 1, maxLength: 3 })).map(([value, changes]) => {
    for (const [index, replacement] of changes) replaceLeaf(value, index, replacement);
    return value;
  });
  const withUnknown = fc
    .tuple(valid, fc.stringMatching(/^x[a-zA-Z]{1,8}$/), leaf)
    .map(([value, key, extra]) => (value && typeof value === 'object' && !Array.isArray(value) ? { ...value, [key]: extra } : value));
  if (clean)
    return valid.chain((value) => fc.constantFrom(...mediaTypes).map((contentType) => ({ text: JSON.stringify(value), contentType })));
  return fc
    .oneof(
      { weight: 2, arbitrary: fc.record({ value: valid, kind: fc.constant('valid') }) },
      { weight: 4, arbitrary: fc.record({ value: mutated, kind: fc.constant('mutated') }) },
      { weight: 1, arbitrary: fc.record({ value: withUnknown, kind: fc.constant('unknown') }) },
      { weight: 1, arbitrary: fc.record({ text: fc.constantFrom(...BROKEN_BODIES), kind: fc.constant('broken') }) },
      { weight: 1, arbitrary: fc.record({ value: fc.anything(), kind: fc.constant('anything') }) },
    )
    .chain((generated) =>
      fc
        .oneof(
          { weight: 8, arbitrary: fc.constantFrom(...mediaTypes) },
          {
            weight: 1,
            arbitrary: fc.constantFrom('text/plain', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', ''),
          },
        )
        .map((contentType): GeneratedBody => {
          const text = 'text' in generated ? generated.text : JSON.stringify(generated.value);
          return {
            ...(text === undefined ? {} : { text }),
            ...(contentType ? { contentType } : {}),
            ...(generated.kind === 'broken' && generated.text !== 'null' ? { reject: 'a body that is not a JSON object' } : {}),
          };
        }),
    );
}

/** Replaces the `index`-th leaf (modulo their number) of a JSON value in place. */
function replaceLeaf(value: unknown, index: number, replacement: unknown): void {
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((child, i) => [i, child]) : Object.entries(node);
    for (const [key, child] of entries) {
      if (child && typeof child === 'object') walk(child);
      else slots.push([node as Record<string, unknown>, key]);
    }
  };
  walk(value);
  const slot = slots[index % Math.max(1, slots.length)];
  if (slot) (slot[0] as Record<string | number, unknown>)[slot[1]] = replacement;
}

// ---------------------------------------------------------------------------------------------------------------
// Sending and checking

const STACK_TRACE = /\n\s+at \S|\bat .+:\d+:\d+\)|node_modules|file:\/\/|\.ts:\d+|TypeError|ReferenceError|SyntaxError:|D1_ERROR|SQLITE_/;

/** How often each operation answered each status, for the summary a test file prints. */
export const answered: Record<string, Record<number, number>> = {};

/** Sends the request and returns what is wrong with the answer (empty when it keeps every promise). */
export async function check(ctx: FuzzContext, op: FuzzOperation, request: FuzzRequest & { rawPath?: boolean }): Promise<string[]> {
  const headers = { ...request.headers };
  if (headers['If-Match'] === CURRENT_ETAG) headers['If-Match'] = await currentETag(ctx, request.url);
  const response = await SELF.fetch(`${ORIGIN}${request.url}`, {
    method: request.method,
    headers,
    redirect: 'manual',
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const text = await response.text();
  const issues: string[] = [];
  const status = response.status;
  const counts = answered[`${op.method} ${op.path}`] ?? {};
  counts[status] = (counts[status] ?? 0) + 1;
  answered[`${op.method} ${op.path}`] = counts;
  const contentType = (response.headers.get('Content-Type') ?? '').split(';')[0]?.trim() ?? '';
  const documented = resolveRef<ResponseDoc>(ctx.doc, op.operation.responses?.[String(status)]);
  // 501 is the one 5xx a request can earn: oEmbed's `format=xml`, answered as its specification requires.
  const earned501 = status === 501 && documented !== undefined;
  if (status >= 500 && !earned501) issues.push(`answered ${status}`);
  if (STACK_TRACE.test(text)) issues.push('the body looks like it carries a stack trace or an internal error');
  if (request.expect === 'ok' && !(status >= 200 && status < 300) && !(status === 404 && request.allow404) && !earned501) {
    issues.push(`a valid request answered ${status}`);
  }
  if (request.expect === 'reject' && !(status >= 400 && status < 500))
    issues.push(`an invalid request (${request.why}) answered ${status}`);
  if (!documented && !request.rawPath) issues.push(`${status} is not documented for ${op.method} ${op.path}`);
  if (status >= 400) {
    if (contentType !== 'application/problem+json') issues.push(`a ${status} as ${contentType || 'no Content-Type'}, not problem+json`);
    else issues.push(...problemIssues(text, status));
  } else if (documented && !request.rawPath) {
    const mediaTypes = Object.keys(documented.content ?? {});
    if (mediaTypes.length === 0 && text !== '') issues.push(`${status} is documented without a body but has one`);
    if (mediaTypes.length > 0 && !mediaTypes.includes(contentType))
      issues.push(`Content-Type ${contentType} is not one of ${mediaTypes.join(', ')}`);
    if (contentType === 'application/json' && status < 300) {
      const declared = ctx.routes.get(`${op.method} ${op.path}`)?.responses[status];
      const media = declared && 'content' in declared ? declared.content?.['application/json'] : undefined;
      const zod = media && 'schema' in media ? media.schema : undefined;
      if (!(zod instanceof z.ZodType)) issues.push(`the route declares no zod schema for ${status} application/json`);
      else issues.push(...jsonIssues(text, (body) => schemaIssues(zod, body)));
    }
  }
  if (issues.length === 0) return [];
  return [
    ...issues,
    `request: ${request.method} ${request.url.slice(0, 600)}`,
    `headers: ${JSON.stringify(request.headers).slice(0, 600)}`,
    ...(request.body === undefined ? [] : [`body: ${request.body.slice(0, 600)}`]),
    `expected: ${request.expect} (${request.why})`,
    `answer: ${status} ${contentType} ${text.slice(0, 600)}`,
  ];
}

/** The ETag of the item a write addresses, as an editor would read it first (`…/edit`); `"0"` when there is none. */
async function currentETag(ctx: FuzzContext, url: string): Promise<string> {
  const item = url.split('?')[0]?.replace(/\/revisions\/[^/]*\/restore$/, '') ?? '';
  const response = await SELF.fetch(`${ORIGIN}${item}/edit`, { headers: { Authorization: `Bearer ${ctx.keys.admin}` } });
  await response.body?.cancel();
  return response.headers.get('ETag') ?? '"0"';
}

function jsonIssues(text: string, validate: (body: unknown) => string[]): string[] {
  try {
    return validate(JSON.parse(text));
  } catch (error) {
    return [`the body is not JSON: ${String(error)}`];
  }
}

function problemIssues(text: string, status: number): string[] {
  return jsonIssues(text, (body) => {
    const issues = schemaIssues(ProblemSchema, body);
    if ((body as { status?: unknown }).status !== status)
      issues.push(`problem status ${String((body as { status?: unknown }).status)} is not ${status}`);
    return issues;
  });
}

/** The property of one operation: every generated request keeps every promise. */
export function operationProperty(ctx: FuzzContext, op: FuzzOperation) {
  return fc.asyncProperty(requestArbitrary(ctx, op), async (request) => {
    const issues = await check(ctx, op, request);
    if (issues.length > 0) throw new Error(issues.join('\n'));
  });
}
