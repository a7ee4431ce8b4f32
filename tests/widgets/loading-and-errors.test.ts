// What a visitor sees while a widget loads and when it cannot: a page that does not jump, no "loading" flash on a
// fast answer, the partner's own link when the API is down, and a developer told in the console what to check.
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../widgets/index.ts';
import { apiBase, loaded, mount, shadow, text, until } from './helpers.ts';

// A port nothing listens on: the connection is refused at once, as for a mistyped or stopped api-base.
const UNREACHABLE = 'http://127.0.0.1:9';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** Slows every request of `win` by `ms`, as a distant or busy API would: the answers are the real ones. */
function slowApi(win: Window & typeof globalThis, ms: number): void {
  const fetch = win.fetch.bind(win);
  win.fetch = (...args) => new Promise((resolve) => win.setTimeout(resolve, ms)).then(() => fetch(...args));
}

const WIDGETS = `
  <socius-analyses lang="nl"><a href="${apiBase}/embed/analyses?lang=nl">Analyses van Socius</a></socius-analyses>
  <p>Tekst van de partner onder de analyses.</p>
  <socius-about lang="nl"><a href="${apiBase}/embed/about?lang=nl">Over Socius</a></socius-about>
  <p>Tekst onder de organisatiekaart.</p>
  <socius-services lang="nl" filters="topic,format" limit="2"><a href="${apiBase}/embed/services?lang=nl">Aanbod</a></socius-services>
  <footer>Voettekst van de partner.</footer>`;

/**
 * A partner page in a frame of the given width: the widget script (from the API, as partners load it) runs, then
 * the page's content with its widgets arrives, and every answer of the API takes half a second. Returns the
 * cumulative layout shift measured by Chromium until every widget shows its content.
 */
async function layoutShift(body: string, width: number): Promise<number> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:800px;border:0`;
  frame.srcdoc = '<!doctype html><html lang="nl"><head><style>body{margin:8px;font:16px/1.5 sans-serif}</style></head><body></body></html>';
  const ready = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await ready;
  const win = frame.contentWindow as Window & typeof globalThis;
  const script = win.document.createElement('script');
  script.type = 'module';
  script.src = `${apiBase}/widgets/v1/socius.js`;
  win.document.head.append(script);
  await win.customElements.whenDefined('socius-services');
  slowApi(win, 500);
  let shift = 0;
  new win.PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (!entry.hadRecentInput) shift += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  win.document.body.innerHTML = `<h1>Vereniging</h1><p>Wie we zijn en wat we doen, in een paar regels tekst bovenaan de pagina.</p>${body}`;
  const widgets = [...win.document.querySelectorAll<HTMLElement & { state?: { kind: string } }>('body > *')].filter((el) =>
    el.localName.startsWith('socius-'),
  );
  await until(() => widgets.every((el) => el.state && el.state.kind !== 'loading' && !el.hasAttribute('aria-busy')), 'the widgets', 20_000);
  // Let the last frames paint and their shifts be reported.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return shift;
}

describe('while loading', () => {
  it.each([375, 1280])(
    'the page does not jump when the content arrives late (%i px wide)',
    async (width) => {
      const shift = await layoutShift(WIDGETS, width);
      expect(shift).toBeLessThan(0.05);
    },
    40_000,
  );

  it('shows "loading" only when the answer takes a while, over a placeholder that already takes the space', async () => {
    slowApi(window, 900);
    const element = mount('socius-analyses', { lang: 'en' });
    await element.updateComplete;
    const status = () => shadow(element).querySelector<HTMLElement>('.skeleton [role="status"]');
    const skeleton = shadow(element).querySelector<HTMLElement>('[part="skeleton"]')!;
    expect(skeleton.getBoundingClientRect().height).toBeGreaterThan(200);
    expect(status()?.checkVisibility({ visibilityProperty: true })).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(status()?.checkVisibility({ visibilityProperty: true })).toBe(true);
    expect(text(status())).toBe('Loading…');
    await loaded(element);
  });
});

describe('when the API cannot be reached', () => {
  it('shows the partner’s own link, names api-base in the console, and keeps focus on Retry', async () => {
    const warn = vi.spyOn(console, 'warn');
    const element = mount('socius-analyses', { lang: 'fr', 'api-base': UNREACHABLE });
    element.innerHTML = `<a href="${apiBase}/embed/analyses?lang=fr">Les analyses de Socius</a>`;
    await until(() => element.state.kind === 'error', 'the error state', 15_000);
    await element.updateComplete;
    const root = shadow(element);
    expect(text(root.querySelector('[role="status"]'))).toMatch(/Socius/);
    const slot = root.querySelector('slot');
    const fallback = slot?.assignedElements()[0] as HTMLAnchorElement | undefined;
    expect(fallback?.href).toBe(`${apiBase}/embed/analyses?lang=fr`);
    expect(fallback?.checkVisibility()).toBe(true);
    expect(warn.mock.calls.map((call) => String(call[0])).join('\n')).toContain(`api-base "${UNREACHABLE}" could not be reached`);

    const retry = root.querySelector<HTMLButtonElement>('button')!;
    retry.focus();
    retry.click();
    await element.updateComplete;
    expect(element.state.kind).toBe('error');
    await until(() => !element.hasAttribute('aria-busy'), 'the retry to fail', 15_000);
    await element.updateComplete;
    expect(root.activeElement).toBe(retry);
    expect(retry.isConnected).toBe(true);
  }, 40_000);

  it('names an unknown topic slug in the console', async () => {
    const warn = vi.spyOn(console, 'warn');
    const element = mount('socius-analyses', { lang: 'nl', topic: 'bestaat-niet' });
    await loaded(element);
    expect(warn.mock.calls.map((call) => String(call[0])).join('\n')).toMatch(/topic/);
  });
});
