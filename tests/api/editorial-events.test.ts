// Editors and partners write events through the API: sessions keep their ids across edits (calendar entries stay),
// the event's start and end follow its sessions, and a partner key submits only its own organiser's events, for review.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeKey, send } from './editorial-helpers.ts';
import { get } from './helpers.ts';

let publisher = '';
let partner = '';
beforeAll(async () => {
  publisher = (await makeKey(['content:publish'])).key;
  partner = (await makeKey(['events:submit'], { organiser: 'Vormingplus Gent' })).key;
});

interface Editable {
  id: string;
  slug: string;
  status: string;
  sessions: { id: string; startsAt: string; endsAt: string }[];
}

const event = (organiser: string, extra: Record<string, unknown> = {}) => ({
  translations: { nl: { title: 'Netwerkdag voor vrijwilligers' } },
  attendanceMode: 'offline',
  venue: { name: 'Zaal', city: 'Gent', country: 'BE' },
  organiser: { name: organiser },
  sessions: [
    { startsAt: '2027-03-14T19:30:00+01:00', endsAt: '2027-03-14T22:00:00+01:00' },
    { startsAt: '2027-03-21T19:30:00+01:00', endsAt: '2027-03-21T22:00:00+01:00' },
  ],
  ...extra,
});

describe('event sessions', () => {
  it('keep their ids when edited, new ones get ids, left-out ones go, and the event spans its sessions', async () => {
    const created = await send<{ data: Editable }>('POST', '/v1/events', {
      key: publisher,
      body: event('Socius', { status: 'published' }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [first, second] = created.body.data.sessions;
    if (!first || !second) throw new Error('two sessions expected');

    const patched = await send<{ data: Editable }>('PATCH', `/v1/events/${created.body.data.slug}`, {
      key: publisher,
      headers: { 'If-Match': created.headers.get('ETag') ?? '' },
      body: {
        sessions: [
          { id: second.id, startsAt: '2027-03-22T19:30:00+01:00', endsAt: '2027-03-22T22:00:00+01:00' },
          { startsAt: '2027-04-01T09:00:00+02:00', endsAt: '2027-04-01T17:00:00+02:00' },
        ],
      },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const ids = patched.body.data.sessions.map((s) => s.id);
    expect(ids[0]).toBe(second.id);
    expect(ids).not.toContain(first.id);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);

    const served = await get<{ data: { startsAt: string; endsAt: string; sessions: unknown[] } }>(`/v1/events/${created.body.data.slug}`);
    expect(served.body.data.sessions).toHaveLength(2);
    expect(served.body.data.startsAt).toBe('2027-03-22T19:30:00+01:00');
    expect(served.body.data.endsAt).toBe('2027-04-01T17:00:00+02:00');
  });

  it('refuses a session id of another event', async () => {
    const a = await send<{ data: Editable }>('POST', '/v1/events', { key: publisher, body: event('Socius') });
    const b = await send<{ data: Editable }>('POST', '/v1/events', { key: publisher, body: event('Socius') });
    const stolen = a.body.data.sessions[0]?.id;
    const refused = await send<{ invalidParams: { pointer?: string }[] }>('PATCH', `/v1/events/${b.body.data.slug}`, {
      key: publisher,
      headers: { 'If-Match': b.headers.get('ETag') ?? '' },
      body: { sessions: [{ id: stolen, startsAt: '2027-03-14T19:30:00+01:00', endsAt: '2027-03-14T22:00:00+01:00' }] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.invalidParams.map((p) => p.pointer)).toContain('/sessions/0/id');
  });
});

describe('partner submissions (events:submit)', () => {
  it('arrive for review, only for the key’s own organiser, and stay editable only until published', async () => {
    const own = await send<{ data: Editable }>('POST', '/v1/events', { key: partner, body: event('Vormingplus Gent') });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.data.status).toBe('review');
    expect((await get(`/v1/events/${own.body.data.slug}`)).status).toBe(404);

    expect((await send('POST', '/v1/events', { key: partner, body: event('Socius') })).status).toBe(403);
    expect((await send('POST', '/v1/events', { key: partner, body: event('Vormingplus Gent', { status: 'published' }) })).status).toBe(403);

    const socius = await send<{ data: Editable }>('POST', '/v1/events', { key: publisher, body: event('Socius') });
    const other = await send('PATCH', `/v1/events/${socius.body.data.slug}`, {
      key: partner,
      headers: { 'If-Match': socius.headers.get('ETag') ?? '' },
      body: { translations: { nl: { title: 'Overgenomen' } } },
    });
    expect(other.status).toBe(403);

    const edited = await send<{ data: Editable }>('PATCH', `/v1/events/${own.body.data.slug}`, {
      key: partner,
      headers: { 'If-Match': own.headers.get('ETag') ?? '' },
      body: { translations: { nl: { title: 'Netwerkdag, nieuwe titel' } } },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);

    const published = await send('PATCH', `/v1/events/${own.body.data.slug}`, {
      key: publisher,
      headers: { 'If-Match': edited.headers.get('ETag') ?? '' },
      body: { status: 'published' },
    });
    expect(published.status).toBe(200);
    const late = await send('PATCH', `/v1/events/${own.body.data.slug}`, {
      key: partner,
      headers: { 'If-Match': published.headers.get('ETag') ?? '' },
      body: { translations: { nl: { title: 'Te laat' } } },
    });
    expect(late.status).toBe(403);
    expect(
      (
        await send('DELETE', `/v1/events/${own.body.data.slug}`, {
          key: partner,
          headers: { 'If-Match': published.headers.get('ETag') ?? '' },
        })
      ).status,
    ).toBe(403);
  });
});

describe('event descriptions (rich text)', () => {
  it('arrive as Markdown or HTML, are stored sanitised, and the API, the page and the embed serve what is stored', async () => {
    const markdown = [
      'Een **avond** over [vrijwilligers](https://socius.be/vrijwilligers) en [mail](mailto:info@socius.be).',
      '',
      '<script>alert("md-script")</script><img src=x onerror="alert(\'md-img\')">',
      '',
      '[klik](javascript:alert("md-link")) <a href="data:text/html,x" onclick="alert(1)">data</a>',
    ].join('\n');
    const created = await send<{ data: Editable & { translations: { nl: { description: string } }; descriptionFormat: string } }>(
      'POST',
      '/v1/events',
      {
        key: publisher,
        body: event('Socius', {
          slug: 'avond-met-opmaak',
          status: 'published',
          descriptionFormat: 'markdown',
          translations: { nl: { title: 'Avond met opmaak', description: markdown } },
        }),
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const stored = created.body.data.translations.nl.description;
    expect(created.body.data.descriptionFormat).toBe('html');
    expect(stored).toContain('<strong>avond</strong>');
    expect(stored).toContain('<a href="https://socius.be/vrijwilligers" rel="noopener noreferrer">vrijwilligers</a>');
    expect(stored).toContain('<a href="mailto:info@socius.be">mail</a>');
    expect(stored).not.toMatch(/<script|<img|onerror|onclick|javascript:|data:text/i);

    const served = await get<{ data: { description: string } }>('/v1/events/avond-met-opmaak');
    expect(served.body.data.description).toBe(stored);

    for (const page of ['/nl/events/avond-met-opmaak', '/embed/event?slug=avond-met-opmaak']) {
      const body = String((await get(page)).body);
      expect(body, page).toContain('<a href="https://socius.be/vrijwilligers" rel="noopener noreferrer">vrijwilligers</a>');
      expect(body, page).not.toMatch(/md-script|md-img|md-link|onclick/);
    }

    // HTML arrives the same way; a rel sent along is replaced, never kept.
    const html = await send<{ data: { translations: { nl: { description: string } } } }>('PATCH', '/v1/events/avond-met-opmaak', {
      key: publisher,
      headers: { 'If-Match': created.headers.get('ETag') ?? '' },
      body: {
        descriptionFormat: 'html',
        translations: { nl: { description: '<p><a href="https://example.org" rel="opener">uit</a></p>' } },
      },
      contentType: 'application/merge-patch+json',
    });
    expect(html.status, JSON.stringify(html.body)).toBe(200);
    expect(html.body.data.translations.nl.description).toBe('<p><a href="https://example.org" rel="noopener noreferrer">uit</a></p>');
  });
});
