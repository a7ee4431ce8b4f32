// Human documentation: the API reference at /docs and one page per problem type at /problems/{type}, which
// is what the relative `type` URIs in error bodies resolve to. HTML pages, so they stay out of the OpenAPI document.
import { Scalar } from '@scalar/hono-api-reference';
import { cors } from 'hono/cors';
import { html } from 'hono/html';
import { createRouter } from '../../app.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError, PROBLEM_TYPES, type ProblemType } from '../../errors.ts';
import { type Html, htmlDocument, styleElement } from '../layout.ts';
import { cspHeader, PAGE_CSP } from '../security-headers.ts';

/** Scalar's browser build, copied into the static assets by scripts/build-docs.ts so /docs needs no CDN. */
export const SCALAR_SCRIPT_PATH = '/docs/scalar.js';

const ZOD_JITLESS = 'globalThis.__zod_globalConfig = { jitless: true };';

const DOCS_CACHE_CONTROL = 'public, max-age=300';

const renderReference = Scalar<AppEnv>({
  url: '/openapi.json',
  cdn: SCALAR_SCRIPT_PATH,
  pageTitle: 'Socius Content API reference',
  // Each of these would otherwise have the page call or link to scalar.com (web fonts, telemetry, the AI chat,
  // MCP, the hosted API client); "Test Request" still works, against this server.
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  hideClientButton: true,
  showDeveloperTools: 'never',
});

/**
 * Scalar starts from one inline script (its configuration). The page is the same for every request, so the
 * hashes are worked out once per isolate, and the page's policy allows exactly that script and nothing else inline.
 */
let hashes: Promise<string[]> | undefined;
function inlineScriptHashes(page: string): Promise<string[]> {
  hashes ??= Promise.all(
    [...page.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(async ([, code]) => {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code ?? ''));
      return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
    }),
  );
  return hashes;
}

const isProblemType = (value: string): value is ProblemType => Object.hasOwn(PROBLEM_TYPES, value);

/** Problem texts mark code with backticks, as in the OpenAPI descriptions. */
const withCode = (text: string) => text.split('`').map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part));

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --link: #0b57d0; }
@media (prefers-color-scheme: dark) { :root { --fg: #ececec; --bg: #141414; --link: #8ab4f8; } }
body { font: 1rem/1.6 system-ui, sans-serif; color: var(--fg); background: var(--bg); max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
a { color: var(--link); }
code { font-family: ui-monospace, monospace; font-size: 0.95em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
a:focus-visible { outline: 3px solid; outline-offset: 2px; }
`;

const page = (title: string, body: Html) =>
  htmlDocument({
    lang: 'en',
    title: `${title} · Socius Content API`,
    head: styleElement(STYLE),
    body: html`<nav aria-label="Documentation"><a href="/docs">API reference</a> · <a href="/problems">All problem types</a></nav>
<main>${body}</main>`,
  });

export const docsRouter = createRouter();

docsRouter.use('/docs', cors({ origin: '*' }));
docsRouter.use('/problems', cors({ origin: '*' }));
docsRouter.use('/problems/*', cors({ origin: '*' }));

docsRouter.get('/docs', async (c) => {
  const rendered = await renderReference(c, async () => {});
  if (!rendered) throw new Error('Scalar rendered no page');
  // Scalar's page declares no language, which screen readers need to pronounce it. Its bundled zod probes for
  // eval with Function(''), which the policy forbids (and zod survives); the flag tells zod not to try, so the
  // page raises no violation at all.
  const reference = (await rendered.text())
    .replace('<html>', '<html lang="en">')
    .replace('</head>', `<script>${ZOD_JITLESS}</script>\n</head>`);
  return c.html(reference, 200, {
    'Cache-Control': DOCS_CACHE_CONTROL,
    'Content-Security-Policy': cspHeader({ ...PAGE_CSP, scriptSrc: ["'self'", ...(await inlineScriptHashes(reference))] }),
  });
});

docsRouter.get('/problems', (c) =>
  c.html(
    page(
      'Problem types',
      html`<h1>Problem types</h1>
        <p>
          Errors are RFC 9457 <code>application/problem+json</code> bodies. Their <code>type</code> is one of these pages; the
          <code>detail</code> says what went wrong with your request, and <code>invalidParams</code> names each offending parameter.
        </p>
        <ul>
          ${Object.entries(PROBLEM_TYPES).map(
            ([type, problem]) =>
              html`<li><a href="/problems/${type}">${problem.title}</a> (${problem.status}): <code>/problems/${type}</code></li>`,
          )}
        </ul>`,
    ),
    200,
    { 'Cache-Control': DOCS_CACHE_CONTROL },
  ),
);

docsRouter.get('/problems/:type', (c) => {
  const type = c.req.param('type');
  if (!isProblemType(type)) {
    throw new ApiError('not-found', `There is no problem type "${type}". The known ones are listed at /problems.`);
  }
  const problem = PROBLEM_TYPES[type];
  return c.html(
    page(
      problem.title,
      html`<h1>${problem.title}</h1>
        <dl>
          <dt>Problem type</dt>
          <dd><code>/problems/${type}</code></dd>
          <dt>HTTP status</dt>
          <dd>${problem.status}</dd>
        </dl>
        <h2>What it means</h2>
        <p>${withCode(problem.meaning)}</p>
        <h2>How to fix it</h2>
        <p>${withCode(problem.fix)}</p>`,
    ),
    200,
    { 'Cache-Control': DOCS_CACHE_CONTROL },
  );
});
