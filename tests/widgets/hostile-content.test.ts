// What a partner's page must survive: content in D1 that never went through the API's write-time sanitiser
// (tests/widgets/fixtures/hostile.sql, served by a Worker of its own). Every payload there calls alert() with
// its name; these tests catch alert() and prove that no payload ran and none is left waiting for a click.
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import '../../widgets/index.ts';
import { safeHref } from '../../widgets/shared/safe-href.ts';
import { expectAccessible, loaded, mount, shadow, text, until } from './helpers.ts';

const hostileApiBase = inject('hostileApiBase');
const ran: string[] = [];
const realAlert = window.alert;

beforeEach(() => {
  ran.length = 0;
  window.alert = (message?: unknown) => {
    ran.push(String(message));
  };
});
afterEach(() => {
  window.alert = realAlert;
  document.body.replaceChildren();
});

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'];
// The browser's own URL parser, so whitespace, control characters and case in the scheme count as it counts them.
const isScriptUrl = (value: string) => {
  try {
    return new URL(value, location.href).protocol === 'javascript:';
  } catch {
    return false;
  }
};

/** Everything in the element's shadow root that could run script now or on a click. */
function armed(element: Element): string[] {
  const found: string[] = [];
  for (const node of shadow(element).querySelectorAll('*')) {
    if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'form'].includes(node.localName)) found.push(`<${node.localName}>`);
    for (const attribute of node.attributes) {
      if (attribute.name.startsWith('on')) found.push(`<${node.localName} ${attribute.name}>`);
      if (URL_ATTRIBUTES.includes(attribute.name) && isScriptUrl(attribute.value))
        found.push(`<${node.localName} ${attribute.name}="${attribute.value}">`);
    }
  }
  return found;
}

/** Renders the element against the hostile Worker and gives any planted image time to fail and fire onerror. */
async function render<K extends keyof HTMLElementTagNameMap & `socius-${string}`>(tag: K, attributes: Record<string, string> = {}) {
  const element = mount(tag, { 'api-base': hostileApiBase, lang: 'nl', ...attributes });
  await loaded(element);
  expect(element.state.kind, `<${tag}> state`).toBe('ready');
  await settle(element);
  return element;
}

async function settle(element: Element): Promise<void> {
  await until(() => [...shadow(element).querySelectorAll('img')].every((img) => img.complete), 'images to settle');
  await new Promise((resolve) => setTimeout(resolve, 200));
}

describe('stored HTML and URLs that never went through the sanitiser', () => {
  it('<socius-analysis> renders section bodies with the documented tags only, and no planted script runs', async () => {
    const element = await render('socius-analysis', { slug: 'vijandige-analyse' });
    const root = shadow(element);
    expect(ran).toEqual([]);
    expect(armed(element)).toEqual([]);
    expect(root.querySelectorAll('section[id] img, section[id] details, section[id] p[style]')).toHaveLength(0);
    // What the API documents survives: paragraphs, emphasis and http(s) links.
    const first = root.querySelector('section#inleiding')!;
    expect(first.querySelector('strong')?.textContent).toBe('nadruk');
    expect(first.querySelector<HTMLAnchorElement>('a[href]')?.href).toBe('https://socius.be/');
    // The attachment with a javascript: URL is listed by its title, not as a link.
    const downloads = root.querySelector('[part="downloads"]')!;
    expect(text(downloads)).toContain('Bijlage');
    expect(downloads.querySelector('a')).toBeNull();
    await expectAccessible(element);
  });

  // The API sanitises rich text on the way out too, so to reach the widgets' own guard the planted HTML is put
  // back into the real API response on its way to the element.
  const MIRRORED = [
    '<p>Gewone tekst met <strong>nadruk</strong>.</p>',
    '<p><a href="https://example.org/" rel="opener" target="_blank">naar buiten</a> <a href="mailto:info@socius.be">mail</a></p>',
    '<p><img src=x onerror="alert(\'mirror-img\')"></p>',
    "<script>alert('mirror-script')</script>",
    '<p><a href="javascript:alert(\'mirror-link\')">klik</a></p>',
    '<svg onload="alert(\'mirror-svg\')"></svg>',
    '<details open ontoggle="alert(\'mirror-toggle\')"><summary>x</summary></details>',
    // Markup that a string-based sanitiser and the browser's parser could read differently (mutation XSS).
    '<noscript><p title="</noscript><img src=x onerror=alert(\'mirror-noscript\')>"></noscript>',
    '<svg><p><style><a id="</style><img src=1 onerror=alert(\'mirror-style\')>"></a></style></p></svg>',
    '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(\'mirror-mglyph\')&gt;">',
    "<!--><img src=x onerror=alert('mirror-comment')>-->",
  ].join('');

  /** Renders `tag` while the API response for `path` gets the planted HTML put in by `plant`. */
  async function renderMirrored<K extends 'socius-analysis' | 'socius-event'>(
    tag: K,
    slug: string,
    path: string,
    plant: (data: Record<string, unknown>) => void,
  ) {
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!url.pathname.endsWith(path) || !response.headers.get('Content-Type')?.includes('application/json')) return response;
      const body = (await response.json()) as { data: Record<string, unknown> };
      plant(body.data);
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    try {
      return await render(tag, { slug });
    } finally {
      window.fetch = realFetch;
    }
  }

  /** What is left of MIRRORED inside `root`: the harmless markup, links out with rel="noopener noreferrer". */
  function expectMirroredDefused(element: Element, root: Element | null) {
    expect(ran).toEqual([]);
    expect(armed(element)).toEqual([]);
    expect(root?.querySelectorAll('img, details')).toHaveLength(0);
    expect(root?.querySelector('strong')?.textContent).toBe('nadruk');
    // A link out keeps (gets) rel="noopener noreferrer" whatever rel it came with, and opens no new browsing context.
    const out = root?.querySelector<HTMLAnchorElement>('a[href^="https:"]');
    expect(out?.rel).toBe('noopener noreferrer');
    expect(out?.hasAttribute('target')).toBe(false);
    expect(root?.querySelector('a[href^="mailto:"]')?.hasAttribute('rel')).toBe(false);
  }

  it('<socius-analysis> sanitises section bodies itself when an API serves them unsanitised (a mirror, an older version)', async () => {
    const element = await renderMirrored('socius-analysis', 'vijandige-analyse', '/v1/analyses/vijandige-analyse', (data) => {
      for (const section of data.sections as { body: string }[]) section.body = MIRRORED;
    });
    expectMirroredDefused(element, shadow(element).querySelector('section[id]'));
  });

  it('<socius-event> sanitises its description itself when an API serves it unsanitised', async () => {
    const element = await renderMirrored('socius-event', 'vijandige-activiteit', '/v1/events/vijandige-activiteit', (data) => {
      data.description = MIRRORED;
    });
    // The description is rendered in a paragraph of its own, around the paragraphs it holds.
    const description = [...shadow(element).querySelectorAll('p')].find(
      (p) => !p.parentElement?.closest('p') && p.textContent?.includes('Gewone tekst met'),
    );
    expectMirroredDefused(element, description ?? null);
  });

  it('<socius-analyses> links an analysis whose canonical URL is javascript: to its page for people, never to that URL', async () => {
    const element = await render('socius-analyses');
    const card = shadow(element).querySelector('li[part="analysis"]')!;
    expect(text(card.querySelector('[role="heading"]'))).toBe('Vijandige analyse');
    const hrefs = [...card.querySelectorAll('a')].map((a) => a.href);
    expect(hrefs).toEqual([`${new URL(hrefs[0]!).origin}/nl/analyses/vijandige-analyse`]);
    expect(hrefs[0]).toMatch(/^http:/);
    expect(ran).toEqual([]);
    expect(armed(element)).toEqual([]);
  });

  it('<socius-event> offers no registration, online or organiser link that is javascript:, and escapes its text', async () => {
    const element = await render('socius-event', { slug: 'vijandige-activiteit' });
    const root = shadow(element);
    expect(ran).toEqual([]);
    expect(armed(element)).toEqual([]);
    expect(text(root.querySelector('[role="heading"]'))).toBe('Vijandige activiteit <svg onload="alert(\'event-title\')">');
    expect(root.querySelector('[part="register"]')).toBeNull();
    expect(root.querySelector('[part="online-link"]')).toBeNull();
    expect(text(root.querySelector('dl'))).toContain('Organisator');
    // The add-to-calendar link comes from the API's own origin and stays.
    expect(root.querySelector('[part="add-to-calendar"]')).not.toBeNull();
  });

  it('<socius-events> opens the hostile event without arming any of its links', async () => {
    const element = await render('socius-events');
    shadow(element).querySelector<HTMLButtonElement>('li[data-slug="vijandige-activiteit"] button.toggle')!.click();
    await element.updateComplete;
    await settle(element);
    expect(shadow(element).querySelector('.details')).not.toBeNull();
    expect(ran).toEqual([]);
    expect(armed(element)).toEqual([]);
    expect(shadow(element).querySelector('[part="register"], [part="online-link"]')).toBeNull();
  });

  it('<socius-about> leaves out a javascript: website and social link, and keeps the https one', async () => {
    const element = await render('socius-about');
    expect(ran).toEqual([]);
    expect(armed(element)).toEqual([]);
    const links = [...shadow(element).querySelectorAll<HTMLAnchorElement>('a')].map((a) => a.href);
    // The organisation's own page for people (links.html) stays; of the stored links only the safe ones remain.
    expect(links.slice(1)).toEqual(['mailto:info@example.org', 'https://example.org/@socius']);
    expect(new URL(links[0]!).pathname).toBe('/nl/about');
  });
});

describe('safeHref', () => {
  it('keeps http, https and mailto URLs', () => {
    expect(safeHref('https://socius.be/a?b=c#d')).toBe('https://socius.be/a?b=c#d');
    expect(safeHref('http://example.org')).toBe('http://example.org/');
    expect(safeHref('mailto:info@socius.be')).toBe('mailto:info@socius.be');
  });

  it('refuses every other scheme however it is spelt, and anything that is not an absolute URL', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/relative/path',
      '//socius.be/protocol-relative',
      '',
      null,
      undefined,
    ]) {
      expect(safeHref(url), String(url)).toBeUndefined();
    }
  });
});
