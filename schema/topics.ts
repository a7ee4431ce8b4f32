import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { editorial, enumCheck, id, LANGS, lang, slug, timestamps, WORKFLOW_STATUSES, workflowStatus } from './columns.ts';

export const topics = sqliteTable(
  'topics',
  {
    id: id(),
    slug: slug(),
    status: workflowStatus(),
    position: integer().notNull().default(0),
    ...timestamps,
    ...editorial,
  },
  (t) => [index('topics_status_position_idx').on(t.status, t.position), enumCheck('topics_status_check', t.status, WORKFLOW_STATUSES)],
);

export const topicTranslations = sqliteTable(
  'topic_translations',
  {
    topicId: text()
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    lang: lang(),
    name: text(),
    description: text(),
  },
  (t) => [
    primaryKey({ columns: [t.topicId, t.lang] }),
    enumCheck('topic_translations_lang_check', t.lang, LANGS),
    check('topic_translations_nl_name', sql`${t.lang} <> 'nl' or ${t.name} is not null`),
  ],
);

export type Topic = typeof topics.$inferSelect;
export type NewTopic = typeof topics.$inferInsert;
export type TopicTranslation = typeof topicTranslations.$inferSelect;
