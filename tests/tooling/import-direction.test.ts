// The arrows between the top-level folders: api/ → schema/, scripts/ → both, widgets/ → neither, and api/ and
// widgets/ → shared/ (code the Worker and the widgets both run), which imports none of them. Every import is read
// from the syntax tree (type-only ones too, since they couple folders as much as values do) and resolved to the
// file it names, so a path spelled another way is caught all the same.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SOURCE = /\.(?:[cm]?[jt]s|tsx)$/;
const IMPORTING = new Set(['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression', 'TSImportType']);

/** Every module specifier written in a file: static, re-export, dynamic and `import('…')` types. */
function specifiers(file: string, code: string): string[] {
  const { program, errors } = parseSync(file, code);
  if (errors.length > 0) throw new Error(`${file} does not parse: ${errors[0]?.message}`);
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const { type, source } = node as { type?: string; source?: { type?: string; value?: unknown } };
    if (type && IMPORTING.has(type) && source?.type === 'Literal' && typeof source.value === 'string') found.push(source.value);
    for (const child of Object.values(node)) visit(child); // arrays too: their values are their items
  };
  visit(program);
  return found;
}

/** Every relative import of a folder's files, resolved, with the top-level folder it lands in. */
function importsOf(folder: string): { from: string; to: string; layer: string }[] {
  const files = readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }).filter((name) => SOURCE.test(name));
  return files.flatMap((name) => {
    const file = join(ROOT, folder, name);
    return specifiers(file, readFileSync(file, 'utf8'))
      .filter((specifier) => specifier.startsWith('.') || specifier.startsWith('/'))
      .map((specifier) => {
        const to = relative(ROOT, resolve(dirname(file), specifier));
        return { from: relative(ROOT, file), to, layer: to.split(sep)[0] ?? '' };
      });
  });
}

const violations = (folder: string, forbidden: string[]) =>
  importsOf(folder)
    .filter(({ layer }) => forbidden.includes(layer) || layer === '..')
    .map(({ from, to }) => `${from} → ${to}`);

describe('imports between the top-level folders', () => {
  it('reads every kind of import, type-only and dynamic ones included', () => {
    const code = `import type { A } from '../api/a.ts';
      import b from './b.ts';
      import './c.ts';
      export { d } from './d.ts';
      export * from './e.ts';
      type F = import('./f.ts').F;
      const g = await import('./g.ts');
      // import h from './h.ts';
      const i = "import i from './i.ts'";`;
    expect(specifiers('sample.ts', code)).toEqual(['../api/a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts', './g.ts']);
  });

  it('schema/ imports only schema/: the data layer knows nothing of the API, the widgets, the scripts or the tests', () => {
    expect(violations('schema', ['api', 'widgets', 'scripts', 'tests'])).toEqual([]);
  });

  it('widgets/ import neither the API nor the schema: they know the API only through its HTTP contract', () => {
    expect(violations('widgets', ['api', 'schema', 'scripts', 'tests'])).toEqual([]);
  });

  it('api/ imports no widget source, script or test', () => {
    expect(violations('api', ['widgets', 'scripts', 'tests'])).toEqual([]);
  });

  it('shared/ imports no other folder: what runs both in the Worker and in a partner page depends on neither side', () => {
    expect(violations('shared', ['api', 'widgets', 'schema', 'scripts', 'tests'])).toEqual([]);
  });
});
