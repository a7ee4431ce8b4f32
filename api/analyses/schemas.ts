import { z } from '@hono/zod-openapi';
import { LANGS } from '../../schema/columns.ts';
import { optionalQParam } from '../lib/full-text.ts';
import { langParam } from '../lib/language.ts';
import { LinksSchema } from '../lib/links.ts';
import { multiParam, sortParam } from '../lib/list-params.ts';
import { cursorParam, limitParam, nextCursorField } from '../lib/pagination.ts';
import { dateTime, ItemMetaSchema, TopicRefSchema } from '../lib/schemas.ts';

export const AuthorSchema = z
  .object({ name: z.string().openapi({ example: 'Socius' }), affiliation: z.string().nullable() })
  .openapi('Author');
export type Author = z.infer<typeof AuthorSchema>;

export const AttachmentSchema = z
  .object({
    title: z.string(),
    url: z.url(),
    mediaType: z.string().openapi({ example: 'application/pdf' }),
    byteSize: z.number().int().nullable(),
    lang: z.enum(LANGS).openapi({ description: 'The language of the file itself.' }),
  })
  .openapi('Attachment');

const analysisFields = {
  id: z.string(),
  slug: z.string().openapi({ example: 'tien-stromingen-in-het-middenveld' }),
  url: z.url().openapi({ description: 'Canonical URL: the original publication when there is one, else this API.' }),
  links: LinksSchema,
  title: z.string(),
  summary: z.string().nullable(),
  authors: z.array(AuthorSchema),
  publishedAt: dateTime,
  revisedAt: dateTime.nullable().openapi({ description: 'Last substantive revision, when there was one.' }),
  licence: z.string().openapi({ description: 'SPDX licence identifier of the text.', example: 'CC-BY-4.0' }),
  topics: z.array(TopicRefSchema),
  updatedAt: dateTime,
  meta: ItemMetaSchema,
};

export const AnalysisSummarySchema = z.object(analysisFields).openapi('AnalysisSummary');
export type AnalysisSummaryBody = z.infer<typeof AnalysisSummarySchema>;

export const SectionSchema = z
  .object({
    anchor: z.string().openapi({ description: 'Fragment id, the same in every language.', example: 'methode' }),
    heading: z.string(),
    body: z.string().openapi({ description: 'Sanitised HTML (p, h3, h4, ul, ol, li, strong, em, blockquote, a).' }),
    fallback: z.boolean().openapi({ description: 'True when this section is shown in Dutch because it is missing in `lang`.' }),
  })
  .openapi('AnalysisSection');

export const AnalysisSchema = z
  .object({ ...analysisFields, sections: z.array(SectionSchema), attachments: z.array(AttachmentSchema) })
  .openapi('Analysis');
export type AnalysisBody = z.infer<typeof AnalysisSchema>;

export const ANALYSIS_SORTS = ['-publishedAt', 'publishedAt'] as const;
export type AnalysisSort = (typeof ANALYSIS_SORTS)[number];

export const AnalysisListQuerySchema = z.strictObject({
  lang: langParam,
  topic: multiParam('topic', 'Topic slug(s); an analysis matches when it has any of them.', 'participatie'),
  year: z
    .string()
    .regex(/^\d{4}$/, 'A four-digit year')
    .optional()
    .openapi({ param: { name: 'year', in: 'query' }, description: 'Year of publication (Brussels time).', example: '2026' }),
  author: multiParam('author', 'Author name(s), case-insensitive.', 'Socius'),
  q: optionalQParam('Words in title, summary or text (prefix match, accents ignored).', 'middenveld'),
  sort: sortParam(ANALYSIS_SORTS, '`-publishedAt` (newest first, default) or `publishedAt` (oldest first).'),
  limit: limitParam,
  cursor: cursorParam,
});

export const AnalysisDetailQuerySchema = z.strictObject({ lang: langParam });

export const AnalysisListSchema = z
  .object({ data: z.array(AnalysisSummarySchema), nextCursor: nextCursorField, total: z.number().int() })
  .openapi('AnalysisList');

export const AnalysisDetailSchema = z.object({ data: AnalysisSchema }).openapi('AnalysisDetail');
