// Whatever a person types into a search box reaches FTS5, whose query language has its own syntax (quotes,
// `*`, `NEAR(`, `-`, `AND`/`OR`/`NOT`, `column:`, parentheses). None of it may become a 500, and none of it may
// stop an ordinary word from finding what it found before.
import { describe, expect, it } from 'vitest';
import { get } from './helpers.ts';

interface ProblemOrList {
  data?: { slug: string }[];
  total?: number;
  invalidParams?: { name: string }[];
}

const ENDPOINTS = ['/v1/search', '/v1/analyses', '/v1/events'] as const;

// FTS5 syntax, SQL-ish and odd unicode, each typed as the whole query.
const TYPED = [
  '"',
  '""',
  'a"b',
  '"unterminated',
  '*',
  '**',
  'a*b',
  '*socius',
  'NEAR(socius vrijwilligers)',
  'NEAR(',
  'NEAR',
  'socius NEAR/2 vrijwilligers',
  '-socius',
  'socius -vrijwilligers',
  'socius AND vrijwilligers',
  'socius OR',
  'OR',
  'AND NOT OR',
  'NOT socius',
  'title:socius',
  '{title body}:socius',
  'body:',
  ':',
  '(',
  ')',
  '(socius',
  'socius)',
  '()',
  '^socius',
  '+',
  "'",
  "'; drop table events; --",
  '\\',
  '%',
  '_',
  '\u0000',
  ' ',
  '\t\n',
  'réseau',
  'RÉSEAU',
  're\u0301seau',
  '🙂',
  'vrijwilligers🙂',
  '日本語',
  'مرحبا',
  'Ω≈ç√',
  '\u200b',
  '\ufeff',
  'socius '.repeat(28).trim(),
  'a'.repeat(200),
];

const hasWord = (q: string) => /[\p{L}\p{N}]/u.test(q.trim());

describe('search input a person may type', () => {
  it.each(ENDPOINTS.flatMap((path) => TYPED.map((q) => [path, q] as const)))('%s?q=%j answers 200, or a 400 naming q', async (path, q) => {
    const { status, headers, body } = await get<ProblemOrList>(`${path}?q=${encodeURIComponent(q)}`);
    if (hasWord(q)) {
      expect(status, JSON.stringify(body)).toBe(200);
      expect(Array.isArray(body.data)).toBe(true);
    } else {
      expect(status, JSON.stringify(body)).toBe(400);
      expect(headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
      expect(body.invalidParams?.map((p) => p.name)).toEqual(['q']);
    }
  });

  it.each(ENDPOINTS)('%s answers a query longer than 200 characters, or an empty one, with a 400 naming q', async (path) => {
    for (const q of ['a'.repeat(201), '', '   ']) {
      const { status, body } = await get<ProblemOrList>(`${path}?q=${encodeURIComponent(q)}`);
      expect(status).toBe(400);
      expect(body.invalidParams?.map((p) => p.name)).toEqual(['q']);
    }
  });

  it.each(ENDPOINTS)('%s survives bytes that are not UTF-8 in q', async (path) => {
    const { status } = await get(`${path}?q=%ED%A0%80socius%FF`);
    expect([200, 400]).toContain(status);
  });
});

// The same word dressed in syntax finds exactly what the bare word finds: the syntax is read as punctuation.
const DRESSED = [
  (w: string) => `"${w}"`,
  (w: string) => `${w}*`,
  (w: string) => `(${w})`,
  (w: string) => `-${w}`,
  (w: string) => `+${w}`,
  (w: string) => `^${w}`,
  (w: string) => `${w}:`,
  (w: string) => `'${w}'`,
  (w: string) => `${w}"`,
  (w: string) => `{${w}}`,
  (w: string) => `${w};--`,
  (w: string) => `  ${w.toUpperCase()}  `,
];

describe('a word dressed in search syntax', () => {
  it.each([
    ['/v1/search', 'vrijwilligers'],
    ['/v1/analyses', 'middenveld'],
    ['/v1/events', 'vrijwilligers'],
  ])('%s still finds what %s finds', async (path, word) => {
    const slugs = async (q: string) => {
      const { status, body } = await get<ProblemOrList>(`${path}?limit=100&q=${encodeURIComponent(q)}`);
      expect(status, `${q}: ${JSON.stringify(body)}`).toBe(200);
      return body.data!.map((item) => item.slug);
    };
    const bare = await slugs(word);
    expect(bare.length).toBeGreaterThan(0);
    for (const dress of DRESSED) expect(await slugs(dress(word)), dress(word)).toEqual(bare);
  });
});
