import { afterEach, describe, expect, inject, it } from 'vitest';
import '../../widgets/index.ts';
import { apiBase, expectAccessible, fetchJson, loaded, mount, shadow, text, until } from './helpers.ts';

afterEach(() => document.body.replaceChildren());

describe('<socius-event>', () => {
  it('shows one event in full: sessions, venue, price, registration and calendar link', async () => {
    const list = await fetchJson<{ data: { slug: string; title: string; sessions: unknown[]; venue: unknown }[] }>(
      '/v1/events?limit=100&lang=nl',
    );
    const multi = list.data.find((e) => e.sessions.length > 1 && e.venue)!;
    const element = mount('socius-event', { slug: multi.slug, lang: 'nl' });
    await loaded(element);
    const root = shadow(element);
    expect(text(root.querySelector('[role="heading"]'))).toBe(multi.title);
    expect(root.querySelectorAll('ul.sessions li')).toHaveLength(multi.sessions.length);
    expect(text(root.querySelector('dl'))).toMatch(/Waar/);
    expect(root.querySelector('a[part="add-to-calendar"]')).not.toBeNull();
    await expectAccessible(element);
  });

  it('shows the next upcoming event when no slug is given', async () => {
    const next = await fetchJson<{ data: { title: string }[] }>('/v1/events?limit=1&status=scheduled&lang=en');
    const element = mount('socius-event', { lang: 'en' });
    await loaded(element);
    expect(text(shadow(element).querySelector('[role="heading"]'))).toBe(next.data[0]!.title);
  });

  it('says the event does not exist for an unknown slug, without a pointless retry', async () => {
    const element = mount('socius-event', { slug: 'bestaat-niet', lang: 'nl' });
    await loaded(element);
    expect(text(shadow(element).querySelector('.status'))).toBe('Dit item bestaat niet (meer).');
    expect(shadow(element).querySelector('button')).toBeNull();
  });
});

describe('<socius-analyses> and <socius-analysis>', () => {
  it('lists analyses as cards with links and Report data for search engines', async () => {
    const api = await fetchJson<{ data: { title: string; links: { html: string } }[] }>('/v1/analyses?lang=fr&limit=3');
    const element = mount('socius-analyses', { lang: 'fr' });
    await loaded(element);
    const links = [...shadow(element).querySelectorAll<HTMLAnchorElement>('li [role="heading"] a')];
    expect(links.map((a) => text(a))).toEqual(api.data.map((a) => a.title));
    expect(links[0]!.href).toBe(api.data[0]!.links.html);
    expect(JSON.parse(element.querySelector('script[type="application/ld+json"]')!.textContent!).itemListElement[0].item['@type']).toBe(
      'Report',
    );
    await expectAccessible(element);
    element.setAttribute('layout', 'list');
    await element.updateComplete;
    await expectAccessible(element);
  });

  it('reads a full analysis with a table of contents that jumps to its sections', async () => {
    const element = mount('socius-analysis', { slug: 'tien-stromingen-in-het-middenveld', lang: 'en' });
    await loaded(element);
    const root = shadow(element);
    const tocLinks = [...root.querySelectorAll<HTMLAnchorElement>('nav a')];
    const sections = [...root.querySelectorAll<HTMLElement>('section[id]')];
    expect(tocLinks.length).toBe(sections.length);
    expect(tocLinks.length).toBeGreaterThan(2);
    tocLinks[2]!.click();
    expect(root.activeElement).toBe(sections[2]);
    expect(root.querySelectorAll('[part="downloads"] a').length).toBeGreaterThan(0);
    expect(root.querySelector('script')).toBeNull();
    await expectAccessible(element);
  });

  it('marks sections shown in Dutch because they are missing in the asked language', async () => {
    const list = await fetchJson<{ data: { slug: string; meta: { fallback: string[] } }[] }>('/v1/analyses?lang=fr&limit=100');
    const partial = list.data.find((a) => a.meta.fallback.includes('summary'))!;
    const element = mount('socius-analysis', { slug: partial.slug, lang: 'fr' });
    await loaded(element);
    const dutch = shadow(element).querySelector('section[lang="nl"]');
    expect(dutch).not.toBeNull();
    expect(text(dutch)).toContain('(en néerlandais)');
  });
});

describe('texts that fell back to Dutch', () => {
  // Items whose French rows lack the title (tests/widgets/fixtures/fallback.sql), planted beside the hostile rows.
  const planted = inject('hostileApiBase');
  const show = async <K extends keyof HTMLElementTagNameMap & `socius-${string}`>(tag: K, attributes: Record<string, string> = {}) => {
    const element = mount(tag, { 'api-base': planted, lang: 'fr', 'no-jsonld': '', ...attributes });
    await loaded(element);
    return shadow(element);
  };
  /** The language a screen reader reads the text in: the nearest `lang` inside the widget, else the widget's own. */
  const langOf = (root: ParentNode, selector: string, holding: string) => {
    const found = [...root.querySelectorAll(selector)].find((el) => text(el).includes(holding));
    expect(found, `${selector} holding ${holding}`).toBeDefined();
    return found?.closest('[lang]')?.getAttribute('lang') ?? 'fr (the widget)';
  };

  it('carry lang="nl" in every French widget, and the French texts beside them none', async () => {
    const dutch = (root: ParentNode, selector: string, holding: string) => expect(langOf(root, selector, holding), holding).toBe('nl');
    const french = (root: ParentNode, selector: string, holding: string) =>
      expect(langOf(root, selector, holding), holding).toBe('fr (the widget)');

    const list = await show('socius-events', { limit: '100' });
    const item = list.querySelector('li[data-slug="half-vertaalde-activiteit"]')!;
    dutch(item, '[role="heading"]', 'Half vertaalde activiteit');
    dutch(item, 'button.toggle span', 'Half vertaalde activiteit');
    french(item, 'p', 'Résumé en français');
    item.querySelector<HTMLButtonElement>('button.toggle')!.click();
    await until(() => text(item.querySelector('.details')).includes('Beschrijving'), 'the description');
    dutch(item, '.details p', 'Beschrijving in het Nederlands.');
    french(item, 'dd', 'Accessible en fauteuil roulant');

    const event = await show('socius-event', { slug: 'half-vertaalde-activiteit' });
    dutch(event, '[role="heading"]', 'Half vertaalde activiteit');
    french(event, 'p', 'Résumé en français');
    dutch(event, 'p', 'Beschrijving in het Nederlands.');

    const analyses = await show('socius-analyses', { limit: '100' });
    dutch(analyses, 'li [role="heading"]', 'Half vertaalde analyse');
    french(analyses, 'li p', 'Résumé en français');

    const analysis = await show('socius-analysis', { slug: 'half-vertaalde-analyse' });
    dutch(analysis, '[role="heading"]', 'Half vertaalde analyse');
    french(analysis, 'p.summary', 'Résumé en français');

    const services = await show('socius-services', { limit: '100' });
    dutch(services, 'li [role="heading"]', 'Half vertaalde dienst');
    french(services, 'li p', 'Résumé en français');
    dutch(services, 'li p span', 'Verenigingen');

    const about = await show('socius-about');
    dutch(about, '[role="heading"]', 'Socius');
    french(about, '.tagline', 'Le slogan en français');
  });
});

describe('<socius-services>', () => {
  it('shows the catalogue and narrows it with the format filter', async () => {
    const element = mount('socius-services', { lang: 'nl', filters: 'topic,format' });
    await loaded(element);
    const all = await fetchJson<{ data: unknown[] }>('/v1/services?limit=100&lang=nl');
    expect(shadow(element).querySelectorAll('li[part="service"]')).toHaveLength(all.data.length);
    const select = shadow(element).querySelectorAll<HTMLSelectElement>('select')[1]!;
    select.value = 'training';
    select.dispatchEvent(new Event('change'));
    const trainings = await fetchJson<{ data: unknown[] }>('/v1/services?format=training');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await loaded(element);
    expect(shadow(element).querySelectorAll('li[part="service"]')).toHaveLength(trainings.data.length);
    await expectAccessible(element);
  });
});

describe('<socius-about>', () => {
  it('shows the organisation card in each language', async () => {
    for (const lang of ['nl', 'en', 'fr']) {
      const api = await fetchJson<{ data: { name: string; tagline: string } }>(`/v1/about?lang=${lang}`);
      const element = mount('socius-about', { lang });
      await loaded(element);
      expect(text(shadow(element).querySelector('[role="heading"]'))).toBe(api.data.name);
      expect(text(shadow(element).querySelector('.tagline'))).toBe(api.data.tagline);
      await expectAccessible(element);
    }
  });

  it('follows the theme attribute and stays accessible in dark mode', async () => {
    const element = mount('socius-about', { lang: 'en', theme: 'dark' });
    await loaded(element);
    expect(getComputedStyle(element).colorScheme).toBe('dark');
    await expectAccessible(element);
  });
});

describe('the custom-elements manifest', () => {
  it('documents every CSS part an element renders', async () => {
    const manifest = (await (await fetch(new URL('/widgets/custom-elements.json', apiBase))).json()) as {
      modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[];
    };
    const documented = new Map(
      manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => [d.tagName, new Set(d.cssParts?.map((p) => p.name))]),
    );
    const events = await fetchJson<{ data: { slug: string; sessions: unknown[]; onlineUrl: string | null }[] }>('/v1/events?limit=100');
    const withEverything = events.data.find((e) => e.onlineUrl) ?? events.data[0]!;
    const shown: Element[] = [];
    const show = async (tag: keyof HTMLElementTagNameMap & `socius-${string}`, attributes: Record<string, string> = {}) => {
      const element = mount(tag, attributes);
      await loaded(element);
      shown.push(element);
      return element;
    };
    await show('socius-event', { slug: withEverything.slug });
    const list = await show('socius-events', { filters: 'topic,city,date', limit: '2' });
    shadow(list).querySelector<HTMLButtonElement>('.item .toggle')!.click();
    await list.updateComplete;
    await show('socius-events', { layout: 'calendar' });
    await show('socius-analyses');
    await show('socius-analysis', { slug: 'tien-stromingen-in-het-middenveld' });
    await show('socius-services', { filters: 'topic,format' });
    await show('socius-about');
    await show('socius-event', { slug: 'bestaat-niet' });
    const undocumented = shown.flatMap((element) =>
      [...shadow(element).querySelectorAll('[part]')]
        .flatMap((node) => [...node.part])
        .filter((part) => !documented.get(element.localName)?.has(part))
        .map((part) => `<${element.localName}> ${part}`),
    );
    expect([...new Set(undocumented)]).toEqual([]);
  });
});

describe('the custom-elements manifest’s theme contract', () => {
  it('shows every element the base wording of the colour contract, not a shorter one of its own', async () => {
    const manifest = (await (await fetch(new URL('/widgets/custom-elements.json', apiBase))).json()) as {
      modules: { declarations?: { name: string; tagName?: string; cssProperties?: { name: string; description?: string }[] }[] }[];
    };
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
    const base = new Map(declarations.find((d) => d.name === 'SociusElement')?.cssProperties?.map((p) => [p.name, p.description]));
    expect(base.get('--socius-surface')).toMatch(/Without `theme`.*With `theme`|without `theme`.*with `theme`/i);
    for (const element of declarations.filter((d) => d.tagName)) {
      for (const name of ['--socius-text', '--socius-surface', '--socius-accent']) {
        expect(element.cssProperties?.find((p) => p.name === name)?.description, `<${element.tagName}> ${name}`).toBe(base.get(name));
      }
    }
  });
});
