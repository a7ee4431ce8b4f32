// The widgets as a partner's web developer meets them: real pages on another origin than the API (a light
// association homepage, a dark civic site in French, a 300 px sidebar, a 375 px phone), each sent with a strict
// Content-Security-Policy (scripts and requests only from the API, no 'unsafe-inline'), loading the built bundle
// with one script tag. Pages are opened once per site and width (partner-host.ts) and measured with the probes in
// partner-probes.ts. The run also writes screenshots of every layout to test-results/widgets/ for a reviewer.
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { apiBase, fetchJson } from './helpers.ts';
import {
  axeWithTheme,
  CASES,
  itemTitles,
  jsonLdItems,
  layoutShift,
  measureOverflow,
  openFirstEvent,
  richTextShown,
  shownEventSlugs,
  widgetsMarkup,
} from './partner-probes.ts';

type Spec = Parameters<typeof commands.partnerOpen>[1];

const ALL = widgetsMarkup();
const PAGES = {
  'light-1280': { site: 'light', place: 'main', lang: 'en', width: 1280, scheme: 'light', widgets: ALL },
  'light-375': { site: 'light', place: 'main', lang: 'en', width: 375, scheme: 'light', widgets: ALL },
  'dark-1280': { site: 'dark', place: 'main', lang: 'fr', width: 1280, scheme: 'dark', widgets: ALL },
  'dark-375': { site: 'dark', place: 'main', lang: 'fr', width: 375, scheme: 'dark', widgets: ALL },
  'sidebar-1280': { site: 'light', place: 'aside', lang: 'nl', width: 1280, scheme: 'light', widgets: ALL },
} satisfies Record<string, Spec>;
type PageId = keyof typeof PAGES;

const open = (id: PageId) => commands.partnerOpen(id, PAGES[id], apiBase);
const opened = new Set<string>();

/** Runs `probe` inside the partner page `id` and answers what it returns. */
async function probe<T>(id: string, fn: (argument: never) => T, argument?: unknown): Promise<Awaited<T>> {
  return (await commands.partnerEvaluate(id, fn.toString(), argument)) as Awaited<T>;
}

// Several pages of ten widgets each, on a machine that may be busy.
const SLOW = 180_000;

afterAll(() => commands.partnerClose());

describe('partner pages on another origin, under a strict CSP', () => {
  it('loads every element from the API onto a page of another origin', { timeout: SLOW }, async () => {
    const url = await open('light-1280');
    opened.add('light-1280');
    expect(new URL(url).origin).not.toBe(new URL(apiBase).origin);
    const overflow = await probe('light-1280', measureOverflow);
    expect(overflow.widgets.map((w) => w.name)).toEqual(CASES.map((c) => c.name));
  });

  describe('no layout of any element overflows its box or the page', () => {
    const check = async (id: PageId, width?: number) => {
      await open(id);
      opened.add(id);
      if (width) await commands.partnerSet(id, { width });
      // The open event's details are what is most cramped on a phone.
      await probe(id, openFirstEvent);
      const { page, widgets } = await probe(id, measureOverflow);
      const failures = widgets.flatMap((w) => [
        ...(w.clientWidth === 0 ? [`${w.name}: not rendered (width 0)`] : []),
        ...(w.scrollWidth > w.clientWidth ? [`${w.name}: scrollWidth ${w.scrollWidth} > clientWidth ${w.clientWidth}`] : []),
        ...w.inner.map((inner) => `${w.name}: ${inner}`),
      ]);
      if (page.scrollWidth > page.clientWidth) failures.push(`host page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth}`);
      if (width) await commands.partnerSet(id, { width: PAGES[id].width });
      expect(failures).toEqual([]);
    };
    it('at 1280 px, in the main column of a light site', { timeout: SLOW }, () => check('light-1280'));
    it('in a 300 px sidebar (260 px of content) of a Dutch site', { timeout: SLOW }, () => check('sidebar-1280'));
    it('on a 375 px phone', { timeout: SLOW }, () => check('light-375'));
    it('on a 375 px phone, in French on a dark site', { timeout: SLOW }, () => check('dark-375'));
    it('on a 260 px screen', { timeout: SLOW }, () => check('light-375', 260));
  });

  it('describes each item once in JSON-LD, however many widgets on the page show it', { timeout: SLOW }, async () => {
    await open('light-1280');
    const { items } = await probe('light-1280', jsonLdItems);
    expect(items.length, 'items described in JSON-LD').toBeGreaterThan(0);
    const byId = new Map<string, typeof items>();
    for (const item of items) byId.set(item.id, [...(byId.get(item.id) ?? []), item]);
    const repeated = [...byId]
      .filter(([, found]) => found.length > 1)
      .map(([id, found]) => `${id} ×${found.length} in ${found.map((f) => f.in).join(', ')}`);
    expect(repeated).toEqual([]);
    // Described once, but described: every event shown in a list is in the page's JSON-LD.
    const slugs = await probe('light-1280', shownEventSlugs);
    expect(slugs.length).toBeGreaterThan(0);
    expect(slugs.filter((slug) => !items.some((item) => item.id.includes(slug)))).toEqual([]);
  });

  it('links item titles to a readable page: 200 text/html with JSON-LD and hreflang alternates', { timeout: SLOW }, async () => {
    await open('light-1280');
    const titles = await probe('light-1280', itemTitles);
    const failures = titles.filter((t) => !t.href).map((t) => `${t.name}: title "${t.title || '(no item shown)'}" is not a link`);
    const hrefs = [...new Set(titles.flatMap((t) => (t.href ? [t.href] : [])))];
    for (const href of hrefs) {
      const response = await commands.partnerFetch(href);
      const who = titles.find((t) => t.href === href)?.name;
      if (response.status !== 200 || !response.contentType.startsWith('text/html')) {
        failures.push(`${who}: ${href} answers ${response.status} ${response.contentType}`);
        continue;
      }
      const doc = new DOMParser().parseFromString(response.body, 'text/html');
      const ld = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => {
        try {
          return JSON.parse(s.textContent ?? '') as { '@type'?: unknown };
        } catch {
          return null;
        }
      });
      if (!ld.length || ld.some((block) => !block?.['@type'])) failures.push(`${who}: ${href} has no valid JSON-LD`);
      const hreflang = new Set([...doc.querySelectorAll('link[rel~="alternate"][hreflang]')].map((l) => l.getAttribute('hreflang')));
      const missing = ['nl', 'en', 'fr', 'x-default'].filter((lang) => !hreflang.has(lang));
      if (missing.length) failures.push(`${who}: ${href} lacks hreflang alternates ${missing.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it.each(['light-375', 'light-1280', 'dark-375', 'dark-1280'] as const)(
    'writes a screenshot of every layout to test-results/widgets (%s)',
    { timeout: SLOW },
    async (id) => {
      await open(id);
      opened.add(id);
      const { width, site } = PAGES[id];
      const written: string[] = [];
      for (const { name } of CASES) {
        written.push(await commands.partnerScreenshot(id, `[data-case="${name}"]`, `${name}-${width}-${site}.png`));
      }
      expect(written).toHaveLength(CASES.length);
    },
  );

  describe('every element stays readable in every theme: axe-core (all rules, contrast included) finds nothing', () => {
    it.each(
      (['light', 'dark'] as const).flatMap((site) =>
        (['light', 'dark'] as const).flatMap((os) =>
          (['none', 'light', 'dark', 'auto'] as const).map((theme) => [theme, site, os] as const),
        ),
      ),
    )('theme %s on the %s site, visitor OS %s', { timeout: SLOW }, async (theme, site, os) => {
      const id = `${site}-1280` as const;
      await open(id);
      await commands.partnerSet(id, { scheme: os });
      const violations = await probe(id, axeWithTheme, theme);
      expect(violations).toEqual([]);
    });

    afterAll(async () => {
      for (const id of ['light-1280', 'dark-1280'] as const) {
        await probe(id, axeWithTheme, 'none').catch(() => undefined);
        await commands.partnerSet(id, { scheme: PAGES[id].scheme }).catch(() => undefined);
      }
    });
  });

  // A homepage as partners build it: the events cards, the analyses and the organisation card in the main
  // column, with the one script tag answering 1.5 s late (a slow connection, a tag manager).
  const HOME = widgetsMarkup(CASES.filter((c) => ['events-cards', 'analyses-cards', 'about'].includes(c.name)));
  it.each([
    [1280, 800],
    [375, 740],
  ] as const)(
    'keeps the homepage still while the widgets load late: layout shift under 0.05 at %i px',
    { timeout: SLOW },
    async (width, height) => {
      const id = `late-${width}`;
      await commands.partnerOpen(
        id,
        { site: 'light', place: 'main', lang: 'en', width, height, scheme: 'light', widgets: HOME, scriptDelayMs: 1500 },
        apiBase,
      );
      opened.add(id);
      const shift = await probe(id, layoutShift);
      expect(shift.cls, `layout shifts: ${shift.shifts.join('; ')}`).toBeLessThan(0.05);
    },
  );

  // A partner page that requires Trusted Types refuses a plain string in `innerHTML` (a TypeError): rich text
  // gets there only as TrustedHTML of the widgets' own policy, which the partner allows by name (Lit's too).
  it('renders rich text on a page that requires Trusted Types, allowing only the socius-widgets and lit-html policies', {
    timeout: SLOW,
  }, async () => {
    const events = await fetchJson<{ data: { slug: string; description: string | null }[] }>('/v1/events?limit=100&lang=en');
    const described = events.data.find((e) => e.description);
    expect(described, 'a seeded event with a description').toBeDefined();
    const description = new DOMParser().parseFromString(described?.description ?? '', 'text/html').body.textContent?.trim() ?? '';
    const id = 'trusted-types-1280';
    const widgets = [
      `<socius-analysis data-case="analysis" slug="tien-stromingen-in-het-middenveld"></socius-analysis>`,
      `<socius-event data-case="event" slug="${described?.slug}"></socius-event>`,
    ].join('\n');
    await commands.partnerOpen(
      id,
      { site: 'light', place: 'main', lang: 'en', width: 1280, scheme: 'light', widgets, trustedTypes: ['socius-widgets', 'lit-html'] },
      apiBase,
    );
    opened.add(id);
    const shown = await probe(id, richTextShown);
    expect(shown.analysis?.paragraphs, 'paragraphs in the analysis sections').toBeGreaterThan(2);
    expect(shown.event?.text, 'the event description').toContain(description.slice(0, 40));
    expect(await commands.partnerProblems(id)).toEqual([]);
  });

  it('no partner page reported a CSP violation, a script error or a console error', { timeout: SLOW }, async () => {
    const problems: string[] = [];
    for (const id of opened) for (const problem of await commands.partnerProblems(id)) problems.push(`${id}: ${problem}`);
    expect(problems).toEqual([]);
    expect(opened.size).toBeGreaterThan(0);
  });
});
