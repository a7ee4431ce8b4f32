// Limits on the size of a request, checked before any route reads it: a body over MAX_BODY_BYTES is a 413 before
// it is parsed, a query string over MAX_QUERY_LENGTH a 400 before any parameter is validated. Both are stated in
// the OpenAPI document (`x-request-limits`, the info description, a 413 on every write) by `documentRequestLimits`.
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { ApiError, PROBLEM_CONTENT_TYPE } from '../errors.ts';
import { MAX_VALUES } from './list-params.ts';

/**
 * The largest request body, in bytes as sent. The biggest real analysis (every section in three languages) is a
 * small fraction of it; D1 keeps a row under 2 MB, which a body under this bound cannot exceed.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The longest query string, in characters as sent (percent-encoded, without the `?`). Generous for any filter a
 * person or a widget builds, and well under what proxies and CDNs accept for a whole URL (8–16 KB).
 */
export const MAX_QUERY_LENGTH = 4096;

/** A body over {@link MAX_BODY_BYTES} (by `Content-Length`, or counted while streaming) is a 413 problem. */
export const requestBodyLimit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError('payload-too-large', `The request body is larger than ${MAX_BODY_BYTES} bytes, the most this API accepts.`);
  },
});

/** A query string over {@link MAX_QUERY_LENGTH} characters is a 400 problem naming the query string. */
export const queryLengthLimit = createMiddleware(async (c, next) => {
  // A request URL carries no fragment, so everything after the first `?` is the query string.
  const url = c.req.url;
  const start = url.indexOf('?');
  const length = start === -1 ? 0 : url.length - start - 1;
  if (length > MAX_QUERY_LENGTH) {
    throw ApiError.invalidParam(
      '(query string)',
      'query',
      `The query string is ${length} characters long; at most ${MAX_QUERY_LENGTH} are accepted.`,
    );
  }
  await next();
});

/** The limits as the OpenAPI document states them (`x-request-limits` at the top level). */
export const REQUEST_LIMITS = {
  maxBodyBytes: MAX_BODY_BYTES,
  maxQueryLength: MAX_QUERY_LENGTH,
  maxValuesPerParameter: MAX_VALUES,
} as const;

const LIMITS_TEXT =
  `Request limits: a body of at most ${MAX_BODY_BYTES} bytes (larger: \`413\`), a query string of at most ${MAX_QUERY_LENGTH} ` +
  `characters as sent (longer: \`400\`), at most ${MAX_VALUES} values in one multi-value filter (more: \`400\`), and a \`cursor\` ` +
  'only as this API issued it (anything else: `400`). The same numbers are in `x-request-limits`.';

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;

interface OperationShape {
  responses?: Record<string, unknown>;
}
interface DocumentShape {
  info: { description?: string };
  paths?: Record<string, Partial<Record<(typeof WRITE_METHODS)[number], OperationShape>> | undefined>;
}

/**
 * The generated document with the request limits written in: the numbers in `x-request-limits` and the info
 * description, and a 413 problem response on every write operation (so a new write route is covered by itself).
 */
export function documentRequestLimits<D extends DocumentShape>(document: D): D & { 'x-request-limits': typeof REQUEST_LIMITS } {
  document.info.description = `${document.info.description ?? ''}\n\n${LIMITS_TEXT}`.trim();
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of WRITE_METHODS) {
      const operation = item?.[method];
      if (operation) operation.responses = { ...operation.responses, 413: PAYLOAD_TOO_LARGE_RESPONSE };
    }
  }
  return Object.assign(document, { 'x-request-limits': REQUEST_LIMITS });
}

const PAYLOAD_TOO_LARGE_RESPONSE = {
  description: `The request body is larger than ${MAX_BODY_BYTES} bytes. Nothing was read or written.`,
  content: {
    [PROBLEM_CONTENT_TYPE]: {
      schema: { $ref: '#/components/schemas/Problem' },
      example: new ApiError(
        'payload-too-large',
        `The request body is larger than ${MAX_BODY_BYTES} bytes, the most this API accepts.`,
      ).toProblem(),
    },
  },
};
