import { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

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
    meaning: 'The path exists, but not for this HTTP method. The public API is read-only: it answers GET, HEAD and OPTIONS.',
    fix: 'Use GET (or HEAD) for public reads.',
  },
  'internal-error': {
    status: 500,
    title: 'Internal server error',
    meaning:
      'Something failed on our side while answering a request that was itself valid. The details were logged for the operators; none are sent to clients.',
    fix: 'Try again a little later, ideally with a growing pause between attempts. If it keeps happening, tell Socius the time and the `instance` path of the problem.',
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
  })
  .openapi('Problem', { description: 'An RFC 9457 problem details object.' });
export type Problem = z.infer<typeof ProblemSchema>;

/** The one error class of the API; `onError` in app.ts turns it into an RFC 9457 response. */
export class ApiError extends Error {
  readonly type: ProblemType;
  readonly status: ContentfulStatusCode;
  readonly invalidParams: InvalidParam[] | undefined;

  constructor(type: ProblemType, detail: string, invalidParams?: InvalidParam[]) {
    super(detail);
    this.type = type;
    this.status = PROBLEM_TYPES[type].status;
    this.invalidParams = invalidParams;
  }

  toProblem(instance?: string): Problem {
    return {
      type: `/problems/${this.type}`,
      title: PROBLEM_TYPES[this.type].title,
      status: this.status,
      detail: this.message,
      ...(instance === undefined ? {} : { instance }),
      ...(this.invalidParams ? { invalidParams: this.invalidParams } : {}),
    };
  }

  static invalidParam(name: string, where: InvalidParam['in'], reason: string): ApiError {
    return new ApiError('invalid-parameter', `${label(where)} "${name}" is invalid: ${reason}`, [{ name, in: where, reason }]);
  }

  /** Names every offending parameter, including unknown ones, so a typo never silently returns everything. */
  static fromZod(error: ZodError, target: string): ApiError {
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
} as const;

// Built with the class the handlers throw, so the documented bodies are the ones clients get.
const problemExamples: Record<keyof typeof problemDescriptions, Problem> = {
  400: ApiError.invalidParam('limit', 'query', 'Too big: expected number to be <=100').toProblem(),
  404: new ApiError('not-found', 'No published item has the slug "no-such-item".').toProblem(),
  500: new ApiError('internal-error', 'Something went wrong on our side. Please try again later.').toProblem(),
  501: new ApiError('format-not-implemented', 'oEmbed is served as JSON only: use format=json.').toProblem(),
};

/** OpenAPI error responses for a route, all as problem+json. */
export function problemResponses<const S extends readonly (keyof typeof problemDescriptions)[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: problemDescriptions[status],
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema, example: problemExamples[status] } },
      },
    ]),
  ) as {
    [K in S[number]]: {
      description: string;
      content: { 'application/problem+json': { schema: typeof ProblemSchema; example: Problem } };
    };
  };
}
