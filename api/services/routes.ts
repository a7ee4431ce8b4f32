import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import { problemResponses } from '../errors.ts';
import { previewParam } from '../lib/auth.ts';
import { editorialRoutes } from '../lib/editorial-routes.ts';
import { slugParam } from '../lib/schemas.ts';
import { renamedResponse } from '../lib/slugs.ts';
import { conditionalGetParameters, listHeaders, notModifiedResponse, readHeaders } from '../openapi.ts';
import { editableServiceExample, serviceExample } from './examples.ts';
import {
  EditableServiceDetailSchema,
  ServiceDetailQuerySchema,
  ServiceDetailSchema,
  ServiceInputSchema,
  ServiceListQuerySchema,
  ServiceListSchema,
  ServicePatchSchema,
} from './schemas.ts';
import { servicesResource } from './writes.ts';

export const listServices = createRoute({
  method: 'get',
  path: '/services',
  tags: ['Services'],
  operationId: 'listServices',
  summary: 'The service catalogue',
  description: 'What Socius offers (trainings, workshops, inspiration days, networks, tailor-made support, research), in editorial order.',
  request: { query: ServiceListQuerySchema.extend({ preview: previewParam }) },
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
    ...problemResponses(400, 401, 403, 500),
  },
});

export const getService = createRoute({
  method: 'get',
  path: '/services/{slug}',
  tags: ['Services'],
  operationId: 'getService',
  summary: 'One service',
  description: 'A published service by slug.',
  request: { params: z.object({ slug: slugParam }), query: ServiceDetailQuerySchema.extend({ preview: previewParam }) },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The service.',
      headers: readHeaders,
      content: { 'application/json': { schema: ServiceDetailSchema, example: { data: serviceExample } } },
    },
    301: renamedResponse,
    304: notModifiedResponse,
    ...problemResponses(400, 401, 403, 404, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes: RouteConfig[] = [listServices, getService];

/** The editorial operations (api/lib/editorial-routes.ts): create, edit, change, delete, revisions, restore. */
export const serviceEditorial = editorialRoutes({
  base: '/services',
  tag: 'Services',
  noun: 'Service',
  resource: servicesResource,
  input: ServiceInputSchema,
  patch: ServicePatchSchema,
  detail: EditableServiceDetailSchema,
  example: editableServiceExample,
});
routes.push(...serviceEditorial.routes);
