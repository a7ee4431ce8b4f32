// A client that revalidates gets 304 exactly when its copy is current, by the rules of RFC 9110 §13.1.2
// (weak comparison, lists, `*`), whatever code does the matching.
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ORIGIN } from './helpers.ts';

const PATH = '/v1/topics?lang=en';

async function currentEtag(): Promise<string> {
  const response = await SELF.fetch(`${ORIGIN}${PATH}`);
  await response.arrayBuffer();
  const etag = response.headers.get('ETag');
  expect(etag).toMatch(/^"[^"]+"$/);
  return etag!;
}

async function revalidate(ifNoneMatch: string) {
  const response = await SELF.fetch(`${ORIGIN}${PATH}`, { headers: { 'If-None-Match': ifNoneMatch } });
  return { status: response.status, etag: response.headers.get('ETag'), body: await response.text() };
}

describe('If-None-Match', () => {
  it.each([
    ['the same tag', (etag: string) => etag],
    ['the same tag marked weak', (etag: string) => `W/${etag}`],
    ['a list holding it last', (etag: string) => `"stale-1", W/"stale-2", ${etag}`],
    ['a list holding it first, without spaces', (etag: string) => `${etag},"stale"`],
    ['a list with extra whitespace', (etag: string) => `  "stale" ,\t${etag}  `],
    ['the wildcard', () => '*'],
  ])('answers %s with 304, no body and the current ETag', async (_what, header) => {
    const etag = await currentEtag();
    const response = await revalidate(header(etag));
    expect(response.status).toBe(304);
    expect(response.body).toBe('');
    expect(response.etag).toBe(etag);
  });

  it.each([
    ['another tag', () => '"something-else"'],
    ['a list of other tags', () => '"a", W/"b", "c"'],
    ['the tag without its quotes', (etag: string) => etag.slice(1, -1)],
    ['a longer tag that starts with it', (etag: string) => `${etag.slice(0, -1)}x"`],
    ['a shorter tag that it starts with', (etag: string) => `${etag.slice(0, -2)}"`],
    ['an empty header', () => ''],
  ])('answers %s with 200 and the full body', async (_what, header) => {
    const etag = await currentEtag();
    const response = await revalidate(header(etag));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toHaveProperty('data');
    expect(response.etag).toBe(etag);
  });
});
