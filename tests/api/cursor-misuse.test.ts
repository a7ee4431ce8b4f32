// A cursor is opaque to clients, but clients store, copy and truncate them. Anything that is not a cursor
// this API issued for this list and this sort must be a 400 naming `cursor`, never a 500 or a wrong page.
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../api/lib/pagination.ts';
import { get } from './helpers.ts';

interface Page {
  data: { slug: string }[];
  nextCursor: string | null;
}
interface Problem {
  type: string;
  invalidParams?: { name: string }[];
}

const base64url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
const decode = (cursor: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0)));

async function nextCursor(path: string): Promise<string> {
  const { status, body } = await get<Page>(path);
  expect(status).toBe(200);
  expect(body.nextCursor, `${path} has a second page`).toBeTruthy();
  return body.nextCursor!;
}

async function expectCursorProblem(path: string) {
  const { status, headers, body } = await get<Problem>(path);
  expect(status, `${path}: ${JSON.stringify(body)}`).toBe(400);
  expect(headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  expect(body.type).toBe('/problems/invalid-parameter');
  expect(body.invalidParams?.map((p) => p.name)).toEqual(['cursor']);
}

describe('cursors a client got wrong', () => {
  it('walks on with a cursor passed back unchanged', async () => {
    const all = (await get<Page>('/v1/events?limit=100')).body.data.map((e) => e.slug);
    const second = await get<Page>(`/v1/events?limit=2&cursor=${await nextCursor('/v1/events?limit=2')}`);
    expect(second.body.data.map((e) => e.slug)).toEqual(all.slice(2, 4));
  });

  it.each(['/v1/events?limit=2', '/v1/analyses?limit=1', '/v1/services?limit=2', '/v1/search?q=socius&limit=2'])(
    '%s: a truncated cursor is a 400 naming cursor',
    async (path) => {
      const cursor = await nextCursor(path);
      const list = path
        .split('&')[0]!
        .replace(/limit=\d+/, '')
        .replace(/\?$/, '');
      const glue = list.includes('?') ? '&' : '?';
      for (const cut of [1, Math.floor(cursor.length / 2), cursor.length - 1]) {
        // Cutting off the end is what a copy into a too-short field or a broken link does.
        await expectCursorProblem(`${list}${glue}cursor=${cursor.slice(0, cut)}`);
      }
    },
  );

  it('refuses a cursor from another sort order of the same list', async () => {
    const byChange = await nextCursor('/v1/events?limit=2&sort=-updatedAt');
    await expectCursorProblem(`/v1/events?cursor=${byChange}`);
    await expectCursorProblem(`/v1/events?sort=-startsAt&cursor=${byChange}`);
    const oldestFirst = await nextCursor('/v1/analyses?limit=1&sort=publishedAt');
    await expectCursorProblem(`/v1/analyses?cursor=${oldestFirst}`);
  });

  it('refuses a cursor from another list', async () => {
    const events = await nextCursor('/v1/events?limit=2');
    const analyses = await nextCursor('/v1/analyses?limit=1');
    const search = await nextCursor('/v1/search?q=socius&limit=2');
    await expectCursorProblem(`/v1/analyses?cursor=${events}`);
    await expectCursorProblem(`/v1/events?cursor=${analyses}`);
    await expectCursorProblem(`/v1/events?cursor=${search}`);
    await expectCursorProblem(`/v1/search?q=socius&cursor=${events}`);
  });

  it.each([
    ['not base64url at all', '!!!'],
    ['base64url of something that is not JSON', base64url('hello')],
    ['a JSON string', base64url('"startsAt|1"')],
    ['a JSON object', base64url('{"key":"startsAt|1","id":"x"}')],
    ['one element', base64url('["startsAt|1"]')],
    ['three elements', base64url('["startsAt|1","x","y"]')],
    ['an id that is not a string', base64url('["startsAt|1",1]')],
    ['a key that is an object', base64url('[{"a":1},"x"]')],
    ['a sort key that is not a number', base64url('["startsAt|soon","x"]')],
    ['a negative sort key', base64url('["startsAt|-1","x"]')],
    ['no sort key', base64url('["startsAt|","x"]')],
    ['an unknown sort', base64url('["title|1","x"]')],
  ])('answers a tampered cursor (%s) with a 400 naming cursor', async (_what, cursor) => {
    await expectCursorProblem(`/v1/events?cursor=${cursor}`);
  });

  it('refuses a search cursor that is not a position in the results', async () => {
    for (const key of ['-1', '1.5', 'null', 'true']) await expectCursorProblem(`/v1/search?q=socius&cursor=${base64url(`[${key},""]`)}`);
  });

  it('reads back what it wrote, including ids outside ASCII', async () => {
    const cursor = encodeCursor({ key: 'startsAt|1', id: 'événement-🙂' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(decode(cursor))).toEqual(['startsAt|1', 'événement-🙂']);
  });
});
