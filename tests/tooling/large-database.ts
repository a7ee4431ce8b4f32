// A database at the benchmark's scale, built in seconds for tests of query plans and query times: the real
// migrations (triggers included, so event_counts is filled as in production), the real seed, then 100,000
// events with translations, sessions and topics, 10,000 analyses, and a search index in which common words
// match most items (word ranks drawn Zipf-like), all written by SQL inside SQLite.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { d1Runner } from '../../schema/db.ts';
import { SqliteFileD1 } from '../../scripts/bench/sqlite-d1.ts';
import { seed } from '../../scripts/seed/index.ts';

const MIGRATIONS = join(import.meta.dirname, '..', '..', 'schema', 'migrations');
/** The word most items contain, as the benchmark's search asks for. */
export const COMMON_WORD = 'vrijwilligers';

export interface LargeDatabase {
  file: SqliteFileD1;
  now: Date;
  close: () => void;
}

export async function largeDatabase(events = 100_000, analyses = 10_000): Promise<LargeDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'socius-large-'));
  const file = new SqliteFileD1(join(folder, 'db.sqlite'));
  const now = new Date();
  for (const name of readdirSync(MIGRATIONS)
    .filter((entry) => entry.endsWith('.sql'))
    .sort()) {
    await file.exec(readFileSync(join(MIGRATIONS, name), 'utf8'));
  }
  await seed(d1Runner(file.asD1()), { now });
  const t = now.getTime();
  await file.exec(`
    create temp table generate_n(i integer primary key);
    with recursive c(i) as (select 0 union all select i + 1 from c where i + 1 < ${Math.max(events, analyses, 24)}) insert into generate_n select i from c;
    create temp table ids as select id, row_number() over (order by id) - 1 as k from topics;
    insert into events (id, slug, status, event_status, attendance_mode, starts_at, ends_at, city, postal_code,
                        organiser_name, is_free, availability, created_at, updated_at)
      select printf('big-%06d', i), printf('big-event-%06d', i), case when i % 25 = 0 then 'draft' else 'published' end,
             case when i % 40 = 0 then 'cancelled' else 'scheduled' end, case i % 3 when 0 then 'offline' when 1 then 'online' else 'mixed' end,
             ${t} - 86400000 * 20 + i * 630000, ${t} - 86400000 * 20 + i * 630000 + 7200000 * (1 + i % 3),
             case i % 8 when 0 then 'Gent' when 1 then 'Antwerpen' when 2 then 'Brussel' when 3 then 'Leuven' when 4 then 'Brugge'
                        when 5 then 'Hasselt' when 6 then 'Mechelen' else null end,
             printf('%04d', 1000 + i % 8 * 1000), 'Organisatie ' || (i % 50), i % 2, 'available', ${t}, ${t} - i * 1000
        from generate_n where i < ${events};
    insert into event_translations (event_id, lang, title, summary)
      select e.id, l.lang, 'Activiteit ' || e.slug, null from events e, (select 'nl' as lang union all select 'fr') l where e.id like 'big-%';
    insert into event_sessions (id, event_id, position, starts_at, ends_at, status)
      select 's-' || id, id, 0, starts_at, ends_at, event_status from events where id like 'big-%';
    insert into event_topics (event_id, topic_id)
      select e.id, t.id from events e join ids t on t.k in (cast(substr(e.id, 5) as integer) % (select count(*) from ids),
                                                            (cast(substr(e.id, 5) as integer) * 7 + 3) % (select count(*) from ids))
       where e.id like 'big-%';
    insert into analyses (id, slug, status, published_at, created_at, updated_at)
      select printf('big-a-%06d', i), printf('big-analysis-%06d', i), 'published', ${t} - i * 3600000, ${t}, ${t}
        from generate_n where i < ${analyses};
    insert into analysis_translations (analysis_id, lang, title) select id, 'nl', 'Analyse ' || slug from analyses where id like 'big-a-%';
    insert into analysis_topics (analysis_id, topic_id)
      select a.id, t.id from analyses a join ids t on t.k = cast(substr(a.id, 7) as integer) % (select count(*) from ids) where a.id like 'big-a-%';
  `);
  // Each item in Dutch and French; replaced per row so every document draws its own words.
  await file.exec(`
    create temp view generate_24 as select i from generate_n where i < 24;
    insert into search_index (kind, item_id, slug, lang, title, body)
      select 'event', e.id, e.slug, l.lang, 'Activiteit ' || e.slug,
             case when abs(random()) % 100 < 80 then '${COMMON_WORD} ' else '' end ||
             (select group_concat('woord' || (abs(random()) % (1 + abs(random()) % 3000)), ' ') from generate_24 g where g.i >= 0 and e.rowid > 0)
        from events e, (select 'nl' as lang union all select 'fr') l where e.id like 'big-%';
    insert into search_index (kind, item_id, slug, lang, title, body)
      select 'analysis', a.id, a.slug, 'nl', 'Analyse ' || a.slug,
             case when abs(random()) % 100 < 80 then '${COMMON_WORD} ' else '' end ||
             (select group_concat('woord' || (abs(random()) % (1 + abs(random()) % 3000)), ' ') from generate_24 g where g.i >= 0 and a.rowid > 0)
        from analyses a where a.id like 'big-a-%';
    insert into search_rows (doc, kind, item_id) select rowid, kind, item_id from search_index where item_id like 'big-%';
  `);
  // No ANALYZE: a D1 database has no statistics unless someone runs it, and without them SQLite once chose to sort
  // every upcoming event for each page. Plans are checked as production gets them.
  return {
    file,
    now,
    close: () => {
      file.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
