import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq, exists, gt, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Lang } from '../../schema/columns.ts';
import { SERVICE_FORMATS, services, serviceTopics, serviceTranslations } from '../../schema/services.ts';
import { topics } from '../../schema/topics.ts';
import { createRouter } from '../app.ts';
import type { Db } from '../env.ts';
import { ApiError, problemResponses } from '../errors.ts';
import { toBrusselsIso } from '../lib/brussels-time.ts';
import { langParam } from '../lib/language.ts';
import { enumMultiParam, enumValues, listValues, multiParam } from '../lib/list-params.ts';
import { type Cursor, cursorParam, decodeCursor, limitParam, nextCursorField, nextLink, page } from '../lib/pagination.ts';
import { dateTime, ItemMetaSchema, slugParam, TopicRefSchema } from '../lib/schemas.ts';
import { fallbackFields, localized } from '../lib/translations.ts';
import { conditionalGetParameters, listHeaders, notModifiedResponse, readHeaders } from '../openapi.ts';
import { groupTopicRefs, topicRefsQuery } from '../topics/queries.ts';
import { serviceExample } from './examples.ts';

const TEXT_FIELDS = ['title', 'summary', 'description', 'audience'] as const;

export const ServiceSchema = z
  .object({
    id: z.string(),
    slug: z.string().openapi({ example: 'vorming-vrijwilligersbeleid' }),
    url: z.url().openapi({ description: 'Canonical URL of this service in the API.' }),
    format: z.enum(SERVICE_FORMATS).openapi({ description: 'How the service is offered.', example: 'training' }),
    title: z.string(),
    summary: z.string().nullable(),
    description: z.string().nullable(),
    audience: z.string().nullable(),
    contact: z.object({ email: z.email().nullable() }),
    link: z.url().nullable().openapi({ description: 'More information on the Socius website.' }),
    topics: z.array(TopicRefSchema),
    updatedAt: dateTime,
    meta: ItemMetaSchema,
  })
  .openapi('Service');

const listServices = createRoute({
  method: 'get',
  path: '/services',
  tags: ['Services'],
  operationId: 'listServices',
  summary: 'The service catalogue',
  description: 'What Socius offers (trainings, workshops, inspiration days, networks, tailor-made support, research), in editorial order.',
  request: {
    query: z.strictObject({
      lang: langParam,
      topic: multiParam('topic', 'Topic slug(s); a service matches when it has any of them.', 'vrijwilligerswerk'),
      format: enumMultiParam('format', SERVICE_FORMATS, 'Format(s).', 'training'),
      sort: z
        .enum(['position'])
        .default('position')
        .openapi({ param: { name: 'sort', in: 'query' }, description: '`position`: the editorial order (the only order).' }),
      limit: limitParam,
      cursor: cursorParam,
    }),
  },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'A page of services.',
      headers: listHeaders,
      content: {
        'application/json': {
          schema: z.object({ data: z.array(ServiceSchema), nextCursor: nextCursorField, total: z.number().int() }).openapi('ServiceList'),
          example: { data: [serviceExample], nextCursor: 'WzEsImRjMWYxNjkzLTNmMmItNDQ5MC1hYWFlLThkYzY2MzRhZjFjNSJd', total: 7 },
        },
      },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 500),
  },
});

const getService = createRoute({
  method: 'get',
  path: '/services/{slug}',
  tags: ['Services'],
  operationId: 'getService',
  summary: 'One service',
  description: 'A published service by slug.',
  request: { params: z.object({ slug: slugParam }), query: z.strictObject({ lang: langParam }) },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The service.',
      headers: readHeaders,
      content: {
        'application/json': { schema: z.object({ data: ServiceSchema }).openapi('ServiceDetail'), example: { data: serviceExample } },
      },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 404, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes = [listServices, getService];

const tr = alias(serviceTranslations, 'tr');
const nl = alias(serviceTranslations, 'nl');

function serviceRows(db: Db, lang: Lang) {
  return db
    .select({
      id: services.id,
      slug: services.slug,
      format: services.format,
      contactEmail: services.contactEmail,
      url: services.url,
      position: services.position,
      updatedAt: services.updatedAt,
      ...localized(tr, nl, TEXT_FIELDS),
    })
    .from(services)
    .innerJoin(nl, and(eq(nl.serviceId, services.id), eq(nl.lang, 'nl')))
    .leftJoin(tr, and(eq(tr.serviceId, services.id), eq(tr.lang, lang)));
}
type ServiceRow = Awaited<ReturnType<typeof serviceRows>>[number];

export interface ServiceFilter {
  topics: string[];
  formats: (typeof SERVICE_FORMATS)[number][];
}

export function serviceConditions(filter: ServiceFilter) {
  return and(
    eq(services.status, 'published'),
    filter.formats.length > 0 ? inArray(services.format, filter.formats) : undefined,
    filter.topics.length > 0
      ? exists(
          sql`(select 1 from ${serviceTopics} join ${topics} on ${topics.id} = ${serviceTopics.topicId}
              where ${serviceTopics.serviceId} = ${services.id} and ${inArray(topics.slug, filter.topics)})`,
        )
      : undefined,
  );
}

export function serviceListQuery(db: Db, lang: Lang, filter: ServiceFilter, limit: number, cursor: Cursor | undefined) {
  const seek = cursor
    ? or(gt(services.position, Number(cursor.key)), and(eq(services.position, Number(cursor.key)), gt(services.id, cursor.id)))
    : undefined;
  return serviceRows(db, lang)
    .where(and(serviceConditions(filter), seek))
    .orderBy(asc(services.position), asc(services.id))
    .limit(limit + 1);
}

async function hydrate(db: Db, rows: ServiceRow[], lang: Lang, origin: string) {
  const topicRows =
    rows.length > 0
      ? await topicRefsQuery(
          db,
          serviceTopics,
          serviceTopics.serviceId,
          rows.map((r) => r.id),
          lang,
        )
      : [];
  const byService = groupTopicRefs(topicRows);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    url: `${origin}/v1/services/${row.slug}`,
    format: row.format,
    title: row.title ?? row.slug,
    summary: row.summary,
    description: row.description,
    audience: row.audience,
    contact: { email: row.contactEmail },
    link: row.url,
    topics: byService.get(row.id) ?? [],
    updatedAt: toBrusselsIso(row.updatedAt),
    meta: { lang, fallback: fallbackFields(row, TEXT_FIELDS) },
  }));
}

export const servicesRouter = createRouter()
  .openapi(listServices, async (c) => {
    const query = c.req.valid('query');
    const { db, lang } = c.var;
    const filter: ServiceFilter = { topics: listValues(query.topic), formats: enumValues('format', query.format, SERVICE_FORMATS) };
    const cursor = decodeCursor(query.cursor);
    if (cursor && !/^\d+$/.test(String(cursor.key))) throw ApiError.invalidParam('cursor', 'query', 'Not a services cursor.');
    const [rows, totals] = await db.batch([
      serviceListQuery(db, lang, filter, query.limit, cursor),
      db.select({ total: sql<number>`count(*)` }).from(services).where(serviceConditions(filter)),
    ]);
    const { items, nextCursor } = page(rows, query.limit, (row) => ({ key: row.position, id: row.id }));
    const data = await hydrate(db, items, lang, new URL(c.req.url).origin);
    return c.json({ data, nextCursor, total: totals[0]?.total ?? 0 }, 200, nextLink(c.req.url, nextCursor));
  })
  .openapi(getService, async (c) => {
    const { slug } = c.req.valid('param');
    const { db, lang } = c.var;
    const rows = await serviceRows(db, lang)
      .where(and(eq(services.status, 'published'), eq(services.slug, slug)))
      .limit(1);
    const [data] = await hydrate(db, rows, lang, new URL(c.req.url).origin);
    if (!data) throw new ApiError('not-found', `No published service has the slug "${slug}".`);
    return c.json({ data }, 200);
  });
