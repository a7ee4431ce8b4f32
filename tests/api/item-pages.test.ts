import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { jsonLdIssues } from '../json-ld-rules.ts';
import { get, ORIGIN } from './helpers.ts';
import { scanHtml, urlScheme } from './html-scan.ts';

const LANGS = ['nl', 'en', 'fr'] as const;
type Linked = { slug: string; title: string; links: { html: string } };

const jsonLdOf = (html: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
const pathOf = (url: string) => url.slice(ORIGIN.length);
const attr = (html: string, pattern: RegExp) => pattern.exec(html)?.[1]?.replace(/&amp;/g, '&');

/** Asserts what every item page has, and returns its body. */
async function expectItemPage(url: string, lang: string, type: string) {
  expect(url.startsWith(`${ORIGIN}/${lang}/`), url).toBe(true);
  const page = await get<string>(pathOf(url));
  expect(page.status, url).toBe(200);
  expect(page.headers.get('Content-Type'), url).toMatch(/^text\/html/);
  expect(page.headers.get('Content-Language'), url).toBe(lang);
  expect(page.body, url).toContain(`<html lang="${lang}">`);
  const ld = jsonLdOf(page.body);
  expect(ld['@type'], url).toBe(type);
  expect(jsonLdIssues(ld), url).toEqual([]);
  expect(attr(page.body, /<link rel="canonical" href="([^"]+)">/), url).toBe(url);
  expect(attr(page.body, /<meta property="og:url" content="([^"]+)">/), url).toBe(url);
  expect(page.body, url).toMatch(/<meta property="og:title" content="[^"]+">/);
  expect(page.body, url).toContain('<meta name="twitter:card" content="summary">');
  expect(page.body, url).toContain('@media print');
  const alternates = Object.fromEntries(
    [...page.body.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m): [string, string] => [
      m[1] ?? '',
      m[2] ?? '',
    ]),
  );
  expect(Object.keys(alternates).sort(), url).toEqual(['en', 'fr', 'nl', 'x-default']);
  expect(alternates[lang], url).toBe(url);
  return { body: page.body, ld, alternates };
}

describe('GET /{lang}/{events|analyses|services}/{slug} and /{lang}/about (a page for every item)', () => {
  it('gives every published event, analysis and service, and the profile, a readable page in each language', {
    timeout: 60_000,
  }, async () => {
    const kinds = [
      ['events', 'Event', '&from=2000-01-01&limit=100'],
      ['analyses', 'Report', '&limit=100'],
      ['services', 'Service', '&limit=100'],
    ] as const;
    for (const lang of LANGS) {
      for (const [kind, type, query] of kinds) {
        const list = await get<{ data: Linked[] }>(`/v1/${kind}?lang=${lang}${query}`);
        expect(list.body.data.length, kind).toBeGreaterThan(0);
        for (const item of list.body.data) {
          const { body, ld } = await expectItemPage(item.links.html, lang, type);
          expect(item.links.html).toBe(`${ORIGIN}/${lang}/${kind}/${item.slug}`);
          // The page's schema.org node names the page as the item, not the JSON resource.
          expect(ld['@id']).toBe(item.links.html);
          expect(ld.url).toBe(item.links.html);
          expect(body).toContain(`<h1>${item.title.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;')}</h1>`);
        }
      }
      const about = await get<{ data: { name: string; links: { html: string } } }>(`/v1/about?lang=${lang}`);
      expect(about.body.data.links.html).toBe(`${ORIGIN}/${lang}/about`);
      await expectItemPage(about.body.data.links.html, lang, 'Organization');
    }
  });

  it('links each page to its translations (and Dutch as x-default), and every alternate answers 200', async () => {
    const event = (await get<{ data: Linked[] }>('/v1/events?lang=fr&limit=1')).body.data[0]!;
    const analysis = (await get<{ data: Linked[] }>('/v1/analyses?lang=fr&limit=1')).body.data[0]!;
    for (const url of [event.links.html, analysis.links.html, `${ORIGIN}/fr/about`]) {
      const { alternates } = await expectItemPage(url, 'fr', jsonLdOf((await get<string>(pathOf(url))).body)['@type']);
      expect(alternates['x-default']).toBe(alternates.nl);
      for (const [lang, href] of Object.entries(alternates)) {
        const alternate = await get<string>(pathOf(href));
        expect(alternate.status, href).toBe(200);
        expect(alternate.headers.get('Content-Type')).toMatch(/^text\/html/);
        if (lang !== 'x-default') expect(alternate.body).toContain(`<html lang="${lang}">`);
      }
    }
  });

  it('shows an event with its date line, place, status, an add-to-calendar link and a registration button', async () => {
    const events = await get<{ data: (Linked & { dateSummary: string; registration: { url: string | null; availability: string } })[] }>(
      '/v1/events?lang=en&limit=50&status=scheduled',
    );
    const event = events.body.data.find((e) => e.registration.url && e.registration.availability !== 'full')!;
    const page = await get<string>(pathOf(event.links.html));
    expect(page.body).toContain(event.dateSummary);
    expect(page.body).toContain(`<a class="button" href="${event.registration.url!.replace(/&/g, '&amp;')}">Register`);
    const ics = attr(page.body, /<a href="([^"]+calendar\.ics[^"]*)" download>Add to calendar/);
    expect(ics).toBe(`${ORIGIN}/v1/events/${event.slug}/calendar.ics?lang=en`);
    const calendar = await get<string>(pathOf(ics!));
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get('Content-Type')).toMatch(/^text\/calendar/);
  });

  it('shows a cancelled event as cancelled, without a registration button', async () => {
    const slug = (await get<{ data: Linked[] }>('/v1/events?lang=nl&limit=1&status=scheduled')).body.data[0]!.slug;
    await env.DB.prepare(`update events set event_status = 'cancelled', registration_url = 'https://example.org/in' where slug = ?`)
      .bind(slug)
      .run();
    const page = await get<string>(`/nl/events/${slug}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<span class="badge">Geannuleerd</span>');
    expect(page.body).not.toContain('class="button"');
    expect(page.body).not.toContain('href="https://example.org/in"');
    expect(jsonLdOf(page.body).eventStatus).toBe('https://schema.org/EventCancelled');
  });

  it('shows an analysis with its sections, authors, licence and attachments', async () => {
    const api = await get<{
      data: Linked & {
        sections: { anchor: string; heading: string }[];
        authors: { name: string }[];
        licence: string;
        attachments: { title: string; url: string }[];
      };
    }>('/v1/analyses/tien-stromingen-in-het-middenveld?lang=en');
    const a = api.body.data;
    const page = await get<string>(pathOf(a.links.html));
    expect(page.status).toBe(200);
    for (const s of a.sections) expect(page.body).toContain(`<section id="${s.anchor}"><h2>`);
    for (const author of a.authors) expect(page.body).toContain(author.name);
    expect(page.body).toContain(`>${a.licence}</a>`);
    expect(a.attachments.length).toBeGreaterThan(0);
    for (const file of a.attachments) expect(page.body).toContain(`href="${file.url}"`);
    expect(page.body).toContain('<meta property="og:type" content="article">');
  });
});

describe('pages for people answer errors as pages', () => {
  it('answers an unknown, malformed or unpublished slug with a 404 page in the language of the URL', async () => {
    const words = { nl: 'Niet gevonden', en: 'Not found', fr: 'Introuvable' };
    const slug = (await get<{ data: Linked[] }>('/v1/services?lang=nl&limit=1')).body.data[0]!.slug;
    await env.DB.prepare(`update services set status = 'draft' where slug = ?`).bind(slug).run();
    for (const lang of LANGS) {
      for (const path of [
        `/${lang}/events/bestaat-niet`,
        `/${lang}/analyses/bestaat-niet`,
        `/${lang}/services/${slug}`,
        `/${lang}/events/NOT_a%20slug`,
        `/${lang}/nothing-here`,
      ]) {
        const page = await get<string>(path);
        expect(page.status, path).toBe(404);
        expect(page.headers.get('Content-Type'), path).toMatch(/^text\/html/);
        expect(page.body, path).toContain(`<html lang="${lang}">`);
        expect(page.body, path).toContain(`<h1>${words[lang]}</h1>`);
      }
    }
  });

  it('answers /embed with an unknown slug with a 404 page in the visitor language, not problem+json', async () => {
    const fr = await get<string>('/embed/event?slug=bestaat-niet', { 'Accept-Language': 'fr-BE,fr;q=0.9' });
    expect(fr.status).toBe(404);
    expect(fr.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(fr.body).toContain('<h1>Introuvable</h1>');
    const en = await get<string>('/embed/analysis?slug=bestaat-niet&lang=en');
    expect(en.status).toBe(404);
    expect(en.body).toContain('<h1>Not found</h1>');
  });

  it('answers a bad /embed attribute with a 400 page in the visitor language that names the attribute', async () => {
    const nl = await get<string>('/embed/events?limit=500');
    expect(nl.status).toBe(400);
    expect(nl.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(nl.body).toContain('<html lang="nl">');
    expect(nl.body).toContain('<h1>Ongeldige aanvraag</h1>');
    expect(nl.body).toContain('<code>limit</code>');
    const en = await get<string>('/embed/events?colour=red', { 'Accept-Language': 'en' });
    expect(en.status).toBe(400);
    expect(en.body).toContain('<h1>Invalid request</h1>');
    expect(en.body).toContain('<code>colour</code>');
  });

  it('says in words that a list is empty', async () => {
    for (const [lang, text] of [
      ['nl', 'Er zijn geen activiteiten gevonden.'],
      ['fr', 'Aucune activité n&#39;a été trouvée.'],
    ] as const) {
      const page = await get<string>(`/embed/events?lang=${lang}&q=zzzzqqqq`);
      expect(page.status).toBe(200);
      expect(page.body).toContain(text);
    }
  });
});

describe('GET /{lang}/topics/{slug} and /{lang}/topics (topics list their items)', () => {
  type Topic = { slug: string; name: string };

  it('lists every published event, analysis and service of a topic, each linking to its page', { timeout: 60_000 }, async () => {
    const topics = (await get<{ data: Topic[] }>('/v1/topics?lang=fr')).body.data;
    expect(topics.length).toBeGreaterThan(0);
    let shown = 0;
    for (const topic of topics) {
      const url = `${ORIGIN}/fr/topics/${topic.slug}`;
      const { body, ld } = await expectItemPage(url, 'fr', 'CollectionPage');
      expect(body).toContain(`<h1>${topic.name.replace(/'/g, '&#39;')}</h1>`);
      expect(ld.about['@type']).toBe('DefinedTerm');
      const items: Linked[] = [];
      for (const kind of ['events', 'analyses', 'services']) {
        items.push(...(await get<{ data: Linked[] }>(`/v1/${kind}?lang=fr&topic=${topic.slug}&limit=20`)).body.data);
      }
      for (const item of items) expect(body, item.links.html).toContain(`<a href="${item.links.html}">`);
      expect(ld.mainEntity.itemListElement.map((e: { item: { url: string } }) => e.item.url)).toEqual(items.map((i) => i.links.html));
      shown += items.length;
    }
    expect(shown).toBeGreaterThan(0);
  });

  it('links the topics of an item page to their topic pages, and those answer', { timeout: 30_000 }, async () => {
    const analysis = (await get<{ data: Linked & { topics: Topic[] } }>('/v1/analyses/tien-stromingen-in-het-middenveld?lang=en')).body
      .data;
    const page = await get<string>(pathOf(analysis.links.html));
    expect(analysis.topics.length).toBeGreaterThan(0);
    for (const topic of analysis.topics) {
      expect(page.body).toContain(`<a href="/en/topics/${topic.slug}">${topic.name}</a>`);
      expect((await get<string>(`/en/topics/${topic.slug}`)).status).toBe(200);
    }
  });

  it('has an index of every topic, and says in words when a topic has nothing yet', { timeout: 30_000 }, async () => {
    const topics = (await get<{ data: Topic[] }>('/v1/topics?lang=nl')).body.data;
    const index = await get<string>('/nl/topics');
    expect(index.status).toBe(200);
    expect(index.body).toContain(`<link rel="canonical" href="${ORIGIN}/nl/topics">`);
    for (const t of topics) expect(index.body).toContain(`<a href="${ORIGIN}/nl/topics/${t.slug}">`);
    expect(jsonLdOf(index.body).itemListElement).toHaveLength(topics.length);
    await env.DB.batch([
      env.DB.prepare(
        `insert into topics (id, slug, status, position, created_at, updated_at) values ('t-empty', 'leeg-thema', 'published', 99, 0, 0)`,
      ),
      env.DB.prepare(`insert into topic_translations (topic_id, lang, name) values ('t-empty', 'nl', 'Leeg thema')`),
    ]);
    const empty = await get<string>('/en/topics/leeg-thema');
    expect(empty.status).toBe(200);
    expect(empty.body).toContain('There are no events, analyses or services on this topic yet.');
    const unknown = await get<string>('/fr/topics/bestaat-niet');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(unknown.body).toContain('<h1>Introuvable</h1>');
  });
});

describe('an online event page', () => {
  it('shows the link to join online', async () => {
    const events = await get<{ data: (Linked & { onlineUrl: string | null; status: string })[] }>(
      '/v1/events?lang=en&limit=50&attendanceMode=online,mixed&status=scheduled',
    );
    const event = events.body.data.find((e) => e.onlineUrl)!;
    expect(event).toBeDefined();
    const page = await get<string>(pathOf(event.links.html));
    expect(page.body).toContain(`<dt>Join online</dt><dd><a href="${event.onlineUrl!.replace(/&/g, '&amp;')}">`);
  });
});

// Content is planted straight into D1, as a broken or hostile writer could leave it. Runs last: it changes content.
describe('item pages with hostile content stored in D1', { timeout: 30_000 }, () => {
  const BREAKOUT = '</script><script>alert("title")</script>';
  const QUOTE = '"><img src=x onerror=alert(0)>';

  it('renders titles, meta tags, sections, links and JSON-LD inert', async () => {
    const event = (await get<{ data: Linked[] }>('/v1/events?lang=nl&limit=1&status=scheduled')).body.data[0]!.slug;
    const analysis = 'tien-stromingen-in-het-middenveld';
    const service = (await get<{ data: Linked[] }>('/v1/services?lang=nl&limit=1')).body.data[0]!.slug;
    await env.DB.batch([
      env.DB.prepare(
        `update event_translations set title = ?, summary = ?, description = ?
         where lang = 'nl' and event_id = (select id from events where slug = ?)`,
      ).bind(`${BREAKOUT} Vorming`, `${QUOTE} samenvatting`, '<a href="javascript:alert(1)">klik</a> <svg onload=alert(2)>', event),
      env.DB.prepare(
        `update events set registration_url = 'javascript:alert(3)', online_url = ' JavaScript:alert(4)',
           organiser_url = 'data:text/html,<script>alert(5)</script>' where slug = ?`,
      ).bind(event),
      env.DB.prepare(
        `update analysis_translations set title = ?, summary = ? where lang = 'nl' and analysis_id = (select id from analyses where slug = ?)`,
      ).bind(`${BREAKOUT} Tien stromingen`, QUOTE, analysis),
      env.DB.prepare(
        `update analysis_section_translations set heading = ?, body = ?
         where lang = 'nl' and section_id =
           (select id from analysis_sections where analysis_id = (select id from analyses where slug = ?) order by position limit 1)`,
      ).bind(
        `${BREAKOUT} Inleiding`,
        `<p onclick="alert(7)">Tekst</p><img src=x onerror=alert(8)><script>alert(8)</script><a href="javascript:alert(9)">link</a><iframe src="https://evil.example"></iframe>`,
        analysis,
      ),
      env.DB.prepare(
        `update analysis_attachments set url = 'javascript:alert(10)' where analysis_id = (select id from analyses where slug = ?)`,
      ).bind(analysis),
      env.DB.prepare(`update services set url = 'javascript:alert(12)' where slug = ?`).bind(service),
      env.DB.prepare(
        `update service_translations set title = ? where lang = 'nl' and service_id = (select id from services where slug = ?)`,
      ).bind(QUOTE, service),
      env.DB.prepare(`update about set website = 'javascript:alert(11)'`),
      env.DB.prepare(`update about_translations set name = ?, tagline = ? where lang = 'nl'`).bind(`${BREAKOUT} Socius`, QUOTE),
    ]);
    for (const path of [`/nl/events/${event}`, `/nl/analyses/${analysis}`, `/nl/services/${service}`, '/nl/about']) {
      const page = await get<string>(path);
      expect(page.status, path).toBe(200);
      const found: string[] = [];
      for (const { tag, attributes } of await scanHtml(page.body)) {
        if (['img', 'svg', 'iframe', 'object', 'embed'].includes(tag)) found.push(`<${tag}>`);
        for (const [name, value] of attributes) {
          if (name.startsWith('on')) found.push(`<${tag} ${name}>`);
          if (tag === 'script' && name === 'type' && value !== 'application/ld+json') found.push(`<script type=${value}>`);
          if (['href', 'src'].includes(name) && ![null, 'http', 'https', 'mailto'].includes(urlScheme(value)))
            found.push(`<${tag} ${name}="${value}">`);
        }
        if (tag === 'script' && attributes.length === 0) found.push('<script>');
      }
      expect(found, path).toEqual([]);
      expect((page.body.match(/<\/script/gi) ?? []).length, path).toBe(1);
      expect(JSON.stringify(jsonLdOf(page.body)), path).not.toMatch(/javascript:|data:text/i);
    }
  });
});
