// The documented request limits hold: a body over the limit is a 413 before anything is read or written, a query
// string over the limit a 400 naming it, too many filter values and a made-up cursor 400s naming the parameter,
// and the OpenAPI document states every one of them.
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { MAX_VALUES } from '../../api/lib/list-params.ts';
import { MAX_BODY_BYTES, MAX_QUERY_LENGTH } from '../../api/lib/request-limits.ts';
import { HTTP_METHODS, type OpenApiDocument, type ResponseDoc, resolveRef } from '../openapi-document.ts';
import { makeKey, send } from './editorial-helpers.ts';
import { get, ORIGIN, type ProblemBody } from './helpers.ts';

const WRITES = ['post', 'put', 'patch', 'delete'] as const;

function expectProblem(response: { status: number; headers: Headers; body: unknown }, status: number) {
  expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  return response.body as ProblemBody;
}

/** A topic body that is valid but for its size: one description padded to `bytes` in all. */
function topicBody(slug: string, bytes: number): string {
  const body = { slug, translations: { nl: { name: 'Groot thema', description: '' } } };
  const padding = bytes - JSON.stringify(body).length;
  body.translations.nl.description = 'x'.repeat(padding);
  return JSON.stringify(body);
}

describe('request body size', () => {
  it(`refuses a body over ${MAX_BODY_BYTES} bytes with a 413 problem, and writes nothing`, async () => {
    const { key } = await makeKey(['content:write', 'content:publish']);
    const body = topicBody('te-groot-thema', MAX_BODY_BYTES + 1);
    const response = await send('POST', '/v1/topics', { key, body });
    const problem = expectProblem(response, 413);
    expect(problem.type).toBe('/problems/payload-too-large');
    expect(problem.detail).toContain(String(MAX_BODY_BYTES));
    expect((await send('GET', '/v1/topics/te-groot-thema/edit', { key })).status).toBe(404);
  });

  it('refuses it before asking for a key', async () => {
    const response = await send('PATCH', '/v1/topics/vrijwilligerswerk', { body: topicBody('x', MAX_BODY_BYTES + 1) });
    expectProblem(response, 413);
  });

  it('counts a body sent without Content-Length while it streams in', async () => {
    const { key } = await makeKey(['content:write']);
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Twice the limit at most: the Worker must stop reading before the end.
        if (sent > 2 * MAX_BODY_BYTES) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await SELF.fetch(`${ORIGIN}/v1/topics`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: stream,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ProblemBody).type).toBe('/problems/payload-too-large');
  });

  it('takes a body of exactly the limit (it is then judged on its content)', async () => {
    const { key } = await makeKey(['content:write']);
    const response = await send('POST', '/v1/topics', { key, body: topicBody('net-niet-te-groot', MAX_BODY_BYTES) });
    // The description is far longer than a topic's may be: a 422 on the field, not a 413 on the size.
    const problem = expectProblem(response, 422);
    expect(problem.invalidParams?.map((p) => p.name)).toEqual(['translations.nl.description']);
  });
});

describe('query string length', () => {
  it(`refuses a query string over ${MAX_QUERY_LENGTH} characters with a 400 naming it`, async () => {
    const q = `?q=${'a'.repeat(MAX_QUERY_LENGTH - 1)}`;
    expect(q.length - 1).toBe(MAX_QUERY_LENGTH + 1);
    const response = await get<ProblemBody>(`/v1/search${q}`);
    const problem = expectProblem(response, 400);
    expect(problem.invalidParams).toEqual([
      { name: '(query string)', in: 'query', reason: expect.stringContaining(String(MAX_QUERY_LENGTH)) },
    ]);
  });

  it('counts the characters as sent, percent-encoding included', async () => {
    // 700 "é" are 700 characters to the API but 4,200 in the URL.
    const response = await get<ProblemBody>(`/v1/events?city=${encodeURIComponent('é'.repeat(700))}`);
    expect(expectProblem(response, 400).invalidParams?.[0]?.name).toBe('(query string)');
  });

  it('lets a query string of exactly the limit through to the parameters themselves', async () => {
    const value = 'a'.repeat(MAX_QUERY_LENGTH - 'city='.length);
    const response = await get<ProblemBody>(`/v1/events?city=${value}`);
    // Refused, but for the value's own length (400 characters at most), not for the query string's.
    expect(expectProblem(response, 400).invalidParams?.[0]?.name).toBe('city');
  });

  it('guards the pages too', async () => {
    const response = await get<ProblemBody>(`/en/topics?x=${'a'.repeat(MAX_QUERY_LENGTH)}`);
    expect(response.status).toBe(400);
  });
});

describe('values and cursors', () => {
  it(`refuses more than ${MAX_VALUES} values in a filter, comma-separated or repeated`, async () => {
    const values = Array.from({ length: MAX_VALUES + 1 }, (_, i) => `stad-${i}`);
    for (const query of [`city=${values.join(',')}`, values.map((v) => `city=${v}`).join('&')]) {
      const problem = expectProblem(await get(`/v1/events?${query}`), 400);
      expect(problem.invalidParams?.map((p) => p.name)).toEqual(['city']);
    }
    expect((await get(`/v1/events?city=${values.slice(1).join(',')}`)).status).toBe(200);
  });

  it('refuses a cursor it never issued', async () => {
    const problem = expectProblem(await get('/v1/events?cursor=eyJ0b3RhbCI6OTl9'), 400);
    expect(problem.invalidParams?.map((p) => p.name)).toEqual(['cursor']);
  });
});

describe('GET /openapi.json', () => {
  it('states every request limit', async () => {
    const doc = (await get<OpenApiDocument & { info: { description: string }; 'x-request-limits': unknown }>('/openapi.json')).body;
    expect(doc['x-request-limits']).toEqual({
      maxBodyBytes: MAX_BODY_BYTES,
      maxQueryLength: MAX_QUERY_LENGTH,
      maxValuesPerParameter: MAX_VALUES,
    });
    for (const number of [MAX_BODY_BYTES, MAX_QUERY_LENGTH, MAX_VALUES]) expect(doc.info.description).toContain(String(number));
    const writes = Object.entries(doc.paths).flatMap(([path, item]) => WRITES.flatMap((m) => (item[m] ? [{ path, m, op: item[m] }] : [])));
    expect(writes.length).toBeGreaterThan(10);
    for (const { path, m, op } of writes) {
      const tooLarge = resolveRef<ResponseDoc>(doc, op?.responses?.['413']);
      expect(Object.keys(tooLarge?.content ?? {}), `${m.toUpperCase()} ${path} documents its 413`).toEqual(['application/problem+json']);
    }
    // Multi-value filters state their bound where clients read them.
    for (const item of Object.values(doc.paths)) {
      for (const method of HTTP_METHODS) {
        for (const parameter of item[method]?.parameters ?? []) {
          const schema = JSON.stringify('schema' in parameter ? parameter.schema : {});
          if ('description' in parameter && schema.includes('"array"'))
            expect(parameter.description).toContain(`at most ${MAX_VALUES} values`);
        }
      }
    }
  });
});
