import { afterEach, describe, expect, it } from 'vitest';
import '../../widgets/index.ts';
import { apiBase, expectAccessible, fetchJson, loaded, mount, shadow, text } from './helpers.ts';

interface ApiEvent {
  slug: string;
  title: string;
  attendanceMode: 'offline' | 'online' | 'mixed';
  venue: { city: string | null } | null;
}

afterEach(() => document.body.replaceChildren());

const upcoming = async (lang = 'nl') => (await fetchJson<{ data: ApiEvent[] }>(`/v1/events?limit=100&lang=${lang}`)).data;

/** The text of the `<dd>` after the `<dt>` that reads `label`, one line per line on screen. */
const field = (root: ParentNode, label: string) => {
  const dt = [...root.querySelectorAll('dt')].find((d) => text(d) === label);
  const dd = dt?.nextElementSibling as HTMLElement | null | undefined;
  // biome-ignore lint/performance/useDomNodeTextContent: the lines as a reader sees them, split where the address has <br>
  return dd ? dd.innerText.trim().replace(/[ \t]*\n\s*/g, '\n') : undefined;
};
const occurrences = (haystack: string, word: string) => haystack.split(word).length - 1;

describe('event elements say each thing once', () => {
  it('says “Online” once where an online event takes place, not “Waar: Online Online”', async () => {
    const events = await upcoming();
    for (const mode of ['online', 'mixed'] as const) {
      const event = events.find((e) => e.attendanceMode === mode)!;
      const element = mount('socius-event', { lang: 'nl', slug: event.slug, 'no-jsonld': '' });
      await loaded(element);
      const where = field(shadow(element), 'Waar');
      expect(where, `where ${mode} event “${event.title}” takes place`).toBeDefined();
      expect(occurrences(where!, 'Online'), `“Waar: ${where}”`).toBe(1);
    }
  });

  it('leaves “online” to the badge in a list, without “· Online” beside an “Online” badge', async () => {
    const events = await upcoming();
    const element = mount('socius-events', { lang: 'nl', limit: '100', 'no-jsonld': '' });
    await loaded(element);
    const root = shadow(element);
    for (const mode of ['online', 'mixed'] as const) {
      const event = events.find((e) => e.attendanceMode === mode)!;
      const item = root.querySelector(`[data-slug="${event.slug}"]`)!;
      const badges = [...item.querySelectorAll('.badge')].map((b) => text(b));
      expect(badges).toContain(mode === 'online' ? 'Online' : 'Ter plaatse en online');
      expect(text(item.querySelector('.when')).toLowerCase(), `the date line of “${event.title}”`).not.toContain('online');
    }
    // Opened, an online event says where once.
    const online = events.find((e) => e.attendanceMode === 'online')!;
    const item = root.querySelector(`[data-slug="${online.slug}"]`)!;
    item.querySelector<HTMLButtonElement>('.toggle')!.click();
    await element.updateComplete;
    expect(field(item, 'Waar')).toBe('Online');
  });
});

describe('event elements name places in the widget language', () => {
  it('writes Saint-Gilles in French and English and Sint-Gillis in Dutch, in an event’s address', async () => {
    const event = (await upcoming()).find((e) => e.venue?.city === 'Sint-Gillis')!;
    expect(event, 'the seed has an event in Sint-Gillis').toBeDefined();
    for (const [lang, label, city] of [
      ['fr', 'Où', 'Saint-Gilles'],
      ['en', 'Where', 'Saint-Gilles'],
      ['nl', 'Waar', 'Sint-Gillis'],
    ] as const) {
      const element = mount('socius-event', { lang, slug: event.slug, 'no-jsonld': '' });
      await loaded(element);
      expect(field(shadow(element), label), lang).toMatch(new RegExp(`^\\d{4} ${city}$`, 'm'));
    }
  });

  it('writes Bruxelles and Anvers in a French list and in an opened event, Brussels and Antwerp in English', async () => {
    for (const [lang, brussels, antwerp] of [
      ['fr', 'Bruxelles', 'Anvers'],
      ['en', 'Brussels', 'Antwerp'],
    ] as const) {
      const element = mount('socius-events', { lang, city: 'Brussel,Antwerpen', limit: '100', 'no-jsonld': '' });
      await loaded(element);
      const places = [...shadow(element).querySelectorAll('.item .when .muted')].map((w) => text(w));
      expect(
        places.some((p) => p.endsWith(`, ${brussels}`)),
        places.join(' | '),
      ).toBe(true);
      expect(
        places.some((p) => p.endsWith(`, ${antwerp}`)),
        places.join(' | '),
      ).toBe(true);
      expect(
        places.some((p) => /Brussel$|Antwerpen$/.test(p)),
        places.join(' | '),
      ).toBe(false);
      shadow(element).querySelector<HTMLButtonElement>('.item .toggle')!.click();
      await element.updateComplete;
      expect(text(shadow(element).querySelector('.details dd'))).toMatch(new RegExp(`${brussels}|${antwerp}`));
    }
  });
});

describe('event titles follow heading-level', () => {
  /** The element placed under the partner's own `<h2>`, with `heading-level="3"` as documented for that case. */
  async function underPartnerHeading<K extends 'socius-events' | 'socius-event'>(tag: K, attributes: Record<string, string>) {
    const section = document.createElement('section');
    section.innerHTML = '<h1>Partner</h1><h2>Agenda</h2>';
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries({ 'api-base': apiBase, lang: 'nl', 'heading-level': '3', 'no-jsonld': '', ...attributes })) {
      element.setAttribute(name, value);
    }
    section.append(element);
    document.body.append(section);
    await loaded(element);
    return { section, element };
  }
  const levels = (root: ParentNode, selector: string) =>
    [...root.querySelectorAll(selector)].map((title) => title.closest('[role="heading"]')?.getAttribute('aria-level'));

  it.each(['list', 'cards', 'compact'])('makes every title in the %s layout a heading at that level, in order', async (layout) => {
    const { section, element } = await underPartnerHeading('socius-events', { layout, limit: '3' });
    const found = levels(shadow(element), '.item [role="heading"] a');
    expect(found).toHaveLength(3);
    expect(new Set(found)).toEqual(new Set(['3']));
    await expectAccessible(section);
  });

  it('puts the month at that level in the calendar, the chosen day one deeper and its events under it', async () => {
    const { section, element } = await underPartnerHeading('socius-events', { layout: 'calendar' });
    const root = shadow(element);
    expect(root.querySelector('.month-nav [role="heading"]')?.getAttribute('aria-level')).toBe('3');
    expect(root.querySelector('.day-events > [role="heading"]')?.getAttribute('aria-level')).toBe('4');
    const titles = levels(root, '.day-events .item [role="heading"] a');
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles)).toEqual(new Set(['5']));
    await expectAccessible(section);
  });

  it('makes the title of <socius-event> a heading at that level', async () => {
    const { section, element } = await underPartnerHeading('socius-event', {});
    expect(shadow(element).querySelector('article > [role="heading"]')?.getAttribute('aria-level')).toBe('3');
    await expectAccessible(section);
  });
});
