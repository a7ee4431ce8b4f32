import { and, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { Lang, WorkflowStatus } from '../../schema/columns.ts';
import { type SERVICE_FORMATS, services, serviceTopics, serviceTranslations } from '../../schema/services.ts';
import type { Db } from '../env.ts';
import { toBrusselsIso } from '../lib/brussels-time.ts';
import { keysetOrder, type SortKey, seekAfter } from '../lib/keyset.ts';
import { itemLinks } from '../lib/links.ts';
import type { Cursor } from '../lib/pagination.ts';
import { columnsOf, fallbackFields, localisedSelect } from '../lib/translations.ts';
import { groupTopicRefs, hasAnyTopic, topicRefsQuery } from '../topics/queries.ts';
import type { ServiceBody } from './schemas.ts';

const TEXT_FIELDS = ['title', 'summary', 'description', 'audience'] as const;

function serviceRows(db: Db, lang: Lang) {
  return localisedSelect(
    db,
    lang,
    { table: services, id: services.id, translations: serviceTranslations, owner: 'serviceId', fields: TEXT_FIELDS },
    columnsOf(services, ['id', 'slug', 'format', 'contactEmail', 'url', 'position', 'updatedAt']),
  );
}
type ServiceRow = Awaited<ReturnType<typeof serviceRows>>[number];

export interface ServiceFilter {
  topics: string[];
  formats: (typeof SERVICE_FORMATS)[number][];
  /** Workflow states shown: `published` unless an editor previews (api/lib/auth.ts visibleStatuses). */
  workflow?: readonly WorkflowStatus[];
}

/** `status = 'published'`, or for an editor's preview every state in `statuses`. */
const visible = (statuses: readonly WorkflowStatus[] = ['published']) =>
  statuses.length === 1 && statuses[0] === 'published' ? eq(services.status, 'published') : inArray(services.status, [...statuses]);

/** The WHERE conditions of a filter; shared by the page and its total so they always agree. */
export function serviceConditions(filter: ServiceFilter) {
  return and(
    visible(filter.workflow),
    filter.formats.length > 0 ? inArray(services.format, filter.formats) : undefined,
    hasAnyTopic(serviceTopics, serviceTopics.serviceId, services.id, filter.topics),
  );
}

// The editorial order is the only one, so a services cursor's key is the bare position.
const BY_POSITION: SortKey = { column: services.position, direction: 'asc' };

export const serviceCursor = (row: ServiceRow): Cursor => ({ key: row.position, id: row.id });

/** A page of services (one row more than `limit`, to tell whether another page follows). */
export function serviceListQuery(db: Db, lang: Lang, filter: ServiceFilter, limit: number, cursor: Cursor | undefined) {
  return serviceRows(db, lang)
    .where(and(serviceConditions(filter), cursor ? seekAfter(BY_POSITION, services.id, Number(cursor.key), cursor.id) : undefined))
    .orderBy(...keysetOrder(BY_POSITION, services.id))
    .limit(limit + 1);
}

/** The ids of the page serviceListQuery reads, for reading their topics in the same batch. */
export function servicePageIdsQuery(db: Db, filter: ServiceFilter, limit: number, cursor: Cursor | undefined) {
  return db
    .select({ id: services.id })
    .from(services)
    .where(and(serviceConditions(filter), cursor ? seekAfter(BY_POSITION, services.id, Number(cursor.key), cursor.id) : undefined))
    .orderBy(...keysetOrder(BY_POSITION, services.id))
    .limit(limit + 1);
}

/** The published service `slug`'s id, for reading its topics in the same batch. */
export function serviceIdBySlugQuery(db: Db, slug: string, statuses?: readonly WorkflowStatus[]) {
  return db
    .select({ id: services.id })
    .from(services)
    .where(and(visible(statuses), eq(services.slug, slug)))
    .limit(1);
}

/** Topics of the services `ids` selects (a list, or a query as a subquery, so they share the page's batch). */
export function serviceTopicsQuery(db: Db, ids: readonly string[] | SQL, lang: Lang) {
  return topicRefsQuery(db, serviceTopics, serviceTopics.serviceId, ids, lang);
}

export function serviceCountQuery(db: Db, filter: ServiceFilter) {
  return db.select({ total: count() }).from(services).where(serviceConditions(filter));
}

export function serviceBySlugQuery(db: Db, lang: Lang, slug: string, statuses?: readonly WorkflowStatus[]) {
  return serviceRows(db, lang)
    .where(and(visible(statuses), eq(services.slug, slug)))
    .limit(1);
}

/** Bodies of services from their rows and what serviceTopicsQuery returned for them. */
export function serviceBodies(
  rows: ServiceRow[],
  topicRows: Awaited<ReturnType<typeof serviceTopicsQuery>>,
  lang: Lang,
  origin: string,
): ServiceBody[] {
  const byService = groupTopicRefs(topicRows);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    url: `${origin}/v1/services/${row.slug}`,
    links: itemLinks(origin, lang, 'services', row.slug),
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
