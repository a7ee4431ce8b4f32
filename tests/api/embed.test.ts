import { describe, expect, it } from 'vitest';
import { get, getProblem } from './helpers.ts';

const jsonLdOf = (html: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);

describe('GET /embed/<element> (the no-JavaScript path)', () => {
  it('renders the events a widget would show as plain HTML in its language, with schema.org data', async () => {
    const api = await get<{ data: { title: string; dateSummary: string }[] }>('/v1/events?lang=fr&limit=3&attendanceMode=online');
    const page = await get<string>('/embed/events?lang=fr&limit=3&attendance-mode=online&layout=cards');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="fr">');
    for (const event of api.body.data) {
      expect(page.body).toContain(`<h2>${event.title.replace(/'/g, '&#39;')}</h2>`);
      expect(page.body).toContain(event.dateSummary);
    }
    const jsonLd = jsonLdOf(page.body);
    expect(jsonLd['@graph']).toHaveLength(api.body.data.length);
    expect(jsonLd['@graph'][0]['@type']).toBe('Event');
    expect(page.body).not.toMatch(/<script(?! type="application\/ld\+json")/);
  });

  it('renders one event, one analysis with its sanitised sections, services and the organisation', async () => {
    const list = await get<{ data: { slug: string; title: string }[] }>('/v1/events?lang=en&limit=1');
    const event = await get<string>(`/embed/event?slug=${list.body.data[0]!.slug}&lang=en`);
    expect(event.body).toContain(`<h1>${list.body.data[0]!.title.replace(/'/g, '&#39;')}</h1>`);
    expect(event.body).toContain('<link rel="canonical"');

    const analysis = await get<string>('/embed/analysis?slug=tien-stromingen-in-het-middenveld&lang=nl');
    expect(analysis.status).toBe(200);
    expect((analysis.body.match(/<section id="/g) ?? []).length).toBeGreaterThan(2);
    expect(jsonLdOf(analysis.body)['@type']).toBe('Report');

    const services = await get<string>('/embed/services?lang=nl&format=training');
    expect(services.status).toBe(200);
    const about = await get<string>('/embed/about?lang=fr');
    expect(about.body).toContain('<h1>Socius</h1>');
  });

  it('passes bad attributes to the API and answers with its problem', async () => {
    const problem = await getProblem('/embed/events?limit=500', 400);
    expect(problem.invalidParams?.[0]?.name).toBe('limit');
    await getProblem('/embed/event?slug=bestaat-niet', 404);
    const unknown = await getProblem('/embed/events?colour=red', 400);
    expect(unknown.invalidParams?.[0]?.name).toBe('colour');
  });

  it('escapes content so nothing stored can inject markup into a partner page', async () => {
    const page = await get<string>('/embed/events?lang=nl&limit=100');
    expect(page.body).not.toMatch(/<(?!\/?(html|head|meta|title|style|script|body|main|h1|h2|ul|li|p|strong|span|a|link)\b)[a-z]/i);
  });
});

describe('GET / (widget demo and builder)', () => {
  it('shows every widget live from the served bundle, and the builder form with its snippet', async () => {
    const page = await get<string>('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="/widgets/v1/socius.js"></script>');
    for (const tag of ['socius-events', 'socius-event', 'socius-analyses', 'socius-services', 'socius-about']) {
      expect(page.body).toContain(`<${tag} `);
    }
    expect(page.body).toContain('id="builder"');
    expect(page.body).toContain('id="snippet"');
  });
});
