// The sitemap is read by a strict XML parser (saxes, for well-formedness) and fast-xml-parser, and checked
// against what the JSON API publishes.
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { get, ORIGIN } from './helpers.ts';

interface UrlEntry {
  loc: string;
  lastmod: string;
  'xhtml:link': { '@rel': string; '@hreflang': string; '@href': string }[];
}

async function readSitemap() {
  const response = await get<string>('/sitemap.xml');
  expect(response.status).toBe(200);
  const parser = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(response.body).close();
  expect(error).toBeNull();
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'url' || n === 'xhtml:link' }).parse(
    response.body,
  );
  return { response, urlset: doc.urlset as { '@xmlns': string; '@xmlns:xhtml': string; url: UrlEntry[] } };
}

const all = async <T>(path: string) => (await get<{ data: T[] }>(path)).body.data;

describe('GET /sitemap.xml', { timeout: 60_000 }, () => {
  it('lists every published page in every language, with its alternates and when it last changed', async () => {
    const { response, urlset } = await readSitemap();
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset['@xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
    const byLoc = new Map(urlset.url.map((u) => [u.loc, u]));

    type Item = { slug: string; updatedAt: string };
    const items: [string, Item[]][] = [
      ['events', await all<Item>('/v1/events?limit=100&from=2000-01-01')],
      ['analyses', await all<Item>('/v1/analyses?limit=100')],
      ['services', await all<Item>('/v1/services?limit=100')],
      ['topics', await all<Item>('/v1/topics')],
    ];
    const about = (await get<{ data: { updatedAt?: string } }>('/v1/about')).body.data;
    let expected = 3;
    for (const [kind, list] of items) {
      expect(list.length, kind).toBeGreaterThan(0);
      expected += list.length * 3;
      for (const item of list) {
        for (const lang of ['nl', 'en', 'fr']) {
          const entry = byLoc.get(`${ORIGIN}/${lang}/${kind}/${item.slug}`);
          expect(entry, `${lang} ${kind} ${item.slug}`).toBeDefined();
          expect(Date.parse(entry!.lastmod)).toBe(Date.parse(item.updatedAt));
          expect(entry!['xhtml:link'].map((l) => [l['@hreflang'], l['@href']])).toEqual([
            ['nl', `${ORIGIN}/nl/${kind}/${item.slug}`],
            ['en', `${ORIGIN}/en/${kind}/${item.slug}`],
            ['fr', `${ORIGIN}/fr/${kind}/${item.slug}`],
            ['x-default', `${ORIGIN}/nl/${kind}/${item.slug}`],
          ]);
        }
      }
    }
    expect(byLoc.has(`${ORIGIN}/fr/about`)).toBe(true);
    if (about.updatedAt) expect(Date.parse(byLoc.get(`${ORIGIN}/fr/about`)!.lastmod)).toBe(Date.parse(about.updatedAt));
    expect(urlset.url).toHaveLength(expected);
  });

  it('lists only pages that answer', async () => {
    const { urlset } = await readSitemap();
    const kinds = new Map<string, string>();
    for (const { loc } of urlset.url) kinds.set(new URL(loc).pathname.split('/').slice(1, 3).join('/'), loc);
    expect(kinds.size).toBe(3 * 5);
    for (const loc of kinds.values()) {
      const page = await get<string>(new URL(loc).pathname);
      expect(page.status, loc).toBe(200);
    }
  });

  it('is cached like the API: ETag and 304', async () => {
    const first = await get<string>('/sitemap.xml');
    const again = await get<string>('/sitemap.xml', { 'If-None-Match': first.headers.get('ETag') ?? '' });
    expect(again.status).toBe(304);
  });
});

describe('GET /robots.txt', () => {
  it('names the sitemap', async () => {
    const response = await get<string>('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/plain/);
    expect(response.body.split('\n')).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });
});
