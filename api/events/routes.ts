import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../errors.ts';
import { langParam } from '../lib/language.ts';
import { slugParam } from '../lib/schemas.ts';
import { EventDetailSchema, EventListQuerySchema, EventListSchema } from './schemas.ts';

export const listEvents = createRoute({
  method: 'get',
  path: '/events',
  tags: ['Events'],
  operationId: 'listEvents',
  summary: 'Upcoming events',
  description:
    'Published events that have not ended yet, soonest first (then by id, so the order is stable). Page through with `cursor`.',
  request: { query: EventListQuerySchema },
  responses: {
    200: { description: 'A page of events.', content: { 'application/json': { schema: EventListSchema } } },
    ...problemResponses(400),
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
    query: z.strictObject({ lang: langParam }),
  },
  responses: {
    200: { description: 'The event.', content: { 'application/json': { schema: EventDetailSchema } } },
    ...problemResponses(400, 404),
  },
});
