// The JSON-LD a widget puts into the host page is the API's own (Accept: application/ld+json on the URL the
// widget read), so search engines index partner pages with the same schema.org data the API publishes.
import { afterEach, describe, expect, it } from 'vitest';
import '../../widgets/index.ts';
import { jsonLdIssues } from '../json-ld-rules.ts';
import { apiBase, fetchJson, loaded, mount, shadow, until } from './helpers.ts';

afterEach(() => document.body.replaceChildren());

const jsonLdIn = (element: Element) => {
  const scripts = element.querySelectorAll(':scope > script[type="application/ld+json"]');
  expect(scripts.length, `<${element.localName}> JSON-LD blocks`).toBe(1);
  return JSON.parse(scripts[0]?.textContent ?? 'null') as { '@type': string; itemListElement?: { position: number; item: object }[] };
};

const fromApi = async (path: string) =>
  (await (await fetch(new URL(path, apiBase), { headers: { Accept: 'application/ld+json' } })).json()) as unknown;

describe('schema.org JSON-LD in the host page', () => {
  it.each([
    ['socius-events', { lang: 'fr', limit: '3' }, '/v1/events?lang=fr&limit=3', 'ItemList'],
    ['socius-event', { lang: 'en' }, null, 'Event'],
    ['socius-analyses', { lang: 'nl' }, '/v1/analyses?lang=nl&limit=3', 'ItemList'],
    [
      'socius-analysis',
      { lang: 'en', slug: 'tien-stromingen-in-het-middenveld' },
      '/v1/analyses/tien-stromingen-in-het-middenveld?lang=en',
      'Report',
    ],
    ['socius-services', { lang: 'nl' }, '/v1/services?lang=nl&limit=20', 'ItemList'],
    ['socius-about', { lang: 'fr' }, '/v1/about?lang=fr', 'Organization'],
  ] as const)('<%s> writes the API’s JSON-LD, valid for its type', async (tag, attributes, path, type) => {
    const element = mount(tag, attributes);
    await loaded(element);
    const jsonLd = jsonLdIn(element);
    expect(jsonLd['@type']).toBe(type);
    expect(jsonLdIssues(jsonLd)).toEqual([]);
    if (path) expect(jsonLd).toEqual(await fromApi(path));
  });

  it('<socius-event> without a slug describes the one event it shows, as an Event', async () => {
    const element = mount('socius-event', { lang: 'nl' });
    await loaded(element);
    const slug = (await (await fetch(new URL('/v1/events?lang=nl&limit=1&status=scheduled', apiBase))).json()) as {
      data: { slug: string }[];
    };
    expect(jsonLdIn(element)).toEqual(await fromApi(`/v1/events/${slug.data[0]!.slug}?lang=nl`));
  });

  it('adds the events of "show more" to the list, numbered on', async () => {
    const element = mount('socius-events', { lang: 'nl', limit: '2' });
    await loaded(element);
    expect(jsonLdIn(element).itemListElement).toHaveLength(2);
    shadow(element).querySelector<HTMLButtonElement>('.more')!.click();
    await until(() => (jsonLdIn(element).itemListElement?.length ?? 0) > 2, 'the JSON-LD of the second page');
    const items = jsonLdIn(element).itemListElement ?? [];
    expect(items.map((entry) => entry.position)).toEqual(items.map((_, index) => index + 1));
    expect(jsonLdIssues(jsonLdIn(element))).toEqual([]);
  });

  it('writes none with no-jsonld, and removes it when no-jsonld is set later', async () => {
    const quiet = mount('socius-analyses', { lang: 'nl', 'no-jsonld': '' });
    await loaded(quiet);
    expect(quiet.querySelector('script')).toBeNull();
    const element = mount('socius-about', { lang: 'nl' });
    await loaded(element);
    expect(jsonLdIn(element)['@type']).toBe('Organization');
    element.setAttribute('no-jsonld', '');
    await element.reload();
    expect(element.querySelector('script')).toBeNull();
  });
});

describe('one JSON-LD block per item per page', () => {
  /** Every item described in the page's JSON-LD (a whole document, or an entry of an ItemList), by @id. */
  const described = () =>
    [...document.querySelectorAll('script[type="application/ld+json"]')].flatMap((script) => {
      const ld = JSON.parse(script.textContent ?? 'null') as {
        '@id'?: string;
        '@type': string;
        itemListElement?: { item: { '@id'?: string } }[];
      };
      return ld['@type'] === 'ItemList' ? (ld.itemListElement ?? []).map((entry) => entry.item['@id']) : [ld['@id']];
    });

  it('describes an event once when three widgets show it', async () => {
    const { data } = await fetchJson<{ data: { slug: string; links: { html: string } }[] }>('/v1/events?lang=nl&limit=3');
    const widgets = [
      mount('socius-events', { lang: 'nl', limit: '3' }),
      mount('socius-event', { lang: 'nl', slug: data[0]!.slug }),
      mount('socius-events', { lang: 'nl', limit: '3', layout: 'compact' }),
    ];
    await Promise.all(widgets.map((element) => loaded(element)));
    await until(() => described().length >= 3, 'the JSON-LD');
    const ids = described();
    expect(ids.filter((id) => id === data[0]!.links.html)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(data.map((e) => e.links.html)));
    for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
      expect(jsonLdIssues(JSON.parse(script.textContent ?? 'null'))).toEqual([]);
    }
    // The first list writes all three; when it goes, the others describe them again.
    widgets[0]!.remove();
    await until(() => new Set(described()).size === 3 && widgets[1]!.querySelector('script') !== null, 'the JSON-LD to move');
    expect(described()).toHaveLength(3);
  });
});
