import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { jsonLdIssues } from '../json-ld-rules.ts';
import type { MediaTypeDoc, OpenApiDocument, SchemaDoc } from '../openapi-document.ts';
import { get, ORIGIN } from './helpers.ts';

const LD = { Accept: 'application/ld+json' };

type Ld = Record<string, unknown> & { '@type': string; itemListElement?: { position: number; item: Record<string, unknown> }[] };

async function firstSlug(list: string): Promise<string> {
  const { body } = await get<{ data: { slug: string }[] }>(`${list}?lang=en`);
  return body.data[0]!.slug;
}

/** Every item and list URL under /v1, with the schema.org type its JSON-LD has. */
async function representedUrls(): Promise<[string, string][]> {
  return [
    ['/v1/about?lang=en', 'Organization'],
    ['/v1/topics?lang=en', 'ItemList'],
    [`/v1/topics/${await firstSlug('/v1/topics')}?lang=en`, 'DefinedTerm'],
    ['/v1/services?lang=en', 'ItemList'],
    [`/v1/services/${await firstSlug('/v1/services')}?lang=en`, 'Service'],
    ['/v1/analyses?lang=en', 'ItemList'],
    [`/v1/analyses/${await firstSlug('/v1/analyses')}?lang=en`, 'Report'],
    ['/v1/events?lang=en&limit=100', 'ItemList'],
    [`/v1/events/${await firstSlug('/v1/events')}?lang=en`, 'Event'],
    ['/v1/search?q=vrijwilligers&lang=en', 'ItemList'],
  ];
}

// Each test makes a dozen requests; on a busy machine that takes longer than the default 5 s.
describe('GET /v1/… with Accept: application/ld+json', { timeout: 30_000 }, () => {
  it('answers every item and list with schema.org JSON-LD whose nodes have their required properties', async () => {
    for (const [url, type] of await representedUrls()) {
      const response = await get<Ld>(url, LD);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('Content-Type'), url).toBe('application/ld+json');
      expect(response.headers.get('Vary'), url).toMatch(/\bAccept\b(?!-)/);
      expect(response.body['@type'], url).toBe(type);
      expect(jsonLdIssues(response.body), url).toEqual([]);
      if (type === 'ItemList') expect(response.body.itemListElement?.length, url).toBeGreaterThan(0);
    }
  });

  it('keeps answering plain JSON by default, for */* and when JSON is preferred, and says it varies by Accept', async () => {
    for (const accept of [undefined, '*/*', 'application/json', 'application/ld+json;q=0.5, application/json']) {
      const response = await get<{ data: unknown[] }>('/v1/events?limit=2', accept ? { Accept: accept } : {});
      expect(response.headers.get('Content-Type'), accept).toMatch(/^application\/json/);
      expect(response.headers.get('Vary'), accept).toMatch(/\bAccept\b(?!-)/);
      expect(Array.isArray(response.body.data), accept).toBe(true);
    }
    const preferred = await get('/v1/events?limit=2', { Accept: 'application/ld+json, application/json;q=0.9' });
    expect(preferred.headers.get('Content-Type')).toBe('application/ld+json');
  });

  it('describes the same data as the JSON: an event and a page of analyses', async () => {
    const json = await get<{
      data: {
        title: string;
        startsAt: string;
        endsAt: string;
        links: { html: string };
        meta: { lang: string };
        organiser: { name: string };
      }[];
      total: number;
    }>('/v1/events?lang=fr&limit=3');
    const ld = await get<Ld>('/v1/events?lang=fr&limit=3', LD);
    expect(ld.body.numberOfItems).toBe(json.body.total);
    expect(ld.body.itemListElement?.map((entry) => entry.item)).toEqual(
      json.body.data.map((e) =>
        expect.objectContaining({
          '@type': 'Event',
          name: e.title,
          startDate: e.startsAt,
          endDate: e.endsAt,
          // The item is its page for people; the JSON resource is one representation of it.
          '@id': e.links.html,
          url: e.links.html,
          inLanguage: 'fr',
          organizer: expect.objectContaining({ name: e.organiser.name }),
        }),
      ),
    );

    const analyses = await get<{ data: { title: string; publishedAt: string; licence: string }[] }>('/v1/analyses?lang=en');
    const analysesLd = await get<Ld>('/v1/analyses?lang=en', LD);
    expect(analysesLd.body.itemListElement?.map((entry) => entry.item)).toEqual(
      analyses.body.data.map((a) =>
        expect.objectContaining({
          '@type': 'Report',
          headline: a.title,
          datePublished: a.publishedAt,
          license: `https://spdx.org/licenses/${a.licence}.html`,
        }),
      ),
    );
  });

  it('gives each representation its own ETag, and 304 for a matching one', async () => {
    const path = '/v1/topics?lang=nl';
    const json = await SELF.fetch(`${ORIGIN}${path}`);
    const ld = await SELF.fetch(`${ORIGIN}${path}`, { headers: LD });
    await Promise.all([json.arrayBuffer(), ld.arrayBuffer()]);
    expect(ld.headers.get('ETag')).toBeTruthy();
    expect(ld.headers.get('ETag')).not.toBe(json.headers.get('ETag'));
    const again = await SELF.fetch(`${ORIGIN}${path}`, { headers: { ...LD, 'If-None-Match': ld.headers.get('ETag') ?? '' } });
    expect(again.status).toBe(304);
    const other = await SELF.fetch(`${ORIGIN}${path}`, { headers: { 'If-None-Match': ld.headers.get('ETag') ?? '' } });
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });

  it('serves JSON and JSON-LD of one URL from the edge cache each as itself: JSON, then JSON-LD, then JSON', async () => {
    const path = '/v1/services?lang=fr&limit=4';
    const fetchCached = async (headers: Record<string, string>) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const response = await SELF.fetch(`${ORIGIN}${path}`, { headers });
        const text = await response.text();
        if (response.headers.get('Server-Timing')?.includes('cache;desc="hit"'))
          return { type: response.headers.get('Content-Type'), text };
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`${path} was never served from the cache`);
    };
    const json = await fetchCached({});
    expect(json.type).toMatch(/^application\/json/);
    expect(JSON.parse(json.text)).toHaveProperty('data');
    const ld = await fetchCached(LD);
    expect(ld.type).toBe('application/ld+json');
    expect(JSON.parse(ld.text)).toMatchObject({ '@context': 'https://schema.org', '@type': 'ItemList' });
    const jsonAgain = await fetchCached({ Accept: 'application/json' });
    expect(jsonAgain.type).toMatch(/^application\/json/);
    expect(jsonAgain.text).toBe(json.text);
  });

  it('answers an unknown item or a bad parameter with the usual problem, whatever representation was asked for', async () => {
    const missing = await get<{ type: string }>('/v1/events/bestaat-niet', LD);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const bad = await get<{ invalidParams: { name: string }[] }>('/v1/analyses?limit=0', LD);
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0]?.name).toBe('limit');
  });
});

describe('the OpenAPI document', () => {
  it('documents application/ld+json on the 200 of every item and list operation, with a valid example', async () => {
    const doc = (await get<OpenApiDocument>('/openapi.json')).body;
    const represented = ['/v1/about', '/v1/topics', '/v1/topics/{slug}', '/v1/services', '/v1/services/{slug}', '/v1/analyses'];
    represented.push('/v1/analyses/{slug}', '/v1/events', '/v1/events/{slug}', '/v1/search');
    for (const path of represented) {
      const ok = doc.paths[path]?.get?.responses?.['200'] as { content?: Record<string, MediaTypeDoc> } | undefined;
      const media = ok?.content?.['application/ld+json'];
      expect(media?.schema, path).toEqual({ $ref: '#/components/schemas/JsonLd' });
      expect(jsonLdIssues(media?.example), path).toEqual([]);
    }
    const schema = doc.components?.schemas?.JsonLd as SchemaDoc | undefined;
    expect(schema?.required).toEqual(['@context', '@type']);
    for (const path of ['/v1/calendar.ics', '/v1/feeds/analyses.atom']) {
      const ok = doc.paths[path]?.get?.responses?.['200'] as { content?: Record<string, MediaTypeDoc> } | undefined;
      expect(Object.keys(ok?.content ?? {}), path).not.toContain('application/ld+json');
    }
  });
});

describe('schema.org Event and Report carry what calendars, search engines and portals read', { timeout: 30_000 }, () => {
  type EventJson = {
    status: string;
    startsAt: string;
    previousStartsAt: string | null;
    sessions: { startsAt: string; endsAt: string; status: string }[];
    registration: { url: string | null };
    links: { html: string };
  };
  const both = async (slug: string) => ({
    json: (await get<{ data: EventJson }>(`/v1/events/${slug}?lang=en`)).body.data,
    ld: (await get<Ld>(`/v1/events/${slug}?lang=en`, LD)).body,
  });

  it('a cancelled event offers nothing: its offer is Discontinued and never points at the registration form', async () => {
    const { json, ld } = await both('deelcafe-in-de-buurt-mechelen');
    expect(json.status).toBe('cancelled');
    expect(json.registration.url).toBeTruthy();
    expect(ld.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(ld.offers).toMatchObject({ availability: 'https://schema.org/Discontinued', url: json.links.html });
    expect(JSON.stringify(ld)).not.toContain(json.registration.url);
    expect(jsonLdIssues(ld)).toEqual([]);
  });

  it('an open event offers its registration', async () => {
    const { json, ld } = await both('vrijwilligersbeleid-op-maat-gent');
    expect(ld.offers).toMatchObject({ url: json.registration.url });
    expect(String((ld.offers as { availability: string }).availability)).not.toBe('https://schema.org/Discontinued');
  });

  it('a rescheduled event gives its previous start date', async () => {
    const { json, ld } = await both('communicatie-voor-bestuursleden-kortrijk');
    expect(json.status).toBe('rescheduled');
    expect(json.previousStartsAt).toBeTruthy();
    expect(ld).toMatchObject({ eventStatus: 'https://schema.org/EventRescheduled', previousStartDate: json.previousStartsAt });
  });

  it('an event of several sessions has one subEvent per session, at its times, cancelled where the session is', async () => {
    const { json, ld } = await both('inclusief-werken-avondreeks-antwerpen');
    expect(json.sessions.length).toBeGreaterThan(1);
    const sub = ld.subEvent as { startDate: string; endDate: string; eventStatus: string; location: unknown }[];
    expect(sub.map((s) => [s.startDate, s.endDate])).toEqual(json.sessions.map((s) => [s.startsAt, s.endsAt]));
    expect(sub.map((s) => s.eventStatus.endsWith('EventCancelled'))).toEqual(json.sessions.map((s) => s.status === 'cancelled'));
    for (const s of sub) expect(s.location).toEqual(ld.location);
    const single = await both('kennismaking-met-socius-online');
    expect(single.json.sessions).toHaveLength(1);
    expect(single.ld.subEvent).toBeUndefined();
  });

  it('an analysis is a Report with author, dates, language, licence and topics', async () => {
    const slug = await firstSlug('/v1/analyses');
    const json = (
      await get<{
        data: { authors: { name: string }[]; publishedAt: string; updatedAt: string; revisedAt: string | null; topics: { name: string }[] };
      }>(`/v1/analyses/${slug}?lang=fr`)
    ).body.data;
    const ld = (await get<Ld>(`/v1/analyses/${slug}?lang=fr`, LD)).body;
    expect(ld).toMatchObject({
      '@type': 'Report',
      author: json.authors.map((a) => expect.objectContaining({ name: a.name })),
      datePublished: json.publishedAt,
      dateModified: json.revisedAt ?? json.updatedAt,
      inLanguage: 'fr',
      license: expect.stringMatching(/^https:\/\/spdx\.org\/licenses\//),
      about: json.topics.map((t) => expect.objectContaining({ '@type': 'DefinedTerm', name: t.name })),
    });
  });
});
