import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Lang } from '../../schema/columns.ts';
import { topics, topicTranslations } from '../../schema/topics.ts';
import type { Db } from '../env.ts';
import { localized } from '../lib/translations.ts';

const tr = alias(topicTranslations, 'topic_tr');
const nl = alias(topicTranslations, 'topic_nl');

/** Published topics of the given items, by item id, named in `lang` (Dutch where missing). */
export function topicRefsQuery(db: Db, link: SQLiteTable & { topicId: SQLiteColumn }, owner: SQLiteColumn, ids: string[], lang: Lang) {
  return db
    .select({ ownerId: owner, slug: topics.slug, ...localized(tr, nl, ['name'] as const) })
    .from(link)
    .innerJoin(topics, and(eq(topics.id, link.topicId), eq(topics.status, 'published')))
    .innerJoin(nl, and(eq(nl.topicId, topics.id), eq(nl.lang, 'nl')))
    .leftJoin(tr, and(eq(tr.topicId, topics.id), eq(tr.lang, lang)))
    .where(inArray(owner, ids))
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
