import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../widgets/index.ts';
import { expectAccessible, fetchJson, loaded, mount, shadow, text, until } from './helpers.ts';

interface ApiEvent {
  slug: string;
  title: string;
  dateSummary: string;
  startsAt: string;
  sessions: { startsAt: string }[];
}

afterEach(() => document.body.replaceChildren());

const titles = (element: Element) => [...shadow(element).querySelectorAll('.item [role="heading"]')].map((b) => text(b));

describe('<socius-events>', () => {
  it('shows the upcoming seeded events in the language asked for, with their date lines', async () => {
    const element = mount('socius-events', { lang: 'fr', limit: '4' });
    await loaded(element);
    const api = await fetchJson<{ data: ApiEvent[] }>('/v1/events?lang=fr&limit=4');
    expect(titles(element)).toEqual(api.data.map((e) => e.title));
    expect(text(shadow(element).querySelector('.item .when'))).toContain(api.data[0]!.dateSummary);
  });

  it('works with no attributes at all, in the host page language', async () => {
    document.documentElement.lang = 'en-GB';
    const element = document.createElement('socius-events');
    element.setAttribute('api-base', (await import('./helpers.ts')).apiBase);
    document.body.append(element);
    await loaded(element);
    const api = await fetchJson<{ data: ApiEvent[] }>('/v1/events?lang=en&limit=6');
    expect(titles(element)).toEqual(api.data.map((e) => e.title));
    document.documentElement.lang = '';
  });

  it('re-renders when an attribute changes', async () => {
    const element = mount('socius-events', { lang: 'nl', limit: '2' });
    await loaded(element);
    const dutch = titles(element);
    element.setAttribute('lang', 'en');
    element.setAttribute('limit', '3');
    await until(() => titles(element).length === 3 && titles(element)[0] !== dutch[0], 'English titles');
    const api = await fetchJson<{ data: ApiEvent[] }>('/v1/events?lang=en&limit=3');
    expect(titles(element)).toEqual(api.data.map((e) => e.title));
  });

  it('says so when nothing matches', async () => {
    const element = mount('socius-events', { lang: 'nl', city: 'Nergenshuizen' });
    await loaded(element);
    expect(text(shadow(element).querySelector('[role="status"].status'))).toBe('Er zijn geen activiteiten die aan je keuze voldoen.');
  });

  it('explains a network failure in the widget language and offers a retry', async () => {
    const element = mount('socius-events', { lang: 'fr', 'api-base': 'http://127.0.0.1:9' });
    await until(() => element.state.kind === 'error', 'the error state', 20_000);
    await element.updateComplete;
    expect(text(shadow(element).querySelector('.status'))).toBe('Le serveur de Socius est injoignable. Vérifiez votre connexion.');
    expect(text(shadow(element).querySelector('button'))).toBe('Réessayer');
  }, 30_000);

  it('loads more events through the API cursor and moves focus to the first new one', async () => {
    const element = mount('socius-events', { lang: 'nl', limit: '3' });
    await loaded(element);
    shadow(element).querySelector<HTMLButtonElement>('.more')!.click();
    await until(() => titles(element).length === 6, 'the second page');
    const api = await fetchJson<{ data: ApiEvent[] }>('/v1/events?lang=nl&limit=6');
    expect(titles(element)).toEqual(api.data.map((e) => e.title));
    await until(() => element.shadowRoot!.activeElement?.textContent?.trim() === api.data[3]!.title, 'focus on the first new event');
  });

  it('opens an event, telling the host page, and lets the host page take over', async () => {
    const element = mount('socius-events', { lang: 'en', limit: '2' });
    await loaded(element);
    const opened: string[] = [];
    element.addEventListener('socius-event-open', (e) => opened.push((e as CustomEvent<{ slug: string }>).detail.slug));
    const first = shadow(element).querySelector<HTMLButtonElement>('.item .toggle')!;
    first.click();
    await element.updateComplete;
    expect(first.getAttribute('aria-expanded')).toBe('true');
    expect(shadow(element).querySelector('.details a[part="add-to-calendar"]')?.getAttribute('href')).toMatch(/\/calendar\.ics\?lang=en$/);
    expect(opened).toHaveLength(1);

    const second = shadow(element).querySelectorAll<HTMLButtonElement>('.item .toggle')[1]!;
    element.addEventListener('socius-event-open', (e) => e.preventDefault());
    second.click();
    await element.updateComplete;
    expect(second.getAttribute('aria-expanded')).toBe('false');
  });

  it('filters with visible controls and announces the number of results', async () => {
    const element = mount('socius-events', { lang: 'nl', filters: 'topic,city,date', search: '' });
    await loaded(element);
    const select = shadow(element).querySelector<HTMLSelectElement>('select')!;
    const option = select.options[1]!;
    const expected = Number(/\((\d+)\)$/.exec(option.text)![1]);
    select.value = option.value;
    select.dispatchEvent(new Event('change'));
    await until(
      () =>
        text(shadow(element).querySelector('p.visually-hidden[role="status"]')) ===
        `${expected} activiteit${expected === 1 ? '' : 'en'} gevonden`,
      'the count',
    );
    const api = await fetchJson<{ total: number }>(`/v1/events?topic=${option.value}`);
    expect(api.total).toBe(expected);
  });

  it('puts schema.org Event data into the host page, unless told not to', async () => {
    const element = mount('socius-events', { lang: 'nl', limit: '2' });
    await loaded(element);
    const jsonLd = JSON.parse(element.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd['@context']).toBe('https://schema.org');
    expect(jsonLd.itemListElement).toHaveLength(2);
    expect(jsonLd.itemListElement[0].item).toMatchObject({
      '@type': 'Event',
      eventStatus: expect.stringMatching(/^https:\/\/schema.org\/Event/),
    });
    const quiet = mount('socius-events', { lang: 'nl', limit: '2', 'no-jsonld': '' });
    await loaded(quiet);
    expect(quiet.querySelector('script')).toBeNull();
  });

  it.each(['list', 'cards', 'compact', 'calendar'])('has no accessibility violations in the %s layout, details open', async (layout) => {
    const element = mount('socius-events', { lang: 'nl', layout, filters: 'topic,city,date', search: '' });
    await loaded(element);
    shadow(element).querySelector<HTMLButtonElement>('.item .toggle')?.click();
    await element.updateComplete;
    await expectAccessible(element);
  });
});

describe('<socius-events layout="calendar">', () => {
  it('shows a month grid with the days that have events, and the events of the chosen day', async () => {
    const element = mount('socius-events', { lang: 'nl', layout: 'calendar' });
    await loaded(element);
    const marked = [...shadow(element).querySelectorAll<HTMLButtonElement>('td button.has-events')];
    const month = element.month;
    const api = await fetchJson<{ data: ApiEvent[] }>(`/v1/events?lang=nl&limit=100&from=${month}-01&to=${month}-28`);
    const apiDays = new Set(
      api.data.flatMap((e) => e.sessions.map((s) => s.startsAt.slice(0, 10))).filter((d) => d.startsWith(month) && d <= `${month}-28`),
    );
    for (const day of apiDays) expect(marked.map((b) => b.dataset.day)).toContain(day);
    const day = marked.find((b) => b.dataset.day?.startsWith(month))!;
    day.click();
    await element.updateComplete;
    const expected = api.data.filter((e) => e.sessions.some((s) => s.startsAt.startsWith(day.dataset.day!))).map((e) => e.title);
    expect(titles(element)).toEqual(expect.arrayContaining(expected));
  });

  it('moves between days with the arrow keys and between months with Page Up/Down', async () => {
    const element = mount('socius-events', { lang: 'en', layout: 'calendar' });
    await loaded(element);
    const focused = () => element.shadowRoot!.activeElement as HTMLButtonElement | null;
    shadow(element).querySelector<HTMLButtonElement>('td button[tabindex="0"]')!.focus();
    const start = focused()!.dataset.day!;
    const next = new Date(Date.parse(`${start}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await userEvent.keyboard('{ArrowRight}');
    await until(() => focused()?.dataset.day === next, `focus to move to ${next}`);
    const weekLater = new Date(Date.parse(`${next}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    await userEvent.keyboard('{ArrowDown}');
    await until(() => focused()?.dataset.day === weekLater, `focus to move a week, to ${weekLater}`);
    const monthBefore = element.month;
    await userEvent.keyboard('{PageDown}');
    const [y, m, d] = weekLater.split('-').map(Number) as [number, number, number];
    const sameDayNextMonth = new Date(Date.UTC(y, m, Math.min(d, new Date(Date.UTC(y, m + 1, 0)).getUTCDate()))).toISOString().slice(0, 10);
    await until(
      () => element.month !== monthBefore && focused()?.dataset.day === sameDayNextMonth && focused()?.getAttribute('tabindex') === '0',
      `focus on ${sameDayNextMonth} in the next month`,
    );
    await userEvent.keyboard('{Enter}');
    await element.updateComplete;
    expect(focused()!.getAttribute('aria-pressed')).toBe('true');
  });
});
