import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { editorial, enumCheck, id, instant, LANGS, lang, slug, timestamps, WORKFLOW_STATUSES, workflowStatus } from './columns.ts';
import { topics } from './topics.ts';

/** Long-form research and policy texts. Bodies are stored already sanitised (see api/lib/sanitise). */
export const analyses = sqliteTable(
  'analyses',
  {
    id: id(),
    slug: slug(),
    status: workflowStatus(),
    publishedAt: instant(),
    revisedAt: instant(),
    /** SPDX identifier, e.g. CC-BY-4.0. */
    licence: text().notNull().default('CC-BY-4.0'),
    canonicalUrl: text(),
    ...timestamps,
    ...editorial,
  },
  (t) => [
    index('analyses_status_published_idx').on(t.status, t.publishedAt, t.id),
    enumCheck('analyses_status_check', t.status, WORKFLOW_STATUSES),
  ],
);

export const analysisTranslations = sqliteTable(
  'analysis_translations',
  {
    analysisId: text()
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    lang: lang(),
    title: text(),
    summary: text(),
  },
  (t) => [
    primaryKey({ columns: [t.analysisId, t.lang] }),
    enumCheck('analysis_translations_lang_check', t.lang, LANGS),
    check('analysis_translations_nl_title', sql`${t.lang} <> 'nl' or ${t.title} is not null`),
  ],
);

export const analysisSections = sqliteTable(
  'analysis_sections',
  {
    id: id(),
    analysisId: text()
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    /** Stable fragment id, the same in every language, so links to a section survive translation. */
    anchor: text().notNull(),
  },
  (t) => [
    uniqueIndex('analysis_sections_position_idx').on(t.analysisId, t.position),
    uniqueIndex('analysis_sections_anchor_idx').on(t.analysisId, t.anchor),
  ],
);

export const analysisSectionTranslations = sqliteTable(
  'analysis_section_translations',
  {
    sectionId: text()
      .notNull()
      .references(() => analysisSections.id, { onDelete: 'cascade' }),
    lang: lang(),
    heading: text(),
    /** Sanitised HTML. */
    body: text(),
  },
  (t) => [
    primaryKey({ columns: [t.sectionId, t.lang] }),
    enumCheck('analysis_section_translations_lang_check', t.lang, LANGS),
    check('analysis_section_translations_nl', sql`${t.lang} <> 'nl' or (${t.heading} is not null and ${t.body} is not null)`),
  ],
);

export const analysisAuthors = sqliteTable(
  'analysis_authors',
  {
    analysisId: text()
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    affiliation: text(),
  },
  (t) => [primaryKey({ columns: [t.analysisId, t.position] }), index('analysis_authors_name_idx').on(t.name)],
);

/** A downloadable file; each file is in one language, so the API offers the reader's language first. */
export const analysisAttachments = sqliteTable(
  'analysis_attachments',
  {
    id: id(),
    analysisId: text()
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    lang: lang(),
    position: integer().notNull(),
    title: text().notNull(),
    url: text().notNull(),
    mediaType: text().notNull(),
    byteSize: integer(),
  },
  (t) => [
    index('analysis_attachments_analysis_idx').on(t.analysisId, t.position),
    enumCheck('analysis_attachments_lang_check', t.lang, LANGS),
  ],
);

export const analysisTopics = sqliteTable(
  'analysis_topics',
  {
    analysisId: text()
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    topicId: text()
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.analysisId, t.topicId] }), index('analysis_topics_topic_idx').on(t.topicId, t.analysisId)],
);

export type Analysis = typeof analyses.$inferSelect;
