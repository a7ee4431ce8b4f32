import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { editorial, enumCheck, id, LANGS, lang, slug, timestamps, WORKFLOW_STATUSES, workflowStatus } from './columns.ts';
import { topics } from './topics.ts';

export const SERVICE_FORMATS = ['training', 'workshop', 'inspiration-day', 'network', 'tailor-made-support', 'research'] as const;
export type ServiceFormat = (typeof SERVICE_FORMATS)[number];

export const services = sqliteTable(
  'services',
  {
    id: id(),
    slug: slug(),
    status: workflowStatus(),
    format: text({ enum: SERVICE_FORMATS }).notNull(),
    contactEmail: text(),
    url: text(),
    position: integer().notNull().default(0),
    ...timestamps,
    ...editorial,
  },
  (t) => [
    index('services_status_position_idx').on(t.status, t.position),
    index('services_status_format_idx').on(t.status, t.format, t.position),
    enumCheck('services_status_check', t.status, WORKFLOW_STATUSES),
    enumCheck('services_format_check', t.format, SERVICE_FORMATS),
  ],
);

export const serviceTranslations = sqliteTable(
  'service_translations',
  {
    serviceId: text()
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    lang: lang(),
    title: text(),
    summary: text(),
    description: text(),
    audience: text(),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.lang] }),
    enumCheck('service_translations_lang_check', t.lang, LANGS),
    check('service_translations_nl_title', sql`${t.lang} <> 'nl' or ${t.title} is not null`),
  ],
);

export const serviceTopics = sqliteTable(
  'service_topics',
  {
    serviceId: text()
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    topicId: text()
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.topicId] }), index('service_topics_topic_idx').on(t.topicId, t.serviceId)],
);

export type Service = typeof services.$inferSelect;
