// How widgets fit into a partner's page: their headings continue the page's outline, two of a kind can be told
// apart by assistive technology, and a page that switches language takes its widgets along.
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import '../../widgets/index.ts';
import { fetchJson, loaded, mount, shadow, text, until } from './helpers.ts';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
});

const axeOn = (rules: string[]) => axe.run(document.body, { runOnly: rules });

describe('headings and landmarks', () => {
  it.each([
    ['socius-analyses', {}],
    ['socius-analyses', { layout: 'list' }],
    ['socius-analysis', {}],
    ['socius-services', { filters: 'topic,format' }],
    ['socius-about', {}],
  ] as const)('<%s %o> titles sit one level under the partner’s heading with heading-level', async (tag, attributes) => {
    const heading = document.createElement('h2');
    heading.textContent = 'Van onze partner';
    document.body.append(heading);
    const element = mount(tag, { lang: 'nl', 'heading-level': '3', ...attributes });
    await loaded(element);
    const levels = [...shadow(element).querySelectorAll('[role="heading"]')].map((h) => Number(h.getAttribute('aria-level')));
    expect(levels[0]).toBe(3);
    expect(Math.max(...levels)).toBeLessThanOrEqual(4);
    const { violations } = await axeOn(['heading-order']);
    expect(violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
  });

  it.each(['socius-analyses', 'socius-services', 'socius-about'] as const)(
    'two <%s> on one page have regions with different names',
    async (tag) => {
      const first = mount(tag, { lang: 'nl' });
      const second = mount(tag, { lang: 'nl' });
      await Promise.all([loaded(first), loaded(second)]);
      const names = [first, second].map((el) => shadow(el).querySelector('section')?.getAttribute('aria-label'));
      expect(names[0]).toBeTruthy();
      expect(names[0]).not.toBe(names[1]);
      const { violations } = await axeOn(['landmark-unique']);
      expect(violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
    },
  );

  it.each([{ layout: 'list' }, { layout: 'calendar' }])(
    'two <socius-events %o> with filters and search on one page have regions and search forms with different names',
    async (attributes) => {
      const options = { lang: 'nl', filters: 'topic,city,date', search: '', ...attributes };
      const [first, second] = [mount('socius-events', options), mount('socius-events', options)];
      await Promise.all([loaded(first), loaded(second)]);
      for (const selector of ['section', 'form[role="search"]']) {
        const names = [first, second].map((el) => shadow(el).querySelector(selector)?.getAttribute('aria-label'));
        expect(names[0], selector).toBeTruthy();
        expect(names[0], selector).not.toBe(names[1]);
      }
      const { violations } = await axeOn(['landmark-unique']);
      expect(violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
    },
  );

  it('takes the name a partner gives its region with label', async () => {
    const element = mount('socius-analyses', { lang: 'nl', label: 'Analyses over vrijwilligers' });
    await loaded(element);
    expect(shadow(element).querySelector('section')?.getAttribute('aria-label')).toBe('Analyses over vrijwilligers');
  });
});

describe('the page’s language', () => {
  it('re-renders widgets without lang when <html lang> changes, and leaves those with lang alone', async () => {
    document.documentElement.lang = 'nl';
    const following = mount('socius-about');
    const fixed = mount('socius-analyses', { lang: 'nl', limit: '1' });
    await Promise.all([loaded(following), loaded(fixed)]);
    const dutch = text(shadow(fixed).querySelector('[role="heading"]'));
    const [fr, nl] = await Promise.all([
      fetchJson<{ data: { tagline: string } }>('/v1/about?lang=fr'),
      fetchJson<{ data: { tagline: string } }>('/v1/about?lang=nl'),
    ]);
    expect(text(shadow(following).querySelector('.tagline'))).toBe(nl.data.tagline);
    document.documentElement.lang = 'fr-BE';
    await until(() => text(shadow(following).querySelector('.tagline')) === fr.data.tagline, 'the French tagline');
    expect(following.uiLang).toBe('fr');
    await loaded(fixed);
    expect(text(shadow(fixed).querySelector('[role="heading"]'))).toBe(dutch);
    expect(fixed.uiLang).toBe('nl');
  });
});
