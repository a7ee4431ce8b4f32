import { sql } from 'drizzle-orm';
import { check, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { editorial, enumCheck, id, LANGS, lang, slug, timestamps, WORKFLOW_STATUSES, workflowStatus } from './columns.ts';

export interface SocialLink {
  network: string;
  url: string;
}

/** The organisation profile: one row per site. */
export const about = sqliteTable(
  'about',
  {
    id: id(),
    slug: slug(),
    status: workflowStatus(),
    email: text(),
    phone: text(),
    website: text().notNull(),
    street: text(),
    postalCode: text(),
    city: text(),
    country: text().notNull().default('BE'),
    socialLinks: text({ mode: 'json' }).$type<SocialLink[]>().notNull().default(sql`'[]'`),
    ...timestamps,
    ...editorial,
  },
  (t) => [enumCheck('about_status_check', t.status, WORKFLOW_STATUSES)],
);

export const aboutTranslations = sqliteTable(
  'about_translations',
  {
    aboutId: text()
      .notNull()
      .references(() => about.id, { onDelete: 'cascade' }),
    lang: lang(),
    name: text(),
    tagline: text(),
    mission: text(),
    offer: text(),
    stakeholders: text(),
    region: text(),
    subsidiser: text(),
  },
  (t) => [
    primaryKey({ columns: [t.aboutId, t.lang] }),
    enumCheck('about_translations_lang_check', t.lang, LANGS),
    check('about_translations_nl_name', sql`${t.lang} <> 'nl' or ${t.name} is not null`),
  ],
);

export type About = typeof about.$inferSelect;
export type AboutTranslation = typeof aboutTranslations.$inferSelect;
