// The event elements as a partner page gets them: the built bundle (/widgets/v1/socius.js, so `npm run build`
// first), loaded by a page of its own inside an iframe exactly as wide as the partner's column (a 260 px sidebar,
// a 375 px phone, a 1280 px desktop page), with every filter shown and an event opened.
import { afterEach, describe, expect, it } from 'vitest';
import { apiBase, fetchJson, until } from './helpers.ts';

afterEach(() => document.body.replaceChildren());

const WIDTHS = [260, 375, 1280] as const;

interface Widget extends HTMLElement {
  state?: { kind: string };
  updateComplete?: Promise<unknown>;
}

/** A page of `width` px on another document that loads the bundle and holds `body`; its first Socius element once loaded. */
async function partnerPage(width: number, body: string): Promise<Widget> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `display:block;width:${width}px;height:900px;border:0`;
  frame.srcdoc = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
    <script type="module" src="${apiBase}/widgets/v1/socius.js"></script>
    <style>body{margin:0;font:16px/1.5 sans-serif}</style></head><body>${body}</body></html>`;
  const loadedFrame = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loadedFrame;
  const element = frame.contentDocument!.body.firstElementChild as Widget;
  await until(
    () => element.shadowRoot && element.state?.kind === 'ready' && !element.hasAttribute('aria-busy'),
    `${element.localName} at ${width} px`,
  );
  await element.updateComplete;
  return element;
}

/** Opens the first event of a list (the first of the chosen day in the calendar), as a visitor would. */
async function openFirstEvent(element: Widget): Promise<void> {
  const title = element.shadowRoot!.querySelector<HTMLButtonElement>('.item .toggle');
  expect(title, `an event to open in <${element.localName} layout="${element.getAttribute('layout')}">`).not.toBeNull();
  title!.click();
  await element.updateComplete;
  expect(element.shadowRoot!.querySelector('.details'), 'the opened details').not.toBeNull();
}

const describeNode = (el: Element) =>
  `${el.localName}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;

/**
 * Everything that sticks out: the page wider than its window, the element or any box inside it scrolling
 * sideways, or any box ending past the element's right edge. Boxes of 1 px are the visually hidden texts.
 */
function overflow(element: Widget): string[] {
  const found: string[] = [];
  const page = element.ownerDocument;
  const view = page.defaultView!;
  if (page.documentElement.scrollWidth > view.innerWidth)
    found.push(`the page is ${page.documentElement.scrollWidth} px wide in a ${view.innerWidth} px window`);
  const edge = element.getBoundingClientRect().right;
  for (const box of [element, ...element.shadowRoot!.querySelectorAll<HTMLElement>('*')]) {
    if (box.clientWidth > 1 && box.scrollWidth > box.clientWidth)
      found.push(`${describeNode(box)}: scrollWidth ${box.scrollWidth} > clientWidth ${box.clientWidth}`);
    const { width, right } = box.getBoundingClientRect();
    if (width > 1 && right > edge + 0.5)
      found.push(`${describeNode(box)} ends at ${Math.round(right)} px, past the element's edge at ${Math.round(edge)} px`);
  }
  return found;
}

describe('no layout of the event elements overflows its container, from 260 px up', () => {
  it.each(['list', 'cards', 'compact', 'calendar'])('<socius-events layout="%s"> with every filter and an event open', async (layout) => {
    for (const width of WIDTHS) {
      // French: the longest filter labels and month names of the three languages.
      const element = await partnerPage(
        width,
        `<socius-events api-base="${apiBase}" lang="fr" layout="${layout}" filters="topic,city,date" search no-jsonld></socius-events>`,
      );
      await openFirstEvent(element);
      expect(overflow(element), `at ${width} px`).toEqual([]);
    }
  });

  it.each([
    ['an event in person and online', 'mixed'],
    ['an online event', 'online'],
  ])('<socius-event> showing %s', async (_, mode) => {
    const events = await fetchJson<{ data: { slug: string; attendanceMode: string }[] }>('/v1/events?limit=100&lang=fr');
    const slug = events.data.find((e) => e.attendanceMode === mode)!.slug;
    for (const width of WIDTHS) {
      const element = await partnerPage(width, `<socius-event api-base="${apiBase}" lang="fr" slug="${slug}" no-jsonld></socius-event>`);
      expect(overflow(element), `at ${width} px`).toEqual([]);
    }
  });
});

describe('the built bundle keeps the event elements’ styles', () => {
  it('applies every style sheet, so cards, the calendar and its day markers look as designed', async () => {
    const calendar = await partnerPage(375, `<socius-events api-base="${apiBase}" layout="calendar" no-jsonld></socius-events>`);
    const event = await partnerPage(375, `<socius-event api-base="${apiBase}" no-jsonld></socius-event>`);
    for (const element of [calendar, event]) {
      const sheets = element.shadowRoot!.adoptedStyleSheets;
      expect(sheets.length).toBeGreaterThan(1);
      expect(
        sheets.map((sheet) => sheet.cssRules.length),
        `every sheet of <${element.localName}> has rules`,
      ).not.toContain(0);
    }
    // An event day is marked by a drawn dot (not by its border alone), in the day's own text colour.
    const day = calendar.shadowRoot!.querySelector<HTMLElement>('td button.has-events .dot')!;
    const view = calendar.ownerDocument.defaultView!;
    const marker = view.getComputedStyle(day, '::before');
    expect(Number.parseFloat(marker.width)).toBeGreaterThanOrEqual(6);
    expect(marker.backgroundColor).toBe(view.getComputedStyle(day).color);
  });
});
