import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { jsonLdIssues } from '../json-ld-rules.ts';
import { get } from './helpers.ts';

const jsonLdOf = (html: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);

describe('GET /embed/<element> (the no-JavaScript path)', () => {
  it('renders the events a widget would show as plain HTML in its language, with schema.org data', async () => {
    const api = await get<{ data: { title: string; dateSummary: string; links: { html: string } }[] }>(
      '/v1/events?lang=fr&limit=3&attendanceMode=online',
    );
    const page = await get<string>('/embed/events?lang=fr&limit=3&attendance-mode=online&layout=cards');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="fr">');
    for (const event of api.body.data) {
      // Each title leads to the event's own page, not to the JSON resource.
      expect(page.body).toContain(`<h2><a href="${event.links.html}">${event.title.replace(/'/g, '&#39;')}</a></h2>`);
      expect(page.body).toContain(event.dateSummary);
    }
    const jsonLd = jsonLdOf(page.body);
    expect(jsonLd['@type']).toBe('ItemList');
    expect(jsonLd.itemListElement).toHaveLength(api.body.data.length);
    expect(jsonLd.itemListElement[0].item['@type']).toBe('Event');
    expect(jsonLdIssues(jsonLd)).toEqual([]);
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

  it('passes bad attributes to the API and shows what it refused as a page naming the attribute', async () => {
    const bad = await get<string>('/embed/events?limit=500');
    expect([bad.status, bad.headers.get('Content-Type')]).toEqual([400, 'text/html; charset=UTF-8']);
    expect(bad.body).toContain('<code>limit</code>');
    expect((await get('/embed/event?slug=bestaat-niet')).status).toBe(404);
    const unknown = await get<string>('/embed/events?colour=red');
    expect(unknown.body).toContain('<code>colour</code>');
  });

  it('puts the same schema.org data into every page as the API serves as JSON-LD', { timeout: 30_000 }, async () => {
    const pages: [string, string][] = [
      ['/embed/events?lang=en&limit=4', '/v1/events?lang=en&limit=4'],
      ['/embed/analyses?lang=fr', '/v1/analyses?lang=fr&limit=3'],
      ['/embed/analysis?slug=tien-stromingen-in-het-middenveld&lang=nl', '/v1/analyses/tien-stromingen-in-het-middenveld?lang=nl'],
      ['/embed/services?lang=nl', '/v1/services?lang=nl'],
      ['/embed/about?lang=fr', '/v1/about?lang=fr'],
    ];
    for (const [page, api] of pages) {
      const html = await get<string>(page);
      const ld = await get(api, { Accept: 'application/ld+json' });
      expect(jsonLdOf(html.body), page).toEqual(ld.body);
      expect(jsonLdIssues(ld.body), api).toEqual([]);
    }
  });
});

describe('GET /embed/<list> honours the widget attributes', () => {
  type Event = { slug: string; title: string; startsAt: string; links: { html: string } };
  const titles = (html: string) => [...html.matchAll(/<h[23]><a href="[^"]+">([^<]+)<\/a><\/h[23]>/g)].map((m) => m[1]);

  it('opens every link in the top window, outside a partner iframe', async () => {
    for (const path of ['/embed/events?lang=en', '/embed/analyses', '/embed/event', '/embed/about']) {
      const page = await get<string>(path);
      expect(page.body, path).toContain('<base target="_top">');
    }
  });

  it('lays out events as list, cards, compact or a calendar grouped by day, and refuses a layout it lacks', async () => {
    const api = await get<{ data: Event[] }>('/v1/events?lang=en&limit=6');
    for (const layout of ['list', 'cards', 'compact']) {
      const page = await get<string>(`/embed/events?lang=en&layout=${layout}`);
      expect(page.body, layout).toContain(`<ul class="items layout-${layout}">`);
    }
    const compact = await get<string>('/embed/events?lang=en&layout=compact');
    const withSummary = api.body.data.find((e) => (e as Event & { summary: string | null }).summary);
    // Compact is one line per event: the summary stays in the schema.org data, not on the page.
    const visible = compact.body.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');
    if (withSummary) expect(visible).not.toContain((withSummary as Event & { summary: string }).summary.replace(/'/g, '&#39;'));
    const calendar = await get<string>('/embed/events?lang=en&layout=calendar');
    const days = [...calendar.body.matchAll(/<section class="day"><h2><time datetime="(\d{4}-\d{2}-\d{2})">([^<]+)<\/time><\/h2>/g)];
    const expectedDays = [
      ...new Set(
        api.body.data.map((e) =>
          new Intl.DateTimeFormat('en-GB', {
            weekday: 'long',
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            timeZone: 'Europe/Brussels',
          }).format(new Date(e.startsAt)),
        ),
      ),
    ];
    expect(days.map((d) => d[2])).toEqual(expectedDays);
    expect(titles(calendar.body)).toEqual(api.body.data.map((e) => e.title.replace(/'/g, '&#39;')));
    const bad = await get<string>('/embed/analyses?layout=calendar&filters=city', { 'Accept-Language': 'en' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(bad.body).toContain('<code>layout</code>');
    expect(bad.body).toContain('<code>filters</code>');
  });

  it('shows the chosen filters as a plain GET form that keeps the other attributes and narrows the list', async () => {
    const page = await get<string>('/embed/events?lang=fr&layout=cards&filters=topic,city,date&limit=4');
    const form = /<form class="filters" method="get" action="\/embed\/events" target="_self"[^>]*>([\s\S]*?)<\/form>/.exec(page.body)?.[1];
    expect(form).toBeDefined();
    expect(page.body).not.toMatch(/<script(?! type="application\/ld\+json")/);
    for (const hidden of ['lang" value="fr', 'layout" value="cards', 'filters" value="topic,city,date', 'limit" value="4'])
      expect(form).toContain(`<input type="hidden" name="${hidden}">`);
    expect(form).toContain('<select name="topic"><option value="">Tous les thèmes</option>');
    expect(form).toContain('<select name="city"><option value="">Toutes les villes</option>');
    expect(form).toContain('<input type="date" name="from" value="">');
    // The options are the facets of the result, so each leads somewhere; submitting one narrows the list.
    const facets = await get<{ facets: { city: { value: string; label: string }[] } }>('/v1/events?lang=fr&facets=city&limit=1');
    const city = facets.body.facets.city[0]!;
    expect(form).toContain(`<option value="${city.value}">${city.label}</option>`);
    const narrowed = await get<string>(
      `/embed/events?lang=fr&layout=cards&filters=topic,city,date&limit=4&topic=&city=${encodeURIComponent(city.value)}&from=`,
    );
    expect(narrowed.status).toBe(200);
    const api = await get<{ data: Event[] }>(`/v1/events?lang=fr&limit=4&city=${encodeURIComponent(city.value)}`);
    expect(titles(narrowed.body)).toEqual(api.body.data.map((e) => e.title.replace(/'/g, '&#39;')));
    expect(narrowed.body).toContain(`<option value="${city.value}" selected>`);
    // The chosen city does not shrink its own list of choices.
    expect((narrowed.body.match(/<select name="city">[\s\S]*?<\/select>/)?.[0].match(/<option /g) ?? []).length).toBe(
      facets.body.facets.city.length + 1,
    );
    const services = await get<string>('/embed/services?lang=nl&filters=format&format=training');
    expect(services.body).toContain('<option value="training" selected>Vorming</option>');
  });

  it('offers a "more" link to the next page, which shows the next events', async () => {
    const first = await get<{ data: Event[]; nextCursor: string }>('/v1/events?lang=en&limit=2');
    const second = await get<{ data: Event[] }>(`/v1/events?lang=en&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    const page = await get<string>('/embed/events?lang=en&limit=2&layout=compact');
    const more = /<p class="more"><a href="([^"]+)" target="_self" rel="next">Show more<\/a><\/p>/
      .exec(page.body)?.[1]
      ?.replace(/&amp;/g, '&');
    expect(more).toBeDefined();
    const next = await get<string>(more!);
    expect(next.status).toBe(200);
    expect(next.body).toContain('<ul class="items layout-compact">');
    expect(titles(next.body)).toEqual(second.body.data.map((e) => e.title.replace(/'/g, '&#39;')));
  });

  it('writes analysis dates the way the page language does', async () => {
    const newest = (await get<{ data: { publishedAt: string }[] }>('/v1/analyses?lang=fr&limit=1')).body.data[0]!;
    const expected = {
      nl: new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeZone: 'Europe/Brussels' }),
      fr: new Intl.DateTimeFormat('fr-BE', { dateStyle: 'long', timeZone: 'Europe/Brussels' }),
    };
    for (const lang of ['nl', 'fr'] as const) {
      const page = await get<string>(`/embed/analyses?lang=${lang}&limit=1`);
      expect(page.body).toContain(`<time datetime="${newest.publishedAt}">${expected[lang].format(new Date(newest.publishedAt))}</time>`);
    }
  });
});

// Content is planted straight into D1, as a broken or hostile writer could leave it; the pages must render it
// inert. Runs last in this file: it changes the content the tests above read.
describe('GET /embed/<element> with hostile content stored in D1', { timeout: 30_000 }, () => {
  const BREAKOUT = '</script><script>alert("title")</script>';
  const HANDLER = '<img src=x onerror="alert(\'handler\')">';

  async function plant(): Promise<{ event: string; analysis: string }> {
    const event = (await get<{ data: { slug: string }[] }>('/v1/events?lang=nl&limit=1')).body.data[0]!.slug;
    const analysis = 'tien-stromingen-in-het-middenveld';
    const sql = [
      env.DB.prepare(
        `update event_translations set title = ?, summary = ?, description = ?
         where lang = 'nl' and event_id = (select id from events where slug = ?)`,
      ).bind(`${BREAKOUT} Vorming`, `${HANDLER} samenvatting`, '<a href="javascript:alert(1)">klik</a> <svg onload=alert(2)>', event),
      env.DB.prepare(
        `update events set registration_url = 'javascript:alert(3)', online_url = ' JavaScript:alert(4)',
           organiser_url = 'data:text/html,<script>alert(5)</script>', event_status = 'scheduled' where slug = ?`,
      ).bind(event),
      env.DB.prepare(`update analyses set canonical_url = 'javascript:alert(6)' where slug = ?`).bind(analysis),
      env.DB.prepare(
        `update analysis_translations set title = ? where lang = 'nl' and analysis_id = (select id from analyses where slug = ?)`,
      ).bind(`${BREAKOUT} Tien stromingen`, analysis),
      env.DB.prepare(
        `update analysis_section_translations set heading = ?, body = ?
         where lang = 'nl' and section_id =
           (select id from analysis_sections where analysis_id = (select id from analyses where slug = ?) order by position limit 1)`,
      ).bind(
        `${BREAKOUT} Inleiding`,
        `<p onclick="alert(7)">Tekst</p>${HANDLER}<script>alert(8)</script><a href="javascript:alert(9)">link</a><iframe src="https://evil.example"></iframe>`,
        analysis,
      ),
      env.DB.prepare(
        `update analysis_attachments set url = 'javascript:alert(10)' where analysis_id = (select id from analyses where slug = ?)`,
      ).bind(analysis),
      env.DB.prepare(`update about set website = 'javascript:alert(11)'`),
      env.DB.prepare(`update about_translations set name = ? where lang = 'nl'`).bind(`${BREAKOUT} Socius`),
    ];
    await env.DB.batch(sql);
    return { event, analysis };
  }

  /** Every way stored content could become markup, script or a link that runs code. */
  function injections(html: string): string[] {
    const found: string[] = [];
    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    for (const tag of scripts) if (tag !== '<script type="application/ld+json">') found.push(`script element ${tag}`);
    if ((html.match(/<\/script/gi) ?? []).length !== scripts.length) found.push('a </script> that closes no script of the page');
    for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
      if (/\son[a-z]+\s*=/i.test(tag)) found.push(`event handler in ${tag}`);
      if (/^<(iframe|img|svg|object|embed)\b/i.test(tag)) found.push(`element ${tag}`);
    }
    for (const [, href] of html.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/gi)) {
      const url = (href ?? '').replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
      if (!/^(https?:|mailto:|#|\/)/i.test(url.trim())) found.push(`link to ${url}`);
    }
    return found;
  }

  it('renders titles, sections, links and JSON-LD inert: no script, no handler, no javascript: link', async () => {
    const { event, analysis } = await plant();
    const pages = [
      `/embed/events?lang=nl&limit=100`,
      `/embed/event?slug=${event}&lang=nl`,
      `/embed/analyses?lang=nl&limit=100`,
      `/embed/analysis?slug=${analysis}&lang=nl`,
      `/embed/about?lang=nl`,
    ];
    for (const path of pages) {
      const page = await get<string>(path);
      expect(page.status, path).toBe(200);
      expect(injections(page.body), path).toEqual([]);
      // The planted text is still there, as text, both on the page and in the JSON-LD.
      expect(page.body, path).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
      expect(JSON.stringify(jsonLdOf(page.body)), path).toContain(JSON.stringify(BREAKOUT).slice(1, -1));
    }
  });

  it('keeps hostile URLs out of the JSON-LD as well', async () => {
    const { event, analysis } = await plant();
    for (const path of [`/v1/events/${event}?lang=nl`, `/v1/analyses/${analysis}?lang=nl`, '/v1/about?lang=nl']) {
      const ld = await get(path, { Accept: 'application/ld+json' });
      expect(
        jsonLdIssues(ld.body).filter((issue) => issue.includes('URL')),
        path,
      ).toEqual([]);
      expect(JSON.stringify(ld.body), path).not.toMatch(/javascript:|data:text/i);
    }
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
