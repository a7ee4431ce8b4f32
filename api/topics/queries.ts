import { and, asc, eq, exists, inArray, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Lang, WorkflowStatus } from '../../schema/columns.ts';
import { topics, topicTranslations } from '../../schema/topics.ts';
import type { Db } from '../env.ts';
import { toBrusselsIso } from '../lib/brussels-time.ts';
import { inIds } from '../lib/id-list.ts';
import { fallbackFields, localisedSelect } from '../lib/translations.ts';
import type { TopicBody } from './schemas.ts';

const TEXT_FIELDS = ['name', 'description'] as const;

/** Published topics (or, for an editor's preview, those in `statuses`) in editorial order, narrowed by `where`. */
export function topicQuery(db: Db, lang: Lang, where: SQL | undefined, statuses: readonly WorkflowStatus[] = ['published']) {
  return localisedSelect(
    db,
    lang,
    { table: topics, id: topics.id, translations: topicTranslations, owner: 'topicId', fields: TEXT_FIELDS },
    { id: topics.id, slug: topics.slug, updatedAt: topics.updatedAt },
  )
    .where(
      and(
        statuses.length === 1 && statuses[0] === 'published' ? eq(topics.status, 'published') : inArray(topics.status, [...statuses]),
        where,
      ),
    )
    .orderBy(asc(topics.position), asc(topics.id));
}
type TopicRow = Awaited<ReturnType<typeof topicQuery>>[number];

export function toTopic(row: TopicRow, lang: Lang, origin: string): TopicBody {
  return {
    id: row.id,
    slug: row.slug,
    url: `${origin}/v1/topics/${row.slug}`,
    name: row.name ?? row.slug,
    description: row.description,
    updatedAt: toBrusselsIso(row.updatedAt),
    meta: { lang, fallback: fallbackFields(row, TEXT_FIELDS) },
  };
}

/** Published topics of the given items, by item id, named in `lang` (Dutch where missing). */
export function topicRefsQuery(
  db: Db,
  link: SQLiteTable & { topicId: SQLiteColumn },
  owner: SQLiteColumn,
  ids: readonly string[] | SQL,
  lang: Lang,
) {
  return localisedSelect(
    db,
    lang,
    { table: topics, id: topics.id, translations: topicTranslations, owner: 'topicId', fields: ['name'] as const, prefix: 'topic_' },
    { ownerId: owner, slug: topics.slug },
  )
    .innerJoin(link, eq(link.topicId, topics.id))
    .where(and(eq(topics.status, 'published'), inIds(owner, ids)))
    .orderBy(asc(topics.position));
}

export function groupTopicRefs(rows: { ownerId: unknown; slug: string; name: string | null }[]) {
  const byOwner = new Map<string, { slug: string; name: string }[]>();
  for (const row of rows) {
    const list = byOwner.get(String(row.ownerId)) ?? [];
    list.push({ slug: row.slug, name: row.name ?? row.slug });
    byOwner.set(String(row.ownerId), list);
  }
  return byOwner;
}

/** Items that have any of the topics `slugs` through their link table; no condition when `slugs` is empty. */
export function hasAnyTopic(
  link: SQLiteTable & { topicId: SQLiteColumn },
  owner: SQLiteColumn,
  id: SQLiteColumn,
  slugs: string[],
): SQL | undefined {
  if (slugs.length === 0) return undefined;
  return exists(
    sql`(select 1 from ${link} join ${topics} on ${topics.id} = ${link.topicId} where ${owner} = ${id} and ${inArray(topics.slug, slugs)})`,
  );
}
