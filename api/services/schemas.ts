import { z } from '@hono/zod-openapi';
import { SERVICE_FORMATS } from '../../schema/services.ts';
import { translationsSchema } from '../lib/content-input.ts';
import { langParam } from '../lib/language.ts';
import { LinksSchema } from '../lib/links.ts';
import { enumMultiParam, multiParam } from '../lib/list-params.ts';
import { cursorParam, limitParam, nextCursorField } from '../lib/pagination.ts';
import { dateTime, ItemMetaSchema, TopicRefSchema } from '../lib/schemas.ts';
import {
  editorialInputFields,
  editorialOutputFields,
  httpUrl,
  mergePatchSchema,
  plainText,
  slugField,
  translationsOutput,
} from '../lib/writes.ts';

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

// Editorial API: what editors send and get back (every language, every status).
const serviceTexts = { title: plainText(300), summary: plainText(1000), description: plainText(10_000), audience: plainText(1000) };

export const ServiceInputSchema = z
  .strictObject({
    ...editorialInputFields,
    slug: slugField,
    format: z.enum(SERVICE_FORMATS).openapi({ example: 'training' }),
    contactEmail: z.email().max(320).optional().openapi({ example: 'vorming@socius.be' }),
    url: httpUrl().optional().openapi({ description: 'More information on the Socius website (https: or http: only).' }),
    position: z.int().min(0).max(100_000).optional().openapi({ description: 'Editorial order (ascending); 0 when absent.', example: 10 }),
    topics: z
      .array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A topic slug'))
      .max(20)
      .optional()
      .openapi({ description: 'Slugs of existing topics.', example: ['vrijwilligerswerk'] }),
    translations: translationsSchema('ServiceTranslationsInput', serviceTexts, ['title']),
  })
  .openapi('ServiceInput');
export type ServiceInput = z.infer<typeof ServiceInputSchema>;

export const ServicePatchSchema = mergePatchSchema(ServiceInputSchema).openapi('ServicePatch', {
  description: 'A JSON merge patch (RFC 7396) of `ServiceInput`: send only what changes; `null` removes an optional field or a language.',
});

export const EditableServiceSchema = z
  .object({
    ...editorialOutputFields,
    format: z.enum(SERVICE_FORMATS),
    contactEmail: z.string().nullable(),
    url: z.string().nullable(),
    position: z.int(),
    topics: z.array(z.string()),
    translations: translationsOutput('ServiceTranslations', serviceTexts),
  })
  .openapi('EditableService');
export type EditableService = z.infer<typeof EditableServiceSchema>;
export const EditableServiceDetailSchema = z.object({ data: EditableServiceSchema }).openapi('EditableServiceDetail');
