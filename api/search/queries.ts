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
  /** The indexed plain text, to cut the snippet from (api/search/snippet.ts). */
  body: string;
  /** How many published items match among the candidates, over all pages. */
  total: number;
  /** 1 when more texts match than the {@link SEARCH_CANDIDATES} looked at, so `total` is a lower bound. */
  more: number;
}

/**
 * How many matching index documents (one per item and language) a search looks at: the most recently written.
 * Every one costs a read of its row; and ranking all matches of a word most items contain (hundreds of thousands
 * of documents at 100,000 events) took hundreds of milliseconds, bm25() above all, whose document frequencies
 * walk every match before the first row. A search matching more says so (`totalIsLowerBound`) and is narrowed by
 * adding words.
 */
export const SEARCH_CANDIDATES = 200;

/**
 * Published items whose text in `lang` (or Dutch) holds every word of `q`, one hit per item (its text in `lang`
 * preferred), among the {@link SEARCH_CANDIDATES} most recently written matching documents. Best first: most
 * words in the title, then the shortest text (a word in a short text says more about it, as bm25 weighs it),
 * then kind and slug, so the order depends on the content alone. Relevance has no stable key to seek from, so
 * pages are by `offset`.
 *
 * One statement, one MATCH (a prefix word costs milliseconds per evaluation: FTS5 merges every matching term's
 * list first). FTS5 streams matches newest first without sorting them; per candidate only its unindexed columns
 * and highlight() of its short title are read, and the text of the page's rows alone is returned, for snippets
 * made in the Worker (snippet() ran for every candidate: most of a search's time).
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
  // `materialized`: else SQLite reads the FTS5 cursor again while sorting candidates for the window.
  return db.all<SearchHit>(sql`
    with candidates as materialized (
      select rowid as doc, kind, item_id, slug, lang, length(body) as size,
             length(highlight(search_index, 4, char(2), '')) - length(replace(highlight(search_index, 4, char(2), ''), char(2), '')) as title_hits
        from search_index
       where search_index match ${match} and lang in (${lang}, 'nl') ${kindFilter}
       order by rowid desc
       limit ${SEARCH_CANDIDATES + 1}
    ), looked_at as (
      select * from candidates order by doc desc limit ${SEARCH_CANDIDATES}
    ), picked as (
      select *, row_number() over (partition by kind, item_id order by (lang = ${lang}) desc, title_hits desc, size, doc) as pick
        from looked_at
    ), published as (
      select p.doc, p.kind, p.slug, p.lang, p.title_hits, p.size from picked p
       where p.pick = 1 and case p.kind
         when 'event' then exists (select 1 from events x where x.id = p.item_id and x.status = 'published')
         when 'analysis' then exists (select 1 from analyses x where x.id = p.item_id and x.status = 'published')
         when 'service' then exists (select 1 from services x where x.id = p.item_id and x.status = 'published')
         when 'topic' then exists (select 1 from topics x where x.id = p.item_id and x.status = 'published')
       end
    ), page as materialized (
      select *, count(*) over () as total from published
       order by title_hits desc, size, kind, slug
       limit ${limit} offset ${offset}
    )
    select page.kind, page.slug, page.lang, s.title, s.body, page.total,
           (select count(*) from candidates) > ${SEARCH_CANDIDATES} as more
      from page join search_index s on s.rowid = page.doc
     order by page.title_hits desc, page.size, page.kind, page.slug`);
}
