// Keeps the FTS5 `search_index` (schema/migrations/0001_search_index.sql) in step with the content: one row
// per item and language holding plain text. Rebuilt from the translation tables, so it can always be
// recreated from scratch (after a restore, or an export that needed it dropped).
import type { SqlRunner } from './db.ts';

export const SEARCH_KINDS = ['event', 'analysis', 'service', 'topic'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Text for indexing only (never for display): tags dropped, entities for the characters we write decoded. */
export function plainText(html: string | null): string {
  if (!html) return '';
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Source {
  kind: SearchKind;
  item_id: string;
  slug: string;
  lang: string;
  title: string | null;
  body: string | null;
}

// Each kind's text per language, in one query; `group_concat` gathers analysis sections in order.
const SOURCES = `
  select 'event' as kind, e.id as item_id, e.slug, t.lang, t.title,
         concat_ws(' ', t.summary, t.description, t.audience, e.city, e.organiser_name) as body
    from events e join event_translations t on t.event_id = e.id
  union all
  select 'service', s.id, s.slug, t.lang, t.title, concat_ws(' ', t.summary, t.description, t.audience)
    from services s join service_translations t on t.service_id = s.id
  union all
  select 'topic', tp.id, tp.slug, t.lang, t.name, t.description
    from topics tp join topic_translations t on t.topic_id = tp.id
  union all
  select 'analysis', a.id, a.slug, t.lang, t.title,
         concat_ws(' ', t.summary, (
           select group_concat(concat_ws(' ', st.heading, st.body), ' ')
             from (select st.heading, st.body from analysis_sections sec
                   join analysis_section_translations st on st.section_id = sec.id and st.lang = t.lang
                   where sec.analysis_id = a.id order by sec.position) st))
    from analyses a join analysis_translations t on t.analysis_id = a.id`;

/**
 * Rebuilds the whole index in one atomic batch. Small enough for Socius' content (hundreds of items).
 * Takes a runner, not drizzle: search_index is not a drizzle table (drizzle has no FTS5), and the seed
 * rebuilds it on a remote database through wrangler's CLI as well as through a D1 binding.
 */
export async function rebuildSearchIndex(runner: SqlRunner): Promise<number> {
  const rows = await runner.all<Source>(SOURCES);
  const insert = 'insert into search_index (kind, item_id, slug, lang, title, body) values (?, ?, ?, ?, ?, ?)';
  // search_rows (migrations/0016_search_rows.sql) maps each row to its item, as api/lib/content-writes.ts writes it.
  const map = 'insert into search_rows (doc, kind, item_id) values (last_insert_rowid(), ?, ?)';
  await runner.batch([
    { sql: 'delete from search_index', params: [] },
    { sql: 'delete from search_rows', params: [] },
    ...rows.flatMap((row) => [
      { sql: insert, params: [row.kind, row.item_id, row.slug, row.lang, row.title ?? '', plainText(row.body)] },
      { sql: map, params: [row.kind, row.item_id] },
    ]),
  ]);
  return rows.length;
}
