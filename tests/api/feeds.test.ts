import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { get, getProblem } from './helpers.ts';

interface Summary {
  slug: string;
  url: string;
  title: string;
  publishedAt: string;
  topics: { slug: string; name: string }[];
  authors: { name: string }[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'author', 'category', 'link'].includes(name),
});

describe('GET /v1/feeds/analyses.atom', () => {
  it('is a well-formed Atom feed of the published analyses, newest first, in the asked language', async () => {
    const analyses = (await get<{ data: Summary[] }>('/v1/analyses?lang=fr&limit=100')).body.data;
    const response = await get<string>('/v1/feeds/analyses.atom?lang=fr');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(XMLValidator.validate(response.body)).toBe(true);
    const feed = parser.parse(response.body).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(JSON.stringify(feed.title)).toMatch(/analyses du travail socioculturel/);
    type Text = string | { '#text': string };
    const text = (value: Text) => (typeof value === 'string' ? value : value['#text']);
    const entries = feed.entry as {
      id: string;
      title: Text;
      published: string;
      author: { name: string }[];
      category?: { '@term': string }[];
    }[];
    expect(entries.map((e) => e.id)).toEqual(analyses.map((a) => a.url));
    expect(entries.map((e) => text(e.title))).toEqual(analyses.map((a) => a.title));
    // The API states times to the second.
    const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
    expect(entries.map((e) => seconds(e.published))).toEqual(analyses.map((a) => seconds(a.publishedAt)));
    expect(entries[0]!.author.map((a) => a.name)).toEqual(analyses[0]!.authors.map((a) => a.name));
    expect((entries[0]!.category ?? []).map((c) => c['@term'])).toEqual(analyses[0]!.topics.map((t) => t.slug));
  });

  it('follows one topic', async () => {
    const topic = 'participatie';
    const analyses = (await get<{ data: Summary[] }>(`/v1/analyses?topic=${topic}&limit=100`)).body.data;
    const feed = parser.parse((await get<string>(`/v1/feeds/analyses.atom?topic=${topic}`)).body).feed;
    expect((feed.entry ?? []).length).toBe(analyses.length);
  });

  it('rejects unknown parameters with a problem', async () => {
    const problem = await getProblem('/v1/feeds/analyses.atom?limit=5', 400);
    expect(problem.invalidParams?.[0]?.name).toBe('limit');
  });
});

describe('GET /v1/feeds/analyses.json', () => {
  it('is a JSON Feed with the same entries', async () => {
    const analyses = (await get<{ data: Summary[] }>('/v1/analyses?lang=en&limit=100')).body.data;
    const response = await get<{ version: string; items: { id: string; title: string; url: string }[] }>('/v1/feeds/analyses.json?lang=en');
    expect(response.headers.get('Content-Type')).toBe('application/feed+json; charset=utf-8');
    expect(response.body.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/);
    expect(response.body.items.map((i) => i.id)).toEqual(analyses.map((a) => a.url));
    expect(response.body.items.map((i) => i.title)).toEqual(analyses.map((a) => a.title));
  });
});
