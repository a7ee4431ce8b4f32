import { escapeToBuffer } from 'hono/utils/html';
import { SEARCH_KINDS } from '../../schema/search-index.ts';
import { createRouter } from '../app.ts';
import { ApiError } from '../errors.ts';
import { enumValues } from '../lib/list-params.ts';
import { decodeCursor, encodeCursor, nextLink } from '../lib/pagination.ts';
import { searchQuery } from './queries.ts';
import { search } from './routes.ts';

export { routes } from './routes.ts';

const PATHS = { event: 'events', analysis: 'analyses', service: 'services', topic: 'topics' } as const;

/** Hono's own HTML escaper (the one `html` uses). */
function escapeHtml(text: string): string {
  const buffer = [''];
  escapeToBuffer(text, buffer);
  return buffer[0] ?? '';
}

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
