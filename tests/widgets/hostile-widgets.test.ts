// The hostile corpus (tests/hostile-corpus.ts), written through the editorial API of the hostile Worker (see
// global-setup.ts), rendered by every element in every layout in this page, which has no Content-Security-Policy
// to hide a mistake behind: nothing may run (alert, confirm, prompt and print are caught), no element or attribute
// outside the widgets' own vocabulary may appear, no link may lead anywhere but http(s), mailto or tel, and every
// title must show as the text it is.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../widgets/index.ts';
import { HOSTILE_ANALYSIS, HOSTILE_EVENT, ITEM_COUNT } from '../hostile-corpus.ts';
import { loaded, mount, shadow, text } from './helpers.ts';
import { armedConstructs, jsonLdBlocks, type Vocabulary } from './hostile-probes.ts';

const base = inject('corpusApiBase');
const KS = Array.from({ length: ITEM_COUNT }, (_, k) => k);

// What the widgets (and this test page around them) are built from; the sanitiser's vocabulary included.
const WIDGET_VOCABULARY: Vocabulary = {
  elements: (
    'html head body meta title link style script a article blockquote br button dd div dl dt em form h3 h4 input label li ' +
    'nav ol option p section select span strong table tbody td th thead tr ul time'
  ).split(' '),
  attributes: (
    'abbr api-base charset class content crossorigin download filters href hreflang id lang layout limit name part rel ' +
    'role scope slug src tabindex type value for hidden datetime disabled selected'
  ).split(' '),
  scriptOrigins: [],
};

const dialogs: string[] = [];
const real = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, print: window.print };
let elements: HTMLElement[] = [];
const titles = new Map<string, string>();
const same = (value: string) => value.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  window.alert = (message?: unknown) => void dialogs.push(`alert ${String(message)}`);
  window.confirm = (message?: string) => {
    dialogs.push(`confirm ${message}`);
    return false;
  };
  window.prompt = (message?: string) => {
    dialogs.push(`prompt ${message}`);
    return null;
  };
  window.print = () => void dialogs.push('print');
  const at = { 'api-base': base, lang: 'en' };
  elements = [
    ...['list', 'cards', 'compact', 'calendar'].map((layout) =>
      mount('socius-events', { ...at, layout, limit: '50', filters: 'topic,city,date' }),
    ),
    ...['cards', 'list'].map((layout) => mount('socius-analyses', { ...at, layout, limit: '50' })),
    mount('socius-services', { ...at, limit: '50', filters: 'topic,format' }),
    mount('socius-about', at),
    ...KS.flatMap((k) => [
      mount('socius-event', { ...at, slug: HOSTILE_EVENT(k) }),
      mount('socius-analysis', { ...at, slug: HOSTILE_ANALYSIS(k) }),
    ]),
  ];
  for (const element of elements) await loaded(element as never);
  // Every event's details open, so what they hold (venue, organiser, links) is rendered too.
  for (const element of elements) for (const button of shadow(element).querySelectorAll<HTMLButtonElement>('button.toggle')) button.click();
  for (const element of elements) await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  // Planted images get time to fail and fire onerror, JSON-LD time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (const kind of ['events', 'analyses', 'services']) {
    const body = (await (await fetch(`${base}/v1/${kind}?lang=en&limit=50`)).json()) as { data: { slug: string; title: string }[] };
    // The corpus's items; the rows planted beside them are hostile-content.test.ts's to check.
    for (const item of body.data) if (item.slug.startsWith('hostile-')) titles.set(item.slug, item.title);
  }
}, 120_000);

afterAll(() => {
  Object.assign(window, real);
  document.body.replaceChildren();
});

describe('hostile content written through the API, in every element and layout', () => {
  it('renders everywhere (no element fails or shows nothing)', () => {
    expect(elements.map((e) => `${e.localName} ${(e as unknown as { state: { kind: string } }).state.kind}`)).toEqual(
      elements.map((e) => `${e.localName} ready`),
    );
    expect(titles.size).toBe(3 * ITEM_COUNT);
  });

  it('runs no script: no alert, confirm, prompt or print', () => {
    expect(dialogs).toEqual([]);
  });

  it('adds no element, attribute, handler or link outside the widgets’ own vocabulary', () => {
    expect(armedConstructs(WIDGET_VOCABULARY)).toEqual([]);
  });

  it('shows every title as the text it is, in the lists and on its own', () => {
    const shown = new Set(elements.flatMap((e) => [...shadow(e).querySelectorAll('[role="heading"]')].map((h) => text(h))));
    for (const [slug, title] of titles) expect(shown.has(same(title)), `${slug}: ${title}`).toBe(true);
  });

  it('writes JSON-LD into the page that parses and names items by their whole text', () => {
    const { names, broken } = jsonLdBlocks();
    expect(broken).toEqual([]);
    const corpusNames = names.filter((name) => /^H\d+ (event|analysis|service) /.test(name));
    expect(corpusNames.length).toBeGreaterThan(0);
    const known = new Set(titles.values());
    for (const name of corpusNames) expect(known.has(name), name).toBe(true);
  });
});
