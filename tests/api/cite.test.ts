// References are read back by Citation.js with its BibTeX and RIS plugins, as a reference manager would import them.
import { env } from 'cloudflare:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { get, getProblem } from './helpers.ts';

interface Analysis {
  slug: string;
  title: string;
  summary: string | null;
  publishedAt: string;
  authors: { name: string }[];
  topics: { name: string }[];
  links: { html: string };
}

interface Csl {
  type: string;
  title: string;
  author?: { literal?: string; family?: string; given?: string }[];
  issued?: { 'date-parts': number[][] };
  URL?: string;
  publisher?: string;
  abstract?: string;
  language?: string;
}

const fullName = (a: { literal?: string; family?: string; given?: string }) => a.literal ?? [a.given, a.family].filter(Boolean).join(' ');

async function read(slug: string, format: string, lang = 'en') {
  const response = await get<string>(`/v1/analyses/${slug}/cite?format=${format}&lang=${lang}`);
  expect(response.status, String(response.body)).toBe(200);
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  const parsed = (await Cite.async(text)).data as Csl[];
  expect(parsed).toHaveLength(1);
  return { response, csl: parsed[0]! };
}

describe('GET /v1/analyses/{slug}/cite', { timeout: 30_000 }, () => {
  it.each([
    ['bibtex', 'application/x-bibtex; charset=utf-8', 'bib'],
    ['ris', 'application/x-research-info-systems; charset=utf-8', 'ris'],
    ['csl-json', 'application/vnd.citationstyles.csl+json; charset=utf-8', 'json'],
  ])('as %s parses back to the analysis: title, authors, date, publisher, URL, abstract', async (format, type, extension) => {
    const api = (await get<{ data: Analysis[] }>('/v1/analyses?lang=en&limit=1')).body.data[0]!;
    const { response, csl } = await read(api.slug, format);
    expect(response.headers.get('Content-Type')).toBe(type);
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="${api.slug}.${extension}"`);
    expect(response.headers.get('ETag')).toBeTruthy();
    expect(csl.type).toBe('report');
    expect(csl.title).toBe(api.title);
    expect((csl.author ?? []).map(fullName)).toEqual(api.authors.map((a) => a.name));
    const [y, m, d] = api.publishedAt.slice(0, 10).split('-').map(Number);
    expect(csl.issued?.['date-parts'][0]?.slice(0, format === 'bibtex' ? 2 : 3)).toEqual(format === 'bibtex' ? [y, m] : [y, m, d]);
    expect(csl.publisher).toBe('Socius');
    expect(csl.URL).toBe(api.links.html);
    expect(csl.abstract).toBe(api.summary);
  });

  it('keeps special characters, braces and line breaks from breaking a reference', async () => {
    const now = Date.now();
    const title = 'Kosten & baten: 100% {vrijwillig} #2_a ~ ^ $5 \\ einde';
    await env.DB.batch([
      env.DB.prepare(
        "insert into analyses (id, slug, status, published_at, licence, created_at, updated_at) values ('cite-hostile', 'citeer-mij', 'published', ?1, 'CC-BY-4.0', ?1, ?1)",
      ).bind(now),
      env.DB.prepare("insert into analysis_translations (analysis_id, lang, title, summary) values ('cite-hostile', 'nl', ?1, ?2)").bind(
        title,
        'Regel een\nER  - \r\nTY  - JOUR\nnog } een regel',
      ),
      env.DB.prepare("insert into analysis_authors (analysis_id, position, name) values ('cite-hostile', 0, 'De Smet and Peeters {vzw}')"),
    ]);
    for (const format of ['bibtex', 'ris', 'csl-json']) {
      const { csl } = await read('citeer-mij', format, 'nl');
      expect(csl.title, format).toBe(title);
      // One author, kept whole: " and " inside a name does not split it into two.
      expect((csl.author ?? []).map(fullName), format).toEqual(['De Smet and Peeters {vzw}']);
      expect(csl.abstract, format).toContain('nog } een regel');
    }
  });

  it('answers an unknown slug with 404 and an unknown format with 400', async () => {
    await getProblem('/v1/analyses/bestaat-niet/cite?format=ris', 404);
    const problem = await getProblem('/v1/analyses/bestaat-niet/cite?format=endnote', 400);
    expect(problem.invalidParams?.map((p) => p.name)).toEqual(['format']);
  });
});
