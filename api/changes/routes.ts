import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { CHANGES_RETENTION_DAYS } from '../../schema/changes.ts';
import { problemResponses } from '../errors.ts';
import { conditionalGetParameters, notModifiedResponse, readHeaders } from '../openapi.ts';
import { changeFeedExample } from './examples.ts';
import { ChangeFeedSchema, ChangesQuerySchema } from './schemas.ts';

export const listChanges = createRoute({
  method: 'get',
  path: '/changes',
  tags: ['Changes'],
  operationId: 'listChanges',
  summary: 'Changes to public content, for mirrors',
  description:
    'Every create, update, publish, unpublish and delete of public topics, services, analyses, events and the profile, in order. ' +
    'Each changed item appears once, at its latest change: as the public API shows it now in `lang` (store or replace it by ' +
    '`resource` and `id`), or as a tombstone when it is no longer public (remove it). Items that were never public never appear. ' +
    'Start without `since` (or, once older changes were pruned, from the full lists), then poll with `next`: applying the entries ' +
    `in order keeps an exact copy of the public content. Changes are kept ${CHANGES_RETENTION_DAYS} days; a \`since\` older than ` +
    'that answers `410`: read the full lists again, then poll from the `next` in that problem.',
  request: { query: ChangesQuerySchema },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The items changed after `since`, oldest change first.',
      headers: readHeaders,
      content: { 'application/json': { schema: ChangeFeedSchema, example: changeFeedExample } },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 410, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes: RouteConfig[] = [listChanges];
