import { createRoute } from '@hono/zod-openapi';
import { problemResponses } from '../errors.ts';
import { conditionalGetParameters, listHeaders, notModifiedResponse } from '../openapi.ts';
import { searchResultsExample } from './examples.ts';
import { SearchQuerySchema, SearchResultsSchema } from './schemas.ts';

export const search = createRoute({
  method: 'get',
  path: '/search',
  tags: ['Search'],
  operationId: 'search',
  summary: 'Search all content',
  description:
    'Full-text search over the published events, analyses, services and topics in the requested language, with Dutch as fallback. ' +
    'Every word must match, as a whole word or the start of one (`vrijwilligers` finds `vrijwilligerswerk`); accents are ignored ' +
    '(`reseau` finds `réseau`). Best matches first: most words in the title, then the shortest text. ' +
    'A search looks at the matching texts changed last only (see `totalIsLowerBound`), so it stays fast for words most items contain.',
  request: { query: SearchQuerySchema },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'Matches, best first.',
      headers: listHeaders,
      content: { 'application/json': { schema: SearchResultsSchema, example: searchResultsExample } },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes = [search];
