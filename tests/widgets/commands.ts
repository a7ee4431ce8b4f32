// Browser commands run in Node next to the test browser. This one drives the real home page in a new tab of
// the same Chromium, as a partner's web editor would: pick options in the builder, read the snippet, then
// paste that snippet into an empty page on another origin and see it render.
import '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';

export interface BuilderResult {
  snippet: string;
  previewTag: string;
  pastedHeading: string;
  copyMessage: string;
  /** What the clipboard holds after Copy. */
  clipboard: string;
  /** The first heading the preview rendered (in the language the snippet will render in). */
  previewHeading: string;
  /** The attributes the builder offers for the chosen element, in order. */
  offered: string[];
}

// Poll on a timer: the default (animation frames) never fires while the tab is in the background, which it is
// whenever other test files run in the same browser.
const POLL = { polling: 100, timeout: 45_000 };

/** Names the step that timed out, so a failure says what a person would have been stuck on. */
async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(`builder: ${label}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

/**
 * A page expression that is truthy once the element found by `element` has loaded and rendered: `[heading text]`,
 * or `['']` when it shows a status (such as "no events") instead.
 */
const settled = (element: string) => `(() => {
  const el = ${element};
  // Synchronous on purpose: waitForFunction would take a pending promise for a truthy answer.
  if (!el || !el.state || el.state.kind === 'loading' || el.hasAttribute('aria-busy') || el.isUpdatePending) return false;
  return [el.shadowRoot?.querySelector('[role="heading"]')?.textContent?.trim() ?? ''];
})()`;

export const useBuilder: BrowserCommand<[url: string, choices: Record<string, string>]> = async (ctx, url, choices) => {
  // A context of its own: its pages keep focus (clipboard access needs it) while vitest's own page moves on.
  const browser = ctx.context.browser();
  if (!browser) throw new Error('builder: no browser to open a page in');
  // Playwright evaluates its string predicates with eval, which the page's policy rightly forbids; the policy
  // itself is checked by visitUnderCsp below, which waits without eval.
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], bypassCSP: true });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.bringToFront();
    // Browser-side expressions are strings: this file is type-checked with Node's types, not the DOM's.
    await step('the first snippet', () => page.waitForFunction(`document.querySelector('#snippet').value !== ''`, undefined, POLL));
    await step('the topic options', () =>
      page.waitForFunction(`document.querySelector('select[name=topic]').options.length > 1`, undefined, POLL),
    );
    for (const [name, value] of Object.entries(choices)) {
      const field = page.locator(`#builder [name="${name}"]`).first();
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
      // The fields of another element are built from the manifest; choose in them only once they are there.
      if (name === 'element') {
        await step(`the fields of ${value}`, () =>
          page.waitForFunction(`document.querySelector('#fields').dataset.element === ${JSON.stringify(value)}`, undefined, POLL),
        );
      }
    }
    const offered = (await page.evaluate(
      `[...new Set([...document.querySelectorAll('#fields [name]')].map((el) => el.name))]`,
    )) as string[];
    const snippet = await page.inputValue('#snippet');
    const previewTag = String(await page.evaluate(`document.querySelector('#preview').firstElementChild?.localName ?? ''`));
    // The preview above the button grows when its content arrives (a heading, or the empty state); wait for it,
    // then use the keyboard, which does not depend on where the button happens to be.
    const previewed = await step('the preview to render', () =>
      page.waitForFunction(settled(`document.querySelector('#preview').firstElementChild`), undefined, POLL),
    );
    const [previewHeading = ''] = (await previewed.jsonValue()) as string[];
    await page.focus('#copy');
    await page.keyboard.press('Enter');
    await step('the copy message', () => page.waitForFunction(`document.querySelector('#copied').textContent !== ''`, undefined, POLL));
    const copyMessage = (await page.textContent('#copied')) ?? '';
    const clipboard = String(await page.evaluate('navigator.clipboard.readText()'));

    const pasted = await context.newPage();
    try {
      await pasted.bringToFront();
      await pasted.setContent(`<!doctype html><html><body>${snippet}</body></html>`);
      const handle = await step('the pasted snippet to render', () =>
        pasted.waitForFunction(
          settled(
            `document.body.querySelector('socius-events, socius-event, socius-analyses, socius-analysis, socius-services, socius-about')`,
          ),
          undefined,
          POLL,
        ),
      );
      const [pastedHeading = ''] = (await handle.jsonValue()) as string[];
      return { snippet, previewTag, copyMessage, clipboard, pastedHeading, previewHeading, offered } satisfies BuilderResult;
    } finally {
      await pasted.close();
    }
  } finally {
    await context.close();
  }
};

export interface CspVisit {
  /** Each `securitypolicyviolation` the page raised: the directive and what it blocked. */
  violations: string[];
  /** The page's Content-Security-Policy header. */
  policy: string;
  /** Whether the page got to work: `ready` evaluated in the page. */
  ready: unknown;
}

/**
 * Opens `url` in a tab of its own and records every Content-Security-Policy violation from the first byte on (the
 * listener is installed before any script of the page runs), until `ready` (a page expression) is truthy.
 */
export const visitUnderCsp: BrowserCommand<[url: string, ready: string]> = async (ctx, url, ready) => {
  const browser = ctx.context.browser();
  if (!browser) throw new Error('csp: no browser to open a page in');
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.addInitScript(`window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));`);
    const response = await page.goto(url);
    await page.bringToFront();
    // Polled from outside (DevTools evaluation is not the page's script), since waitForFunction would need eval.
    const started = Date.now();
    let answer: unknown = false;
    while (!answer) {
      if (Date.now() - started > POLL.timeout) throw new Error(`csp: ${url} was not ready in time`);
      await page.waitForTimeout(POLL.polling);
      answer = await page.evaluate(ready);
    }
    // Late work (lazy chunks, styles injected after the first render) gets a moment to run into the policy too.
    await page.waitForTimeout(500);
    return {
      violations: (await page.evaluate('window.__cspViolations')) as string[],
      policy: (await response?.headerValue('content-security-policy')) ?? '',
      ready: answer,
    } satisfies CspVisit;
  } finally {
    await context.close();
  }
};
