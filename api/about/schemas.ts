import { z } from '@hono/zod-openapi';
import { langParam } from '../lib/language.ts';
import { LinksSchema } from '../lib/links.ts';
import { dateTime, ItemMetaSchema } from '../lib/schemas.ts';

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

export const AboutQuerySchema = z.strictObject({ lang: langParam });

export const AboutDetailSchema = z.object({ data: AboutSchema }).openapi('AboutDetail');
