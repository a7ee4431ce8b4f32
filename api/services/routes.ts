import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../errors.ts';
import { slugParam } from '../lib/schemas.ts';
import { renamedResponse } from '../lib/slugs.ts';
import { conditionalGetParameters, listHeaders, notModifiedResponse, readHeaders } from '../openapi.ts';
import { serviceExample } from './examples.ts';
import { ServiceDetailQuerySchema, ServiceDetailSchema, ServiceListQuerySchema, ServiceListSchema } from './schemas.ts';

export const listServices = createRoute({
  method: 'get',
  path: '/services',
  tags: ['Services'],
  operationId: 'listServices',
  summary: 'The service catalogue',
  description: 'What Socius offers (trainings, workshops, inspiration days, networks, tailor-made support, research), in editorial order.',
  request: { query: ServiceListQuerySchema },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'A page of services.',
      headers: listHeaders,
      content: {
        'application/json': {
          schema: ServiceListSchema,
          example: { data: [serviceExample], nextCursor: 'WzEsImRjMWYxNjkzLTNmMmItNDQ5MC1hYWFlLThkYzY2MzRhZjFjNSJd', total: 7 },
        },
      },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 500),
  },
});

export const getService = createRoute({
  method: 'get',
  path: '/services/{slug}',
  tags: ['Services'],
  operationId: 'getService',
  summary: 'One service',
  description: 'A published service by slug.',
  request: { params: z.object({ slug: slugParam }), query: ServiceDetailQuerySchema },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The service.',
      headers: readHeaders,
      content: { 'application/json': { schema: ServiceDetailSchema, example: { data: serviceExample } } },
    },
    301: renamedResponse,
    304: notModifiedResponse,
    ...problemResponses(400, 404, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes = [listServices, getService];
