// /sitemap.xml and /robots.txt: every published page for people, in each language, with its alternates
// (xhtml:link, as search engines read them for multilingual sites) and when its content last changed.
import { desc, eq } from 'drizzle-orm';
import XMLBuilder from 'fast-xml-builder';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { about } from '../../schema/about.ts';
import { analyses } from '../../schema/analyses.ts';
import { LANGS } from '../../schema/columns.ts';
import { events } from '../../schema/events.ts';
import { services } from '../../schema/services.ts';
import { topics } from '../../schema/topics.ts';
import type { AppEnv, Db } from '../env.ts';
import { xmlChars } from '../feeds/render.ts';
import { toBrusselsIso } from '../lib/brussels-time.ts';
import { type PageKind, pagePath } from '../lib/links.ts';
import { database } from '../middleware/database.ts';
import { edgeCache } from '../middleware/edge-cache.ts';

/** The sitemap protocol's limit for one file; past it a sitemap index would be needed. */
const MAX_URLS = 50_000;

interface Page {
  kind: PageKind;
  slug?: string;
  lastmod: Date;
}

/** Every published item that has a page; one row per item (each becomes one URL per language). */
export async function publicPages(db: Db): Promise<Page[]> {
  const [eventRows, analysisRows, serviceRows, aboutRows, topicRows] = await db.batch([
    db
      .select({ slug: events.slug, updatedAt: events.updatedAt })
      .from(events)
      .where(eq(events.status, 'published'))
      .orderBy(desc(events.startsAt)),
    db
      .select({ slug: analyses.slug, updatedAt: analyses.updatedAt })
      .from(analyses)
      .where(eq(analyses.status, 'published'))
      .orderBy(desc(analyses.publishedAt)),
    db
      .select({ slug: services.slug, updatedAt: services.updatedAt })
      .from(services)
      .where(eq(services.status, 'published'))
      .orderBy(services.position),
    db.select({ updatedAt: about.updatedAt }).from(about).where(eq(about.status, 'published')).limit(1),
    db
      .select({ slug: topics.slug, updatedAt: topics.updatedAt })
      .from(topics)
      .where(eq(topics.status, 'published'))
      .orderBy(topics.position),
  ]);
  return [
    ...aboutRows.map((r) => ({ kind: 'about' as const, lastmod: r.updatedAt })),
    ...topicRows.map((r) => ({ kind: 'topics' as const, slug: r.slug, lastmod: r.updatedAt })),
    ...serviceRows.map((r) => ({ kind: 'services' as const, slug: r.slug, lastmod: r.updatedAt })),
    ...analysisRows.map((r) => ({ kind: 'analyses' as const, slug: r.slug, lastmod: r.updatedAt })),
    ...eventRows.map((r) => ({ kind: 'events' as const, slug: r.slug, lastmod: r.updatedAt })),
  ];
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, processEntities: true });

function sitemap(origin: string, pages: Page[]): string {
  const url = (lang: (typeof LANGS)[number], page: Page) => `${origin}${pagePath(lang, page.kind, page.slug)}`;
  const entries = pages.flatMap((page) =>
    LANGS.map((lang) => ({
      loc: url(lang, page),
      lastmod: toBrusselsIso(page.lastmod),
      'xhtml:link': [
        ...LANGS.map((other) => ({ '@rel': 'alternate', '@hreflang': other, '@href': url(other, page) })),
        { '@rel': 'alternate', '@hreflang': 'x-default', '@href': url('nl', page) },
      ],
    })),
  );
  const tree = {
    urlset: {
      '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      '@xmlns:xhtml': 'http://www.w3.org/1999/xhtml',
      url: entries.slice(0, MAX_URLS),
    },
  };
  return xmlChars(`<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(tree)}`);
}

export const sitemapRouter = new Hono<AppEnv>();
// One document for every language: the edge cache keys by language, so it is fixed here rather than negotiated.
const allLanguages = createMiddleware<AppEnv>(async (c, next) => {
  c.set('lang', 'nl');
  await next();
});
sitemapRouter.use('/sitemap.xml', database, allLanguages, edgeCache);
sitemapRouter.get('/sitemap.xml', async (c) =>
  c.body(sitemap(new URL(c.req.url).origin, await publicPages(c.var.db)), 200, { 'Content-Type': 'application/xml; charset=utf-8' }),
);
sitemapRouter.get('/robots.txt', (c) =>
  c.text(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(c.req.url).origin}/sitemap.xml\n`, 200, {
    'Cache-Control': 'public, max-age=86400',
  }),
);
