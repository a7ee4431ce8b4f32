import { createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { about, aboutTranslations } from '../../schema/about.ts';
import { createRouter } from '../app.ts';
import { ApiError, problemResponses } from '../errors.ts';
import { toBrusselsIso } from '../lib/brussels-time.ts';
import { langParam } from '../lib/language.ts';
import { dateTime, ItemMetaSchema } from '../lib/schemas.ts';
import { fallbackFields, localized } from '../lib/translations.ts';
import { conditionalGetParameters, notModifiedResponse, readHeaders } from '../openapi.ts';
import { aboutExample } from './examples.ts';

const TEXT_FIELDS = ['name', 'tagline', 'mission', 'offer', 'stakeholders', 'region', 'subsidiser'] as const;

export const AboutSchema = z
  .object({
    id: z.string(),
    slug: z.string().openapi({ example: 'socius' }),
    url: z.url().openapi({ description: 'Canonical URL of this profile in the API.' }),
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

const getAbout = createRoute({
  method: 'get',
  path: '/about',
  tags: ['About'],
  operationId: 'getAbout',
  summary: 'The organisation profile',
  description: 'Who Socius is, what it offers and to whom, its region, subsidiser, contact and social links.',
  request: { query: z.strictObject({ lang: langParam }) },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The profile.',
      headers: readHeaders,
      content: { 'application/json': { schema: z.object({ data: AboutSchema }).openapi('AboutDetail'), example: { data: aboutExample } } },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 404, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes = [getAbout];

const tr = alias(aboutTranslations, 'tr');
const nl = alias(aboutTranslations, 'nl');

export const aboutRouter = createRouter().openapi(getAbout, async (c) => {
  const { db, lang } = c.var;
  const [row] = await db
    .select({
      id: about.id,
      slug: about.slug,
      email: about.email,
      phone: about.phone,
      website: about.website,
      street: about.street,
      postalCode: about.postalCode,
      city: about.city,
      country: about.country,
      socialLinks: about.socialLinks,
      updatedAt: about.updatedAt,
      ...localized(tr, nl, TEXT_FIELDS),
    })
    .from(about)
    .innerJoin(nl, and(eq(nl.aboutId, about.id), eq(nl.lang, 'nl')))
    .leftJoin(tr, and(eq(tr.aboutId, about.id), eq(tr.lang, lang)))
    .where(eq(about.status, 'published'))
    .limit(1);
  if (!row) throw new ApiError('not-found', 'No organisation profile has been published yet.');
  return c.json(
    {
      data: {
        id: row.id,
        slug: row.slug,
        url: `${new URL(c.req.url).origin}/v1/about`,
        name: row.name ?? row.slug,
        tagline: row.tagline,
        mission: row.mission,
        offer: row.offer,
        stakeholders: row.stakeholders,
        region: row.region,
        subsidiser: row.subsidiser,
        contact: {
          email: row.email,
          phone: row.phone,
          website: row.website,
          address: row.street || row.city ? { street: row.street, postalCode: row.postalCode, city: row.city, country: row.country } : null,
        },
        socialLinks: row.socialLinks,
        updatedAt: toBrusselsIso(row.updatedAt),
        meta: { lang, fallback: fallbackFields(row, TEXT_FIELDS) },
      },
    },
    200,
  );
});
