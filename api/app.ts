import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env.ts';
import { ApiError, PROBLEM_CONTENT_TYPE } from './errors.ts';
import { namedParameters } from './lib/list-params.ts';
import { registerSharedComponents } from './openapi.ts';

/** A router whose request validation failures become 400 problems naming each parameter. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw ApiError.fromZod(result.error, result.target);
    },
  });
}

/** The only place an error response is written. */
export function problem(c: Context, error: ApiError): Response {
  return new Response(JSON.stringify(error.toProblem(new URL(c.req.url).pathname)), {
    status: error.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Content-Language': 'en' },
  });
}

export function createApp() {
  const app = createRouter();
  registerSharedComponents(app.openAPIRegistry);
  app.use('*', namedParameters);
  app.notFound((c) => problem(c, new ApiError('not-found', `Nothing is served at ${c.req.method} ${new URL(c.req.url).pathname}.`)));
  app.onError((err, c) => {
    if (err instanceof ApiError) return problem(c, err);
    if (err instanceof HTTPException && err.status < 500) {
      return problem(
        c,
        err.status === 405 ? new ApiError('method-not-allowed', err.message) : ApiError.invalidParam('request', 'body', err.message),
      );
    }
    // Unexpected: log for the operator, tell the client nothing internal.
    console.error(`${c.req.method} ${c.req.url}`, err);
    return problem(c, new ApiError('internal-error', 'Something went wrong on our side. Please try again later.'));
  });
  return app;
}
