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
 * stable key to seek from, so pages are by `offset`. Snippets are made for the page's rows only.
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
  return db.all<SearchHit>(sql`
    with candidates as (
      select rowid as doc, kind, item_id, slug, lang, bm25(search_index, 0, 0, 0, 0, 8.0, 1.0) as rank
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
    ), page as (
      select doc, rank, kind, slug, count(*) over () as total from published
       order by rank, kind, slug
       limit ${limit} offset ${offset}
    )
    select s.kind, s.slug, s.lang, s.title, snippet(search_index, 5, char(2), char(3), '…', 16) as snippet, page.total
      from page join search_index s on s.rowid = page.doc
     where search_index match ${match}
     order by page.rank, page.kind, page.slug`);
}
