// What the partner-page tests measure, as functions that run inside a partner page (a real page on another
// origin, see partner-host.ts). They travel as source text (`probe.toString()`), so each one is self-contained:
// no imports, no helpers from outside its own body. Every widget on those pages carries `data-case`.

/** The layouts every test goes through: each element, and each layout of it, as a partner would paste it. */
export const CASES = [
  { name: 'events-list', tag: 'socius-events', attributes: { layout: 'list', filters: 'topic,city,date' } },
  { name: 'events-cards', tag: 'socius-events', attributes: { layout: 'cards', filters: 'topic,city' } },
  { name: 'events-compact', tag: 'socius-events', attributes: { layout: 'compact' } },
  { name: 'events-calendar', tag: 'socius-events', attributes: { layout: 'calendar', filters: 'topic,city,date' } },
  { name: 'event', tag: 'socius-event', attributes: {} },
  { name: 'analyses-cards', tag: 'socius-analyses', attributes: { layout: 'cards' } },
  { name: 'analyses-list', tag: 'socius-analyses', attributes: { layout: 'list' } },
  { name: 'analysis', tag: 'socius-analysis', attributes: {} },
  { name: 'services', tag: 'socius-services', attributes: { filters: 'topic,format' } },
  { name: 'about', tag: 'socius-about', attributes: {} },
] as const;

export type CaseName = (typeof CASES)[number]['name'];

/** The widgets' markup with the fallback link a partner puts inside (what shows before and without the script). */
export function widgetsMarkup(cases: readonly (typeof CASES)[number][] = CASES): string {
  return cases
    .map(({ name, tag, attributes }) => {
      const attrs = Object.entries(attributes)
        .map(([key, value]) => ` ${key}="${value}"`)
        .join('');
      const embed = tag.replace(/^socius-/, '');
      return `<${tag} data-case="${name}"${attrs}><a href="{{api}}/embed/${embed}">Socius: ${embed}</a></${tag}>`;
    })
    .join('\n');
}

export interface Overflow {
  name: string;
  scrollWidth: number;
  clientWidth: number;
  /** Parts inside the shadow DOM that scroll or clip sideways (their content is wider than they are). */
  inner: string[];
}

/** Widths of every widget and what overflows inside it; and the page's own horizontal overflow. */
export function measureOverflow(): { page: { scrollWidth: number; clientWidth: number }; widgets: Overflow[] } {
  const describe = (el: Element) =>
    `${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}${
      el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''
    }`;
  const widgets = [...document.querySelectorAll<HTMLElement>('[data-case]')].map((host) => {
    const inner: string[] = [];
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        const style = getComputedStyle(el);
        // Visually hidden text (a 1 px clipped box for screen readers) overflows on purpose.
        if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 2) {
          inner.push(`${describe(el)} ${el.scrollWidth}>${el.clientWidth} (overflow-x: ${style.overflowX})`);
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    if (host.shadowRoot) walk(host.shadowRoot);
    return { name: host.dataset.case ?? host.localName, scrollWidth: host.scrollWidth, clientWidth: host.clientWidth, inner };
  });
  const root = document.documentElement;
  return { page: { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }, widgets };
}

/** Opens the first event of the list layout, so its details are measured and shown too. */
export async function openFirstEvent(): Promise<boolean> {
  const host = document.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('[data-case="events-list"]');
  const button = host?.shadowRoot?.querySelector<HTMLButtonElement>('.item button[aria-expanded="false"]');
  if (!host || !button) return false;
  button.click();
  await host.updateComplete;
  return true;
}

/** Sets `theme` on every widget (`none` removes it), then runs axe-core over the whole page with all its rules. */
export async function axeWithTheme(theme: string): Promise<string[]> {
  const widgets = [...document.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('[data-case]')];
  for (const widget of widgets) {
    if (theme === 'none') widget.removeAttribute('theme');
    else widget.setAttribute('theme', theme);
  }
  await Promise.all(widgets.map((widget) => widget.updateComplete));
  await new Promise((resolve) => setTimeout(resolve, 50));
  // axe is injected by the test browser (partner-host.ts), never by the page.
  const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
  const results = await axe.run(document, { resultTypes: ['violations', 'incomplete'] });
  const where = (target: unknown) => JSON.stringify(target);
  const violations = results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${where(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
  );
  // Colours axe could not work out are not a pass: a readable page must be measurable.
  const unmeasured = results.incomplete
    .filter((r) => r.id === 'color-contrast')
    .flatMap((r) => r.nodes.map((n) => `color-contrast unmeasured: ${where(n.target)} ${n.any[0]?.message ?? ''}`));
  return [...violations, ...unmeasured];
}

/** Cumulative layout shift as Chromium counts it (largest session window), with what moved most. */
export function layoutShift(): Promise<{ cls: number; total: number; shifts: string[] }> {
  return new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      observer.disconnect();
      type Shift = PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      };
      const entries = (list.getEntries() as Shift[]).filter((entry) => !entry.hadRecentInput);
      let cls = 0;
      let window = 0;
      let first = 0;
      let last = 0;
      for (const entry of entries) {
        if (window && (entry.startTime - last > 1000 || entry.startTime - first > 5000)) window = 0;
        if (!window) first = entry.startTime;
        window += entry.value;
        last = entry.startTime;
        cls = Math.max(cls, window);
      }
      const name = (node: Node | null | undefined) => {
        if (!node) return '?';
        const el = node instanceof Element ? node : node.parentElement;
        return el ? `${el.localName}${el.getAttribute('data-case') ? `[data-case=${el.getAttribute('data-case')}]` : ''}` : node.nodeName;
      };
      const shifts = entries.map(
        (entry) =>
          `${entry.value.toFixed(3)} at ${Math.round(entry.startTime)} ms: ${(entry.sources ?? [])
            // A rect that left the viewport is empty: say so rather than print a y of 0.
            .map(
              (s) =>
                `${name(s.node)} y ${Math.round(s.previousRect.y)}→${s.currentRect.height ? Math.round(s.currentRect.y) : 'out of view'}`,
            )
            .join(', ')}`,
      );
      resolve({ cls, total: entries.reduce((sum, entry) => sum + entry.value, 0), shifts });
    }).observe({ type: 'layout-shift', buffered: true });
    // With no shift at all the observer never fires.
    setTimeout(() => resolve({ cls: 0, total: 0, shifts: [] }), 1000);
  });
}

/** Every schema.org item described in the page's JSON-LD (list members count as items), by @id or url. */
export function jsonLdItems(): { blocks: number; items: { id: string; type: string; in: string }[] } {
  const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]')];
  const items: { id: string; type: string; in: string }[] = [];
  for (const script of scripts) {
    const where = script.closest('[data-case]')?.getAttribute('data-case') ?? 'page';
    const data = JSON.parse(script.textContent ?? 'null') as Record<string, unknown> | Record<string, unknown>[] | null;
    const blocks = Array.isArray(data) ? data : data ? [data] : [];
    for (const block of blocks) {
      const members: Record<string, unknown>[] =
        block['@type'] === 'ItemList' && Array.isArray(block.itemListElement)
          ? (block.itemListElement as Record<string, unknown>[]).map(
              (entry) => (entry.item as Record<string, unknown> | undefined) ?? entry,
            )
          : [block];
      for (const item of members) {
        items.push({ id: String(item['@id'] ?? item.url ?? JSON.stringify(item).slice(0, 80)), type: String(item['@type']), in: where });
      }
    }
  }
  return { blocks: scripts.length, items };
}

/** The slugs of the events shown in the list layouts (each item carries data-slug). */
export function shownEventSlugs(): string[] {
  const slugs = new Set<string>();
  for (const name of ['events-list', 'events-cards', 'events-compact']) {
    const host = document.querySelector(`[data-case="${name}"]`);
    for (const item of host?.shadowRoot?.querySelectorAll('[data-slug]') ?? []) slugs.add(item.getAttribute('data-slug') ?? '');
  }
  return [...slugs];
}

/**
 * The first item titles of each widget that shows items (list members; the single event's own title), with the
 * link each holds, or none. A widget that shows no item at all answers one entry with an empty title.
 */
export function itemTitles(): { name: string; title: string; href: string | null }[] {
  const found: { name: string; title: string; href: string | null }[] = [];
  for (const host of document.querySelectorAll<HTMLElement>('[data-case]')) {
    const name = host.dataset.case ?? '';
    if (name === 'analysis' || name === 'about') continue;
    const root = host.shadowRoot;
    const headings = [...(root?.querySelectorAll<HTMLElement>(name === 'event' ? '[role="heading"]' : 'li [role="heading"]') ?? [])].slice(
      0,
      name === 'event' ? 1 : 3,
    );
    if (!headings.length) found.push({ name, title: '', href: null });
    for (const heading of headings) {
      const link = heading.querySelector<HTMLAnchorElement>('a[href]') ?? heading.closest<HTMLAnchorElement>('a[href]');
      found.push({ name, title: (heading.textContent ?? '').replace(/\s+/g, ' ').trim(), href: link?.href ?? null });
    }
  }
  return found;
}

/**
 * What each widget shows of stored rich text, by case: the paragraphs of analysis section bodies, and the text of
 * the paragraphs right under an event's article (its summary and description).
 */
export function richTextShown(): Record<string, { paragraphs: number; text: string }> {
  return Object.fromEntries(
    [...document.querySelectorAll('[data-case]')].map((host) => [
      host.getAttribute('data-case'),
      {
        paragraphs: host.shadowRoot?.querySelectorAll('section[id] > div p').length ?? 0,
        text: [...(host.shadowRoot?.querySelectorAll('article > p') ?? [])].map((p) => p.textContent).join(' '),
      },
    ]),
  );
}
