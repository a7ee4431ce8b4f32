import { sql } from 'drizzle-orm';
import type { Lang } from '../../schema/columns.ts';
import type { SearchKind } from '../../schema/search-index.ts';
import type { Db } from '../env.ts';
import { ftsQuery } from '../lib/full-text.ts';

export interface SearchHit {
  kind: SearchKind;
  slug: string;
  lang: Lang;
  title: string;
  /** The text around the match, unescaped, with the match between \u0002 and \u0003. */
  snippet: string;
  /** How many published items match, over all pages. */
  total: number;
}

/**
 * How many matching index documents (one per item and language) a search ranks at most. Scoring every match of a
 * word that most items contain (hundreds of thousands of documents at 100,000 events) takes hundreds of
 * milliseconds; FTS5 streams matches cheaply, so the first SEARCH_CANDIDATES are ranked, and a search matching
 * more is told so by its `total` (at most this many) and narrowed by adding words.
 */
export const SEARCH_CANDIDATES = 1000;

/**
 * Published items whose text in `lang` (or Dutch) holds every word of `q`, one hit per item (its text in `lang`
 * preferred), best match first among the first {@link SEARCH_CANDIDATES} matching documents. Relevance has no
 * stable key to seek from, so pages are by `offset`.
 */
export function searchQuery(db: Db, lang: Lang, q: string, kinds: SearchKind[], limit: number, offset: number) {
  const kindFilter =
    kinds.length > 0
      ? sql`and kind in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})`
      : sql``;
  const match = ftsQuery(q);
  // One MATCH per request: a prefix word that most documents contain costs tens of milliseconds per evaluation
  // (FTS5 merges every matching term's list first), so snippets are made in the same scan as the ranking instead
  // of matching again per hit of the page (which took a second at 100,000 events). `materialized`: else SQLite
  // computes bm25() and snippet() again while sorting the candidates for the window, repositioning the FTS cursor
  // each time (seconds at 100,000 events).
  return db.all<SearchHit>(sql`
    with candidates as materialized (
      select kind, item_id, slug, lang, title, snippet(search_index, 5, char(2), char(3), '…', 16) as snippet,
             bm25(search_index, 0, 0, 0, 0, 8.0, 1.0) as rank
        from search_index
       where search_index match ${match} and lang in (${lang}, 'nl') ${kindFilter}
       limit ${SEARCH_CANDIDATES}
    ), picked as (
      select *, row_number() over (partition by kind, item_id order by (lang = ${lang}) desc, rank) as pick from candidates
    ), published as (
      select p.* from picked p
       where p.pick = 1 and case p.kind
         when 'event' then exists (select 1 from events x where x.id = p.item_id and x.status = 'published')
         when 'analysis' then exists (select 1 from analyses x where x.id = p.item_id and x.status = 'published')
         when 'service' then exists (select 1 from services x where x.id = p.item_id and x.status = 'published')
         when 'topic' then exists (select 1 from topics x where x.id = p.item_id and x.status = 'published')
       end
    )
    select kind, slug, lang, title, snippet, count(*) over () as total from published
     order by rank, kind, slug
     limit ${limit} offset ${offset}`);
}
