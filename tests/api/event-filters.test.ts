import { describe, expect, it } from 'vitest';
import { get, getProblem } from './helpers.ts';

interface Event {
  slug: string;
  title: string;
  status: string;
  attendanceMode: string;
  startsAt: string;
  endsAt: string;
  dateSummary: string;
  venue: { city: string | null; postalCode: string | null } | null;
  organiser: { name: string };
  price: { free: boolean };
  service: { slug: string } | null;
  topics: { slug: string; name: string }[];
  sessions: { startsAt: string }[];
}
interface Facet {
  value: string;
  label: string;
  count: number;
}
interface EventList {
  data: Event[];
  nextCursor: string | null;
  total: number;
  facets?: Record<string, Facet[]>;
}

const all = async (query = '') => (await get<EventList>(`/v1/events?limit=100${query}`)).body;

describe('GET /v1/events filters', () => {
  it('hides past events unless `from` asks for them', async () => {
    const upcoming = await all();
    const withPast = await all('&from=2000-01-01');
    expect(withPast.total).toBeGreaterThan(upcoming.total);
    expect(withPast.data.some((event) => Date.parse(event.endsAt) < Date.now())).toBe(true);
  });

  it('keeps only events between `from` and `to` (dates are Brussels days, `to` inclusive)', async () => {
    const upcoming = await all();
    const pivot = upcoming.data[Math.floor(upcoming.data.length / 2)]!;
    const day = pivot.startsAt.slice(0, 10);
    const onOrBefore = await all(`&to=${day}`);
    expect(onOrBefore.data.map((e) => e.slug)).toContain(pivot.slug);
    for (const event of onOrBefore.data) expect(event.startsAt.slice(0, 10) <= day).toBe(true);
    const after = await all(`&from=${day}T23:59:59%2B01:00`);
    for (const event of after.data) expect(Date.parse(event.endsAt)).toBeGreaterThanOrEqual(Date.parse(`${day}T23:59:59+01:00`));
  });

  it('filters by one or several topics, repeated or comma-separated', async () => {
    const upcoming = await all();
    const [a, b] = [...new Set(upcoming.data.flatMap((e) => e.topics.map((t) => t.slug)))];
    const one = await all(`&topic=${a}`);
    expect(one.total).toBeGreaterThan(0);
    for (const event of one.data) expect(event.topics.map((t) => t.slug)).toContain(a);
    const comma = await all(`&topic=${a},${b}`);
    const repeated = await all(`&topic=${a}&topic=${b}`);
    expect(comma.data.map((e) => e.slug)).toEqual(repeated.data.map((e) => e.slug));
    for (const event of comma.data) expect(event.topics.some((t) => t.slug === a || t.slug === b)).toBe(true);
    expect(comma.total).toBeGreaterThanOrEqual(one.total);
  });

  it('filters by city case-insensitively, and by postal code', async () => {
    const upcoming = await all();
    const withCity = upcoming.data.find((e) => e.venue?.city)!;
    const city = withCity.venue!.city!;
    const byCity = await all(`&city=${encodeURIComponent(city.toUpperCase())}`);
    expect(byCity.total).toBeGreaterThan(0);
    for (const event of byCity.data) expect(event.venue?.city).toBe(city);
    const byPostal = await all(`&postalCode=${withCity.venue!.postalCode}`);
    expect(byPostal.data.map((e) => e.slug)).toContain(withCity.slug);
    for (const event of byPostal.data) expect(event.venue?.postalCode).toBe(withCity.venue!.postalCode);
  });

  it('filters by attendance mode, status, organiser, service and price', async () => {
    const online = await all('&attendanceMode=online');
    expect(online.total).toBeGreaterThan(0);
    expect(online.data.every((e) => e.attendanceMode === 'online')).toBe(true);

    const cancelled = await all('&status=cancelled,postponed');
    expect(cancelled.total).toBeGreaterThan(0);
    expect(cancelled.data.every((e) => ['cancelled', 'postponed'].includes(e.status))).toBe(true);

    const upcoming = await all();
    const organiser = upcoming.data[0]!.organiser.name;
    const byOrganiser = await all(`&organiser=${encodeURIComponent(organiser.toLowerCase())}`);
    expect(byOrganiser.data.every((e) => e.organiser.name === organiser)).toBe(true);
    expect(byOrganiser.total).toBeGreaterThan(0);

    const service = upcoming.data.find((e) => e.service)!.service!.slug;
    const byService = await all(`&service=${service}`);
    expect(byService.total).toBeGreaterThan(0);
    expect(byService.data.every((e) => e.service?.slug === service)).toBe(true);

    const free = await all('&free=true');
    const paid = await all('&free=false');
    expect(free.data.every((e) => e.price.free)).toBe(true);
    expect(paid.data.every((e) => !e.price.free)).toBe(true);
    expect(free.total + paid.total).toBe(upcoming.total);
  });

  it('finds events by words in their text with `q`', async () => {
    const upcoming = await all();
    const word = upcoming.data[0]!.title.split(/\s+/)
      .find((w) => w.length > 5)!
      .replace(/[^\p{L}]/gu, '');
    const found = await all(`&q=${encodeURIComponent(word)}`);
    expect(found.data.map((e) => e.slug)).toContain(upcoming.data[0]!.slug);
    expect(found.total).toBeLessThan(upcoming.total);
  });

  it('sorts by start, soonest or latest first', async () => {
    const ascending = await all('&sort=startsAt');
    const descending = await all('&sort=-startsAt');
    expect(descending.data.map((e) => e.slug)).toEqual([...ascending.data].reverse().map((e) => e.slug));
  });

  it('counts facets under the current filter, with names in the response language', async () => {
    const { data, total, facets } = await all('&lang=fr&facets=topic,city,attendanceMode,status');
    expect(Object.keys(facets ?? {}).sort()).toEqual(['attendanceMode', 'city', 'status', 'topic']);
    const modes = facets!.attendanceMode!;
    expect(modes.reduce((sum, f) => sum + f.count, 0)).toBe(total);
    expect(modes.find((f) => f.value === 'online')?.label).toBe('En ligne');
    // A city is named by itself, whether the count comes from the stored tallies or from the matching events.
    for (const facet of facets!.city!) expect(facet.label).toBe(facet.value);
    for (const facet of facets!.topic!) {
      expect(facet.count).toBe(data.filter((e) => e.topics.some((t) => t.slug === facet.value)).length);
      expect(facet.label).toBe(data.flatMap((e) => e.topics).find((t) => t.slug === facet.value)?.name);
    }
    const online = await all('&facets=city&attendanceMode=offline');
    const cities = online.facets!.city!;
    expect(cities.reduce((sum, f) => sum + f.count, 0)).toBe(online.data.filter((e) => e.venue?.city).length);
  });

  it.each(['nl', 'en', 'fr'])('names a status the same way in the status facet and in the date line of an event (%s)', async (lang) => {
    const { data, facets } = await all(`&lang=${lang}&facets=status`);
    const labelled = facets!.status!.filter((facet) => facet.value !== 'scheduled');
    expect(labelled.map((facet) => facet.value)).toContain('moved-online');
    for (const facet of labelled) {
      const event = data.find((e) => e.status === facet.value)!;
      expect(event.dateSummary.startsWith(`${facet.label} · `), `${facet.label} / ${event.dateSummary}`).toBe(true);
    }
  });

  it('walks every page of a filtered list exactly once, and sends a Link to the next page', async () => {
    const everything = await all('&from=2000-01-01&sort=-startsAt');
    const seen: string[] = [];
    let next: string | null = '/v1/events?from=2000-01-01&sort=-startsAt&limit=4';
    while (next) {
      const response: Awaited<ReturnType<typeof get<EventList>>> = await get<EventList>(next);
      seen.push(...response.body.data.map((e) => e.slug));
      const link = response.headers.get('Link');
      if (response.body.nextCursor) expect(link).toMatch(/^<\/v1\/events\?.*cursor=.*>; rel="next"$/);
      else expect(link).toBeNull();
      next = link ? link.slice(1, link.indexOf('>')) : null;
    }
    expect(seen).toEqual(everything.data.map((e) => e.slug));
  });

  it('rejects a cursor from another sort order', async () => {
    const first = await get<EventList>('/v1/events?limit=2&sort=startsAt');
    const problem = await getProblem(`/v1/events?limit=2&sort=-startsAt&cursor=${first.body.nextCursor}`, 400);
    expect(problem.invalidParams?.[0]?.name).toBe('cursor');
  });

  it.each([
    ['attendanceMode=hybrid', 'attendanceMode'],
    ['status=done', 'status'],
    ['facets=price', 'facets'],
    ['free=yes', 'free'],
    ['from=next-week', 'from'],
    ['to=2020-01-01', 'to'],
    ['sort=title', 'sort'],
    ['q=%20', 'q'],
  ])('answers ?%s with a 400 naming "%s"', async (query, name) => {
    const problem = await getProblem(`/v1/events?${query}`, 400);
    expect(problem.invalidParams?.map((p) => p.name)).toContain(name);
  });
});

describe('event date summaries', () => {
  it('gives each event a ready-to-show date line in the response language', async () => {
    const nl = await all('&lang=nl&from=2000-01-01');
    const fr = await all('&lang=fr&from=2000-01-01');
    const single = nl.data.find(
      (e) => e.sessions.length === 1 && e.status === 'scheduled' && e.startsAt.slice(0, 10) === e.endsAt.slice(0, 10),
    )!;
    expect(single.dateSummary).toMatch(/^(ma|di|wo|do|vr|za|zo) \d{1,2} \p{L}+( \d{4})?, \d{2}:\d{2}–\d{2}:\d{2}$/u);
    expect(single.dateSummary).toContain(single.startsAt.slice(11, 16));
    const multi = nl.data.find((e) => e.sessions.length > 1)!;
    expect(multi.dateSummary).toMatch(new RegExp(`^(\\p{L}+ · )?${multi.sessions.length} sessies: `, 'u'));
    const cancelled = fr.data.find((e) => e.status === 'cancelled')!;
    expect(cancelled.dateSummary).toMatch(/^Annulé · /);
  });
});

describe('cursor pagination under change', () => {
  it('returns every event that existed once, even when events are added between pages', async () => {
    const { env } = await import('cloudflare:test');
    const before = await all();
    const seen: string[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const response: Awaited<ReturnType<typeof get<EventList>>> = await get<EventList>(`/v1/events?limit=4${suffix}`);
      seen.push(...response.body.data.map((e) => e.slug));
      cursor = response.body.nextCursor;
      if (page++ === 1) {
        // A new event that sorts before the current position, and one after it.
        const first = before.data[0]!;
        for (const [slug, startsAt] of [
          ['tussendoor-vroeg', Date.parse(first.startsAt)],
          ['tussendoor-laat', Date.now() + 400 * 86_400_000],
        ] as const) {
          await env.DB.batch([
            env.DB.prepare(
              `insert into events (id, slug, status, event_status, attendance_mode, starts_at, ends_at, organiser_name, is_free, availability, created_at, updated_at)
               values (?, ?, 'published', 'scheduled', 'online', ?, ?, 'Socius', 1, 'available', ?, ?)`,
            ).bind(slug, slug, startsAt, startsAt + 3_600_000, Date.now(), Date.now()),
            env.DB.prepare(`insert into event_translations (event_id, lang, title) values (?, 'nl', ?)`).bind(slug, slug),
            env.DB.prepare(`insert into event_sessions (id, event_id, position, starts_at, ends_at) values (?, ?, 0, ?, ?)`).bind(
              `${slug}-1`,
              slug,
              startsAt,
              startsAt + 3_600_000,
            ),
          ]);
        }
      }
    } while (cursor);
    const original = before.data.map((e) => e.slug);
    expect(seen.filter((slug) => original.includes(slug))).toEqual(original);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain('tussendoor-laat');
  });
});
