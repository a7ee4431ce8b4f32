// The .ics output is read with Mozilla's iCalendar parser (ical.js), the way a calendar app would read it.
import { env } from 'cloudflare:test';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLines } from '../../api/calendar/index.ts';
import { get, getProblem } from './helpers.ts';

interface ApiEvent {
  slug: string;
  url: string;
  title: string;
  summary: string | null;
  status: string;
  startsAt: string;
  endsAt: string;
  sessions: { startsAt: string; endsAt: string; status: string }[];
  venue: { name: string | null; city: string | null; latitude: number | null; longitude: number | null } | null;
  onlineUrl: string | null;
  attendanceMode: string;
  organiser: { name: string; url: string | null };
  registration: { url: string | null };
}

async function apiEvent(slug: string, lang = 'nl') {
  return (await get<{ data: ApiEvent }>(`/v1/events/${slug}?lang=${lang}`)).body.data;
}

async function apiEvents(filter: string) {
  return (await get<{ data: ApiEvent[]; nextCursor: string | null }>(`/v1/events?limit=100${filter ? `&${filter}` : ''}`)).body;
}

/** Fetches and parses an iCalendar response; fails on anything that is not one. */
async function calendar(path: string) {
  const response = await get<string>(path);
  expect(response.status, response.body).toBe(200);
  const root = new ICAL.Component(ICAL.parse(response.body));
  expect(root.name).toBe('vcalendar');
  const entries = root.getAllSubcomponents('vevent').map((vevent) => ({ vevent, event: new ICAL.Event(vevent) }));
  return { response, root, entries };
}

const text = (component: ICAL.Component, name: string) => String(component.getFirstPropertyValue(name) ?? '');
const ms = (time: ICAL.Time) => time.toJSDate().getTime();

describe('GET /v1/events/{slug}/calendar.ics', () => {
  it('is an .ics download named after the event, open to every origin', async () => {
    const { response, root } = await calendar('/v1/events/vrijwilligersbeleid-op-maat-gent/calendar.ics');
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="vrijwilligersbeleid-op-maat-gent.ics"');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('ETag')).toBeTruthy();
    expect(text(root, 'version')).toBe('2.0');
    // A calendar name would make Outlook and Apple Calendar import one event as a calendar of its own.
    expect(root.getFirstProperty('x-wr-calname')).toBeNull();
  });

  it('gives the title in French with ?lang=fr, and in Dutch by default', async () => {
    const fr = await apiEvent('vrijwilligersbeleid-op-maat-gent', 'fr');
    const nl = await apiEvent('vrijwilligersbeleid-op-maat-gent', 'nl');
    expect(fr.title).not.toBe(nl.title);

    const french = await calendar('/v1/events/vrijwilligersbeleid-op-maat-gent/calendar.ics?lang=fr');
    expect(french.response.headers.get('Content-Language')).toBe('fr');
    expect(french.entries.map(({ event }) => event.summary)).toEqual(fr.sessions.map(() => fr.title));
    expect(french.entries[0]?.event.description).toContain(fr.summary);

    const dutch = await calendar('/v1/events/vrijwilligersbeleid-op-maat-gent/calendar.ics');
    expect(dutch.entries[0]?.event.summary).toBe(nl.title);
  });

  it('falls back to Dutch for a title that has no translation', async () => {
    const english = await apiEvents('lang=en');
    const untranslated = (english.data as (ApiEvent & { meta: { fallback: string[] } })[]).find((e) => e.meta.fallback.includes('title'));
    expect(untranslated).toBeDefined();
    const { entries } = await calendar(`/v1/events/${untranslated!.slug}/calendar.ics?lang=en`);
    expect(entries[0]?.event.summary).toBe((await apiEvent(untranslated!.slug, 'nl')).title);
  });

  it('has one entry per session, each at the very instants the API gives', async () => {
    const api = await apiEvent('vrijwilligersbeleid-op-maat-gent');
    expect(api.sessions.length).toBeGreaterThan(1);
    const { entries } = await calendar('/v1/events/vrijwilligersbeleid-op-maat-gent/calendar.ics');
    expect(entries).toHaveLength(api.sessions.length);
    expect(ms(entries[0]!.event.startDate)).toBe(Date.parse(api.startsAt));
    expect(entries.map(({ event }) => [ms(event.startDate), ms(event.endDate)])).toEqual(
      api.sessions.map((s) => [Date.parse(s.startsAt), Date.parse(s.endsAt)]),
    );
    const uids = entries.map(({ event }) => event.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const uid of uids) expect(uid).toMatch(/@socius\.be$/);
  });

  it('keeps the same UIDs whatever the language, so opening it again updates the entries', async () => {
    const nl = await calendar('/v1/events/inclusief-werken-avondreeks-antwerpen/calendar.ics?lang=nl');
    const fr = await calendar('/v1/events/inclusief-werken-avondreeks-antwerpen/calendar.ics?lang=fr');
    expect(fr.entries.map(({ event }) => event.uid)).toEqual(nl.entries.map(({ event }) => event.uid));
  });

  it('marks a cancelled event as cancelled, with the reason', async () => {
    const api = await apiEvent('deelcafe-in-de-buurt-mechelen', 'en');
    expect(api.status).toBe('cancelled');
    const { entries } = await calendar('/v1/events/deelcafe-in-de-buurt-mechelen/calendar.ics?lang=en');
    expect(entries.length).toBeGreaterThan(0);
    for (const { vevent, event } of entries) {
      expect(text(vevent, 'status')).toBe('CANCELLED');
      expect(event.description).toMatch(/^Cancelled/);
    }
  });

  it('cancels only the session that is cancelled in a series', async () => {
    const api = await apiEvent('inclusief-werken-avondreeks-antwerpen');
    const { entries } = await calendar('/v1/events/inclusief-werken-avondreeks-antwerpen/calendar.ics');
    expect(entries.map(({ vevent }) => text(vevent, 'status'))).toEqual(
      api.sessions.map((s) => (s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED')),
    );
    expect(entries.map(({ vevent }) => text(vevent, 'status'))).toContain('CANCELLED');
  });

  it('marks a postponed event as tentative', async () => {
    expect((await apiEvent('klimaat-en-middenveld-debatavond-hasselt')).status).toBe('postponed');
    const { entries } = await calendar('/v1/events/klimaat-en-middenveld-debatavond-hasselt/calendar.ics');
    expect(entries.map(({ vevent }) => text(vevent, 'status'))).toEqual(entries.map(() => 'TENTATIVE'));
  });

  it('places it at the venue with its coordinates, names the organiser and links the registration', async () => {
    const api = await apiEvent('vrijwilligersbeleid-op-maat-gent');
    const { entries } = await calendar('/v1/events/vrijwilligersbeleid-op-maat-gent/calendar.ics');
    const { vevent, event } = entries[0]!;
    expect(event.location).toContain(api.venue!.name!);
    expect(event.location).toContain(api.venue!.city!);
    expect(vevent.getFirstPropertyValue('geo')).toEqual([api.venue!.latitude, api.venue!.longitude]);
    expect(vevent.getFirstProperty('organizer')?.getParameter('cn')).toBe(api.organiser.name);
    expect(event.description).toContain(api.registration.url!);
    expect(text(vevent, 'url')).toBe(api.url);
  });

  it('gives the online link as the location of an online event', async () => {
    const online = (await apiEvents('attendanceMode=online')).data.find((e) => e.onlineUrl)!;
    const { entries } = await calendar(`/v1/events/${online.slug}/calendar.ics`);
    expect(entries[0]?.event.location).toBe(online.onlineUrl);
  });

  it('answers an unknown slug with a 404 problem', async () => {
    const problem = await getProblem('/v1/events/bestaat-niet/calendar.ics', 404);
    expect(problem.type).toBe('/problems/not-found');
    expect(problem.detail).toContain('bestaat-niet');
  });

  it.each([
    ['foo=1', 'foo'],
    ['lang=de', 'lang'],
  ])('rejects ?%s, naming %s', async (query, name) => {
    const problem = await getProblem(`/v1/events/vrijwilligersbeleid-op-maat-gent/calendar.ics?${query}`, 400);
    expect(problem.invalidParams?.map((p) => p.name)).toEqual([name]);
  });
});

describe('GET /v1/calendar.ics', () => {
  it('is a feed to subscribe to, named in the requested language', async () => {
    const french = await calendar('/v1/calendar.ics?lang=fr');
    expect(french.response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    expect(french.response.headers.get('Content-Disposition')).toMatch(/^inline/);
    expect(french.response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(text(french.root, 'x-wr-calname')).toBe('Socius – agenda');
    const english = await calendar('/v1/calendar.ics?lang=en');
    expect(text(english.root, 'x-wr-calname')).toBe('Socius – events');
    const titles = (await apiEvents('lang=fr')).data.map((e) => e.title);
    expect(french.entries.map(({ event }) => event.summary)).toEqual(expect.arrayContaining(titles));
  });

  it.each([
    '',
    'topic=vrijwilligerswerk',
    'city=Gent',
    'attendanceMode=online',
    'topic=vrijwilligerswerk,participatie&attendanceMode=offline,mixed',
  ])('holds every upcoming event that /v1/events lists for ?%s, one entry per session', async (filter) => {
    const list = await apiEvents(filter);
    expect(list.nextCursor).toBeNull();
    expect(list.data.length).toBeGreaterThan(0);
    const { entries } = await calendar(`/v1/calendar.ics${filter ? `?${filter}` : ''}`);
    const urls = entries.map(({ vevent }) => text(vevent, 'url'));
    expect(new Set(urls)).toEqual(new Set(list.data.map((e) => e.url)));
    expect(entries).toHaveLength(list.data.reduce((n, e) => n + e.sessions.length, 0));
  });

  it('keeps cancelled events, marked cancelled, so subscribers see the change', async () => {
    const cancelled = await apiEvents('status=cancelled');
    expect(cancelled.data.length).toBeGreaterThan(0);
    const { entries } = await calendar('/v1/calendar.ics');
    for (const event of cancelled.data) {
      const own = entries.filter(({ vevent }) => text(vevent, 'url') === event.url);
      expect(own.length).toBeGreaterThan(0);
      for (const { vevent } of own) expect(text(vevent, 'status')).toBe('CANCELLED');
    }
  });

  it('keeps every line within 75 octets without breaking a character, and unfolds to the same text', async () => {
    const { response, entries } = await calendar('/v1/calendar.ics?lang=fr');
    const encoder = new TextEncoder();
    for (const line of response.body.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(response.body).not.toContain('\uFFFD');
    const titles = (await apiEvents('lang=fr')).data.map((e) => e.title);
    expect(entries.map(({ event }) => event.summary)).toEqual(expect.arrayContaining(titles));

    const long = `SUMMARY:${'Réseau apprenant 🌍 '.repeat(12)}`;
    const folded = foldLines(long);
    for (const line of folded.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replaceAll('\r\n ', '')).toBe(long);
    // Plain ASCII is cut by length: 75 octets, then 74 after each continuation's space, and a line that fits stays whole.
    const ascii = `DESCRIPTION:${'x'.repeat(200)}`;
    const lines = [ascii, 'URL:https://example.org/short', ascii].join('\r\n');
    expect(
      foldLines(lines)
        .split('\r\n')
        .map((line) => line.length),
    ).toEqual([75, 75, 64, 29, 75, 75, 64]);
    expect(foldLines(lines).replaceAll('\r\n ', '')).toBe(lines);
  });

  it.each([
    ['foo=1', 'foo'],
    ['limit=5', 'limit'],
    ['lang=de', 'lang'],
    ['attendanceMode=hybrid', 'attendanceMode'],
  ])('rejects ?%s, naming %s', async (query, name) => {
    const problem = await getProblem(`/v1/calendar.ics?${query}`, 400);
    expect(problem.invalidParams?.map((p) => p.name)).toEqual([name]);
  });

  it('is listed in the OpenAPI document as text/calendar', async () => {
    const { body } = await get<{ paths: Record<string, { get: { operationId: string; responses: Record<string, { content: object }> } }> }>(
      '/openapi.json',
    );
    for (const path of ['/v1/calendar.ics', '/v1/events/{slug}/calendar.ics']) {
      expect(Object.keys(body.paths[path]?.get.responses['200']?.content ?? {})).toEqual(['text/calendar']);
    }
  });

  // Last in this file: it adds events to this file's database.
  it(`holds at most the 500 soonest events, past D1's limit of 100 parameters per query`, async () => {
    const start = Date.now() + 86_400_000;
    const now = Date.now();
    const numbers = `with recursive n(i) as (select 1 union all select i + 1 from n where i < 520)`;
    await env.DB.batch([
      env.DB.prepare(
        `${numbers} insert into events (id, slug, status, event_status, attendance_mode, starts_at, ends_at, city, organiser_name, created_at, updated_at)
         select 'bulk-' || i, 'bulk-' || i, 'published', 'scheduled', 'offline', ?1 + i * 3600000, ?1 + i * 3600000 + 1800000, 'Teststad', 'Socius', ?2, ?2 from n`,
      ).bind(start, now),
      env.DB.prepare(`${numbers} insert into event_translations (event_id, lang, title) select 'bulk-' || i, 'nl', 'Bulk ' || i from n`),
      env.DB.prepare(
        `${numbers} insert into event_sessions (id, event_id, position, starts_at, ends_at)
         select 'bulk-session-' || i, 'bulk-' || i, 0, ?1 + i * 3600000, ?1 + i * 3600000 + 1800000 from n`,
      ).bind(start),
    ]);
    const { entries } = await calendar('/v1/calendar.ics?city=Teststad');
    expect(entries).toHaveLength(500);
    expect(entries.map(({ event }) => event.summary)).toEqual(Array.from({ length: 500 }, (_, i) => `Bulk ${i + 1}`));
    expect(entries[499]?.event.uid).toBe('bulk-session-500@socius.be');
  });
});
