import { describe, expect, it } from 'vitest';
import { get, getProblem } from './helpers.ts';

interface About {
  slug: string;
  name: string;
  mission: string | null;
  contact: { website: string; email: string | null };
  meta: { lang: string; fallback: string[] };
}

describe('GET /v1/about', () => {
  it('returns the Socius profile in each language', async () => {
    const names = new Map<string, string | null>();
    for (const lang of ['nl', 'en', 'fr']) {
      const { status, headers, body } = await get<{ data: About }>(`/v1/about?lang=${lang}`);
      expect(status).toBe(200);
      expect(headers.get('Content-Language')).toBe(lang);
      expect(body.data.slug).toBe('socius');
      expect(body.data.contact.website).toMatch(/^https:\/\//);
      expect(body.data.meta).toEqual({ lang, fallback: [] });
      names.set(lang, body.data.mission);
    }
    expect(new Set(names.values()).size).toBe(3);
  });

  it('rejects an unknown query parameter by name', async () => {
    const problem = await getProblem('/v1/about?langg=fr', 400);
    expect(problem.invalidParams).toEqual([{ name: 'langg', in: 'query', reason: 'Unknown parameter' }]);
  });
});

describe('GET /openapi.json', () => {
  it('describes the API as OpenAPI 3.1 with every public path', async () => {
    const { status, body } = await get<{ openapi: string; paths: Record<string, unknown> }>('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/v1/about', '/v1/events', '/v1/events/{slug}']));
  });
});
