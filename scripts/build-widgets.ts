// Bundles widgets/ into one minified ES module served as a static asset, and prints its gzip size.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { BUNDLE_BUDGET_GZIP_BYTES } from './build-widgets-budget.ts';
import { minifyCssLiterals } from './minify-lit-css.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist', 'public');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/**
 * Lit `html` literals keep their line breaks and indentation too (a few hundred bytes gzip over all elements).
 * Between tags and words, a run of white space with a line break in it renders as one space, so that is what the
 * static parts of each `html` literal get; what is inside `${…}` is code and is copied as it is, apart from the
 * `html` literals nested in it. Strings, comments and other template literals are skipped whole, so only real
 * `html` templates change. (No element uses `<pre>` or `white-space: pre`, where line breaks would show.)
 */
function collapseHtml(source: string): string {
  let out = '';
  let i = 0;
  // Copies code up to the end, or inside `${…}` up to its closing brace.
  const code = (inExpression: boolean): void => {
    let depth = 0;
    while (i < source.length) {
      const c = source[i];
      const next = source[i + 1];
      if (c === '/' && (next === '/' || next === '*')) {
        const end = next === '/' ? source.indexOf('\n', i) : source.indexOf('*/', i + 2) + 2;
        const stop = end <= 0 ? source.length : end;
        out += source.slice(i, stop);
        i = stop;
      } else if (c === '"' || c === "'") {
        let j = i + 1;
        while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
        out += source.slice(i, j + 1);
        i = j + 1;
      } else if (c === '`') {
        const isHtml = /\bhtml$/.test(source.slice(Math.max(0, i - 5), i));
        out += c;
        i++;
        template(isHtml);
      } else {
        if (inExpression && c === '{') depth++;
        if (inExpression && c === '}' && depth-- === 0) return;
        out += c;
        i++;
      }
    }
  };
  const template = (isHtml: boolean): void => {
    let text = '';
    const flush = () => {
      out += isHtml ? text.replace(/\s*\n\s*/g, ' ') : text;
      text = '';
    };
    while (i < source.length) {
      const c = source[i];
      if (c === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        flush();
        out += c;
        i++;
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        flush();
        out += '${';
        i += 2;
        code(true);
        out += '}';
        i++;
      } else {
        text += c;
        i++;
      }
    }
    flush();
  };
  code(false);
  return out;
}

const minifyCss: Plugin = {
  name: 'minify-lit-css',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]widgets[\\/].*\.ts$/ }, async ({ path }) => {
      return { contents: collapseHtml(await minifyCssLiterals(readFileSync(path, 'utf8'))), loader: 'ts' };
    });
  },
};

// What only some elements need is imported dynamically and built as a file of its own beside socius.js: the
// rich-text sanitiser (shared/sanitise-html.ts, the API's own), for analyses and event descriptions, and the month
// grid of <socius-events layout="calendar"> (which takes Lit from the element, so it carries no copy). Each is an
// entry point of its own with the import in socius.js left as it is (`./<name>.js`), rather than esbuild's code
// splitting: splitting puts esbuild's CommonJS helpers (xss is CommonJS) into a third chunk that socius.js would
// then import on every page. Names carry no hash: a socius.js served stale from a cache must still find the file
// it imports after the next deploy.
const LAZY = { 'sanitise-html': join(ROOT, 'shared', 'sanitise-html.ts'), calendar: join(ROOT, 'widgets', 'events', 'calendar.ts') };
const lazyByPath = new Map(Object.entries(LAZY).map(([name, path]) => [path, `./${name}.js`]));
const lazyImports: Plugin = {
  name: 'lazy-imports',
  setup(builder) {
    builder.onResolve({ filter: /^\./ }, ({ kind, resolveDir, path }) => {
      const file = kind === 'dynamic-import' ? lazyByPath.get(resolve(resolveDir, path)) : undefined;
      return file ? { path: file, external: true } : undefined;
    });
  },
};
// xss loads cssfilter, which filters `style` attribute values against a list of some 400 CSS properties: 2.5 kB
// of the sanitiser's 7 kB gzip. The rich-text allow-list has no `style` attribute, so the widgets never reach it;
// in their build it is replaced by a stand-in that fails loudly if an allow-list ever lets `style` through (the
// API keeps the real one). tests/tooling/widgets.test.ts checks that the built sanitiser answers exactly as the
// API's does on the hostile corpus.
const withoutCssFilter: Plugin = {
  name: 'without-cssfilter',
  setup(builder) {
    builder.onResolve({ filter: /^cssfilter$/ }, () => ({ path: 'cssfilter', namespace: 'stand-in' }));
    builder.onLoad({ filter: /^cssfilter$/, namespace: 'stand-in' }, () => ({
      contents: `export class FilterCSS { process() { throw new Error("a style attribute reached the widgets' sanitiser, whose allow-list has none"); } }
        export const getDefaultWhiteList = () => ({});`,
      loader: 'js',
    }));
  },
};
const result = await build({
  entryPoints: { socius: join(ROOT, 'widgets', 'index.ts'), ...LAZY },
  bundle: true,
  outdir: join(OUT, 'widgets', 'v1'),
  format: 'esm',
  minify: true,
  target: 'es2022',
  write: false,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"', __WIDGETS_VERSION__: JSON.stringify(pkg.version) },
  tsconfig: join(ROOT, 'widgets', 'tsconfig.json'),
  plugins: [lazyImports, withoutCssFilter, minifyCss],
});
const entry = result.outputFiles.find((file) => basename(file.path) === 'socius.js');
if (!entry) throw new Error('esbuild produced no socius.js');

for (const dir of ['v1', pkg.version]) {
  rmSync(join(OUT, 'widgets', dir), { recursive: true, force: true });
  mkdirSync(join(OUT, 'widgets', dir), { recursive: true });
  for (const file of result.outputFiles) writeFileSync(join(OUT, 'widgets', dir, basename(file.path)), file.contents);
}
writeFileSync(join(OUT, 'widgets', 'version.json'), JSON.stringify({ version: pkg.version, latest: '/widgets/v1/socius.js' }));
// Static assets are served without the Worker; these headers make the bundle embeddable from any origin.
writeFileSync(
  join(OUT, '_headers'),
  `/widgets/custom-elements.json
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=300
/widgets/version.json
  Access-Control-Allow-Origin: *
  Cache-Control: public, max-age=300
/widgets/v1/*
  Access-Control-Allow-Origin: *
  Cross-Origin-Resource-Policy: cross-origin
  Cache-Control: public, max-age=300, stale-while-revalidate=86400
/widgets/${pkg.version}/*
  Access-Control-Allow-Origin: *
  Cross-Origin-Resource-Policy: cross-origin
  Cache-Control: public, max-age=31536000, immutable
`,
);
// The custom-elements manifest (attributes, events, parts, custom properties) is published beside the bundle.
execFileSync(join(ROOT, 'node_modules', '.bin', 'cem'), ['analyze', '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

let total = 0;
for (const file of result.outputFiles) {
  const gzip = gzipSync(file.contents).length;
  total += gzip;
  const role = file === entry ? '' : ', loaded on demand';
  console.log(`widgets: ${basename(file.path)} ${(file.contents.length / 1024).toFixed(1)} kB, ${(gzip / 1024).toFixed(1)} kB gzip${role}`);
}
console.log(`widgets: ${(total / 1024).toFixed(1)} kB gzip together (budget ${BUNDLE_BUDGET_GZIP_BYTES / 1024} kB)`);
