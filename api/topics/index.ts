import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { topics, topicTranslations } from '../../schema/topics.ts';
import { createRouter } from '../app.ts';
import { problemResponses } from '../errors.ts';
import { langParam } from '../lib/language.ts';
import { ItemMetaSchema } from '../lib/schemas.ts';
import { fallbackFields, localized } from '../lib/translations.ts';

const TEXT_FIELDS = ['name', 'description'] as const;

export const TopicSchema = z
  .object({
    id: z.string(),
    slug: z.string().openapi({ example: 'vrijwilligerswerk' }),
    name: z.string().openapi({ example: 'Voluntary work' }),
    description: z.string().nullable(),
    meta: ItemMetaSchema,
  })
  .openapi('Topic');

export const listTopics = createRoute({
  method: 'get',
  path: '/topics',
  tags: ['Topics'],
  operationId: 'listTopics',
  summary: 'The topic taxonomy',
  description: 'Every published topic, in editorial order. Services, analyses and events are tagged with these slugs; use them in `topic` filters.',
  request: { query: z.strictObject({ lang: langParam }) },
  responses: {
    200: {
      description: 'All topics (the list is short, so it is not paginated).',
      content: { 'application/json': { schema: z.object({ data: z.array(TopicSchema) }).openapi('TopicList') } },
    },
    ...problemResponses(400),
  },
});

const tr = alias(topicTranslations, 'tr');
const nl = alias(topicTranslations, 'nl');

export const topicsRouter = createRouter().openapi(listTopics, async (c) => {
  const { db, lang } = c.var;
  const rows = await db
    .select({ id: topics.id, slug: topics.slug, ...localized(tr, nl, TEXT_FIELDS) })
    .from(topics)
    .innerJoin(nl, and(eq(nl.topicId, topics.id), eq(nl.lang, 'nl')))
    .leftJoin(tr, and(eq(tr.topicId, topics.id), eq(tr.lang, lang)))
    .where(eq(topics.status, 'published'))
    .orderBy(asc(topics.position), asc(topics.id));
  const data = rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name ?? row.slug,
    description: row.description,
    meta: { lang, fallback: fallbackFields(row, TEXT_FIELDS) },
  }));
  return c.json({ data }, 200);
});
