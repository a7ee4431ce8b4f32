// The organisation profile in the editorial pipeline (api/lib/writes.ts). One profile per site: `POST /v1/about`
// creates it only while none exists (409 otherwise); the other operations address it at `/v1/about` itself.
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Context } from 'hono';
import { about, aboutTranslations } from '../../schema/about.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { type EditableResource, editableBase, textsFromInput, textsFromRows, translationRows } from '../lib/writes.ts';
import type { AboutInput, EditableAbout } from './schemas.ts';

const FIELDS = ['name', 'tagline', 'mission', 'offer', 'stakeholders', 'region', 'subsidiser'] as const;

/** The id of the profile (the newest one not deleted), or 404. */
export async function locateAbout(c: Context<AppEnv>): Promise<string> {
  const [row] = await c.var.db.select({ id: about.id }).from(about).where(isNull(about.deletedAt)).orderBy(desc(about.updatedAt)).limit(1);
  if (!row) throw new ApiError('not-found', 'There is no organisation profile yet: create it with POST /v1/about.');
  return row.id;
}

export const aboutResource: EditableResource<EditableAbout, AboutInput> = {
  name: 'about',
  label: 'organisation profile',
  table: about,
  async read(db, id) {
    const [row] = await db.select().from(about).where(eq(about.id, id)).limit(1);
    if (!row) return undefined;
    const rows = await db.select().from(aboutTranslations).where(eq(aboutTranslations.aboutId, id));
    return {
      ...editableBase(row),
      email: row.email,
      phone: row.phone,
      website: row.website,
      street: row.street,
      postalCode: row.postalCode,
      city: row.city,
      country: row.country,
      socialLinks: row.socialLinks,
      translations: textsFromRows(rows, FIELDS),
    };
  },
  build: (input, base) => ({
    ...base,
    email: input.email ?? null,
    phone: input.phone ?? null,
    website: input.website,
    street: input.street ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    country: input.country ?? 'BE',
    socialLinks: input.socialLinks ?? [],
    translations: textsFromInput(input.translations, FIELDS),
  }),
  columns: ({ email, phone, website, street, postalCode, city, country, socialLinks }) => ({
    email,
    phone,
    website,
    street,
    postalCode,
    city,
    country,
    socialLinks,
  }),
  async check(db, item, previous) {
    if (previous) return [];
    const [other] = await db
      .select({ id: about.id })
      .from(about)
      .where(and(isNull(about.deletedAt), ne(about.id, item.id)))
      .limit(1);
    if (other) throw new ApiError('conflict', 'An organisation profile exists already: change it with PATCH /v1/about.');
    return [];
  },
  children: (db, item) => [
    db.delete(aboutTranslations).where(eq(aboutTranslations.aboutId, item.id)),
    ...translationRows(item.translations, { aboutId: item.id }).map((row) => db.insert(aboutTranslations).values(row)),
  ],
};
