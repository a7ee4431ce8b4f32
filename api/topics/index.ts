import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Lang } from '../../schema/columns.ts';
import { topics, topicTranslations } from '../../schema/topics.ts';
import { createRouter } from '../app.ts';
import type { Db } from '../env.ts';
import { ApiError, problemResponses } from '../errors.ts';
import { toBrusselsIso } from '../lib/brussels-time.ts';
import { langParam } from '../lib/language.ts';
import { dateTime, ItemMetaSchema, slugParam } from '../lib/schemas.ts';
import { fallbackFields, localized } from '../lib/translations.ts';
import { conditionalGetParameters, notModifiedResponse, readHeaders } from '../openapi.ts';
import { topicExamples } from './examples.ts';

const TEXT_FIELDS = ['name', 'description'] as const;

export const TopicSchema = z
  .object({
    id: z.string(),
    slug: z.string().openapi({ example: 'vrijwilligerswerk' }),
    url: z.url().openapi({ description: 'Canonical URL of this topic in the API.' }),
    name: z.string().openapi({ example: 'Voluntary work' }),
    description: z.string().nullable(),
    updatedAt: dateTime,
    meta: ItemMetaSchema,
  })
  .openapi('Topic');

export const listTopics = createRoute({
  method: 'get',
  path: '/topics',
  tags: ['Topics'],
  operationId: 'listTopics',
  summary: 'The topic taxonomy',
  description:
    'Every published topic, in editorial order. Services, analyses and events are tagged with these slugs; use them in `topic` filters.',
  request: { query: z.strictObject({ lang: langParam }) },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'All topics (the list is short, so it is not paginated).',
      headers: readHeaders,
      content: {
        'application/json': { schema: z.object({ data: z.array(TopicSchema) }).openapi('TopicList'), example: { data: topicExamples } },
      },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 500),
  },
});

export const getTopic = createRoute({
  method: 'get',
  path: '/topics/{slug}',
  tags: ['Topics'],
  operationId: 'getTopic',
  summary: 'One topic',
  description: 'A published topic by slug. Search results for topics link here.',
  request: { params: z.object({ slug: slugParam }), query: z.strictObject({ lang: langParam }) },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The topic.',
      headers: readHeaders,
      content: {
        'application/json': { schema: z.object({ data: TopicSchema }).openapi('TopicDetail'), example: { data: topicExamples[1] } },
      },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 404, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes = [listTopics, getTopic];

const tr = alias(topicTranslations, 'tr');
const nl = alias(topicTranslations, 'nl');

function topicQuery(db: Db, lang: Lang, where: SQL | undefined) {
  return db
    .select({ id: topics.id, slug: topics.slug, updatedAt: topics.updatedAt, ...localized(tr, nl, TEXT_FIELDS) })
    .from(topics)
    .innerJoin(nl, and(eq(nl.topicId, topics.id), eq(nl.lang, 'nl')))
    .leftJoin(tr, and(eq(tr.topicId, topics.id), eq(tr.lang, lang)))
    .where(and(eq(topics.status, 'published'), where))
    .orderBy(asc(topics.position), asc(topics.id));
}

function toTopic(row: Awaited<ReturnType<typeof topicQuery>>[number], lang: Lang, origin: string) {
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

export const topicsRouter = createRouter()
  .openapi(listTopics, async (c) => {
    const { db, lang } = c.var;
    const rows = await topicQuery(db, lang, undefined);
    return c.json({ data: rows.map((row) => toTopic(row, lang, new URL(c.req.url).origin)) }, 200);
  })
  .openapi(getTopic, async (c) => {
    const { slug } = c.req.valid('param');
    const { db, lang } = c.var;
    const [row] = await topicQuery(db, lang, eq(topics.slug, slug)).limit(1);
    if (!row) throw new ApiError('not-found', `No published topic has the slug "${slug}".`);
    return c.json({ data: toTopic(row, lang, new URL(c.req.url).origin) }, 200);
  });
