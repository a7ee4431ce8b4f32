// Where each item's page for people lives. One scheme, used by the API (`links.html`), the JSON-LD mapping and the
// page routes, so a link the API hands out always answers: /{lang}/events/{slug}, /{lang}/analyses/{slug},
// /{lang}/services/{slug}, /{lang}/about.
import { z } from '@hono/zod-openapi';
import type { Lang } from '../../schema/columns.ts';

export type PageKind = 'events' | 'analyses' | 'services' | 'about' | 'topics';

/**
 * The path of an item's page in one language; `slug` is ignored for the about profile (there is one), and the
 * topics without a slug is the page listing every topic.
 */
export function pagePath(lang: Lang, kind: PageKind, slug?: string): string {
  if (kind === 'about' || (kind === 'topics' && slug === undefined)) return `/${lang}/${kind}`;
  return `/${lang}/${kind}/${encodeURIComponent(slug ?? '')}`;
}

/** The `links` object of an API item: its page in the response language. */
export const itemLinks = (origin: string, lang: Lang, kind: PageKind, slug?: string) => ({
  html: `${origin}${pagePath(lang, kind, slug)}`,
});

export const LinksSchema = z
  .object({
    html: z.url().openapi({
      description:
        'The readable HTML page of this item in the response language (schema.org data, print layout, alternates in nl, en ' +
        'and fr): what a title should link to. `url` stays the JSON resource.',
      example: 'https://api.socius.example/en/events/vrijwilligersbeleid-op-maat-gent',
    }),
  })
  .openapi('ItemLinks', { description: 'Links to other representations of this item.' });
