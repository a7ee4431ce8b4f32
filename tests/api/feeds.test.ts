// Every feed is read the way feed readers read it: by feedsmith (an independent RSS/Atom/JSON Feed parser), after a
// strict XML 1.0 parser (saxes) has accepted the document, and compared with what the JSON API lists.
import { env } from 'cloudflare:test';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { JsonFeedSchema } from '../../api/feeds/index.ts';
import type { OpenApiDocument } from '../openapi-document.ts';
import { get, getProblem } from './helpers.ts';
import { schemaIssues } from './strict-schema.ts';

interface Item {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  updatedAt: string;
  links: { html: string };
}

const KINDS = ['analyses', 'events', 'services'] as const;
type Kind = (typeof KINDS)[number];

/** The first error a strict XML 1.0 parser finds, or null for a well-formed document. */
function xmlError(text: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(text).close();
  return error;
}

/** One feed, parsed; fails on anything a strict reader would refuse. */
async function readFeed(kind: Kind, format: 'rss' | 'atom' | 'json', query = '') {
  const response = await get<string>(`/v1/feeds/${kind}.${format}${query ? `?${query}` : ''}`);
  expect(response.status, String(response.body).slice(0, 300)).toBe(200);
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  if (format !== 'json') expect(xmlError(text), `${kind}.${format}?${query}`).toBeNull();
  return { response, text };
}

async function entries(kind: Kind, format: 'rss' | 'atom' | 'json', query = '') {
  const { response, text } = await readFeed(kind, format, query);
  if (format === 'atom') {
    const feed = parseAtomFeed(text);
    return {
      response,
      lang: feed.xml?.lang,
      items: (feed.entries ?? []).map((e) => ({
        id: e.id,
        title: e.title?.value,
        link: e.links?.find((l) => l.rel === 'alternate')?.href,
        updated: e.updated,
        summary: e.summary?.value ?? null,
      })),
    };
  }
  if (format === 'rss') {
    const feed = parseRssFeed(text);
    return {
      response,
      lang: feed.language,
      items: (feed.items ?? []).map((e) => ({
        id: e.guid?.value,
        title: e.title,
        link: e.link,
        updated: e.dc?.dates?.[0],
        summary: e.description ?? null,
      })),
    };
  }
  const feed = parseJsonFeed(text);
  return {
    response,
    lang: feed.language,
    items: (feed.items ?? []).map((e) => ({
      id: e.id,
      title: e.title,
      link: e.url,
      updated: e.date_modified,
      summary: e.summary ?? null,
    })),
  };
}

const LIST_QUERY: Record<Kind, string> = { analyses: 'limit=50', events: 'limit=50', services: 'limit=50' };
const list = async (kind: Kind, query: string) =>
  (await get<{ data: Item[] }>(`/v1/${kind}?${LIST_QUERY[kind]}${query ? `&${query}` : ''}`)).body.data;

const CONTENT_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

describe('GET /v1/feeds/{analyses,events,services}.{rss,atom,json}', { timeout: 60_000 }, () => {
  it.each(KINDS)('%s: each format lists what the JSON list lists, linking to the pages for people, in the asked language', async (kind) => {
    const api = await list(kind, 'lang=fr');
    expect(api.length).toBeGreaterThan(0);
    for (const format of ['rss', 'atom', 'json'] as const) {
      const feed = await entries(kind, format, 'lang=fr');
      expect(feed.response.headers.get('Content-Type'), format).toBe(CONTENT_TYPES[format]);
      expect(feed.response.headers.get('Content-Language'), format).toBe('fr');
      expect(feed.response.headers.get('Access-Control-Allow-Origin'), format).toBe('*');
      expect(feed.lang, format).toBe('fr');
      expect(
        feed.items.map((i) => i.link),
        format,
      ).toEqual(api.map((a) => a.links.html));
      for (const link of feed.items.map((i) => i.link)) expect(link, format).toMatch(/^https:\/\/api\.socius\.test\/fr\//);
      expect(
        feed.items.map((i) => i.title),
        format,
      ).toEqual(api.map((a) => a.title));
      // The same instant as the API's updatedAt, whatever notation the format uses.
      expect(
        feed.items.map((i) => Date.parse(String(i.updated))),
        format,
      ).toEqual(api.map((a) => Date.parse(a.updatedAt)));
    }
  });

  it.each(KINDS)('%s: entry ids are the same in every language and format, and never the slug', async (kind) => {
    const ids = await Promise.all(
      (['rss', 'atom', 'json'] as const).flatMap((format) =>
        ['nl', 'en', 'fr'].map(async (lang) => (await entries(kind, format, `lang=${lang}`)).items.map((i) => i.id)),
      ),
    );
    const api = await list(kind, '');
    const expected = api.map((a) => `tag:socius.be,2024:${kind}/${a.id}`);
    for (const set of ids) expect(set).toEqual(expected);
  });

  it.each([
    ['analyses', 'topic=participatie'],
    ['events', 'city=Gent'],
    ['events', 'attendanceMode=online&status=scheduled'],
    ['services', 'format=training'],
  ] as const)('%s with ?%s holds exactly what the JSON list holds', async (kind, query) => {
    const api = await list(kind, query);
    const all = await list(kind, '');
    expect(api.length).toBeGreaterThan(0);
    expect(api.length).toBeLessThan(all.length);
    for (const format of ['rss', 'atom', 'json'] as const) {
      expect((await entries(kind, format, query)).items.map((i) => i.link)).toEqual(api.map((a) => a.links.html));
    }
  });

  it('is JSON Feed 1.1 with language and authors, matching its documented schema field for field', async () => {
    const { text } = await readFeed('analyses', 'json', 'lang=en');
    const body = JSON.parse(text) as { version: string; language: string; authors: { name: string }[] };
    expect(body.version).toBe('https://jsonfeed.org/version/1.1');
    expect(body.language).toBe('en');
    expect(body.authors[0]?.name).toBe('Socius');
    expect(schemaIssues(JsonFeedSchema, body)).toEqual([]);
    const doc = (await get<OpenApiDocument>('/openapi.json')).body;
    for (const kind of KINDS) {
      const ok = doc.paths[`/v1/feeds/${kind}.json`]?.get?.responses?.['200'] as { content?: Record<string, { schema?: unknown }> };
      expect(ok.content?.['application/feed+json']?.schema, kind).toEqual({ $ref: '#/components/schemas/JsonFeed' });
    }
  });

  it('keeps an analysis with its authors, topics and licence in every format', async () => {
    const [first] = (
      await get<{ data: (Item & { authors: { name: string }[]; topics: { slug: string; name: string }[]; licence: string })[] }>(
        '/v1/analyses?lang=en&limit=1',
      )
    ).body.data;
    const atom = parseAtomFeed((await readFeed('analyses', 'atom', 'lang=en')).text).entries?.[0];
    expect(atom?.authors?.map((a) => a.name)).toEqual(first!.authors.map((a) => a.name));
    expect(atom?.categories?.map((c) => c.term)).toEqual(first!.topics.map((t) => t.slug));
    expect(atom?.rights?.value).toBe(first!.licence);
    const rss = parseRssFeed((await readFeed('analyses', 'rss', 'lang=en')).text).items?.[0];
    expect(rss?.dc?.creators).toEqual(first!.authors.map((a) => a.name));
    expect(rss?.categories?.map((c) => c.name)).toEqual(first!.topics.map((t) => t.name));
  });

  it('leads an event entry with its status, so a reader sees a cancellation', async () => {
    const [cancelled] = await list('events', 'status=cancelled&lang=en');
    const feed = await entries('events', 'atom', 'status=cancelled&lang=en');
    expect(feed.items[0]?.link).toBe(cancelled!.links.html);
    expect(feed.items[0]?.summary).toMatch(/^Cancelled/);
  });

  it.each([
    ['/v1/feeds/events.rss?limit=5', 'limit'],
    ['/v1/feeds/services.atom?format=podcast', 'format'],
    ['/v1/feeds/analyses.json?lang=de', 'lang'],
  ])('rejects %s with a problem naming %s', async (path, name) => {
    const problem = await getProblem(path, 400);
    expect(problem.invalidParams?.map((p) => p.name)).toEqual([name]);
  });
});

describe('feeds and calendars are cached like JSON', { timeout: 30_000 }, () => {
  it.each([
    '/v1/feeds/analyses.atom?lang=en',
    '/v1/feeds/events.rss',
    '/v1/feeds/services.json?lang=fr',
    '/v1/calendar.ics?lang=fr',
    '/v1/events/vrijwilligersbeleid-op-maat-gent/calendar.ics',
  ])('%s has a strong ETag, answers If-None-Match with 304, and is served from the edge copy', async (path) => {
    const first = await get<string>(path);
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+, s-maxage=\d+/);
    const again = await get<string>(path, { 'If-None-Match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    let hit = false;
    for (let attempt = 0; attempt < 50 && !hit; attempt++) {
      const response = await get<string>(path);
      expect(response.headers.get('ETag')).toBe(etag);
      hit = response.headers.get('Server-Timing')?.includes('cache;desc="hit"') ?? false;
      if (!hit) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(hit).toBe(true);
  });
});

// Last in this file: it plants hostile content in this file's database.
describe('feeds stay well-formed whatever the content holds', { timeout: 30_000 }, () => {
  const TITLE = 'Twee keer ]]> en nog eens ]]> <b>niet vet</b> & "zo"';
  const SUMMARY = 'Bel\u0007 en backspace\u0008 en\u0000 nul\u001b, <script>alert(1)</script> ]]>';
  const CLEAN_SUMMARY = 'Bel en backspace en nul, <script>alert(1)</script> ]]>';

  it('escapes markup, "]]>" twice, a topic named "Jong < 26", drops control characters, and survives a relative URL', async () => {
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        "insert into topics (id, slug, status, position, created_at, updated_at) values ('hostile-topic', 'jong-26', 'published', 99, ?1, ?1)",
      ).bind(now),
      env.DB.prepare("insert into topic_translations (topic_id, lang, name) values ('hostile-topic', 'nl', 'Jong < 26 & \"oud\"')"),
      env.DB.prepare(
        "insert into analyses (id, slug, status, published_at, licence, canonical_url, created_at, updated_at) values ('hostile-analysis', 'vijandig', 'published', ?1, 'CC-BY-4.0', 'niet/absoluut', ?1, ?1)",
      ).bind(now + 86_400_000),
      env.DB.prepare(
        "insert into analysis_translations (analysis_id, lang, title, summary) values ('hostile-analysis', 'nl', ?1, ?2)",
      ).bind(TITLE, SUMMARY),
      env.DB.prepare("insert into analysis_authors (analysis_id, position, name) values ('hostile-analysis', 0, 'A < B & C')"),
      env.DB.prepare("insert into analysis_topics (analysis_id, topic_id) values ('hostile-analysis', 'hostile-topic')"),
    ]);

    const atomText = (await readFeed('analyses', 'atom')).text;
    const atom = parseAtomFeed(atomText).entries?.[0];
    expect(atom?.id).toBe('tag:socius.be,2024:analyses/hostile-analysis');
    // Plain text, labelled as text: a reader shows the tags as written instead of interpreting them.
    expect(atom?.title).toEqual({ type: 'text', value: TITLE });
    expect(atom?.summary).toEqual({ type: 'text', value: CLEAN_SUMMARY });
    expect(atom?.categories?.[0]).toEqual({ term: 'jong-26', label: 'Jong < 26 & "oud"' });
    expect(atom?.authors?.[0]?.name).toBe('A < B & C');
    // The stored canonical URL is not absolute: it is left out, the entry still links to its page.
    expect(atom?.links?.map((l) => l.href)).toEqual(['https://api.socius.test/nl/analyses/vijandig']);

    const rss = parseRssFeed((await readFeed('analyses', 'rss')).text).items?.[0];
    expect(rss?.title).toBe(TITLE);
    // RSS readers read descriptions as HTML: it arrives escaped, so the HTML they see is the literal text.
    expect(rss?.description).toBe(CLEAN_SUMMARY.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(rss?.categories?.[0]?.name).toBe('Jong < 26 & "oud"');

    const json = JSON.parse((await readFeed('analyses', 'json')).text) as { items: Record<string, unknown>[] };
    expect(json.items[0]).toMatchObject({ title: TITLE, content_text: SUMMARY, tags: ['Jong < 26 & "oud"'] });
    expect(json.items[0]).not.toHaveProperty('content_html');
    expect(json.items[0]).not.toHaveProperty('external_url');

    const services = await env.DB.prepare("update services set url = 'zie website' where id = (select id from services limit 1)").run();
    expect(services.meta.changes).toBeGreaterThan(0);
    for (const format of ['rss', 'atom', 'json'] as const) await readFeed('services', format);
  });
});
