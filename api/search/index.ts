import { SEARCH_KINDS } from '../../schema/search-index.ts';
import { createRouter } from '../app.ts';
import { ApiError } from '../errors.ts';
import { enumValues } from '../lib/list-params.ts';
import { decodeCursor, encodeCursor, nextLink } from '../lib/pagination.ts';
import { searchQuery } from './queries.ts';
import { search } from './routes.ts';
import { queryWords, snippet } from './snippet.ts';

export { routes } from './routes.ts';

const PATHS = { event: 'events', analysis: 'analyses', service: 'services', topic: 'topics' } as const;

export const searchRouter = createRouter().openapi(search, async (c) => {
  const query = c.req.valid('query');
  const { db, lang } = c.var;
  const kinds = enumValues('kind', query.kind, SEARCH_KINDS);
  // Relevance order has no stable key to seek from, so this cursor is a position.
  const cursor = decodeCursor(query.cursor);
  const offset = cursor ? Number(cursor.key) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw ApiError.invalidParam('cursor', 'query', 'Not a search cursor.');
  const hits = await searchQuery(db, lang, query.q, kinds, query.limit + 1, offset);

  const origin = new URL(c.req.url).origin;
  const page = hits.slice(0, query.limit);
  const words = queryWords(query.q);
  const nextCursor = hits.length > query.limit ? encodeCursor({ key: offset + query.limit, id: '' }) : null;
  return c.json(
    {
      data: page.map((hit) => ({
        kind: hit.kind,
        slug: hit.slug,
        title: hit.title,
        snippet: snippet(hit.body, words),
        url: `${origin}/v1/${PATHS[hit.kind]}/${hit.slug}`,
        lang: hit.lang,
      })),
      nextCursor,
      total: hits[0]?.total ?? 0,
      totalIsLowerBound: Boolean(hits[0]?.more),
    },
    200,
    nextLink(c.req.url, nextCursor),
  );
});
