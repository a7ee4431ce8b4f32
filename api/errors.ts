import { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

// Problem types are relative URIs served by this API (GET /problems/{type} documents each one), so they
// resolve against whichever host served the error and stay the same string everywhere.
export const PROBLEM_TYPES = {
  'invalid-parameter': { status: 400, title: 'Invalid request parameter' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'internal-error': { status: 500, title: 'Internal server error' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;
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

const problemDescriptions: Partial<Record<ContentfulStatusCode, string>> = {
  400: 'A parameter is missing, malformed, out of range or unknown; `invalidParams` names each one.',
  404: 'No published item has that slug.',
};

/** OpenAPI error responses for a route, all as problem+json. */
export function problemResponses<const S extends readonly (400 | 404)[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: problemDescriptions[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
      },
    ]),
  ) as { [K in S[number]]: { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } } };
}
