// `?preview=true`: every public list and item shows drafts and items in review to an editor's key, and to nobody
// else: no key is a 401 (with `WWW-Authenticate: Bearer`), a key without a content scope a 403, never a silent
// public answer. The public answers never hold the draft, even right after a preview.
import { describe, expect, it } from 'vitest';
import { makeKey, send } from './editorial-helpers.ts';

const editor = await makeKey(['content:write']);
const partner = await makeKey(['events:submit'], { organiser: 'Partner vzw' });

const later = (days: number, hour: number) => new Date(Date.now() + days * 86_400_000 + hour * 3_600_000).toISOString();
const DRAFTS = {
  topics: { slug: 'concept-onderwerp', translations: { nl: { name: 'Concept onderwerp' } } },
  services: { slug: 'concept-dienst', format: 'training', translations: { nl: { title: 'Concept dienst' } } },
  analyses: { slug: 'concept-analyse', translations: { nl: { title: 'Concept analyse' } } },
  events: {
    slug: 'concept-activiteit',
    status: 'review',
    translations: { nl: { title: 'Concept activiteit' } },
    attendanceMode: 'online',
    onlineUrl: 'https://socius.be/live',
    organiser: { name: 'Socius' },
    sessions: [{ startsAt: later(3, 0), endsAt: later(3, 2) }],
  },
} as const;

describe('?preview=true', () => {
  for (const [resource, body] of Object.entries(DRAFTS)) {
    it(`shows a ${resource} draft in the list and as an item to an editor's key only`, async () => {
      const created = await send('POST', `/v1/${resource}`, { key: editor.key, body });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const item = `/v1/${resource}/${body.slug}`;
      const list = `/v1/${resource}${resource === 'topics' ? '' : '?limit=100'}`;
      const withPreview = (path: string) => `${path}${path.includes('?') ? '&' : '?'}preview=true`;

      for (const path of [item, list]) {
        const anonymous = await send('GET', withPreview(path));
        expect(anonymous.status, path).toBe(401);
        expect(anonymous.headers.get('WWW-Authenticate'), path).toMatch(/^Bearer/);
        expect(anonymous.headers.get('Content-Type'), path).toContain('application/problem+json');
        expect((await send('GET', withPreview(path), { key: partner.key })).status, path).toBe(403);
      }

      const preview = await send<{ data: { slug: string } }>('GET', withPreview(item), { key: editor.key });
      expect(preview.status).toBe(200);
      expect(preview.body.data.slug).toBe(body.slug);
      expect(preview.headers.get('Cache-Control')).toBe('private, no-store');
      const previewList = await send<{ data: { slug: string }[]; total?: number }>('GET', withPreview(list), { key: editor.key });
      expect(previewList.body.data.map((d) => d.slug)).toContain(body.slug);

      expect((await send('GET', item)).status).toBe(404);
      const open = await send<{ data: { slug: string }[]; total?: number }>('GET', list);
      expect(open.body.data.map((d) => d.slug)).not.toContain(body.slug);
      if (open.body.total !== undefined) expect(previewList.body.total).toBe(open.body.total + 1);
    });
  }

  it('pages through a preview of analyses, drafts (no publication date yet) included exactly once', async () => {
    for (const n of [1, 2, 3])
      expect(
        (await send('POST', '/v1/analyses', { key: editor.key, body: { translations: { nl: { title: `Concept ${n}` } } } })).status,
      ).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const path: string = `/v1/analyses?preview=true&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await send<{ data: { slug: string }[]; nextCursor: string | null; total: number }>('GET', path, { key: editor.key });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      seen.push(...page.body.data.map((d) => d.slug));
      total = page.body.total;
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual(expect.arrayContaining(['concept-1', 'concept-2', 'concept-3']));
  });

  it('previews the organisation profile with a key, and refuses it without', async () => {
    expect((await send('GET', '/v1/about?preview=true')).status).toBe(401);
    expect((await send('GET', '/v1/about?preview=true', { key: editor.key })).status).toBe(200);
  });
});
