import { createRoute } from '@hono/zod-openapi';
import { problemResponses } from '../errors.ts';
import { conditionalGetParameters, notModifiedResponse, readHeaders } from '../openapi.ts';
import { aboutExample } from './examples.ts';
import { AboutDetailSchema, AboutQuerySchema } from './schemas.ts';

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
    ...problemResponses(400, 404, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes = [getAbout];
