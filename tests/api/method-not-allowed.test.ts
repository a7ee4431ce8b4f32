import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ORIGIN, type ProblemBody } from './helpers.ts';

const send = (method: string, path: string) => SELF.fetch(`${ORIGIN}${path}`, { method });

async function expectMethodNotAllowed(method: string, path: string, allow: string) {
  const response = await send(method, path);
  expect(response.status, `${method} ${path}`).toBe(405);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  expect(response.headers.get('Allow'), `${method} ${path}`).toBe(allow);
  const problem = (await response.json()) as ProblemBody;
  expect(problem).toMatchObject({ type: '/problems/method-not-allowed', status: 405, instance: path });
  expect(problem.detail).toContain(method);
}

describe('a method a path does not have', () => {
  it('PUT /v1/events answers 405 problem+json with Allow, not 404', async () => {
    await expectMethodNotAllowed('PUT', '/v1/events', 'GET, HEAD, POST, OPTIONS');
  });

  it('answers 405 with Allow on every path of the OpenAPI document for each method it does not document', async () => {
    const document = (await (await send('GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const entries = Object.entries(document.paths);
    expect(entries.length).toBeGreaterThan(5);
    for (const [template, item] of entries) {
      const path = template
        .replaceAll('{slug}', 'any-slug-at-all')
        .replaceAll('{id}', '0123456789abcdef')
        .replaceAll('{version}', '1')
        // Any other path parameter (such as a webhook's {deliveryId}): a plain value matches its route.
        .replace(/\{\w+\}/g, '0123456789abcdef');
      const documented = ['GET', 'POST', 'PATCH', 'DELETE'].filter((method) => method.toLowerCase() in item);
      const allow = [...documented.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])), 'OPTIONS'];
      const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
      allow.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !documented.includes(m))) {
        await expectMethodNotAllowed(method, path, allow.join(', '));
      }
    }
  });

  it('lists OPTIONS only where CORS answers it', async () => {
    await expectMethodNotAllowed('DELETE', '/embed/events', 'GET, HEAD');
    await expectMethodNotAllowed('POST', '/', 'GET, HEAD');
    await expectMethodNotAllowed('OPTIONS', '/embed/events', 'GET, HEAD');
  });

  it('still answers 404 where nothing is served, whatever the method', async () => {
    for (const method of ['GET', 'POST']) {
      const response = await send(method, '/v1/nothing-here');
      expect(response.status).toBe(404);
      expect(((await response.json()) as ProblemBody).type).toBe('/problems/not-found');
    }
  });

  it('leaves GET, HEAD and CORS preflight as they were', async () => {
    expect((await send('GET', '/v1/topics')).status).toBe(200);
    expect((await send('HEAD', '/v1/topics')).status).toBe(200);
    expect((await send('OPTIONS', '/v1/topics')).status).toBe(204);
  });
});
