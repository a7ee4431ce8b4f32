// The body an editor creates an analysis with, and the shape of an analysis in the content export: one document
// per analysis with its texts per language. A PATCH is a JSON merge patch of this document.
import { z } from '@hono/zod-openapi';
import { LANGS } from '../../schema/columns.ts';
import { httpUrl, momentInput, richTextFormat, textField, topicRefsInput, translationsSchema } from '../lib/content-input.ts';
import { SLUG_PATTERN } from '../lib/slugs.ts';
import { editorialInputFields } from '../lib/writes.ts';

export const AuthorInputSchema = z
  .strictObject({
    name: textField(200).openapi({ example: 'Socius' }),
    affiliation: textField(300).optional(),
  })
  .openapi('AuthorInput');

export const SectionInputSchema = z
  .strictObject({
    anchor: z
      .string()
      .max(80)
      .regex(SLUG_PATTERN, 'Lowercase letters, digits and single hyphens')
      .optional()
      .openapi({ description: 'Fragment id, the same in every language; made from the Dutch heading when absent.', example: 'methode' }),
    format: richTextFormat,
    translations: translationsSchema(
      'AnalysisSectionTranslationsInput',
      {
        heading: textField(300),
        body: textField(200_000).openapi({
          description:
            'The section text in `format`. Stored and served as sanitised HTML (p, h3, h4, ul, ol, li, strong, em, blockquote, br, ' +
            'a with http(s), mailto or tel links; external links get rel="noopener noreferrer").',
        }),
      },
      ['heading', 'body'],
    ),
  })
  .openapi('AnalysisSectionInput');

export const AttachmentInputSchema = z
  .strictObject({
    lang: z.enum(LANGS).openapi({ description: 'The language of the file itself.' }),
    title: textField(300),
    url: httpUrl,
    mediaType: z
      .string()
      .regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'A media type such as application/pdf')
      .openapi({ example: 'application/pdf' }),
    byteSize: z.number().int().min(0).optional(),
  })
  .openapi('AttachmentInput');

export const analysisInputFields = {
  ...editorialInputFields,
  translations: translationsSchema('AnalysisTranslationsInput', { title: textField(300), summary: textField(5000) }, ['title']),
  authors: z.array(AuthorInputSchema).max(50).default([]),
  publishedAt: momentInput.optional().openapi({ description: 'When it was published; set on first publication when absent.' }),
  revisedAt: momentInput.optional().openapi({ description: 'Last substantive revision.' }),
  licence: z
    .string()
    .regex(/^[A-Za-z0-9.+-]{2,64}$/, 'An SPDX licence identifier such as CC-BY-4.0')
    .default('CC-BY-4.0'),
  canonicalUrl: httpUrl.optional().openapi({ description: 'The original publication, when it lives elsewhere.' }),
  topics: topicRefsInput.default([]),
  sections: z
    .array(SectionInputSchema)
    .max(200)
    .default([])
    .refine((sections) => {
      const anchors = sections.flatMap((s) => (s.anchor ? [s.anchor] : []));
      return new Set(anchors).size === anchors.length;
    }, 'Each anchor at most once'),
  attachments: z.array(AttachmentInputSchema).max(50).default([]),
};

export const AnalysisInputSchema = z.strictObject(analysisInputFields).openapi('AnalysisInput');
export type AnalysisInput = z.infer<typeof AnalysisInputSchema>;
