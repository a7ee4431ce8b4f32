import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import { problemResponses } from '../errors.ts';
import { editorialRoutes } from '../lib/editorial-routes.ts';
import { slugParam } from '../lib/schemas.ts';
import { renamedResponse } from '../lib/slugs.ts';
import { conditionalGetParameters, notModifiedResponse, readHeaders } from '../openapi.ts';
import { editableTopicExample, topicExamples } from './examples.ts';
import {
  EditableTopicDetailSchema,
  TopicDetailSchema,
  TopicInputSchema,
  TopicListSchema,
  TopicPatchSchema,
  TopicQuerySchema,
} from './schemas.ts';
import { topicsResource } from './writes.ts';

export const listTopics = createRoute({
  method: 'get',
  path: '/topics',
  tags: ['Topics'],
  operationId: 'listTopics',
  summary: 'The topic taxonomy',
  description:
    'Every published topic, in editorial order. Services, analyses and events are tagged with these slugs; use them in `topic` filters.',
  request: { query: TopicQuerySchema },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'All topics (the list is short, so it is not paginated).',
      headers: readHeaders,
      content: { 'application/json': { schema: TopicListSchema, example: { data: topicExamples } } },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 401, 403, 500),
  },
});

export const getTopic = createRoute({
  method: 'get',
  path: '/topics/{slug}',
  tags: ['Topics'],
  operationId: 'getTopic',
  summary: 'One topic',
  description: 'A published topic by slug. Search results for topics link here.',
  request: { params: z.object({ slug: slugParam }), query: TopicQuerySchema },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The topic.',
      headers: readHeaders,
      content: { 'application/json': { schema: TopicDetailSchema, example: { data: topicExamples[1] } } },
    },
    301: renamedResponse,
    304: notModifiedResponse,
    ...problemResponses(400, 401, 403, 404, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes: RouteConfig[] = [listTopics, getTopic];

/** The editorial operations (api/lib/editorial-routes.ts): create, edit, change, delete, revisions, restore. */
export const topicEditorial = editorialRoutes({
  base: '/topics',
  tag: 'Topics',
  noun: 'Topic',
  resource: topicsResource,
  input: TopicInputSchema,
  patch: TopicPatchSchema,
  detail: EditableTopicDetailSchema,
  example: editableTopicExample,
});
routes.push(...topicEditorial.routes);
