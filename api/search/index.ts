import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { LANGS } from '../../schema/columns.ts';
import { SEARCH_KINDS } from '../../schema/search-index.ts';
import { createRouter } from '../app.ts';
import { ApiError, problemResponses } from '../errors.ts';
import { langParam } from '../lib/language.ts';
import { enumValues, multiParam } from '../lib/list-params.ts';
import { cursorParam, decodeCursor, encodeCursor, limitParam, nextCursorField, nextLink } from '../lib/pagination.ts';
import { EXAMPLE_ORIGIN } from '../lib/schemas.ts';
import { conditionalGetParameters, listHeaders, notModifiedResponse } from '../openapi.ts';

/**
 * Turns what a person typed into an FTS5 query: every word must occur, as a word or the start of one.
 * Quoting each token keeps FTS5 syntax (NEAR, AND, *, ^, quotes) from being injected.
 */
export function ftsQuery(q: string): string {
  const tokens = q.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (tokens.length === 0) throw ApiError.invalidParam('q', 'query', 'Give at least one word to search for.');
  return tokens
    .slice(0, 12)
    .map((token) => `"${token}"*`)
    .join(' ');
}

const PATHS = { event: 'events', analysis: 'analyses', service: 'services', topic: 'topics' } as const;

const SearchResultSchema = z
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

const SearchResultsSchema = z
  .object({ data: z.array(SearchResultSchema), nextCursor: nextCursorField, total: z.number().int() })
  .openapi('SearchResults');

const search = createRoute({
  method: 'get',
  path: '/search',
  tags: ['Search'],
  operationId: 'search',
  summary: 'Search all content',
  description:
    'Full-text search over the published events, analyses, services and topics in the requested language, with Dutch as fallback. ' +
    'Every word must match, as a whole word or the start of one (`vrijwilligers` finds `vrijwilligerswerk`); accents are ignored ' +
    '(`reseau` finds `réseau`). Best matches first, titles weighing more than body text.',
  request: {
    query: z.strictObject({
      q: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .openapi({ param: { name: 'q', in: 'query' }, description: 'What to search for.', example: 'vrijwilligers' }),
      kind: multiParam('kind', `Only these kinds: ${SEARCH_KINDS.join(', ')}.`, 'event,analysis'),
      lang: langParam,
      limit: limitParam,
      cursor: cursorParam,
    }),
  },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'Matches, best first.',
      headers: listHeaders,
      content: {
        'application/json': {
          schema: SearchResultsSchema,
          example: {
            data: [
              {
                kind: 'event',
                slug: 'bedankavond-vrijwilligers-gent',
                title: 'Thank-you evening for volunteers (Ghent)',
                snippet: 'A festive evening to put <mark>volunteers</mark> from Ghent associations in the spotlight…',
                url: `${EXAMPLE_ORIGIN}/v1/events/bedankavond-vrijwilligers-gent`,
                lang: 'en',
              },
              {
                kind: 'service',
                slug: 'vorming-vrijwilligersbeleid',
                title: 'Training: building a strong volunteering policy',
                snippet: 'A multi-part training course on how to attract, support and retain <mark>volunteers</mark>.',
                url: `${EXAMPLE_ORIGIN}/v1/services/vorming-vrijwilligersbeleid`,
                lang: 'en',
              },
            ],
            nextCursor: 'WzIsIiJd',
            total: 26,
          } satisfies z.infer<typeof SearchResultsSchema>,
        },
      },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes = [search];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Hit {
  kind: (typeof SEARCH_KINDS)[number];
  slug: string;
  lang: (typeof LANGS)[number];
  title: string;
  snippet: string;
  total: number;
}

export const searchRouter = createRouter().openapi(search, async (c) => {
  const query = c.req.valid('query');
  const { db, lang } = c.var;
  const kinds = enumValues('kind', query.kind, SEARCH_KINDS);
  const match = ftsQuery(query.q);
  // Relevance order has no stable key to seek from, so this cursor is a position.
  const cursor = decodeCursor(query.cursor);
  const offset = cursor ? Number(cursor.key) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw ApiError.invalidParam('cursor', 'query', 'Not a search cursor.');
  const kindFilter =
    kinds.length > 0
      ? sql`and kind in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})`
      : sql``;

  const hits = await db.all<Hit>(sql`
    with hits as (
      select kind, item_id, slug, lang, title,
             snippet(search_index, 5, char(2), char(3), '…', 16) as snippet,
             bm25(search_index, 0, 0, 0, 0, 8.0, 1.0) as rank
        from search_index
       where search_index match ${match} and lang in (${lang}, 'nl') ${kindFilter}
    ), picked as (
      select *, row_number() over (partition by kind, item_id order by (lang = ${lang}) desc, rank) as pick from hits
    ), published as (
      select p.* from picked p
       where p.pick = 1 and case p.kind
         when 'event' then exists (select 1 from events x where x.id = p.item_id and x.status = 'published')
         when 'analysis' then exists (select 1 from analyses x where x.id = p.item_id and x.status = 'published')
         when 'service' then exists (select 1 from services x where x.id = p.item_id and x.status = 'published')
         when 'topic' then exists (select 1 from topics x where x.id = p.item_id and x.status = 'published')
       end
    )
    select kind, slug, lang, title, snippet, count(*) over () as total
      from published order by rank, kind, slug
     limit ${query.limit + 1} offset ${offset}`);

  const origin = new URL(c.req.url).origin;
  const page = hits.slice(0, query.limit);
  const nextCursor = hits.length > query.limit ? encodeCursor({ key: offset + query.limit, id: '' }) : null;
  return c.json(
    {
      data: page.map((hit) => ({
        kind: hit.kind,
        slug: hit.slug,
        title: hit.title,
        snippet: escapeHtml(hit.snippet).replaceAll('\u0002', '<mark>').replaceAll('\u0003', '</mark>'),
        url: `${origin}/v1/${PATHS[hit.kind]}/${hit.slug}`,
        lang: hit.lang,
      })),
      nextCursor,
      total: hits[0]?.total ?? 0,
    },
    200,
    nextLink(c.req.url, nextCursor),
  );
});
