// A visitor who clicks a title must land on a page for people (the item's `links.html`, or the partner's own page
// through `href-template`), never on the JSON resource the API calls `url`.
import { afterEach, describe, expect, it } from 'vitest';
import '../../widgets/index.ts';
import { apiBase, fetchJson, loaded, mount, shadow, text } from './helpers.ts';

afterEach(() => document.body.replaceChildren());

interface Item {
  id: string;
  slug: string;
  title?: string;
  name?: string;
  url: string;
  links: { html: string };
}

const titleLinks = (element: Element) => [...shadow(element).querySelectorAll<HTMLAnchorElement>('[role="heading"] a')];

describe('titles link to the item’s page for people', () => {
  it.each([
    ['socius-analyses', { lang: 'fr' }, '/v1/analyses?lang=fr&limit=3'],
    ['socius-analyses', { lang: 'en', layout: 'list' }, '/v1/analyses?lang=en&limit=3'],
    ['socius-services', { lang: 'nl' }, '/v1/services?lang=nl&limit=20'],
    ['socius-events', { lang: 'en', limit: '3' }, '/v1/events?lang=en&limit=3'],
    ['socius-events', { lang: 'fr', limit: '3', layout: 'cards' }, '/v1/events?lang=fr&limit=3'],
    ['socius-events', { lang: 'nl', limit: '3', layout: 'compact' }, '/v1/events?lang=nl&limit=3'],
  ] as const)('<%s %o> links every title to links.html, not to the JSON url', async (tag, attributes, path) => {
    const { data } = await fetchJson<{ data: Item[] }>(path);
    const element = mount(tag, attributes);
    await loaded(element);
    const links = titleLinks(element);
    expect(links.map((a) => text(a))).toEqual(data.map((item) => item.title));
    expect(links.map((a) => a.href)).toEqual(data.map((item) => item.links.html));
    expect(links.map((a) => a.href)).not.toContain(data[0]!.url);
  });

  it('<socius-analysis>, <socius-event> and <socius-about> link their title to the item’s page', async () => {
    const analysis = await fetchJson<{ data: Item }>('/v1/analyses/tien-stromingen-in-het-middenveld?lang=en');
    const next = await fetchJson<{ data: Item[] }>('/v1/events?lang=nl&limit=1&status=scheduled');
    const about = await fetchJson<{ data: Item }>('/v1/about?lang=fr');
    const shown = [
      [mount('socius-analysis', { lang: 'en', slug: 'tien-stromingen-in-het-middenveld' }), analysis.data],
      [mount('socius-event', { lang: 'nl' }), next.data[0]!],
      [mount('socius-about', { lang: 'fr' }), about.data],
    ] as const;
    for (const [element, item] of shown) {
      await loaded(element);
      expect(titleLinks(element)[0]?.href, element.localName).toBe(item.links.html);
    }
  });

  it('<socius-events> offers the event’s page in its opened details', async () => {
    const { data } = await fetchJson<{ data: Item[] }>('/v1/events?lang=en&limit=2');
    const element = mount('socius-events', { lang: 'en', limit: '2' });
    await loaded(element);
    shadow(element).querySelector<HTMLButtonElement>('.item .toggle')!.click();
    await element.updateComplete;
    expect(shadow(element).querySelector<HTMLAnchorElement>('a[part="page-link"]')?.href).toBe(data[0]!.links.html);
  });
});

describe('href-template', () => {
  it('sends titles to the partner’s own page, with slug, lang and id filled in URL-encoded', async () => {
    const { data } = await fetchJson<{ data: Item[] }>('/v1/analyses?lang=fr&limit=3');
    const element = mount('socius-analyses', {
      lang: 'fr',
      'href-template': 'https://partner.example/analyses/{lang}/{slug}?ref={id}&q=a b',
    });
    await loaded(element);
    expect(titleLinks(element).map((a) => a.href)).toEqual(
      data.map((a) => `https://partner.example/analyses/fr/${encodeURIComponent(a.slug)}?ref=${encodeURIComponent(a.id)}&q=a%20b`),
    );
  });

  it('sends <socius-events> titles in the calendar to the partner’s page too', async () => {
    const element = mount('socius-events', { lang: 'nl', layout: 'calendar', 'href-template': 'https://partner.example/agenda/{slug}' });
    await loaded(element);
    const items = [...shadow(element).querySelectorAll<HTMLElement>('.day-events .item')];
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((li) => li.querySelector<HTMLAnchorElement>('[role="heading"] a')?.href)).toEqual(
      items.map((li) => `https://partner.example/agenda/${li.dataset.slug}`),
    );
  });

  it('encodes what it fills in, so a value cannot add a path or a query of its own', async () => {
    const element = mount('socius-analyses', { lang: 'nl', limit: '1' });
    await loaded(element);
    element.hrefTemplate = 'https://partner.example/agenda/{slug}';
    expect(element.itemHref({ slug: '../admin?x=1#y', links: { html: `${apiBase}/nl/analyses/x` } })).toBe(
      'https://partner.example/agenda/..%2Fadmin%3Fx%3D1%23y',
    );
  });

  it('resolves a relative template against the host page', async () => {
    const element = mount('socius-services', { lang: 'nl', 'href-template': '/aanbod/{slug}' });
    await loaded(element);
    const { data } = await fetchJson<{ data: Item[] }>('/v1/services?lang=nl&limit=20');
    expect(titleLinks(element)[0]!.href).toBe(new URL(`/aanbod/${data[0]!.slug}`, document.baseURI).href);
  });

  it('ignores a template that would make a script link, and keeps the item’s own page', async () => {
    const { data } = await fetchJson<{ data: Item[] }>('/v1/analyses?lang=nl&limit=3');
    const element = mount('socius-analyses', { lang: 'nl', 'href-template': 'javascript:alert(document.domain)//{slug}' });
    await loaded(element);
    const hrefs = titleLinks(element).map((a) => a.href);
    expect(hrefs.some((href) => href.startsWith('javascript:'))).toBe(false);
    expect(hrefs).toEqual(data.map((a) => a.links.html));
  });
});
