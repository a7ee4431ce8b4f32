// Checked against the oEmbed 1.0 spec (https://oembed.com §2.3.4): the fields every response and every `rich`
// response must have, the dimensions a consumer asked for, and the statuses for what a provider cannot answer.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { get, getProblem, ORIGIN } from './helpers.ts';

type OEmbed = Record<string, unknown> & { html: string; width: number; height: number; title: string };

const oembed = (url: string, extra = '') => get<OEmbed>(`/oembed?url=${encodeURIComponent(url)}${extra}`);

/** The src of the one iframe in the HTML, and the HTML without it, read as a browser would. */
async function iframeOf(html: string) {
  let src: string | null = null;
  let title: string | null = null;
  let count = 0;
  await new HTMLRewriter()
    .on('iframe', {
      element(el) {
        count++;
        // HTMLRewriter gives attribute values as written; the only reference a URL needs there is &amp;.
        src = el.getAttribute('src')?.replaceAll('&amp;', '&') ?? null;
        title =
          el
            .getAttribute('title')
            ?.replaceAll('&quot;', '"')
            .replaceAll('&#39;', "'")
            .replaceAll('&lt;', '<')
            .replaceAll('&gt;', '>')
            .replaceAll('&amp;', '&') ?? null;
      },
    })
    .on('script', {
      element() {
        count += 100;
      },
    })
    .transform(new Response(html))
    .text();
  return { src: src as string | null, title: title as string | null, count };
}

function specIssues(body: Record<string, unknown>): string[] {
  const issues: string[] = [];
  if (body.version !== '1.0') issues.push('version is not "1.0"');
  if (!['photo', 'video', 'link', 'rich'].includes(String(body.type))) issues.push('type is not one of the four');
  if (body.type === 'rich') {
    if (typeof body.html !== 'string' || body.html === '') issues.push('rich without html');
    for (const key of ['width', 'height']) if (!Number.isInteger(body[key])) issues.push(`rich without integer ${key}`);
  }
  for (const key of ['title', 'provider_name', 'provider_url'])
    if (key in body && typeof body[key] !== 'string') issues.push(`${key} is not text`);
  if ('cache_age' in body && !Number.isInteger(body.cache_age)) issues.push('cache_age is not an integer');
  return issues;
}

describe('GET /oembed', { timeout: 30_000 }, () => {
  it.each([
    [
      '/en/events/vrijwilligersbeleid-op-maat-gent',
      '/v1/events/vrijwilligersbeleid-op-maat-gent?lang=en',
      '/embed/event?slug=vrijwilligersbeleid-op-maat-gent&lang=en',
    ],
    ['/fr/about', '/v1/about?lang=fr', '/embed/about?lang=fr'],
  ])('embeds %s as a rich iframe of its /embed page, titled like the item', async (page, api, embed) => {
    const response = await oembed(`${ORIGIN}${page}`, '&format=json');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(specIssues(response.body)).toEqual([]);
    expect(response.body.type).toBe('rich');
    const item = (await get<{ data: { title?: string; name?: string } }>(api)).body.data;
    expect(response.body.title).toBe(item.title ?? item.name);
    const { src, count } = await iframeOf(response.body.html);
    expect(count).toBe(1);
    expect(src).toBe(`${ORIGIN}${embed}`);
    const embedded = await get<string>(new URL(src!).pathname + new URL(src!).search);
    expect(embedded.status).toBe(200);
    expect(embedded.body).toContain('<html');
  });

  it('embeds an analysis page, whose title may hold quotes and markup, as one iframe and nothing else', async () => {
    const [analysis] = (await get<{ data: { slug: string; links: { html: string } }[] }>('/v1/analyses?lang=nl&limit=1')).body.data;
    const response = await oembed(analysis!.links.html);
    expect(response.status).toBe(200);
    const { src, count } = await iframeOf(response.body.html);
    expect(count).toBe(1);
    expect(src).toBe(`${ORIGIN}/embed/analysis?slug=${analysis!.slug}&lang=nl`);
  });

  it('honours maxwidth and maxheight, and never grows past its own size', async () => {
    const page = `${ORIGIN}/en/events/vrijwilligersbeleid-op-maat-gent`;
    const small = (await oembed(page, '&maxwidth=320&maxheight=200')).body;
    expect([small.width, small.height]).toEqual([320, 200]);
    expect(small.html).toContain('width="320"');
    expect(small.html).toContain('height="200"');
    const large = (await oembed(page, '&maxwidth=5000&maxheight=5000')).body;
    expect(large.width).toBeLessThanOrEqual(5000);
    expect(large.height).toBeLessThanOrEqual(5000);
    expect(large.width).toBeGreaterThan(320);
  });

  it.each([
    `${ORIGIN}/en/events/bestaat-niet`,
    `${ORIGIN}/en/nergens`,
    `${ORIGIN}/en/services/vorming-vrijwilligersbeleid`,
    'https://elders.example/en/events/vrijwilligersbeleid-op-maat-gent',
    'geen url',
  ])('answers %s, a URL it does not know, with a 404 problem', async (url) => {
    const problem = await getProblem(`/oembed?url=${encodeURIComponent(url)}`, 404);
    expect(problem.type).toBe('/problems/not-found');
  });

  it('answers format=xml with 501, and bad dimensions or a missing url with 400', async () => {
    const url = encodeURIComponent(`${ORIGIN}/en/about`);
    const xml = await getProblem(`/oembed?url=${url}&format=xml`, 501);
    expect(xml.type).toBe('/problems/format-not-implemented');
    expect((await getProblem(`/oembed?url=${url}&maxwidth=-5`, 400)).invalidParams?.[0]?.name).toBe('maxwidth');
    expect((await getProblem('/oembed', 400)).invalidParams?.[0]?.name).toBe('url');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (
      await get<{ paths: Record<string, { get?: { operationId?: string; responses?: Record<string, unknown> } }> }>('/openapi.json')
    ).body;
    const operation = doc.paths['/oembed']?.get;
    expect(operation?.operationId).toBe('getOembed');
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['200', '404', '501']));
  });

  // Last: it plants content in this file's database.
  it('keeps a title with quotes and markup inside the iframe title, so the HTML a CMS inserts is one iframe and no script', async () => {
    const now = Date.now();
    const title = '"><script>alert(1)</script><iframe src="https://evil.example">';
    await env.DB.batch([
      env.DB.prepare(
        "insert into analyses (id, slug, status, published_at, licence, created_at, updated_at) values ('oembed-hostile', 'oembed-vijandig', 'published', ?1, 'CC-BY-4.0', ?1, ?1)",
      ).bind(now),
      env.DB.prepare("insert into analysis_translations (analysis_id, lang, title) values ('oembed-hostile', 'nl', ?1)").bind(title),
    ]);
    const response = await oembed(`${ORIGIN}/nl/analyses/oembed-vijandig`);
    expect(response.status).toBe(200);
    expect(response.body.title).toBe(title);
    const iframe = await iframeOf(response.body.html);
    expect(iframe.count).toBe(1);
    expect(iframe.src).toBe(`${ORIGIN}/embed/analysis?slug=oembed-vijandig&lang=nl`);
    expect(iframe.title).toBe(title);
  });
});
