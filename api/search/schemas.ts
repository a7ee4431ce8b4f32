import { z } from '@hono/zod-openapi';
import { LANGS } from '../../schema/columns.ts';
import { SEARCH_KINDS } from '../../schema/search-index.ts';
import { qParam } from '../lib/full-text.ts';
import { langParam } from '../lib/language.ts';
import { enumMultiParam } from '../lib/list-params.ts';
import { cursorParam, limitParam, nextCursorField } from '../lib/pagination.ts';
import { SEARCH_CANDIDATES } from './queries.ts';

export const SearchResultSchema = z
  .object({
    kind: z.enum(SEARCH_KINDS).openapi({ description: 'What kind of content this is.', example: 'event' }),
    slug: z.string().openapi({ example: 'vrijwilligersbeleid-op-maat-gent' }),
    title: z.string(),
    snippet: z.string().openapi({
      description: 'A short extract around the match, HTML-escaped, with matches in `<mark>`; safe to insert as HTML.',
      example: 'Een goed <mark>vrijwilligers</mark>beleid begint bij…',
    }),
    url: z.url().openapi({ description: 'The item in this API.' }),
    lang: z
      .enum(LANGS)
      .openapi({ description: 'The language the match was found in (Dutch when the item has no text in the requested one).' }),
  })
  .openapi('SearchResult');

export const SearchResultsSchema = z
  .object({
    data: z.array(SearchResultSchema),
    nextCursor: nextCursorField,
    total: z
      .number()
      .int()
      .openapi({
        description: `How many published items match, exact unless \`totalIsLowerBound\`. A search looks at the ${SEARCH_CANDIDATES} matching texts (one per item and language) changed last, and counts and ranks those; add words to narrow a search whose words most items contain.`,
      }),
    totalIsLowerBound: z.boolean().openapi({
      description: `True when more than ${SEARCH_CANDIDATES} texts match, so more items may match than \`total\` says and the results come from the ${SEARCH_CANDIDATES} changed last.`,
      example: false,
    }),
  })
  .openapi('SearchResults');
export type SearchResults = z.infer<typeof SearchResultsSchema>;

export const SearchQuerySchema = z.strictObject({
  q: qParam('What to search for.', 'vrijwilligers'),
  kind: enumMultiParam('kind', SEARCH_KINDS, 'Only these kinds.', 'event,analysis'),
  lang: langParam,
  limit: limitParam,
  cursor: cursorParam,
});
