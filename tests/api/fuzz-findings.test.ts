// What the fuzzer (fuzz.test.ts, fuzz-writes.test.ts) found, each kept as the request that found it.
import { describe, expect, it } from 'vitest';
import type { OpenApiDocument, ParameterDoc } from '../openapi-document.ts';
import { createTopic, makeKey, patch, send } from './editorial-helpers.ts';
import { get, type ProblemBody } from './helpers.ts';

const doc = (await get<OpenApiDocument>('/openapi.json')).body;
const parameter = (path: string, name: string) =>
  (doc.paths[path]?.get?.parameters as ParameterDoc[] | undefined)?.find((p) => 'name' in p && p.name === name);

describe('found by fuzzing', () => {
  it('editorial reads and key operations refuse an unknown query parameter, like every public read', async () => {
    const { key } = await makeKey(['content:write', 'content:publish', 'keys:admin']);
    for (const path of ['/v1/topics/organisatieontwikkeling/edit?xA=%22', '/v1/about/revisions?xa=%22', '/v1/keys?LIMIT=']) {
      const response = await send<ProblemBody>('GET', path, { key });
      expect(response.status, path).toBe(400);
      expect(response.body.invalidParams?.[0]?.reason).toBe('Unknown parameter');
    }
    const created = await send<ProblemBody>('POST', '/v1/keys?dryRun=true', { key, body: { name: 'x', scopes: ['content:write'] } });
    expect(created.status).toBe(400);
    expect(created.body.invalidParams?.map((p) => p.name)).toEqual(['dryRun']);
  });

  it('filters the audit log by key id (`keyId`; a `key` parameter is refused everywhere as a leaked key)', async () => {
    const admin = await makeKey(['keys:admin']);
    await send('POST', '/v1/keys', { key: admin.key, body: { name: 'audited', scopes: ['content:write'] } });
    const response = await send<{ data: { keyId: string | null }[] }>('GET', `/v1/audit?keyId=${admin.id}`, { key: admin.key });
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(0);
    expect(new Set(response.body.data.map((entry) => entry.keyId))).toEqual(new Set([admin.id]));
  });

  it('states the audit limit range in the schema: limit=0 is refused as documented', async () => {
    const { key } = await makeKey(['keys:admin']);
    for (const limit of ['0', '501', '00', '-1']) expect((await send('GET', `/v1/audit?limit=${limit}`, { key })).status).toBe(400);
    for (const limit of ['1', '99', '500', '0100']) expect((await send('GET', `/v1/audit?limit=${limit}`, { key })).status).toBe(200);
    const pattern = new RegExp(String(parameter('/v1/audit', 'limit')?.schema?.pattern), 'u');
    expect(['0', '501'].some((v) => pattern.test(v))).toBe(false);
  });

  it('states that q needs a word: a q of only punctuation or spaces is refused as the document says', async () => {
    expect(parameter('/v1/search', 'q')?.description).toContain('At least one letter or digit');
    for (const q of ['"', ' ', '']) {
      const { status, body } = await get<ProblemBody>(`/v1/search?q=${encodeURIComponent(q)}`);
      expect(status).toBe(400);
      expect(body.invalidParams).toEqual([{ name: 'q', in: 'query', reason: 'Give at least one word to search for.' }]);
    }
  });

  it('answers an oEmbed 404 as problem+json even to a browser, as documented', async () => {
    const response = await get<ProblemBody>('/oembed?url=', { Accept: 'text/html' });
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  });

  it('states that `to` before `from` is a 400', async () => {
    expect(parameter('/v1/events', 'to')?.description).toContain('Before `from`');
    expect((await get('/v1/calendar.ics?to=1990-01-01T00%3A00%3A00Z')).status).toBe(400);
  });

  it('answers a write asked for as JSON-LD with the editable JSON, not a 500', async () => {
    const { key } = await makeKey(['content:write', 'content:publish']);
    const read = await send('GET', '/v1/topics/burgerinitiatieven/edit', { key });
    const response = await send('PATCH', '/v1/topics/burgerinitiatieven', {
      key,
      body: {},
      headers: { Accept: 'application/ld+json', 'If-Match': read.headers.get('ETag') ?? '' },
      contentType: 'application/merge-patch+json',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
  });

  it('refuses an analysis section whose body sanitises to nothing, instead of storing an empty text', async () => {
    const { key } = await makeKey(['content:write']);
    const body = { translations: { nl: { title: '"' } }, sections: [{ translations: { nl: { heading: '"', body: '<!' } } }] };
    const response = await send<{ invalidParams: { pointer: string }[] }>('POST', '/v1/analyses', { key, body });
    expect(response.status).toBe(422);
    expect(response.body.invalidParams.map((p) => p.pointer)).toEqual(['/sections/0/translations/nl/body']);
  });
  it('refuses a topic slug longer than an item can name (80), so items tagged with it stay editable', async () => {
    const { key } = await makeKey(['content:write', 'content:publish']);
    const topic = await createTopic(key, 'lange-slug');
    const event = await send<{ data: { slug: string } }>('POST', '/v1/events', {
      key,
      body: {
        translations: { nl: { title: 'Getagd met een thema' } },
        sessions: [{ startsAt: '2031-03-01T10:00:00+01:00', endsAt: '2031-03-01T12:00:00+01:00' }],
        attendanceMode: 'online',
        onlineUrl: 'https://socius.be/online',
        organiser: { name: 'Socius' },
        topics: ['lange-slug'],
      },
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    const long = `${'a'.repeat(40)}-${'b'.repeat(40)}`;
    const renamed = await patch<{ invalidParams?: { pointer: string }[] }>(key, '/v1/topics/lange-slug', topic.etag, { slug: long });
    expect(renamed.status).toBe(422);
    expect(renamed.body.invalidParams?.map((p) => p.pointer)).toEqual(['/slug']);
    expect((await send('GET', `/v1/events/${event.body.data.slug}/edit`, { key })).status).toBe(200);
    expect((await patch(key, '/v1/topics/lange-slug', topic.etag, { slug: long.slice(0, 80) })).status).toBe(200);
  });
});
