import { z } from '@hono/zod-openapi';
import { previewParam } from '../lib/auth.ts';
import { translationsSchema } from '../lib/content-input.ts';
import { langParam } from '../lib/language.ts';
import { LinksSchema } from '../lib/links.ts';
import { dateTime, ItemMetaSchema } from '../lib/schemas.ts';
import {
  editorialInputFields,
  editorialOutputFields,
  httpUrl,
  mergePatchSchema,
  plainText,
  slugField,
  translationsOutput,
} from '../lib/writes.ts';

export const AboutSchema = z
  .object({
    id: z.string(),
    slug: z.string().openapi({ example: 'socius' }),
    url: z.url().openapi({ description: 'Canonical URL of this profile in the API.' }),
    links: LinksSchema,
    name: z.string().openapi({ example: 'Socius' }),
    tagline: z.string().nullable(),
    mission: z.string().nullable(),
    offer: z.string().nullable().openapi({ description: 'What the organisation offers its stakeholders.' }),
    stakeholders: z.string().nullable(),
    region: z.string().nullable(),
    subsidiser: z.string().nullable(),
    contact: z.object({
      email: z.email().nullable(),
      phone: z.string().nullable(),
      website: z.url(),
      address: z
        .object({ street: z.string().nullable(), postalCode: z.string().nullable(), city: z.string().nullable(), country: z.string() })
        .nullable(),
    }),
    socialLinks: z.array(z.object({ network: z.string().openapi({ example: 'linkedin' }), url: z.url() })),
    updatedAt: dateTime,
    meta: ItemMetaSchema,
  })
  .openapi('About');
export type AboutBody = z.infer<typeof AboutSchema>;

export const AboutQuerySchema = z.strictObject({ lang: langParam, preview: previewParam });

export const AboutDetailSchema = z.object({ data: AboutSchema }).openapi('AboutDetail');

// Editorial API: what editors send and get back (every language, every status).
const aboutTexts = {
  name: plainText(200),
  tagline: plainText(500),
  mission: plainText(5000),
  offer: plainText(5000),
  stakeholders: plainText(5000),
  region: plainText(1000),
  subsidiser: plainText(1000),
};

export const AboutInputSchema = z
  .strictObject({
    ...editorialInputFields,
    slug: slugField,
    email: z.email().max(320).optional().openapi({ example: 'info@socius.be' }),
    phone: z.string().trim().min(1).max(50).optional().openapi({ example: '+32 2 215 30 39' }),
    website: httpUrl(),
    street: plainText(200).optional(),
    postalCode: plainText(20).optional(),
    city: plainText(100).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code, such as BE')
      .optional()
      .openapi({ description: 'ISO 3166-1 alpha-2; BE when absent.', example: 'BE' }),
    socialLinks: z
      .array(z.strictObject({ network: z.string().trim().min(1).max(50), url: httpUrl() }))
      .max(20)
      .optional()
      .openapi({ example: [{ network: 'linkedin', url: 'https://www.linkedin.com/company/socius' }] }),
    translations: translationsSchema('AboutTranslationsInput', aboutTexts, ['name']),
  })
  .openapi('AboutInput');
export type AboutInput = z.infer<typeof AboutInputSchema>;

export const AboutPatchSchema = mergePatchSchema(AboutInputSchema).openapi('AboutPatch', {
  description: 'A JSON merge patch (RFC 7396) of `AboutInput`: send only what changes; `null` removes an optional field or a language.',
});

export const EditableAboutSchema = z
  .object({
    ...editorialOutputFields,
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string(),
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string(),
    socialLinks: z.array(z.object({ network: z.string(), url: z.string() })),
    translations: translationsOutput('AboutTranslations', aboutTexts),
  })
  .openapi('EditableAbout');
export type EditableAbout = z.infer<typeof EditableAboutSchema>;
export const EditableAboutDetailSchema = z.object({ data: EditableAboutSchema }).openapi('EditableAboutDetail');
