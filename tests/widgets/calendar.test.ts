import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../widgets/index.ts';
import { fetchJson, loaded, mount, shadow, text, until } from './helpers.ts';

interface ApiEvent {
  slug: string;
  title: string;
  sessions: { startsAt: string }[];
}

afterEach(() => document.body.replaceChildren());

const todayKey = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const titles = (element: Element) => [...shadow(element).querySelectorAll('.day-events .item [role="heading"]')].map((b) => text(b));

/** The sorted days of `month` on which the API has an event session. */
async function eventDays(month: string, query = ''): Promise<{ days: string[]; events: ApiEvent[] }> {
  const api = await fetchJson<{ data: ApiEvent[] }>(`/v1/events?lang=nl&limit=100&from=${month}-01&to=${lastDay(month)}${query}`);
  const days = [...new Set(api.data.flatMap((e) => e.sessions.map((s) => s.startsAt.slice(0, 10))))]
    .filter((d) => d.startsWith(month))
    .sort();
  return { days, events: api.data };
}

describe('<socius-events layout="calendar"> opens on something', () => {
  it('opens on the first day with events from today on, listing that day’s events, not on an empty today', async () => {
    const element = mount('socius-events', { lang: 'nl', layout: 'calendar' });
    await loaded(element);
    const month = todayKey().slice(0, 7);
    const { days, events } = await eventDays(month);
    expect(days.length, 'the seed has events this month').toBeGreaterThan(0);
    const expected = days.find((d) => d >= todayKey()) ?? days[0]!;
    const pressed = shadow(element).querySelector<HTMLButtonElement>('td button[aria-pressed="true"]')!;
    expect(pressed.dataset.day).toBe(expected);
    expect(pressed.getAttribute('tabindex')).toBe('0');
    const onThatDay = events.filter((e) => e.sessions.some((s) => s.startsAt.startsWith(expected))).map((e) => e.title);
    expect(titles(element).sort()).toEqual(onThatDay.sort());
    expect(text(shadow(element).querySelector('.day-events'))).not.toContain('Geen activiteiten op deze dag.');
  });

  it('opens the next month on its first day with events when the visitor pages with the month button', async () => {
    const element = mount('socius-events', { lang: 'nl', layout: 'calendar' });
    await loaded(element);
    const [next] = [...shadow(element).querySelectorAll<HTMLButtonElement>('.month-nav button')].slice(-1);
    next!.click();
    const month = (() => {
      const [y, m] = todayKey().split('-').map(Number) as [number, number];
      return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
    })();
    await element.updateComplete;
    await loaded(element);
    const { days } = await eventDays(month);
    const pressed = shadow(element).querySelector<HTMLButtonElement>('td button[aria-pressed="true"]')!;
    expect(pressed.dataset.day).toBe(days[0] ?? `${month}-${todayKey().slice(8)}`);
  });

  it('marks event days with a visible marker and words for screen readers, even in a 260 px sidebar', async () => {
    const element = mount('socius-events', { lang: 'nl', layout: 'calendar', style: 'display:block;width:260px' });
    await loaded(element);
    const marked = [...shadow(element).querySelectorAll<HTMLButtonElement>('td button.has-events')];
    expect(marked.length).toBeGreaterThan(0);
    for (const day of marked) {
      const dot = day.querySelector<HTMLElement>('.dot')!;
      expect(dot.getBoundingClientRect().width, `a visible marker on ${day.dataset.day}`).toBeGreaterThan(0);
      expect(text(day.querySelector('.dot + .visually-hidden'))).toMatch(/^, \d+ activiteit(en)? gevonden$/);
    }
  });
});

/** The keystrokes that type `day` (YYYY-MM-DD) into a Chromium date field, in the field order of the browser's locale. */
function dateKeys(day: string): string {
  const [year, month, date] = day.split('-') as [string, string, string];
  const order = new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(Date.UTC(2001, 1, 3)))
    .map((p) => p.type)
    .filter((type) => type === 'year' || type === 'month' || type === 'day');
  return order.map((type) => ({ year, month, day: date })[type]).join('');
}

/** The `/v1/events` list requests the page made since `since` (a performance.now() time). */
const eventRequests = (since: number) =>
  performance
    .getEntriesByType('resource')
    .filter((entry) => entry.startTime >= since && new URL(entry.name).pathname === '/v1/events')
    .map((entry) => new URL(entry.name).searchParams);

const inMonths = (months: number, day: number) => {
  const [y, m] = todayKey().split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + months, day)).toISOString().slice(0, 10);
};

describe('<socius-events> date filter', () => {
  it('moves the calendar to a date typed on the keyboard, in one request', async () => {
    const element = mount('socius-events', { lang: 'en', layout: 'calendar', filters: 'topic,city,date', 'no-jsonld': '' });
    await loaded(element);
    const input = shadow(element).querySelector<HTMLInputElement>('input[type="date"]')!;
    expect(text(input.closest('label'))).toBe('Go to date');
    const target = inMonths(2, 14);
    const since = performance.now();
    input.focus();
    await userEvent.keyboard(dateKeys(target));
    await until(() => element.month === target.slice(0, 7), `the calendar to move to ${target}`);
    await loaded(element);
    const pressed = shadow(element).querySelector<HTMLButtonElement>('td button[aria-pressed="true"]')!;
    expect(pressed.dataset.day).toBe(target);
    expect(pressed.getAttribute('tabindex')).toBe('0');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(eventRequests(since).map((q) => q.get('from'))).toEqual([`${target.slice(0, 7)}-01`]);
  });

  it('sends one request when a typed date is complete, not one per keystroke', async () => {
    const element = mount('socius-events', { lang: 'nl', filters: 'date', 'no-jsonld': '' });
    await loaded(element);
    const input = shadow(element).querySelector<HTMLInputElement>('input[type="date"]')!;
    const target = inMonths(3, 20);
    const since = performance.now();
    input.focus();
    await userEvent.keyboard(dateKeys(target));
    await until(() => eventRequests(since).length > 0, 'the request for the typed date');
    await loaded(element);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(eventRequests(since).map((q) => q.get('from'))).toEqual([target]);
    const api = await fetchJson<{ data: { title: string }[] }>(`/v1/events?lang=nl&limit=6&from=${target}`);
    expect([...shadow(element).querySelectorAll('.item [role="heading"]')].map((b) => text(b))).toEqual(api.data.map((e) => e.title));
  });
});

interface Facet {
  value: string;
  label: string;
  count: number;
}
const optionsOf = (select: HTMLSelectElement) =>
  [...select.options].slice(1).map((o) => ({ value: o.value, count: Number(/\((\d+)\)$/.exec(o.text)?.[1]) }));

describe('<socius-events> filter options', () => {
  it('offers, after a topic is chosen, only cities with events in the shown month, counted as the grid shows them', async () => {
    const element = mount('socius-events', { lang: 'nl', layout: 'calendar', filters: 'topic,city' });
    await loaded(element);
    const [topicSelect, citySelect] = [...shadow(element).querySelectorAll<HTMLSelectElement>('select')] as [
      HTMLSelectElement,
      HTMLSelectElement,
    ];
    const month = element.month;
    const range = `from=${month}-01&to=${lastDay(month)}`;
    const topics = optionsOf(topicSelect);
    const allCities = optionsOf(citySelect);
    // The topic whose events are in the fewest cities shows best that the city list narrows.
    const perTopic = await Promise.all(
      topics.map(async (t) => ({
        topic: t,
        cities: (await fetchJson<{ facets: { city: Facet[] } }>(`/v1/events?lang=nl&limit=1&facets=city&topic=${t.value}&${range}`)).facets
          .city,
      })),
    );
    const { topic, cities } = perTopic.filter((t) => t.cities.length > 0).sort((a, b) => a.cities.length - b.cities.length)[0]!;
    expect(cities.length, 'a topic found in fewer cities than all').toBeLessThan(allCities.length);

    await userEvent.selectOptions(topicSelect, topic.value);
    await until(() => optionsOf(citySelect).length === cities.length, 'the city options of the chosen topic');
    expect(optionsOf(citySelect)).toEqual(cities.map((c) => ({ value: c.value, count: c.count })));
    expect(optionsOf(citySelect).every((c) => c.count > 0)).toBe(true);
    // The other topics stay on offer, with their counts in this month.
    expect(optionsOf(topicSelect)).toEqual(topics);

    const city = cities[0]!;
    await userEvent.selectOptions(citySelect, city.value);
    await until(
      () =>
        text(shadow(element).querySelector('p.visually-hidden[role="status"]')) ===
        `${city.count} activiteit${city.count === 1 ? '' : 'en'} gevonden`,
      'the count of the grid',
    );
    await loaded(element);
    const shown = element.state.kind === 'ready' ? element.state.data.events : [];
    expect(shown).toHaveLength(city.count);
    expect(shadow(element).querySelectorAll('td button.has-events:not(.outside)').length).toBeGreaterThan(0);
  });
});

describe('<socius-events> words of the filters', () => {
  it('agrees “Tous/Toutes” with its noun and names places in French, still filtering by the stored name', async () => {
    const element = mount('socius-events', { lang: 'fr', filters: 'topic,city', limit: '100', 'no-jsonld': '' });
    await loaded(element);
    const [topicSelect, citySelect] = [...shadow(element).querySelectorAll<HTMLSelectElement>('select')] as [
      HTMLSelectElement,
      HTMLSelectElement,
    ];
    expect(topicSelect.options[0]!.text).toBe('Tous les thèmes');
    expect(citySelect.options[0]!.text).toBe('Toutes les communes');
    const brussels = [...citySelect.options].find((o) => o.value === 'Brussel')!;
    expect(brussels.text).toMatch(/^Bruxelles \(\d+\)$/);
    expect([...citySelect.options].some((o) => o.text.startsWith('Brussel '))).toBe(false);

    const since = performance.now();
    await userEvent.selectOptions(citySelect, 'Brussel');
    await until(() => eventRequests(since).some((q) => q.get('city') === 'Brussel'), 'a request for the stored name');
    await loaded(element);
    const api = await fetchJson<{ data: { title: string }[] }>('/v1/events?lang=fr&limit=100&city=Brussel');
    expect(api.data.length).toBeGreaterThan(0);
    expect(shadow(element).querySelectorAll('.item')).toHaveLength(api.data.length);
    const where = [...shadow(element).querySelectorAll('.item .when .muted')].map((w) => text(w));
    expect(where.some((w) => w.includes('Bruxelles'))).toBe(true);
    expect(where.some((w) => /Brussel(?![a-z])/.test(w))).toBe(false);
  });

  it('names places in English and Dutch too', async () => {
    const english = mount('socius-events', { lang: 'en', filters: 'city', 'no-jsonld': '' });
    const dutch = mount('socius-events', { lang: 'nl', filters: 'city', 'no-jsonld': '' });
    await loaded(english);
    await loaded(dutch);
    const label = (element: Element, value: string) =>
      [...shadow(element).querySelectorAll<HTMLOptionElement>('option')].find((o) => o.value === value)?.text.replace(/ \(\d+\)$/, '');
    expect(shadow(english).querySelector('option')!.text).toBe('All cities');
    expect(label(english, 'Brussel')).toBe('Brussels');
    expect(label(english, 'Antwerpen')).toBe('Antwerp');
    expect(label(dutch, 'Brussel')).toBe('Brussel');
    expect(shadow(dutch).querySelector('option')!.text).toBe('Alle gemeenten');
  });
});
