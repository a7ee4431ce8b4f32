import { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { CHANGES_RETENTION_DAYS } from '../schema/changes.ts';

// Problem types are relative URIs served by this API (GET /problems/{type} documents each one), so they
// resolve against whichever host served the error and stay the same string everywhere.
export const PROBLEM_TYPES = {
  'invalid-parameter': {
    status: 400,
    title: 'Invalid request parameter',
    meaning:
      'A query or path parameter is missing, malformed, out of range, or not one this endpoint knows. Nothing was looked up: ' +
      'the API never guesses what a wrong parameter meant, so a typo cannot silently return everything.',
    fix:
      'Read `invalidParams`: each entry names one parameter, where it was (`query`, `path`, `header` or `body`) and why it was ' +
      'refused. Correct those and send the request again. The parameters, their ranges and their allowed values are listed for ' +
      'every endpoint in the API reference.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    meaning:
      'There is no published item at this address: the slug is unknown, the item was unpublished or archived, or the path ' +
      'itself does not exist.',
    fix:
      'Check the spelling of the path and the slug. Slugs come from the list endpoints (for example `/v1/events`); take them ' +
      'from there rather than building them from titles. A bookmarked item that now answers 404 is no longer published.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    meaning:
      'The path exists, but not for this HTTP method. Public reads answer GET, HEAD and OPTIONS; the editorial writes (POST, PATCH, DELETE) exist only where the API reference lists them.',
    fix: 'Use GET (or HEAD) for public reads; the `Allow` header lists the methods this path answers.',
  },
  unauthorized: {
    status: 401,
    title: 'API key required',
    meaning:
      'This operation needs an API key, and the request carried none, or one that is unknown, revoked or expired. Keys travel only in ' +
      'the `Authorization: Bearer <key>` header; a key in the query string is refused, since URLs end up in logs.',
    fix: 'Send `Authorization: Bearer <key>` with a current key. Socius creates keys (`npm run keys -- create`) and shows each one only once.',
  },
  forbidden: {
    status: 403,
    title: 'Scope missing',
    meaning:
      'The API key is valid, but it lacks the scope this operation needs (for example `content:publish` to publish, or `keys:admin` to manage keys), ' +
      'or it is bound to another organiser.',
    fix: 'Use a key with the scope named in `detail`, or ask Socius for one.',
  },
  conflict: {
    status: 409,
    title: 'Conflict',
    meaning: 'The write would clash with existing content: a slug already taken, or an item that already exists where only one may.',
    fix: 'Read `invalidParams` for the clashing field, choose another value, and send the request again.',
  },
  'precondition-failed': {
    status: 412,
    title: 'Stale version',
    meaning:
      'The `If-Match` header named a version of the item that is no longer the current one: someone else changed it since you read it. Nothing was written.',
    fix: 'Read the item again (the current `ETag` is in this response), apply your change to what is there now, and send it with the new `ETag` in `If-Match`.',
  },
  'invalid-body': {
    status: 422,
    title: 'Invalid request body',
    meaning:
      'The JSON body was understood but breaks the rules of this resource. Every violation is listed at once in `invalidParams`, each with a JSON pointer (`pointer`) into the body. ' +
      'An `Idempotency-Key` reused with a different body is refused the same way.',
    fix: 'Correct every listed field and send the request again. The request schema of each operation is in the API reference.',
  },
  'payload-too-large': {
    status: 413,
    title: 'Request body too large',
    meaning:
      'The request body is larger than this API accepts (the limit is in the API reference, under `x-request-limits`). Nothing was read or written.',
    fix: 'Send a smaller body: split a very long text into sections, or leave out fields that do not change (`PATCH` takes only what changes).',
  },
  'precondition-required': {
    status: 428,
    title: 'If-Match required',
    meaning:
      'Changing or deleting an item requires the `If-Match` header with the `ETag` you last read, so that two editors cannot overwrite each other unknowingly. `*` is not accepted.',
    fix: 'Read the item (its `ETag` comes with every editorial read and write) and send that value in `If-Match`.',
  },
  'rate-limited': {
    status: 429,
    title: 'Too many requests',
    meaning:
      'This client (public reads: per network address) or this API key (writes) sent more requests in the current period than the API accepts. ' +
      'The request was not carried out. The limits are listed in SECURITY.md.',
    fix: 'Wait the number of seconds in `Retry-After`, then send the request again; spread requests out, and cache what you read (every read has an `ETag`).',
  },
  unavailable: {
    status: 503,
    title: 'Temporarily unavailable',
    meaning:
      'The database did not answer in time or failed while answering a valid request. Reads have no copy to fall back on; a write was not carried out ' +
      '(it is all or nothing), except when the database stopped answering while it was committing: then it may have landed in full.',
    fix:
      'Wait the number of seconds in `Retry-After` and send the request again. Before repeating a write, read the item (or repeat a `POST` with the same ' +
      '`Idempotency-Key`), so that a write that did land is not made twice.',
  },
  'internal-error': {
    status: 500,
    title: 'Internal server error',
    meaning:
      'Something failed on our side while answering a request that was itself valid. The details were logged for the operators; none are sent to clients.',
    fix: 'Try again a little later, ideally with a growing pause between attempts. If it keeps happening, tell Socius the time and the `instance` path of the problem.',
  },
  'cursor-expired': {
    status: 410,
    title: 'Change feed position expired',
    meaning:
      `The \`since\` position of \`/v1/changes\` is older than the changes the feed still keeps (${CHANGES_RETENTION_DAYS} days), so some changes after it are no ` +
      'longer there: a mirror reading on from it would silently miss them.',
    fix:
      'Resync: keep `next` from this problem, re-read the full lists (`/v1/topics`, `/v1/services`, `/v1/analyses`, `/v1/events`, ' +
      '`/v1/about`) into your mirror, then poll `/v1/changes?since=<next>` as before. Poll at least every few weeks to stay inside the window.',
  },
  'format-not-implemented': {
    status: 501,
    title: 'Format not implemented',
    meaning: 'The request asks for a response format this endpoint does not produce (oEmbed: `format=xml`; only JSON is served).',
    fix: 'Ask for the format the endpoint documents, for oEmbed `format=json` (or leave `format` out).',
  },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string; meaning: string; fix: string }>;
export type ProblemType = keyof typeof PROBLEM_TYPES;

export const InvalidParamSchema = z
  .object({
    name: z.string().openapi({ description: 'The parameter or field that was wrong.', example: 'limit' }),
    in: z.enum(['query', 'path', 'header', 'body']).openapi({ example: 'query' }),
    reason: z.string().openapi({ example: 'Too big: expected number to be <=100' }),
    pointer: z
      .string()
      .optional()
      .openapi({ description: 'For a body field: RFC 6901 JSON pointer to it in the request body.', example: '/translations/nl/name' }),
  })
  .openapi('InvalidParam');
export type InvalidParam = z.infer<typeof InvalidParamSchema>;

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ description: 'URI reference identifying the problem type.', example: '/problems/invalid-parameter' }),
    title: z.string().openapi({ example: 'Invalid request parameter' }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().openapi({ example: 'Query parameter "limit" is invalid: Too big: expected number to be <=100' }),
    instance: z.string().optional().openapi({ description: 'The request path that caused the problem.', example: '/v1/events' }),
    invalidParams: z.array(InvalidParamSchema).optional(),
    currentETag: z.string().optional().openapi({ description: 'With `412`: the ETag of the current version of the item.', example: '"3"' }),
    next: z
      .string()
      .optional()
      .openapi({ description: 'With `410` from `/v1/changes`: the position to poll from once the full lists are read again.' }),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem details object.' });
export type Problem = z.infer<typeof ProblemSchema>;

/** The one error class of the API; `onError` in app.ts turns it into an RFC 9457 response. */
export class ApiError extends Error {
  readonly type: ProblemType;
  readonly status: ContentfulStatusCode;
  readonly invalidParams: InvalidParam[] | undefined;
  /** Response headers the problem needs (`WWW-Authenticate` on 401, the current `ETag` on 412). */
  readonly headers: Record<string, string>;
  /** Extension members of the problem body (`currentETag`). */
  readonly extensions: { currentETag?: string; next?: string };

  constructor(
    type: ProblemType,
    detail: string,
    invalidParams?: InvalidParam[],
    options: { headers?: Record<string, string>; extensions?: { currentETag?: string; next?: string } } = {},
  ) {
    super(detail);
    this.type = type;
    this.status = PROBLEM_TYPES[type].status;
    this.invalidParams = invalidParams;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }

  toProblem(instance?: string): Problem {
    return {
      type: `/problems/${this.type}`,
      title: PROBLEM_TYPES[this.type].title,
      status: this.status,
      detail: this.message,
      ...(instance === undefined ? {} : { instance }),
      ...(this.invalidParams ? { invalidParams: this.invalidParams } : {}),
      ...this.extensions,
    };
  }

  static invalidParam(name: string, where: InvalidParam['in'], reason: string): ApiError {
    return new ApiError('invalid-parameter', `${label(where)} "${name}" is invalid: ${reason}`, [{ name, in: where, reason }]);
  }

  static invalidBody: typeof invalidBody;

  /** Names every offending parameter, including unknown ones, so a typo never silently returns everything. */
  static fromZod(error: ZodError, target: string): ApiError {
    if (target === 'json') return ApiError.invalidBody(error.issues);
    const where = TARGETS[target] ?? 'body';
    const params: InvalidParam[] = error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ name: key, in: where, reason: 'Unknown parameter' }));
      }
      const name = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
      return [{ name, in: where, reason: issue.message }];
    });
    const first = params[0];
    const detail = first
      ? `${label(where)} "${first.name}" is invalid: ${first.reason}${params.length > 1 ? ` (and ${params.length - 1} more)` : ''}`
      : 'The request is invalid.';
    return new ApiError('invalid-parameter', detail, params);
  }
}

/**
 * The ApiError behind `error`: itself, or one a library wrapped as the `cause` of its own error (drizzle wraps
 * what the D1 layer throws, such as the 503 of api/middleware/database.ts, in a DrizzleQueryError).
 */
export function apiErrorIn(error: unknown): ApiError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof ApiError) return e;
  }
  return undefined;
}

/**
 * A 422 listing every violation of a request body at once, each with its JSON pointer. Takes zod issues (or
 * hand-made ones with a `path`), so checks that zod cannot express are reported the same way, together.
 */
export function invalidBody(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: string[] }[],
): ApiError {
  const params: InvalidParam[] = issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({
        name: [...path, key].join('.'),
        in: 'body' as const,
        reason: 'Unknown field',
        pointer: pointer([...path, key]),
      }));
    }
    return [{ name: path.length > 0 ? path.join('.') : '(root)', in: 'body' as const, reason: issue.message, pointer: pointer(path) }];
  });
  const first = params[0];
  const detail = first
    ? `Body field "${first.pointer}" is invalid: ${first.reason}${params.length > 1 ? ` (and ${params.length - 1} more)` : ''}`
    : 'The request body is invalid.';
  return new ApiError('invalid-body', detail, params);
}
ApiError.invalidBody = invalidBody;

/** RFC 6901: `~` and `/` inside a segment are escaped as `~0` and `~1`. */
export const pointer = (path: readonly string[]) => path.map((part) => `/${part.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

const TARGETS: Record<string, InvalidParam['in']> = { query: 'query', param: 'path', header: 'header', json: 'body', form: 'body' };

function label(where: InvalidParam['in']): string {
  return { query: 'Query parameter', path: 'Path parameter', header: 'Header', body: 'Body field' }[where];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const problemDescriptions = {
  400: 'A parameter is missing, malformed, out of range or unknown; `invalidParams` names each one.',
  404: 'Nothing published is there: the slug is unknown, or the item is not (or no longer) published.',
  500: 'Something failed on our side; nothing internal is disclosed. Try again later.',
  501: 'The asked response format is not produced here; the problem names the one that is.',
  401: 'No API key, or one that is unknown, revoked or expired (`WWW-Authenticate: Bearer`). Keys go only in `Authorization: Bearer`.',
  403: 'The API key is valid but lacks the scope this operation needs (named in `detail`).',
  409: 'The write clashes with existing content, such as a slug already taken; `invalidParams` names the field.',
  412: '`If-Match` named a stale version: someone changed the item since. Nothing was written; `currentETag` is the version now.',
  422: 'The body breaks the rules of this resource; `invalidParams` lists every violation at once, each with a JSON `pointer`.',
  428: 'Changing or deleting an item requires `If-Match` with the `ETag` last read.',
  429: 'Too many requests from this client (reads) or with this API key (writes) in the current period; `Retry-After` says when to try again.',
  503: 'The database failed or did not answer in time; `Retry-After` says when to try again. A write was not carried out.',
  410: 'The change feed no longer holds the changes after `since`: re-read the full lists, then poll from `next` in this problem.',
} as const;

// Built with the class the handlers throw, so the documented bodies are the ones clients get.
const problemExamples: Record<keyof typeof problemDescriptions, Problem> = {
  400: ApiError.invalidParam('limit', 'query', 'Too big: expected number to be <=100').toProblem(),
  404: new ApiError('not-found', 'No published item has the slug "no-such-item".').toProblem(),
  500: new ApiError('internal-error', 'Something went wrong on our side. Please try again later.').toProblem(),
  501: new ApiError('format-not-implemented', 'oEmbed is served as JSON only: use format=json.').toProblem(),
  401: new ApiError('unauthorized', 'This operation needs an API key in `Authorization: Bearer <key>`.').toProblem(),
  403: new ApiError('forbidden', 'This API key lacks the scope "content:publish" that this operation needs.').toProblem(),
  409: new ApiError('conflict', 'The slug "vrijwilligerswerk" is already taken.', [
    { name: 'slug', in: 'body', reason: 'Already taken by another item', pointer: '/slug' },
  ]).toProblem(),
  412: new ApiError('precondition-failed', 'The item changed since version "2": its current version is "3".', undefined, {
    extensions: { currentETag: '"3"' },
  }).toProblem(),
  422: new ApiError('invalid-body', 'Body field "/translations/nl/name" is invalid: Required (and 1 more)', [
    { name: 'translations.nl.name', in: 'body', reason: 'Required', pointer: '/translations/nl/name' },
    { name: 'status', in: 'body', reason: 'Invalid option: expected one of "draft"|"review"|"published"|"archived"', pointer: '/status' },
  ]).toProblem(),
  428: new ApiError('precondition-required', 'Send the `ETag` you last read in `If-Match` to change this item.').toProblem(),
  429: new ApiError('rate-limited', 'Too many reads from this client in 60 seconds. Try again in 60 seconds.').toProblem(),
  503: new ApiError('unavailable', 'The database is not answering at the moment. Try again in 5 seconds.').toProblem(),
  410: new ApiError(
    'cursor-expired',
    'Changes before 2026-09-02 are no longer kept: re-read the full lists, then poll from `next`.',
    undefined,
    {
      extensions: { next: 'WzQyMTcsImNoYW5nZXMiXQ' },
    },
  ).toProblem(),
};

/** Headers documented on a problem response: the Bearer challenge on 401, the current version on 412. */
const problemHeaders: Partial<
  Record<keyof typeof problemDescriptions, Record<string, { description: string; schema: { type: 'string' } }>>
> = {
  401: { 'WWW-Authenticate': { description: 'Always `Bearer` (RFC 6750).', schema: { type: 'string' } } },
  412: { ETag: { description: 'The ETag of the current version of the item.', schema: { type: 'string' } } },
  429: {
    'Retry-After': { description: 'Seconds to wait before trying again: the length of the limit period.', schema: { type: 'string' } },
  },
  503: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'string' } } },
};

/** Every operation can answer these: each request is rate limited (api/lib/rate-limit.ts) and reads D1. */
const ALWAYS = [429, 503] as const;

/** OpenAPI error responses for a route, all as problem+json. */
export function problemResponses<const S extends readonly (keyof typeof problemDescriptions)[]>(...statuses: S) {
  const all: (keyof typeof problemDescriptions)[] = [...new Set([...statuses, ...ALWAYS])];
  return Object.fromEntries(
    all.map((status) => [
      status,
      {
        description: problemDescriptions[status],
        ...(problemHeaders[status] ? { headers: problemHeaders[status] } : {}),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema, example: problemExamples[status] } },
      },
    ]),
  ) as {
    [K in S[number] | (typeof ALWAYS)[number]]: {
      description: string;
      content: { 'application/problem+json': { schema: typeof ProblemSchema; example: Problem } };
    };
  };
}
