import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sanitiseHtml } from '../../api/lib/sanitise.ts';
import { API_TYPES_PATH, generateApiTypes } from '../../scripts/generate-client.ts';
import { ALL_HTML, HTML_PAYLOADS } from '../hostile-corpus.ts';

const ROOT = join(import.meta.dirname, '..', '..');
// `npm test` builds the bundle before vitest runs (scripts/build-widgets.ts).
const DIST = join(ROOT, 'dist', 'public', 'widgets', 'v1');
const BUNDLE = join(DIST, 'socius.js');

import { BUNDLE_BUDGET_GZIP_BYTES as BUDGET_GZIP_BYTES, EAGER_BUDGET_GZIP_BYTES } from '../../scripts/build-widgets-budget.ts';

const TAGS = ['socius-events', 'socius-event', 'socius-analyses', 'socius-analysis', 'socius-services', 'socius-about'];
/** socius.js and the chunks it imports on demand. */
const scripts = () => readdirSync(DIST).filter((name) => name.endsWith('.js'));
const gzipKb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

describe('the widget bundle', () => {
  it(`stays within ${BUDGET_GZIP_BYTES / 1024} kB gzip for every element together, chunks loaded on demand included`, () => {
    const sizes = Object.fromEntries(scripts().map((name) => [name, gzipSync(readFileSync(join(DIST, name))).length]));
    const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
    console.log(
      `widgets: ${Object.entries(sizes)
        .map(([name, size]) => `${name} ${gzipKb(size)}`)
        .join(', ')}; together ${gzipKb(total)} gzip of ${gzipKb(BUDGET_GZIP_BYTES)}`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it(`loads at most ${EAGER_BUDGET_GZIP_BYTES / 1024} kB gzip on a page with no analysis (the sanitiser chunk is not fetched there)`, () => {
    expect(gzipSync(readFileSync(BUNDLE)).length).toBeLessThanOrEqual(EAGER_BUDGET_GZIP_BYTES);
  });

  it('imports its chunks only on demand, from beside itself', () => {
    const code = readFileSync(BUNDLE, 'utf8');
    const chunks = scripts().filter((name) => name !== 'socius.js');
    for (const chunk of chunks) expect(code).toContain(`import("./${chunk}")`);
    expect(code).not.toMatch(/^import\s|[;}]import\s*[{*"]/m);
  });

  it('sanitises rich text exactly as the API does, with the API’s own sanitiser as built for the browser', async () => {
    // The file a partner page downloads, run as it is: the build swaps out a part of xss (see build-widgets.ts).
    const built = (await import(pathToFileURL(join(DIST, 'sanitise-html.js')).href)) as { sanitiseHtml: (html: string) => string };
    for (const html of [...HTML_PAYLOADS, ALL_HTML, '<p style="color: red">x</p>', '<h3 id="doel">Doel</h3><a href="tel:+32">t</a>']) {
      expect(built.sanitiseHtml(html), html).toBe(sanitiseHtml(html));
    }
  });

  it('ships Lit in production mode, minified, with no source maps or dev warnings', () => {
    for (const name of scripts()) {
      const code = readFileSync(join(DIST, name), 'utf8');
      expect(code, name).not.toContain('Lit is in dev mode');
      expect(code, name).not.toContain('sourceMappingURL');
      // Minified: no comments survive (the only line breaks left are inside CSS template strings).
      expect(code, name).not.toMatch(/\/\*\*|^\s*\/\/ /m);
    }
  });

  it('asks nothing of any host but the API: no cookies, no storage, no third-party URLs', () => {
    for (const name of scripts()) {
      const code = readFileSync(join(DIST, name), 'utf8');
      expect(code, name).not.toMatch(/document\.cookie|localStorage|sessionStorage|indexedDB/);
      const hosts = new Set([...code.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((m) => m[1]!.toLowerCase()));
      // Only identifiers, never fetched: schema.org vocabulary, SPDX licence pages linked from an analysis,
      // Socius itself as the publisher, and the XHTML/SVG/MathML namespaces Lit uses.
      expect([...hosts].filter((h) => !['schema.org', 'spdx.org', 'socius.be', 'www.w3.org'].includes(h))).toEqual([]);
    }
  });
});

describe('the widgets API client', () => {
  it('is typed from the current OpenAPI document (run `npm run generate:client` when this fails)', async () => {
    expect(readFileSync(API_TYPES_PATH, 'utf8')).toBe(await generateApiTypes());
  });
});

interface Documented {
  name: string;
  description?: string;
  privacy?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  description?: string;
  attributes?: Documented[];
  members?: Documented[];
  events?: Documented[];
  cssParts?: Documented[];
  cssProperties?: Documented[];
  slots?: Documented[];
}
const manifest = () =>
  JSON.parse(readFileSync(join(ROOT, 'dist', 'public', 'widgets', 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: Declaration[] }[];
  };
const elements = () =>
  manifest()
    .modules.flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName);

describe('the custom-elements manifest', () => {
  it('documents every element with its attributes, CSS custom properties and parts', () => {
    const all = elements();
    expect(all.map((d) => d.tagName).sort()).toEqual([...TAGS].sort());
    for (const element of all) {
      expect(
        element.attributes?.map((a) => a.name),
        element.tagName,
      ).toEqual(expect.arrayContaining(['lang', 'api-base', 'theme', 'heading-level', 'no-jsonld']));
      expect(
        element.cssProperties?.map((p) => p.name),
        element.tagName,
      ).toEqual(expect.arrayContaining(['--socius-accent', '--socius-font']));
      expect(element.cssParts?.length, element.tagName).toBeGreaterThan(0);
    }
  });

  it('describes every element, attribute, public property, event, CSS part, custom property and slot', () => {
    const undescribed: string[] = [];
    for (const element of elements()) {
      if (!element.description?.trim()) undescribed.push(`<${element.tagName}>`);
      const items: [string, Documented[] | undefined][] = [
        ['attribute', element.attributes],
        ['property', element.members?.filter((m) => (m.privacy ?? 'public') === 'public')],
        ['event', element.events],
        ['part', element.cssParts],
        ['custom property', element.cssProperties],
        ['slot', element.slots],
      ];
      for (const [kind, list] of items) {
        for (const item of list ?? []) if (!item.description?.trim()) undescribed.push(`<${element.tagName}> ${kind} ${item.name}`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('lists no internal state as an attribute', () => {
    for (const element of elements()) {
      const names = element.attributes?.map((a) => a.name) ?? [];
      const internal = ['state', 'chosen', 'month', 'selectedDay', 'open', 'announcement'];
      expect(
        names.filter((n) => internal.includes(n)),
        element.tagName,
      ).toEqual([]);
    }
  });
});
