// Generated from /openapi.json: every operation that changes something (and every read behind a key) refuses a
// request without a key (401) and one whose key lacks the scope (403). A new write route that forgets its guard
// fails here without anyone writing a test for it.
import { describe, expect, it } from 'vitest';
import { SCOPES } from '../../schema/editorial.ts';
import type { OpenApiDocument, OperationDoc } from '../openapi-document.ts';
import { makeKey, type ProblemBody, send } from './editorial-helpers.ts';
import { get } from './helpers.ts';

const doc = (await get<OpenApiDocument>('/openapi.json')).body;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  METHODS.flatMap((method) => {
    const operation = item[method] as OperationDoc | undefined;
    return operation ? [{ path, method: method.toUpperCase(), operation }] : [];
  }),
);
const guarded = operations.filter(({ method, operation }) => method !== 'GET' || (operation.security?.length ?? 0) > 0);

/** A concrete URL for a path template: real-looking values that pass the parameter patterns. */
const concrete = (path: string) =>
  path
    .replaceAll('{slug}', 'vrijwilligerswerk')
    .replaceAll('{id}', '0123456789abcdef')
    .replaceAll('{version}', '1')
    .replace(/\{\w+\}/g, '0123456789abcdef');

/** The body the operation documents an example of, or an empty object: validation must come after the key check. */
const bodyFor = (operation: OperationDoc) => (operation.requestBody ? {} : undefined);

function expectProblem(response: { status: number; headers: Headers; body: unknown }, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  expect((response.body as ProblemBody).status).toBe(status);
}

describe('every operation that writes, generated from the OpenAPI document', () => {
  it('finds the write operations of the editorial API', () => {
    const ids = guarded.map(({ operation }) => operation.operationId);
    expect(ids).toEqual(
      expect.arrayContaining(['createTopic', 'updateTopic', 'deleteTopic', 'createService', 'updateAbout', 'createKey', 'listAudit']),
    );
    expect(operations.filter(({ method }) => method !== 'GET').every(({ operation }) => (operation.security?.length ?? 0) > 0)).toBe(true);
  });

  it.each(guarded.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s without a key: 401 with WWW-Authenticate: Bearer',
    async (_, op) => {
      const response = await send(op.method, concrete(op.path), { body: bodyFor(op.operation), headers: { 'If-Match': '"1"' } });
      expectProblem(response, 401);
      expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer\b/);
      expect(op.operation.responses?.['401'], 'the 401 is documented').toBeDefined();
    },
  );

  it.each(guarded.map((op) => [`${op.method} ${op.path}`, op] as const))('%s with a key lacking the scope: 403', async (_, op) => {
    // A real scope that this operation does not accept: its description names every scope it takes (scopeNote).
    const scope = SCOPES.find((s) => !op.operation.description?.includes(`\`${s}\``)) ?? 'webhooks:admin';
    const { key } = await makeKey([scope]);
    const response = await send(op.method, concrete(op.path), { key, body: bodyFor(op.operation), headers: { 'If-Match': '"1"' } });
    expectProblem(response, 403);
    expect(op.operation.responses?.['403'], 'the 403 is documented').toBeDefined();
  });
});

describe('API keys', () => {
  it('refuses an unknown, a revoked and an expired key alike, with 401', async () => {
    const { key, id } = await makeKey(['content:write']);
    const forged = `${key.slice(0, -4)}AAAA`;
    const { key: expiring } = await makeKey(['content:write'], { expiresAt: new Date(Date.now() + 60_000) });
    const admin = (await makeKey(['keys:admin'])).key;
    expect((await send('DELETE', `/v1/keys/${id}`, { key: admin })).status).toBe(204);
    for (const bad of [forged, key, 'socius_0000000000000000_' + 'A'.repeat(43), 'not-a-key']) {
      const response = await send('GET', '/v1/topics/vrijwilligerswerk/edit', { key: bad });
      expectProblem(response, 401);
      expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    }
    // An expired key: still stored, no longer accepted.
    const { testDb } = await import('./editorial-helpers.ts');
    const { apiKeys } = await import('../../schema/editorial.ts');
    const { eq } = await import('drizzle-orm');
    await testDb()
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, expiring.split('_')[1] ?? ''));
    expectProblem(await send('GET', '/v1/topics/vrijwilligerswerk/edit', { key: expiring }), 401);
  });

  it('refuses a key in the query string, even next to a valid header', async () => {
    const { key } = await makeKey(['content:write']);
    for (const query of [`access_token=${key}`, `api_key=${key}`, `x=${key}`]) {
      const response = await send('GET', `/v1/topics/vrijwilligerswerk/edit?${query}`, { key });
      expect(response.status, query).toBe(400);
      expect((response.body as ProblemBody).invalidParams?.[0]?.reason).toMatch(/Authorization: Bearer/);
    }
    const publicRead = await send('GET', `/v1/topics?preview=true&access_token=${key}`);
    expect(publicRead.status).toBe(400);
  });

  it('accepts only the Bearer scheme', async () => {
    const { key } = await makeKey(['content:write']);
    const response = await send('GET', '/v1/topics/vrijwilligerswerk/edit', { headers: { Authorization: `Basic ${key}` } });
    expectProblem(response, 401);
    expect((await send('GET', '/v1/topics/vrijwilligerswerk/edit', { key })).status).toBe(200);
  });

  it('stores only the SHA-256 of a key, and shows the key once when keys:admin creates it', async () => {
    const { key: admin } = await makeKey(['keys:admin']);
    const created = await send<{ data: { id: string; key: string; scopes: string[] } }>('POST', '/v1/keys', {
      key: admin,
      body: { name: 'Partner Vormingplus', scopes: ['events:submit'], organiser: 'Vormingplus Gent-Eeklo' },
    });
    expect(created.status).toBe(201);
    const { id, key } = created.body.data;
    expect(key).toMatch(/^socius_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const { env } = await import('cloudflare:test');
    const row = await env.DB.prepare('select * from api_keys where id = ?').bind(id).first<Record<string, unknown>>();
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
    expect(row?.hash).toBe(digest);
    // The secret is everything after the id: base64url, so it may itself hold `_` (split('_') would cut it short).
    const secret = key.slice('socius_'.length + 17);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(row)).not.toContain(secret);
    const listed = await send('GET', '/v1/keys', { key: admin });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(JSON.stringify(listed.body)).toContain('Partner Vormingplus');
  });

  it('refuses an events:submit key without its organiser, listing the field', async () => {
    const { key: admin } = await makeKey(['keys:admin']);
    const response = await send<ProblemBody>('POST', '/v1/keys', { key: admin, body: { name: 'x', scopes: ['events:submit'] } });
    expect(response.status).toBe(422);
    expect(response.body.invalidParams?.map((p) => (p as { pointer?: string }).pointer)).toEqual(['/organiser']);
  });
});
