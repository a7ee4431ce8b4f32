// Services in the editorial pipeline (api/lib/writes.ts): how a service is read, built and written.
import { asc, eq, inArray } from 'drizzle-orm';
import { LANGS } from '../../schema/columns.ts';
import { services, serviceTopics, serviceTranslations } from '../../schema/services.ts';
import { topics } from '../../schema/topics.ts';
import type { Db } from '../env.ts';
import { searchIndexStatements } from '../lib/content-writes.ts';
import {
  type EditableResource,
  editableBase,
  type Issue,
  sqlStatement,
  textsFromInput,
  textsFromRows,
  translationRows,
} from '../lib/writes.ts';
import type { EditableService, ServiceInput } from './schemas.ts';

const FIELDS = ['title', 'summary', 'description', 'audience'] as const;

/** Topic ids by slug, for the slugs that exist. */
async function topicIds(db: Db, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.select({ id: topics.id, slug: topics.slug }).from(topics).where(inArray(topics.slug, slugs));
  return new Map(rows.map((row) => [row.slug, row.id]));
}

export const servicesResource: EditableResource<EditableService, ServiceInput> = {
  name: 'services',
  label: 'service',
  table: services,
  async read(db, id) {
    const [row] = await db.select().from(services).where(eq(services.id, id)).limit(1);
    if (!row) return undefined;
    const rows = await db.select().from(serviceTranslations).where(eq(serviceTranslations.serviceId, id));
    const tagged = await db
      .select({ slug: topics.slug })
      .from(serviceTopics)
      .innerJoin(topics, eq(topics.id, serviceTopics.topicId))
      .where(eq(serviceTopics.serviceId, id))
      .orderBy(asc(topics.position), asc(topics.slug));
    return {
      ...editableBase(row),
      format: row.format,
      contactEmail: row.contactEmail,
      url: row.url,
      position: row.position,
      topics: tagged.map((t) => t.slug),
      translations: textsFromRows(rows, FIELDS),
    };
  },
  build: (input, base) => ({
    ...base,
    format: input.format,
    contactEmail: input.contactEmail ?? null,
    url: input.url ?? null,
    position: input.position ?? 0,
    topics: [...new Set(input.topics ?? [])],
    translations: textsFromInput(input.translations, FIELDS),
  }),
  columns: (item) => ({ format: item.format, contactEmail: item.contactEmail, url: item.url, position: item.position }),
  async check(db, item) {
    const known = await topicIds(db, item.topics);
    const issues: Issue[] = [];
    item.topics.forEach((slug, i) => {
      if (!known.has(slug)) issues.push({ path: ['topics', i], message: `No topic has the slug "${slug}"` });
    });
    return issues;
  },
  async children(db, item) {
    const ids = await topicIds(db, item.topics);
    return [
      db.delete(serviceTranslations).where(eq(serviceTranslations.serviceId, item.id)),
      ...translationRows(item.translations, { serviceId: item.id }).map((row) => db.insert(serviceTranslations).values(row)),
      db.delete(serviceTopics).where(eq(serviceTopics.serviceId, item.id)),
      ...[...ids.values()].map((topicId) => db.insert(serviceTopics).values({ serviceId: item.id, topicId })),
      // The service's search text in the same batch, so it is findable (or gone) on the next request.
      ...searchIndexStatements(
        'service',
        item.id,
        item.slug,
        LANGS.flatMap((lang) => {
          const text = item.translations[lang];
          return text
            ? [{ lang, title: text.title ?? item.translations.nl.title ?? '', parts: [text.summary, text.description, text.audience] }]
            : [];
        }),
      ).map(sqlStatement),
    ];
  },
};
