import { z } from '@hono/zod-openapi';
import { previewParam } from '../lib/auth.ts';
import { translationsSchema } from '../lib/content-input.ts';
import { langParam } from '../lib/language.ts';
import { dateTime, ItemMetaSchema } from '../lib/schemas.ts';
import { editorialInputFields, editorialOutputFields, mergePatchSchema, plainText, slugField, translationsOutput } from '../lib/writes.ts';

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

export const TopicQuerySchema = z.strictObject({ lang: langParam, preview: previewParam });

export const TopicListSchema = z.object({ data: z.array(TopicSchema) }).openapi('TopicList');
export const TopicDetailSchema = z.object({ data: TopicSchema }).openapi('TopicDetail');

// Editorial API: what editors send and get back (every language, every status).
const topicTexts = { name: plainText(200), description: plainText(2000) };

export const TopicInputSchema = z
  .strictObject({
    ...editorialInputFields,
    slug: slugField,
    position: z.int().min(0).max(100_000).optional().openapi({ description: 'Editorial order (ascending); 0 when absent.', example: 10 }),
    translations: translationsSchema('TopicTranslationsInput', topicTexts, ['name']),
  })
  .openapi('TopicInput');
export type TopicInput = z.infer<typeof TopicInputSchema>;

export const TopicPatchSchema = mergePatchSchema(TopicInputSchema).openapi('TopicPatch', {
  description: 'A JSON merge patch (RFC 7396) of `TopicInput`: send only what changes; `null` removes an optional field or a language.',
});

export const EditableTopicSchema = z
  .object({
    ...editorialOutputFields,
    position: z.int().openapi({ example: 10 }),
    translations: translationsOutput('TopicTranslations', topicTexts),
  })
  .openapi('EditableTopic');
export type EditableTopic = z.infer<typeof EditableTopicSchema>;
export const EditableTopicDetailSchema = z.object({ data: EditableTopicSchema }).openapi('EditableTopicDetail');
