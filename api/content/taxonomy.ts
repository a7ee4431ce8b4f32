// Topics, services and the about profile as documents of the content file (export/import): their shape, the
// statements that store one, and the reader. (The API's own writes for these live with their resources; the
// content file only needs them stored exactly as exported.)
import { z } from '@hono/zod-openapi';
import type { SqlStatement } from '../../schema/db.ts';
import { SERVICE_FORMATS } from '../../schema/services.ts';
import { httpUrl, momentInput, slugInput, textField, topicRefsInput, translationsSchema, workflowInput } from '../lib/content-input.ts';
import { isoOf, msOf, type ReadRows, rowsOf, searchIndexStatements, textsOf } from '../lib/content-writes.ts';
import { slugChangeStatements } from '../lib/slugs.ts';

const stamps = { createdAt: momentInput.optional(), updatedAt: momentInput.optional() };
const some = (entries: [string, unknown][]) => Object.fromEntries(entries.filter(([, value]) => value != null));
const ms = (iso: string | undefined, now: Date) => msOf(iso) ?? now.getTime();

export const TopicDocumentSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    slug: slugInput,
    status: workflowInput.default('published'),
    position: z.number().int().min(0).default(0),
    translations: translationsSchema('TopicTranslationsDocument', { name: textField(200), description: textField(2000) }, ['name']),
    ...stamps,
  })
  .openapi('TopicDocument');
export type TopicDocument = z.infer<typeof TopicDocumentSchema>;

export const ServiceDocumentSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    slug: slugInput,
    status: workflowInput.default('published'),
    format: z.enum(SERVICE_FORMATS),
    position: z.number().int().min(0).default(0),
    contactEmail: z.email().optional(),
    url: httpUrl.optional(),
    translations: translationsSchema(
      'ServiceTranslationsDocument',
      { title: textField(300), summary: textField(2000), description: textField(20_000), audience: textField(2000) },
      ['title'],
    ),
    topics: topicRefsInput.default([]),
    ...stamps,
  })
  .openapi('ServiceDocument');
export type ServiceDocument = z.infer<typeof ServiceDocumentSchema>;

export const AboutDocumentSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    slug: slugInput,
    status: workflowInput.default('published'),
    website: httpUrl,
    email: z.email().optional(),
    phone: z.string().trim().min(1).max(40).optional(),
    street: z.string().trim().min(1).max(200).optional(),
    postalCode: z.string().trim().min(1).max(20).optional(),
    city: z.string().trim().min(1).max(100).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .default('BE'),
    socialLinks: z
      .array(z.strictObject({ network: z.string().min(1).max(40), url: httpUrl }))
      .max(20)
      .default([]),
    translations: translationsSchema(
      'AboutTranslationsDocument',
      {
        name: textField(200),
        tagline: textField(2000),
        mission: textField(20_000),
        offer: textField(20_000),
        stakeholders: textField(20_000),
        region: textField(2000),
        subsidiser: textField(2000),
      },
      ['name'],
    ),
    ...stamps,
  })
  .openapi('AboutDocument');
export type AboutDocument = z.infer<typeof AboutDocumentSchema>;

export function topicStatements(doc: TopicDocument, now: Date, previousSlug?: string): SqlStatement[] {
  return [
    {
      sql: `insert into topics (id, slug, status, position, created_at, updated_at) values (?, ?, ?, ?, ?, ?)
            on conflict (id) do update set slug = excluded.slug, status = excluded.status, position = excluded.position,
              updated_at = excluded.updated_at, version = version + 1`,
      params: [doc.id, doc.slug, doc.status, doc.position, ms(doc.createdAt, now), ms(doc.updatedAt, now)],
    },
    { sql: 'delete from topic_translations where topic_id = ?', params: [doc.id] },
    ...rowsOf(doc.translations, ['name', 'description']).map(({ lang, values }) => ({
      sql: 'insert into topic_translations (topic_id, lang, name, description) values (?, ?, ?, ?)',
      params: [doc.id, lang, values.name, values.description],
    })),
    ...slugChangeStatements('topic', doc.id, previousSlug, doc.slug),
    ...searchIndexStatements(
      'topic',
      doc.id,
      doc.slug,
      rowsOf(doc.translations, ['name', 'description']).map(({ lang, values }) => ({
        lang,
        title: values.name ?? doc.translations.nl.name ?? '',
        parts: [values.description],
      })),
    ),
  ];
}

export function serviceStatements(doc: ServiceDocument, now: Date, previousSlug?: string): SqlStatement[] {
  return [
    {
      sql: `insert into services (id, slug, status, format, contact_email, url, position, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set slug = excluded.slug, status = excluded.status, format = excluded.format,
              contact_email = excluded.contact_email, url = excluded.url, position = excluded.position, updated_at = excluded.updated_at,
              version = version + 1`,
      params: [
        doc.id,
        doc.slug,
        doc.status,
        doc.format,
        doc.contactEmail ?? null,
        doc.url ?? null,
        doc.position,
        ms(doc.createdAt, now),
        ms(doc.updatedAt, now),
      ],
    },
    { sql: 'delete from service_translations where service_id = ?', params: [doc.id] },
    ...rowsOf(doc.translations, ['title', 'summary', 'description', 'audience']).map(({ lang, values }) => ({
      sql: 'insert into service_translations (service_id, lang, title, summary, description, audience) values (?, ?, ?, ?, ?, ?)',
      params: [doc.id, lang, values.title, values.summary, values.description, values.audience],
    })),
    { sql: 'delete from service_topics where service_id = ?', params: [doc.id] },
    ...doc.topics.map((topic) => ({
      sql: 'insert into service_topics (service_id, topic_id) select ?, id from topics where slug = ?',
      params: [doc.id, topic],
    })),
    ...slugChangeStatements('service', doc.id, previousSlug, doc.slug),
    ...searchIndexStatements(
      'service',
      doc.id,
      doc.slug,
      rowsOf(doc.translations, ['title', 'summary', 'description', 'audience']).map(({ lang, values }) => ({
        lang,
        title: values.title ?? doc.translations.nl.title ?? '',
        parts: [values.summary, values.description, values.audience],
      })),
    ),
  ];
}

const ABOUT_TEXTS = ['name', 'tagline', 'mission', 'offer', 'stakeholders', 'region', 'subsidiser'] as const;

export function aboutStatements(doc: AboutDocument, now: Date): SqlStatement[] {
  return [
    {
      sql: `insert into about (id, slug, status, email, phone, website, street, postal_code, city, country, social_links, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set slug = excluded.slug, status = excluded.status, email = excluded.email, phone = excluded.phone,
              website = excluded.website, street = excluded.street, postal_code = excluded.postal_code, city = excluded.city,
              country = excluded.country, social_links = excluded.social_links, updated_at = excluded.updated_at,
              version = version + 1`,
      params: [
        doc.id,
        doc.slug,
        doc.status,
        doc.email ?? null,
        doc.phone ?? null,
        doc.website,
        doc.street ?? null,
        doc.postalCode ?? null,
        doc.city ?? null,
        doc.country,
        JSON.stringify(doc.socialLinks),
        ms(doc.createdAt, now),
        ms(doc.updatedAt, now),
      ],
    },
    { sql: 'delete from about_translations where about_id = ?', params: [doc.id] },
    ...rowsOf(doc.translations, ABOUT_TEXTS).map(({ lang, values }) => ({
      sql: `insert into about_translations (about_id, lang, ${ABOUT_TEXTS.join(', ')}) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [doc.id, lang, ...ABOUT_TEXTS.map((field) => values[field])],
    })),
  ];
}

export async function readTopicDocuments(rows: ReadRows): Promise<TopicDocument[]> {
  const [parents, texts] = await Promise.all([
    rows('select * from topics order by position, slug', []),
    rows('select * from topic_translations', []),
  ]);
  return parents.map((t) =>
    TopicDocumentSchema.parse({
      id: t.id,
      slug: t.slug,
      status: t.status,
      position: t.position,
      translations: textsOf(
        texts.filter((row) => row.topic_id === t.id),
        ['name', 'description'],
      ),
      createdAt: isoOf(t.created_at),
      updatedAt: isoOf(t.updated_at),
    }),
  );
}

export async function readServiceDocuments(rows: ReadRows): Promise<ServiceDocument[]> {
  const [parents, texts, topics] = await Promise.all([
    rows('select * from services order by position, slug', []),
    rows('select * from service_translations', []),
    rows('select st.service_id, t.slug from service_topics st join topics t on t.id = st.topic_id order by t.slug', []),
  ]);
  return parents.map((s) =>
    ServiceDocumentSchema.parse({
      id: s.id,
      slug: s.slug,
      status: s.status,
      format: s.format,
      position: s.position,
      ...some([
        ['contactEmail', s.contact_email],
        ['url', s.url],
      ]),
      translations: textsOf(
        texts.filter((row) => row.service_id === s.id),
        ['title', 'summary', 'description', 'audience'],
      ),
      topics: topics.filter((row) => row.service_id === s.id).map((row) => row.slug),
      createdAt: isoOf(s.created_at),
      updatedAt: isoOf(s.updated_at),
    }),
  );
}

export async function readAboutDocuments(rows: ReadRows): Promise<AboutDocument[]> {
  const [parents, texts] = await Promise.all([
    rows('select * from about order by created_at, id', []),
    rows('select * from about_translations', []),
  ]);
  return parents.map((a) =>
    AboutDocumentSchema.parse({
      id: a.id,
      slug: a.slug,
      status: a.status,
      website: a.website,
      ...some([
        ['email', a.email],
        ['phone', a.phone],
        ['street', a.street],
        ['postalCode', a.postal_code],
        ['city', a.city],
      ]),
      country: a.country,
      socialLinks: JSON.parse(String(a.social_links ?? '[]')),
      translations: textsOf(
        texts.filter((row) => row.about_id === a.id),
        ABOUT_TEXTS,
      ),
      createdAt: isoOf(a.created_at),
      updatedAt: isoOf(a.updated_at),
    }),
  );
}
