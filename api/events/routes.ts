import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../errors.ts';
import { previewParam } from '../lib/auth.ts';
import { langParam } from '../lib/language.ts';
import { slugParam } from '../lib/schemas.ts';
import { renamedResponse } from '../lib/slugs.ts';
import { conditionalGetParameters, listHeaders, notModifiedResponse, readHeaders } from '../openapi.ts';
import { eventExample } from './examples.ts';
import { EventDetailSchema, EventListQuerySchema, EventListSchema } from './schemas.ts';

export const listEvents = createRoute({
  method: 'get',
  path: '/events',
  tags: ['Events'],
  operationId: 'listEvents',
  summary: 'Upcoming events',
  description: 'Published events that have not ended yet, soonest first (then by id, so the order is stable). Page through with `cursor`.',
  request: { query: EventListQuerySchema.extend({ preview: previewParam }) },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'A page of events.',
      headers: listHeaders,
      content: {
        'application/json': {
          schema: EventListSchema,
          example: {
            data: [eventExample],
            nextCursor: 'WyJzdGFydHNBdHwxNzk2MjE0NjAwMDAwIiwiODM4YmQzM2QtN2MzYy00YjViLThjN2EtZjE0ZTdkMTkyODBmIl0',
            total: 24,
            totalIsLowerBound: false,
            facets: {
              topic: [
                { value: 'organisatieontwikkeling', label: 'Organisational development', count: 6 },
                { value: 'vrijwilligerswerk', label: 'Volunteering', count: 5 },
              ],
              city: [{ value: 'Gent', label: 'Gent', count: 1 }],
            },
          } satisfies z.infer<typeof EventListSchema>,
        },
      },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 401, 403, 500),
  },
});

export const getEvent = createRoute({
  method: 'get',
  path: '/events/{slug}',
  tags: ['Events'],
  operationId: 'getEvent',
  summary: 'One event',
  description: 'A published event by slug, with all its sessions, venue, price, registration and topics.',
  request: {
    params: z.object({ slug: slugParam }),
    query: z.strictObject({ lang: langParam, preview: previewParam }),
  },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The event.',
      headers: readHeaders,
      content: {
        'application/json': { schema: EventDetailSchema, example: { data: eventExample } satisfies z.infer<typeof EventDetailSchema> },
      },
    },
    301: renamedResponse,
    304: notModifiedResponse,
    ...problemResponses(400, 401, 403, 404, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes = [listEvents, getEvent];
