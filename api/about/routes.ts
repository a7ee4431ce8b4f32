import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { problemResponses } from '../errors.ts';
import { editorialRoutes } from '../lib/editorial-routes.ts';
import { conditionalGetParameters, notModifiedResponse, readHeaders } from '../openapi.ts';
import { aboutExample, editableAboutExample } from './examples.ts';
import { AboutDetailSchema, AboutInputSchema, AboutPatchSchema, AboutQuerySchema, EditableAboutDetailSchema } from './schemas.ts';
import { aboutResource, locateAbout } from './writes.ts';

export const getAbout = createRoute({
  method: 'get',
  path: '/about',
  tags: ['About'],
  operationId: 'getAbout',
  summary: 'The organisation profile',
  description: 'Who Socius is, what it offers and to whom, its region, subsidiser, contact and social links.',
  request: { query: AboutQuerySchema },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The profile.',
      headers: readHeaders,
      content: { 'application/json': { schema: AboutDetailSchema, example: { data: aboutExample } } },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 401, 403, 404, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes: RouteConfig[] = [getAbout];

/** The editorial operations on the one profile (api/lib/editorial-routes.ts). */
export const aboutEditorial = editorialRoutes({
  base: '/about',
  tag: 'About',
  noun: 'About',
  resource: aboutResource,
  input: AboutInputSchema,
  patch: AboutPatchSchema,
  detail: EditableAboutDetailSchema,
  example: editableAboutExample,
  singleton: { locate: locateAbout },
});
routes.push(...aboutEditorial.routes);
