import { describe, expect, it } from 'vitest';
import { get } from './helpers.ts';

/** The Content-Security-Policy as directive → sources. */
function policy(header: string | null): Record<string, string[]> {
  expect(header, 'Content-Security-Policy').toBeTruthy();
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const sha256 = async (code: string) =>
  `'sha256-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code)))))}'`;

/** Inline scripts a browser would run (a JSON-LD block is data, never run, so CSP does not govern it). */
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\bsrc=/.test(attributes ?? '') && !/type="application\/ld\+json"/.test(attributes ?? ''))
    .map(([, , code]) => code ?? '');

const HTML_PAGES = [
  '/',
  '/docs',
  '/problems',
  '/problems/invalid-parameter',
  '/nl/about',
  '/fr/topics',
  '/en/analyses/tien-stromingen-in-het-middenveld',
];
const EMBED_PAGES = ['/embed/events?lang=fr', '/embed/analysis?slug=tien-stromingen-in-het-middenveld', '/embed/about'];

describe('security headers on HTML pages', () => {
  it.each([...HTML_PAGES, ...EMBED_PAGES])(
    '%s runs no inline script the policy does not name, and sends nosniff and a referrer policy',
    async (path) => {
      const page = await get<string>(path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
      const csp = policy(page.headers.get('Content-Security-Policy'));
      expect(csp['script-src']).toContain("'self'");
      expect(csp['script-src']).not.toContain("'unsafe-inline'");
      expect(csp['script-src']).not.toContain("'unsafe-eval'");
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['base-uri']).toEqual(["'none'"]);
      // Every inline script on the page is allowed by its exact hash, and only those.
      const allowed = csp['script-src']!.filter((source) => source.startsWith("'sha256-"));
      expect(allowed.sort()).toEqual((await Promise.all(inlineScripts(page.body).map(sha256))).sort());
      expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(page.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    },
  );

  it.each(HTML_PAGES)('%s may not be framed', async (path) => {
    const page = await get<string>(path);
    expect(policy(page.headers.get('Content-Security-Policy'))['frame-ancestors']).toEqual(["'none'"]);
    expect(page.headers.get('X-Frame-Options')).toBe('DENY');
  });

  it.each(EMBED_PAGES)('%s may be framed by any site', async (path) => {
    const page = await get<string>(path);
    expect(policy(page.headers.get('Content-Security-Policy'))['frame-ancestors']).toEqual(['*']);
    expect(page.headers.get('X-Frame-Options')).toBeNull();
  });

  it('runs the docs page from its one inline configuration script, allowed by hash', async () => {
    const page = await get<string>('/docs');
    const scripts = inlineScripts(page.body);
    expect(scripts.length).toBeGreaterThan(0);
    const csp = policy(page.headers.get('Content-Security-Policy'));
    for (const code of scripts) expect(csp['script-src']).toContain(await sha256(code));
  });

  it('serves the builder as a script file of its own, not inline', async () => {
    const page = await get<string>('/');
    expect(inlineScripts(page.body)).toEqual([]);
    expect(page.body).toContain('<script type="module" src="/builder.js"></script>');
    const script = await get<string>('/builder.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(script.body).toContain("document.querySelector('#builder')");
  });
});

describe('security headers on JSON', () => {
  it.each(['/v1/events?lang=en', '/v1/about', '/openapi.json', '/v1/events?limit=0', '/v1/nothing'])(
    '%s is never sniffed as HTML',
    async (path) => {
      const response = await get(path);
      expect(response.headers.get('Content-Type')).toMatch(/json/);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    },
  );
});

describe('a path that does not exist, outside /v1', () => {
  it('is a 404 page in the visitor language for a browser', async () => {
    const page = await get<string>('/foo', { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'Accept-Language': 'fr-BE,fr;q=0.9' });
    expect(page.status).toBe(404);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(page.headers.get('Content-Language')).toBe('fr');
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('<h1>Introuvable</h1>');
    expect(policy(page.headers.get('Content-Security-Policy'))['frame-ancestors']).toEqual(["'none'"]);
  });

  it('stays problem+json for a client that does not ask for HTML, and under /v1 always', async () => {
    const api = await get<{ status: number }>('/foo', { Accept: 'application/json' });
    expect(api.status).toBe(404);
    expect(api.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const v1 = await get<{ status: number }>('/v1/nothing', { Accept: 'text/html' });
    expect(v1.status).toBe(404);
    expect(v1.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  });
});
