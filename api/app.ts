import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env.ts';
import { ApiError, apiErrorIn, PROBLEM_CONTENT_TYPE } from './errors.ts';
import { namedParameters } from './lib/list-params.ts';
import { queryLengthLimit, requestBodyLimit } from './lib/request-limits.ts';
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
export function problem(c: Context, error: ApiError, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(error.toProblem(new URL(c.req.url).pathname)), {
    status: error.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Content-Language': 'en', ...headers },
  });
}

const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The methods a route (not just middleware) answers at `path`, in the order an `Allow` header lists them;
 * empty when nothing is served there. Hono answers HEAD with the GET route, so HEAD goes wherever GET does.
 */
export function routeMethods(app: OpenAPIHono<AppEnv>, path: string): string[] {
  // Hono stores each handler with its route, whose method is 'ALL' for middleware added with `use`.
  const answered = (method: string) => app.router.match(method, path)[0].some(([[, route]]) => route.method !== 'ALL');
  const allowed: string[] = ROUTE_METHODS.filter(answered);
  if (allowed.includes('GET')) allowed.splice(allowed.indexOf('GET') + 1, 0, 'HEAD');
  return allowed;
}

/** 405 with `Allow` when the path has routes for other methods, else 404. */
async function noRoute(app: OpenAPIHono<AppEnv>, c: Context<AppEnv>): Promise<Response> {
  const path = new URL(c.req.url).pathname;
  const allow = routeMethods(app, path);
  if (allow.length === 0) return problem(c, new ApiError('not-found', `Nothing is served at ${c.req.method} ${path}.`));
  // OPTIONS is answered by CORS middleware, not by a route; ask the app itself whether it answers it here.
  if (c.req.method !== 'OPTIONS') {
    const preflight = await app.fetch(new Request(c.req.url, { method: 'OPTIONS' }), c.env);
    if (preflight.ok) allow.push('OPTIONS');
  }
  const detail = `${c.req.method} is not allowed at ${path}; it answers ${allow.join(', ')}.`;
  return problem(c, new ApiError('method-not-allowed', detail), { Allow: allow.join(', ') });
}

export function createApp() {
  const app = createRouter();
  registerSharedComponents(app.openAPIRegistry);
  app.use('*', queryLengthLimit, requestBodyLimit, namedParameters);
  app.notFound((c) => noRoute(app, c));
  app.onError((err, c) => {
    if (err instanceof ApiError) return problem(c, err, err.headers);
    // Thrown below a library (a D1 call inside drizzle): still the problem it names, such as the 503 of a database outage.
    const wrapped = apiErrorIn(err);
    if (wrapped) return problem(c, wrapped, wrapped.headers);
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
