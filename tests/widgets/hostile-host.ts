// Opens one of the Worker's HTML pages in a tab of its own, as a visitor would, and reports what a hostile text
// could have made it do: every dialog (alert, confirm, prompt, print's beforeprint is not one), popup and
// navigation away, then what a probe (a function's source, run in the page) finds in its DOM. The page's own
// Content-Security-Policy is bypassed on purpose: it would block an injected inline handler and so hide an
// escaping mistake, which is what these tests are for (the policy itself is tested in security-headers tests).
import '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';

export interface HostileVisit {
  /** Dialogs, popups, navigations away and uncaught script errors, in the order they happened. */
  events: string[];
  /** What the probe answered. */
  found: unknown;
}

/** A page expression, true once every Socius element on the page (if any) has loaded and rendered. */
const SETTLED = `(() => [...document.querySelectorAll('socius-events, socius-event, socius-analyses, socius-analysis, socius-services, socius-about')]
  .every((el) => el.shadowRoot && el.state && el.state.kind !== 'loading' && !el.hasAttribute('aria-busy') && !el.isUpdatePending))()`;

export const hostileVisit: BrowserCommand<[url: string, probe: string, argument?: unknown]> = async (ctx, url, probe, argument) => {
  const browser = ctx.context.browser();
  if (!browser) throw new Error('hostile pages: no browser to open them in');
  const context = await browser.newContext({ bypassCSP: true });
  const events: string[] = [];
  try {
    // Probes are compiled for the test page; esbuild may wrap their inner functions in __name().
    await context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      events.push(`dialog ${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => undefined);
    });
    page.on('popup', (popup) => events.push(`popup ${popup.url()}`));
    page.on('pageerror', (error) => events.push(`page error: ${error.message}`));
    let loaded = false;
    page.on('framenavigated', (frame) => {
      if (loaded && frame === page.mainFrame()) events.push(`navigated to ${frame.url()}`);
    });
    await page.goto(url);
    loaded = true;
    const start = Date.now();
    while (!(await page.evaluate(SETTLED))) {
      if (Date.now() - start > 30_000) throw new Error(`${url}: widgets did not settle within 30 s`);
      await page.waitForTimeout(100);
    }
    // Planted images get time to fail (onerror) and late work to run.
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    const found = await page.evaluate(`(${probe})(${JSON.stringify(argument ?? null)})`);
    return { events, found } satisfies HostileVisit;
  } finally {
    await context.close();
  }
};

export const hostileCommands = { hostileVisit };
