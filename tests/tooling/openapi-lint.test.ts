// The OpenAPI document is a product of its own: client generators and the /docs reference read it. These checks
// run in Node against the document the app itself serves (the route touches no bindings, so no Worker is needed).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import app from '../../api/index.ts';
import {
  HTTP_METHODS,
  type MediaTypeDoc,
  type OpenApiDocument,
  type OperationDoc,
  type Ref,
  resolveRef,
  type SchemaDoc,
} from '../openapi-document.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SPECTRAL = join(ROOT, 'node_modules', '.bin', 'spectral');
const RULESET = join(ROOT, '.spectral.yaml');

/** The public read API; a path missing from the document would be invisible to generated clients. */
const PUBLIC_PATHS = [
  '/v1/about',
  '/v1/topics',
  '/v1/services',
  '/v1/services/{slug}',
  '/v1/analyses',
  '/v1/analyses/{slug}',
  '/v1/events',
  '/v1/events/{slug}',
  '/v1/search',
];
const TAGS = ['About', 'Topics', 'Services', 'Analyses', 'Events', 'Search'];

interface SpectralFinding {
  code: string | number;
  message: string;
  severity: number;
  path: (string | number)[];
}

let doc: OpenApiDocument;
let workDir: string;

beforeAll(async () => {
  const response = await app.request('/openapi.json');
  expect(response.status).toBe(200);
  doc = (await response.json()) as OpenApiDocument;
  workDir = await mkdtemp(join(tmpdir(), 'socius-openapi-'));
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function operations(): { path: string; method: string; operation: OperationDoc }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
}

function hasExample(media: MediaTypeDoc): boolean {
  if (media.example !== undefined || Object.keys(media.examples ?? {}).length > 0) return true;
  const schema = resolveRef<SchemaDoc>(doc, media.schema);
  return schema?.example !== undefined || Array.isArray(schema?.examples);
}

const isProblemSchema = (media: MediaTypeDoc | undefined) => (media?.schema as Ref | undefined)?.$ref === '#/components/schemas/Problem';

/** Runs the spectral CLI from node_modules with this Node (not whichever `node` PATH finds first). */
function spectral(file: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [SPECTRAL, 'lint', file, '--ruleset', RULESET, '--format', 'json', '--quiet'],
      { cwd: ROOT, timeout: 90_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => done({ exitCode: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe('GET /openapi.json', () => {
  it('the OpenAPI document passes spectral:oas with no errors or warnings', { timeout: 120_000 }, async () => {
    const file = join(workDir, 'openapi.json');
    await writeFile(file, JSON.stringify(doc, null, 2));
    const { exitCode, stdout, stderr } = await spectral(file);
    let findings: SpectralFinding[];
    try {
      findings = JSON.parse(stdout) as SpectralFinding[];
    } catch {
      throw new Error(`spectral did not print JSON (exit ${exitCode}):\n${stdout}\n${stderr}`);
    }
    const severities = ['error', 'warning', 'info', 'hint'];
    const readable = findings.map((f) => `${severities[f.severity] ?? f.severity} ${f.code} at ${f.path.join('.')}: ${f.message}`);
    expect(readable).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('every operation documents a description, an example and its problem responses', () => {
    const definedTags = new Map((doc.tags ?? []).map((tag) => [tag.name, tag.description ?? '']));
    const gaps: string[] = TAGS.filter((name) => !definedTags.get(name)).map((name) => `tag "${name}" is not defined with a description`);
    for (const { path, method, operation } of operations()) {
      const at = `${method.toUpperCase()} ${path}`;
      for (const field of ['operationId', 'summary', 'description'] as const) {
        if (!operation[field]?.trim()) gaps.push(`${at}: no ${field}`);
      }
      if (!operation.tags?.length) gaps.push(`${at}: no tags`);
      for (const tag of operation.tags ?? []) if (!definedTags.get(tag)) gaps.push(`${at}: tag "${tag}" is not defined with a description`);

      const responses = operation.responses ?? {};
      // The success response: 200 for reads, 201 for creates; a 204 (delete) has no body by definition.
      const success = ['200', '201', '204'].find((status) => responses[status]) ?? '200';
      const ok = resolveRef(doc, responses[success]);
      const media = Object.entries(ok?.content ?? {});
      if (media.length === 0 && success !== '204') gaps.push(`${at}: the ${success} response has no content`);
      for (const [type, body] of media) if (!hasExample(body)) gaps.push(`${at}: the ${success} ${type} response has no example`);

      const expected = path.includes('{') ? ['400', '404'] : ['400'];
      for (const status of expected) {
        const problem = resolveRef(doc, responses[status]);
        if (!isProblemSchema(problem?.content?.['application/problem+json'])) {
          gaps.push(`${at}: no ${status} application/problem+json response with the Problem schema`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('the document is OpenAPI 3.1 and lists every public path', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(PUBLIC_PATHS));
    // Every GET the app answers under /v1 must be documented, so nothing public is served off the record.
    const served = new Set(
      app.routes
        .filter((route) => route.method === 'GET' && route.path.startsWith('/v1/') && !route.path.includes('*'))
        .map((route) => route.path.replace(/:(\w+)/g, '{$1}')),
    );
    const undocumented = [...served].filter((path) => !doc.paths[path]?.get);
    expect(undocumented).toEqual([]);
  });
});
