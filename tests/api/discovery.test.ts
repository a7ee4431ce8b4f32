// What the pages for people announce in their <head>, read with HTMLRewriter (the HTML parser of workerd), and
// followed: each feed, oEmbed and citation link must answer.
import { describe, expect, it } from 'vitest';
import { get, ORIGIN } from './helpers.ts';

interface Head {
  links: { rel: string; type: string; href: string; title: string }[];
  meta: [string, string][];
}

const decode = (value: string) =>
  value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

async function head(path: string): Promise<Head> {
  const page = await get<string>(path);
  expect(page.status, path).toBe(200);
  const result: Head = { links: [], meta: [] };
  await new HTMLRewriter()
    .on('head link', {
      element(el) {
        result.links.push({
          rel: el.getAttribute('rel') ?? '',
          type: el.getAttribute('type') ?? '',
          href: decode(el.getAttribute('href') ?? ''),
          title: decode(el.getAttribute('title') ?? ''),
        });
      },
    })
    .on('head meta[name^="citation_"]', {
      element(el) {
        result.meta.push([el.getAttribute('name') ?? '', decode(el.getAttribute('content') ?? '')]);
      },
    })
    .transform(new Response(page.body))
    .text();
  return result;
}

const relative = (href: string) => {
  const url = new URL(href);
  expect(url.origin).toBe(ORIGIN);
  return url.pathname + url.search;
};

describe('discovery on the pages for people', { timeout: 30_000 }, () => {
  it.each([
    ['events', 'vrijwilligersbeleid-op-maat-gent', true],
    ['services', 'vorming-vrijwilligersbeleid', false],
  ])(
    'a page of %s announces the feeds of its kind in its language, and its oEmbed when it can be embedded',
    async (kind, slug, embeddable) => {
      const list = (await get<{ data: { slug: string }[] }>(`/v1/${kind}?lang=fr&limit=1`)).body.data;
      const itemSlug = kind === 'services' ? list[0]!.slug : slug;
      const { links } = await head(`/fr/${kind}/${itemSlug}`);
      const feeds = links.filter((l) => ['application/rss+xml', 'application/atom+xml', 'application/feed+json'].includes(l.type));
      expect(feeds.map((l) => l.href)).toEqual(['rss', 'atom', 'json'].map((f) => `${ORIGIN}/v1/feeds/${kind}.${f}?lang=fr`));
      for (const feed of feeds) {
        const response = await get<string>(relative(feed.href));
        expect(response.status).toBe(200);
        expect(response.headers.get('Content-Type')).toContain(feed.type);
      }
      const oembed = links.filter((l) => l.type === 'application/json+oembed');
      expect(oembed).toHaveLength(embeddable ? 1 : 0);
      if (embeddable) {
        const answer = await get<{ type: string; html: string }>(relative(oembed[0]!.href));
        expect(answer.status).toBe(200);
        expect(answer.body.type).toBe('rich');
        expect(new URL(oembed[0]!.href).searchParams.get('url')).toBe(`${ORIGIN}/fr/${kind}/${itemSlug}`);
      }
    },
  );

  it('an analysis page carries Google Scholar citation tags and links its references', async () => {
    const [summary] = (await get<{ data: { slug: string }[] }>('/v1/analyses?lang=en&limit=1')).body.data;
    const a = (
      await get<{
        data: { title: string; authors: { name: string }[]; publishedAt: string; attachments: { url: string; mediaType: string }[] };
      }>(`/v1/analyses/${summary!.slug}?lang=en`)
    ).body.data;
    const { links, meta } = await head(`/en/analyses/${summary!.slug}`);
    const values = (name: string) => meta.filter(([n]) => n === name).map(([, v]) => v);
    expect(values('citation_title')).toEqual([a.title]);
    expect(values('citation_author')).toEqual(a.authors.map((x) => x.name));
    expect(values('citation_publication_date')).toEqual([a.publishedAt.slice(0, 10).replaceAll('-', '/')]);
    expect(values('citation_language')).toEqual(['en']);
    expect(values('citation_abstract_html_url')).toEqual([`${ORIGIN}/en/analyses/${summary!.slug}`]);
    expect(values('citation_technical_report_institution')).toEqual(['Socius']);
    for (const type of ['application/x-bibtex', 'application/x-research-info-systems', 'application/vnd.citationstyles.csl+json']) {
      const link = links.find((l) => l.type === type);
      expect(link, type).toBeDefined();
      const response = await get<string>(relative(link!.href));
      expect(response.status, type).toBe(200);
      expect(response.headers.get('Content-Type')).toContain(type);
    }
    expect(links.some((l) => l.type === 'application/json+oembed')).toBe(true);
  });
});
