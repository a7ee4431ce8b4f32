import { z } from '@hono/zod-openapi';
import { langParam } from '../lib/language.ts';
import { dateTime, ItemMetaSchema } from '../lib/schemas.ts';

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
export type TopicBody = z.infer<typeof TopicSchema>;

export const TopicQuerySchema = z.strictObject({ lang: langParam });

export const TopicListSchema = z.object({ data: z.array(TopicSchema) }).openapi('TopicList');
export const TopicDetailSchema = z.object({ data: TopicSchema }).openapi('TopicDetail');
