// A cursor is opaque to clients but arrives from them: whatever they send back, changed, cut or forged, is a
// 400 naming `cursor`, never a 500. Every list that pages is read from /openapi.json, so a new one is covered.
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../api/lib/pagination.ts';
import { type OpenApiDocument, type ParameterDoc, resolveRef } from '../openapi-document.ts';
import { get, ORIGIN, type ProblemBody } from './helpers.ts';

const doc = (await get<OpenApiDocument>('/openapi.json')).body;

const paged = Object.entries(doc.paths).flatMap(([path, item]) => {
  const query = (item.get?.parameters ?? []).flatMap((p) => {
    const parameter = resolveRef<ParameterDoc>(doc, p);
    return parameter?.in === 'query' ? [parameter] : [];
  });
  // Public lists only: a list behind a key (a webhook's delivery log) is paged in its own tests.
  if (!query.some((p) => p.name === 'cursor') || (item.get?.security?.length ?? 0) > 0) return [];
  const base = new URLSearchParams();
  for (const parameter of query) {
    if (parameter.required) base.set(parameter.name, String(parameter.example ?? parameter.schema?.example));
  }
  const sorts = (query.find((p) => p.name === 'sort')?.schema?.enum as string[] | undefined) ?? [];
  return [{ path, base, sorts }];
});

/** base64url of a JSON text, the way the API wraps its cursors. */
const wrap = (json: string) => btoa(json).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

async function firstCursor(path: string, base: URLSearchParams, extra: Record<string, string> = {}): Promise<string> {
  const params = new URLSearchParams(base);
  params.set('limit', '1');
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const { body } = await get<{ nextCursor: string | null }>(`${path}?${params}`);
  if (!body.nextCursor) throw new Error(`${path}?${params} has no second page to take a cursor from`);
  return body.nextCursor;
}

/** Sends `cursor` and returns what is wrong with the answer: anything but a 400 problem naming `cursor`. */
async function refusal(path: string, base: URLSearchParams, cursor: string, extra: Record<string, string> = {}): Promise<string[]> {
  const params = new URLSearchParams(base);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  params.set('cursor', cursor);
  const url = `${path}?${params}`;
  const response = await SELF.fetch(`${ORIGIN}${url}`);
  const text = await response.text();
  if (response.status !== 400) return [`${url}: ${response.status} ${text.slice(0, 160)}`];
  const names = ((JSON.parse(text) as ProblemBody).invalidParams ?? []).map((p) => p.name);
  return names.includes('cursor') ? [] : [`${url}: 400 without naming cursor: ${text.slice(0, 160)}`];
}

describe('list cursors', () => {
  it('are offered by every list that pages', () => {
    expect(paged.map(({ path }) => path)).toEqual(expect.arrayContaining(['/v1/events', '/v1/analyses', '/v1/search', '/v1/services']));
  });

  describe.each(paged)('$path', ({ path, base, sorts }) => {
    it('walks to the next page with the cursor it issued', async () => {
      const cursor = await firstCursor(path, base);
      const params = new URLSearchParams(base);
      params.set('limit', '1');
      params.set('cursor', cursor);
      expect((await get(`${path}?${params}`)).status).toBe(200);
    });

    it('refuses a tampered or truncated cursor with a 400 naming it', async () => {
      const cursor = await firstCursor(path, base);
      const issues = [
        ...(await refusal(path, base, `X${cursor.slice(1)}`)),
        ...(await refusal(path, base, cursor.slice(0, Math.floor(cursor.length / 2)))),
        ...(await refusal(path, base, cursor.slice(0, -3))),
        ...(await refusal(path, base, `${cursor}!`)),
        ...(await refusal(path, base, 'not a cursor')),
      ];
      expect(issues).toEqual([]);
    });

    it('refuses forged cursors whose values are out of range, never a 500', async () => {
      const forged = [
        '[1e+20,""]',
        '[1e+20,"x"]',
        '[9007199254740992,""]',
        '[-1,""]',
        '[1.5,""]',
        '[null,""]',
        '[1,2]',
        '[1,"",3]',
        '{"key":1,"id":""}',
        `[1,"${'x'.repeat(300)}"]`,
        `["${'x'.repeat(300)}",""]`,
        '["startsAt|1e+20","x"]',
        '["startsAt|99999999999999999999","x"]',
        '["-publishedAt|99999999999999999999","x"]',
        '["startsAt|-5","x"]',
        '["nosuchsort|1","x"]',
      ].map(wrap);
      const issues: string[] = [];
      for (const cursor of forged) issues.push(...(await refusal(path, base, cursor)));
      expect(issues).toEqual([]);
    });

    it('answers a cursor at the largest safe integer without a 500', async () => {
      const params = new URLSearchParams(base);
      params.set('cursor', wrap(`[${Number.MAX_SAFE_INTEGER},""]`));
      const response = await SELF.fetch(`${ORIGIN}${path}?${params}`);
      await response.arrayBuffer();
      expect([200, 400], `${path}?${params}`).toContain(response.status);
    });

    if (sorts.length > 1) {
      it('refuses a cursor issued for another sort order', async () => {
        const issues: string[] = [];
        for (const issuedFor of sorts) {
          const cursor = await firstCursor(path, base, { sort: issuedFor });
          for (const usedWith of sorts.filter((sort) => sort !== issuedFor)) {
            issues.push(...(await refusal(path, base, cursor, { sort: usedWith })));
          }
        }
        expect(issues).toEqual([]);
      });
    }
  });

  it('refuses a cursor another list issued', async () => {
    const issues: string[] = [];
    for (const from of paged) {
      const cursor = await firstCursor(from.path, from.base);
      for (const to of paged.filter((p) => p.path !== from.path && p.sorts.length > 1)) {
        issues.push(...(await refusal(to.path, to.base, cursor)));
      }
    }
    expect(issues).toEqual([]);
  });
});

describe('the cursor codec', () => {
  it('reads back what it wrote, in URL-safe base64 without padding', () => {
    for (const cursor of [
      { key: 0, id: '' },
      { key: 40, id: '' },
      { key: 'startsAt|1796214600000', id: '838bd33d-7c3c-4b5b-8c7a-f14e7d19280f' },
      { key: '-updatedAt|1', id: 'bulk-1' },
    ]) {
      const text = encodeCursor(cursor);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(text)).toEqual(cursor);
    }
  });

  it('reads cursors issued before the codec used hono/utils/encode', () => {
    // A client may hold a `nextCursor` from before a deploy; the wire format is unchanged.
    expect(decodeCursor('WyJzdGFydHNBdHwxNzk2MjE0NjAwMDAwIiwiODM4YmQzM2QtN2MzYy00YjViLThjN2EtZjE0ZTdkMTkyODBmIl0')).toEqual({
      key: 'startsAt|1796214600000',
      id: '838bd33d-7c3c-4b5b-8c7a-f14e7d19280f',
    });
  });

  it('takes a sort-keyed cursor only for the sort it was issued for', () => {
    const cursor = encodeCursor({ key: 'startsAt|1796214600000', id: 'a' });
    expect(decodeCursor(cursor, 'startsAt')).toEqual({ key: 'startsAt|1796214600000', id: 'a' });
    expect(() => decodeCursor(cursor, '-startsAt')).toThrow(/another sort order/);
    expect(() => decodeCursor(encodeCursor({ key: 3, id: 'a' }), '-startsAt')).toThrow(/another sort order/);
  });
});
