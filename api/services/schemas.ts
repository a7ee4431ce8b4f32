import { z } from '@hono/zod-openapi';
import { SERVICE_FORMATS } from '../../schema/services.ts';
import { langParam } from '../lib/language.ts';
import { LinksSchema } from '../lib/links.ts';
import { enumMultiParam, multiParam } from '../lib/list-params.ts';
import { cursorParam, limitParam, nextCursorField } from '../lib/pagination.ts';
import { dateTime, ItemMetaSchema, TopicRefSchema } from '../lib/schemas.ts';

export const ServiceSchema = z
  .object({
    id: z.string(),
    slug: z.string().openapi({ example: 'vorming-vrijwilligersbeleid' }),
    url: z.url().openapi({ description: 'Canonical URL of this service in the API.' }),
    links: LinksSchema,
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
export type ServiceBody = z.infer<typeof ServiceSchema>;

export const ServiceListQuerySchema = z.strictObject({
  lang: langParam,
  topic: multiParam('topic', 'Topic slug(s); a service matches when it has any of them.', 'vrijwilligerswerk'),
  format: enumMultiParam('format', SERVICE_FORMATS, 'Format(s).', 'training'),
  sort: z
    .enum(['position'])
    .default('position')
    .openapi({ param: { name: 'sort', in: 'query' }, description: '`position`: the editorial order (the only order).' }),
  limit: limitParam,
  cursor: cursorParam,
});

export const ServiceDetailQuerySchema = z.strictObject({ lang: langParam });

export const ServiceListSchema = z
  .object({ data: z.array(ServiceSchema), nextCursor: nextCursorField, total: z.number().int() })
  .openapi('ServiceList');

export const ServiceDetailSchema = z.object({ data: ServiceSchema }).openapi('ServiceDetail');
