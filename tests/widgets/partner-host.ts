// Partner pages as a partner's web developer builds them: a real top-level page on an origin of its own
// (127.0.0.1, while the API answers on localhost), served by a small HTTP server with a strict
// Content-Security-Policy header, loading the built bundle with one script tag from the API. Browser commands
// open such pages in the test Chromium (a context of their own, so viewport and colour scheme are theirs),
// evaluate probes in them, take screenshots and read pages over HTTP. The tests themselves live in
// partner-pages.test.ts; the probes they send are in partner-probes.ts.
import '@vitest/browser-playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright';
import type { BrowserCommand } from 'vitest/node';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'partner');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** Where screenshots go, relative to the project root; the README names this folder. */
export const SCREENSHOTS = 'test-results/widgets';

export interface PartnerPageSpec {
  /** Look of the host site. */
  site: 'light' | 'dark';
  /** Where the widgets sit: the main column, or a 300 px sidebar (260 px of content). */
  place: 'main' | 'aside';
  lang: string;
  width: number;
  height?: number;
  scheme: 'light' | 'dark';
  /** The widgets' markup, as a partner pastes it. */
  widgets: string;
  /** Holds the widget script back this long, as a slow network or a late-loading tag manager would. */
  scriptDelayMs?: number;
  /** Requires Trusted Types for every HTML sink of the page, allowing only policies of these names. */
  trustedTypes?: string[];
}

interface OpenPage {
  page: Page;
  /** CSP violations, page errors and console errors, as the partner would see them in the console. */
  problems: string[];
}

const pages = new Map<string, OpenPage>();
const html = new Map<string, string>();
const specs = new Map<string, PartnerPageSpec>();
let server: { origin: string; server: Server } | undefined;
let context: BrowserContext | undefined;

function startServer(): Promise<{ origin: string; server: Server }> {
  const site = readFileSync(join(FIXTURES, 'site.css'));
  const http = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://partner');
    if (request.method === 'POST' && url.pathname === '/csp-report') {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        pages.get(url.searchParams.get('page') ?? '')?.problems.push(`CSP report: ${body}`);
        response.writeHead(204).end();
      });
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (url.pathname === '/site.css') {
      response.writeHead(200, { 'content-type': 'text/css' }).end(site);
      return;
    }
    const page = html.get(url.pathname.slice(1));
    const trusted = specs.get(url.pathname.slice(1))?.trustedTypes;
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('no such partner page');
      return;
    }
    const api = new URL(url.searchParams.get('api') ?? '').origin;
    response
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        // What a careful partner sends: scripts and requests only from the API, styles only its own (no
        // 'unsafe-inline' anywhere), nothing else.
        'content-security-policy': [
          "default-src 'none'",
          `script-src ${api}`,
          `connect-src ${api}`,
          "style-src 'self'",
          `img-src 'self' ${api}`,
          "base-uri 'none'",
          "form-action 'self'",
          `report-uri /csp-report?page=${encodeURIComponent(url.pathname.slice(1))}`,
          ...(trusted ? ["require-trusted-types-for 'script'", `trusted-types ${trusted.join(' ')}`] : []),
        ].join('; '),
      })
      .end(page);
  });
  return new Promise((resolve) => {
    http.listen(0, '127.0.0.1', () => {
      const address = http.address();
      // Never keeps vitest alive: the server only answers pages of this test run.
      http.unref();
      resolve({ origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server: http });
    });
  });
}

function render(id: string, spec: PartnerPageSpec, api: string): string {
  const template = readFileSync(join(FIXTURES, 'page.html'), 'utf8');
  const widgets = spec.widgets.replaceAll('{{api}}', api);
  return template
    .replace('<html lang="en">', `<html lang="${spec.lang}">`)
    .replaceAll('{{site}}', spec.site)
    .replaceAll('{{id}}', id)
    .replaceAll('{{api}}', api)
    .replace('{{main}}', spec.place === 'main' ? widgets : '')
    .replace('{{aside}}', spec.place === 'aside' ? widgets : '');
}

/** A page expression, true once every Socius element on the page has loaded and rendered. */
const SETTLED = `(() => {
  const elements = [...document.querySelectorAll('socius-events, socius-event, socius-analyses, socius-analysis, socius-services, socius-about')];
  return elements.length > 0 && elements.every((el) => el.shadowRoot && el.state && el.state.kind !== 'loading' && !el.hasAttribute('aria-busy') && !el.isUpdatePending);
})()`;

async function settle(page: Page): Promise<void> {
  // Polled from here with plain evaluations: Playwright's waitForFunction evaluates a string with eval() inside
  // the page, which the page's CSP rightly refuses.
  const start = Date.now();
  while (!(await page.evaluate(SETTLED))) {
    if (Date.now() - start > 60_000) throw new Error(`partner page ${page.url()}: widgets did not settle within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The JSON-LD and on-demand chunks come after the first render.
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
}

/** Opens (once) the partner page `id` and waits until its widgets have settled. Answers the page's URL. */
export const partnerOpen: BrowserCommand<[id: string, spec: PartnerPageSpec, api: string]> = async (ctx, id, spec, api) => {
  const open = pages.get(id);
  if (open) return open.page.url();
  server ??= await startServer();
  if (!context) {
    const browser = ctx.context.browser();
    if (!browser) throw new Error('partner pages: no browser to open them in');
    context = await browser.newContext({ deviceScaleFactor: 1 });
    // Probes are functions compiled for the test page; esbuild may wrap their inner functions in __name().
    await context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
    // Injected by the browser, not by a <script> of the page, so the page's CSP stays strict for everything else.
    await context.addInitScript({ path: AXE });
  }
  html.set(id, render(id, spec, api));
  specs.set(id, spec);
  const page = await context.newPage();
  const entry: OpenPage = { page, problems: [] };
  pages.set(id, entry);
  page.on('pageerror', (error) => entry.problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) entry.problems.push(`${response.status()} for ${response.request().method()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') entry.problems.push(`console error: ${message.text()}`);
  });
  await page.setViewportSize({ width: spec.width, height: spec.height ?? 800 });
  await page.emulateMedia({ colorScheme: spec.scheme });
  if (spec.scriptDelayMs) {
    const delay = spec.scriptDelayMs;
    await page.route(`${api}/widgets/**`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      await route.continue();
    });
  }
  await page.bringToFront();
  await page.goto(`${server.origin}/${id}?api=${encodeURIComponent(api)}`);
  await settle(page);
  return page.url();
};

function opened(id: string): OpenPage {
  const open = pages.get(id);
  if (!open) throw new Error(`partner page ${id} is not open`);
  return open;
}

/** Runs `source` (a function's text) with `argument` in the partner page and answers its (awaited) result. */
export const partnerEvaluate: BrowserCommand<[id: string, source: string, argument?: unknown]> = async (_ctx, id, source, argument) => {
  const { page } = opened(id);
  await page.bringToFront();
  return page.evaluate(`(${source})(${JSON.stringify(argument ?? null)})`);
};

/** Resizes the page and sets the visitor's OS colour scheme, then waits for the widgets to settle again. */
export const partnerSet: BrowserCommand<[id: string, view: { width?: number; scheme?: 'light' | 'dark' }]> = async (_ctx, id, view) => {
  const { page } = opened(id);
  if (view.width) await page.setViewportSize({ width: view.width, height: page.viewportSize()?.height ?? 800 });
  if (view.scheme) await page.emulateMedia({ colorScheme: view.scheme });
  await settle(page);
};

/** Writes a screenshot of the element matched by `selector` to test-results/widgets/<file>; answers the path. */
export const partnerScreenshot: BrowserCommand<[id: string, selector: string, file: string]> = async (ctx, id, selector, file) => {
  const { page } = opened(id);
  const path = join(ctx.project.config.root, SCREENSHOTS, file);
  mkdirSync(dirname(path), { recursive: true });
  await page.bringToFront();
  await page.locator(selector).screenshot({ path, animations: 'disabled', timeout: 30_000 });
  return join(SCREENSHOTS, file);
};

/** What went wrong in the page so far: CSP violations (reports and console), script errors, console errors. */
export const partnerProblems: BrowserCommand<[id: string]> = async (_ctx, id) => {
  const open = opened(id);
  // Violation reports are sent after the fact; give them a moment to arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return [...open.problems];
};

/** A GET as a browser navigating to `url` would send it; answers status, content type and body. */
export const partnerFetch: BrowserCommand<[url: string]> = async (_ctx, url) => {
  const response = await fetch(url, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
};

/** Closes every partner page. */
export const partnerClose: BrowserCommand<[]> = async () => {
  await context?.close();
  context = undefined;
  pages.clear();
  html.clear();
  specs.clear();
};

export const partnerCommands = { partnerOpen, partnerEvaluate, partnerSet, partnerScreenshot, partnerProblems, partnerFetch, partnerClose };
