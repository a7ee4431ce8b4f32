// Which language a reader gets, from `?lang=` and the browser's Accept-Language, tried through HTTP so the test
// holds whichever negotiation code sits behind it.
import { describe, expect, it } from 'vitest';
import { get } from './helpers.ts';

interface Topics {
  data: { slug: string; name: string; meta: { lang: string } }[];
}

describe('the language of a response', () => {
  it.each([
    ['?lang=en', 'fr', 'en', '?lang= wins over the header'],
    ['?lang=fr', 'en;q=1, nl;q=0.9', 'fr', '?lang= wins over a header with q-values'],
    ['?lang=nl', 'fr', 'nl', '?lang=nl wins too'],
    ['', 'en;q=0.5, fr;q=0.9', 'fr', 'the highest q-value wins, wherever it stands'],
    ['', 'fr;q=0.1, en', 'en', 'a language without q counts as q=1'],
    ['', 'fr, en', 'fr', 'equal q-values keep the reader’s order'],
    ['', 'de, en;q=0.3, fr;q=0.2', 'en', 'an unsupported first choice is skipped'],
    ['', 'fr-BE', 'fr', 'a regional tag counts as its language'],
    ['', 'FR-be', 'fr', 'tags are case-insensitive'],
    ['', 'en-GB;q=0.8, nl-BE;q=0.9', 'nl', 'regional tags are ranked by q-value too'],
    ['', '*', 'nl', 'any language means Dutch'],
    ['', '*;q=0.5, fr', 'fr', 'a named language beats the wildcard'],
    ['', 'de', 'nl', 'an unsupported language falls back to Dutch'],
    ['', 'en;q=0', 'nl', 'q=0 refuses a language'],
    ['', 'en;q=0, fr;q=0.1', 'fr', 'a refused language is skipped'],
    ['', '', 'nl', 'no header means Dutch'],
    ['', ';;;,,,', 'nl', 'a malformed header falls back to Dutch'],
    ['', 'q=0.5', 'nl', 'a header of parameters only falls back to Dutch'],
    ['', '%%%, ()', 'nl', 'a header of punctuation falls back to Dutch'],
  ])('%s with Accept-Language %j serves %s: %s', async (query, acceptLanguage, expected) => {
    const { status, headers, body } = await get<Topics>(`/v1/topics${query}`, { 'Accept-Language': acceptLanguage });
    expect(status).toBe(200);
    expect(headers.get('Content-Language')).toBe(expected);
    expect(body.data.every((topic) => topic.meta.lang === expected)).toBe(true);
  });

  it('serves the text in that language, not only the label', async () => {
    const nl = await get<Topics>('/v1/topics');
    const fr = await get<Topics>('/v1/topics', { 'Accept-Language': 'fr-BE, fr;q=0.9' });
    expect(fr.body.data.map((t) => t.slug)).toEqual(nl.body.data.map((t) => t.slug));
    expect(fr.body.data.map((t) => t.name)).not.toEqual(nl.body.data.map((t) => t.name));
  });

  it('tells caches the response varies by Accept-Language, so readers of another language never get this copy', async () => {
    for (const headers of [{}, { 'Accept-Language': 'fr' }] as Record<string, string>[]) {
      const response = await get('/v1/topics', headers);
      expect(response.headers.get('Vary') ?? '').toMatch(/(^|,\s*)Accept-Language(\s*,|$)/i);
    }
    const french = await get('/v1/topics', { 'Accept-Language': 'fr' });
    const dutch = await get('/v1/topics', { 'Accept-Language': 'nl' });
    expect(french.headers.get('ETag')).not.toBe(dutch.headers.get('ETag'));
  });

  it('answers an unsupported ?lang= with a 400 naming lang, instead of guessing', async () => {
    const { status, body } = await get<{ invalidParams?: { name: string }[] }>('/v1/topics?lang=de', { 'Accept-Language': 'fr' });
    expect(status).toBe(400);
    expect(body.invalidParams?.map((p) => p.name)).toEqual(['lang']);
  });
});
