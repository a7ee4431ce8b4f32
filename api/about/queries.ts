import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { about, aboutTranslations } from '../../schema/about.ts';
import type { Lang, WorkflowStatus } from '../../schema/columns.ts';
import type { Db } from '../env.ts';
import { toBrusselsIso } from '../lib/brussels-time.ts';
import { itemLinks } from '../lib/links.ts';
import { columnsOf, fallbackFields, localisedSelect } from '../lib/translations.ts';
import type { AboutBody } from './schemas.ts';

const ABOUT_TEXT_FIELDS = ['name', 'tagline', 'mission', 'offer', 'stakeholders', 'region', 'subsidiser'] as const;

/** The published organisation profile (there is one per site); for an editor's preview, one in `statuses`. */
export function aboutQuery(db: Db, lang: Lang, statuses: readonly WorkflowStatus[] = ['published']) {
  return localisedSelect(
    db,
    lang,
    { table: about, id: about.id, translations: aboutTranslations, owner: 'aboutId', fields: ABOUT_TEXT_FIELDS },
    columnsOf(about, ['id', 'slug', 'email', 'phone', 'website', 'street', 'postalCode', 'city', 'country', 'socialLinks', 'updatedAt']),
  )
    .where(
      and(
        statuses.length === 1 && statuses[0] === 'published' ? eq(about.status, 'published') : inArray(about.status, [...statuses]),
        isNull(about.deletedAt),
      ),
    )
    .orderBy(desc(about.updatedAt))
    .limit(1);
}
type AboutRow = Awaited<ReturnType<typeof aboutQuery>>[number];

export function toAbout(row: AboutRow, lang: Lang, origin: string): AboutBody {
  return {
    id: row.id,
    slug: row.slug,
    url: `${origin}/v1/about`,
    links: itemLinks(origin, lang, 'about'),
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
    meta: { lang, fallback: fallbackFields(row, ABOUT_TEXT_FIELDS) },
  };
}
