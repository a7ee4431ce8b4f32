// Editors write analyses through the API: Markdown is stored as sanitised HTML and served as stored, a slug comes
// from the Dutch title, a rename keeps the old URL answering 301, and search finds the text on the next request.
import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeKey, send } from './editorial-helpers.ts';
import { get, ORIGIN } from './helpers.ts';

let editor = '';
let publisher = '';
beforeAll(async () => {
  editor = (await makeKey(['content:write'])).key;
  publisher = (await makeKey(['content:publish'])).key;
});

interface Editable {
  id: string;
  slug: string;
  version: number;
  sections: { anchor: string; translations: { nl: { heading: string; body: string } } }[];
}

const body = {
  status: 'published',
  translations: { nl: { title: 'Zeventien zorgen van één vrijwilliger', summary: 'Kort.' }, en: { title: 'Seventeen worries' } },
  authors: [{ name: 'Socius' }],
  topics: ['vrijwilligerswerk'],
  sections: [
    {
      format: 'markdown',
      translations: {
        nl: { heading: 'Wat we zagen', body: 'Een **zeldzame** observatie: [bron](https://socius.be) <img src=x onerror=alert(1)>' },
      },
    },
  ],
};

describe('POST /v1/analyses', () => {
  it('stores Markdown as sanitised HTML with a slug from the Dutch title, public and findable at once', async () => {
    const created = await send<{ data: Editable }>('POST', '/v1/analyses', { key: publisher, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { data } = created.body;
    expect(data.slug).toBe('zeventien-zorgen-van-een-vrijwilliger');
    expect(data.sections[0]?.anchor).toBe('wat-we-zagen');
    const stored = '<p>Een <strong>zeldzame</strong> observatie: <a href="https://socius.be" rel="noopener noreferrer">bron</a> </p>';
    expect(data.sections[0]?.translations.nl.body).toBe(stored);

    const served = await get<{ data: { sections: { body: string }[]; topics: { slug: string }[] } }>(`/v1/analyses/${data.slug}`);
    expect(served.status).toBe(200);
    expect(served.body.data.sections[0]?.body).toBe(stored);
    expect(served.body.data.topics.map((t) => t.slug)).toEqual(['vrijwilligerswerk']);

    const found = await get<{ data: { slug: string }[] }>('/v1/search?q=zeldzame');
    expect(found.body.data.map((hit) => hit.slug)).toContain(data.slug);
  });

  it('gives a second analysis with the same title its own slug', async () => {
    const second = await send<{ data: Editable }>('POST', '/v1/analyses', { key: publisher, body });
    expect(second.status).toBe(201);
    expect(second.body.data.slug).toBe('zeventien-zorgen-van-een-vrijwilliger-2');
  });

  it('refuses unknown topics, non-http links and a missing Dutch title, all at once', async () => {
    const refused = await send<{ invalidParams: { pointer?: string }[] }>('POST', '/v1/analyses', {
      key: editor,
      body: {
        translations: { en: { title: 'No Dutch' } },
        canonicalUrl: 'javascript:alert(1)',
        attachments: [{ lang: 'nl', title: 'x', url: 'data:text/html,x', mediaType: 'application/pdf' }],
      },
    });
    expect(refused.status).toBe(422);
    const pointers = refused.body.invalidParams.map((p) => p.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/translations/nl', '/canonicalUrl', '/attachments/0/url']));
  });
});

describe('renaming an analysis', () => {
  it('answers 301 from the old slug to the new one, the query kept', async () => {
    const created = await send<{ data: Editable }>('POST', '/v1/analyses', {
      key: publisher,
      body: { ...body, slug: 'oude-naam', translations: { nl: { title: 'Oude naam' } } },
    });
    const patched = await send<{ data: Editable }>('PATCH', '/v1/analyses/oude-naam', {
      key: editor,
      body: { slug: 'nieuwe-naam' },
      headers: { 'If-Match': created.headers.get('ETag') ?? '' },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const old = await SELF.fetch(`${ORIGIN}/v1/analyses/oude-naam?lang=fr`, { redirect: 'manual' });
    expect(old.status).toBe(301);
    expect(old.headers.get('Location')).toMatch(/\/v1\/analyses\/nieuwe-naam\?lang=fr$/);
    const renamed = await get<{ data: { sections: unknown[] } }>('/v1/analyses/nieuwe-naam');
    expect(renamed.status).toBe(200);
    // A patch of the slug leaves everything else as it was.
    expect(renamed.body.data.sections).toHaveLength(1);
  });
});
