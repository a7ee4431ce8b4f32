import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { API_TYPES_PATH, generateApiTypes } from '../../scripts/generate-client.ts';

const ROOT = join(import.meta.dirname, '..', '..');
// `npm test` builds the bundle before vitest runs (scripts/build-widgets.ts).
const BUNDLE = join(ROOT, 'dist', 'public', 'widgets', 'v1', 'socius.js');
const BUDGET_GZIP_BYTES = 30 * 1024;
const TAGS = ['socius-events', 'socius-event', 'socius-analyses', 'socius-analysis', 'socius-services', 'socius-about'];

describe('the widget bundle', () => {
  it(`stays within ${BUDGET_GZIP_BYTES / 1024} kB gzip for every element together`, () => {
    const gzip = gzipSync(readFileSync(BUNDLE)).length;
    console.log(`socius.js: ${(gzip / 1024).toFixed(1)} kB gzip of ${BUDGET_GZIP_BYTES / 1024} kB`);
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('ships Lit in production mode, minified, with no source maps or dev warnings', () => {
    const code = readFileSync(BUNDLE, 'utf8');
    expect(code).not.toContain('Lit is in dev mode');
    expect(code).not.toContain('sourceMappingURL');
    // Minified: no comments survive (the only line breaks left are inside CSS template strings).
    expect(code).not.toMatch(/\/\*\*|^\s*\/\/ /m);
  });

  it('asks nothing of any host but the API: no cookies, no storage, no third-party URLs', () => {
    const code = readFileSync(BUNDLE, 'utf8');
    expect(code).not.toMatch(/document\.cookie|localStorage|sessionStorage|indexedDB/);
    const hosts = new Set([...code.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((m) => m[1]!.toLowerCase()));
    // Only identifiers, never fetched: schema.org vocabulary, SPDX licence pages linked from an analysis,
    // Socius itself as the publisher, and the XHTML/SVG namespaces Lit uses.
    expect([...hosts].filter((h) => !['schema.org', 'spdx.org', 'socius.be', 'www.w3.org'].includes(h))).toEqual([]);
  });
});

describe('the widgets API client', () => {
  it('is typed from the current OpenAPI document (run `npm run generate:client` when this fails)', async () => {
    expect(readFileSync(API_TYPES_PATH, 'utf8')).toBe(await generateApiTypes());
  });
});

describe('the custom-elements manifest', () => {
  it('documents every element with its attributes, CSS custom properties and parts', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'public', 'widgets', 'custom-elements.json'), 'utf8')) as {
      modules: {
        declarations?: { tagName?: string; attributes?: { name: string }[]; cssProperties?: { name: string }[]; cssParts?: unknown[] }[];
      }[];
    };
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    expect(elements.map((d) => d.tagName).sort()).toEqual([...TAGS].sort());
    for (const element of elements) {
      expect(
        element.attributes?.map((a) => a.name),
        element.tagName,
      ).toEqual(expect.arrayContaining(['lang', 'api-base', 'theme']));
      expect(
        element.cssProperties?.map((p) => p.name),
        element.tagName,
      ).toEqual(expect.arrayContaining(['--socius-accent', '--socius-font']));
      expect(element.cssParts?.length, element.tagName).toBeGreaterThan(0);
    }
  });
});
