// iCalendar (RFC 5545) views of the events: one event for "add to calendar", and a feed people can subscribe to.
// The events module owns the data and decides which events a filter lists; this one reads what entries show
// (queries.ts) and writes it as text/calendar.
import { createRoute, z } from '@hono/zod-openapi';
import ical, {
  escape as escapeIcalText,
  type ICalCalendar,
  ICalEvent,
  type ICalEventData,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalLocation,
} from 'ical-generator';
import type { Lang } from '../../schema/columns.ts';
import type { EventStatus } from '../../schema/events.ts';
import { createRouter } from '../app.ts';
import { ApiError, problemResponses } from '../errors.ts';
import { eventFilterFrom } from '../events/queries.ts';
import { EventListQuerySchema } from '../events/schemas.ts';
import { LABELS } from '../lib/labels.ts';
import { INTL_LOCALES, langParam } from '../lib/language.ts';
import { slugParam } from '../lib/schemas.ts';
import { freshUntil } from '../middleware/edge-cache.ts';
import { conditionalGetParameters, notModifiedResponse, readHeaders } from '../openapi.ts';
import { type CalendarRow, calendarEventQuery, calendarFeedQuery, sessionsOf } from './queries.ts';

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';
const UID_DOMAIN = 'socius.be';
/** The feed holds at most this many events, soonest first. */
export const FEED_CAP = 500;
// SEQUENCE is a signed 32-bit integer in many clients: seconds since 2020 grow with every edit and fit until 2088.
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

const WORDS: Record<Lang, { name: string; description: string; register: string; online: string }> = {
  nl: {
    name: 'Socius – agenda',
    description: 'Vormingen, workshops, inspiratiedagen en netwerkmomenten van Socius en partners.',
    register: 'Inschrijven: ',
    online: 'Online deelnemen: ',
  },
  en: {
    name: 'Socius – events',
    description: 'Trainings, workshops, inspiration days and network meetings by Socius and partners.',
    register: 'Register: ',
    online: 'Join online: ',
  },
  fr: {
    name: 'Socius – agenda',
    description: 'Formations, ateliers, journées d’inspiration et rencontres de réseau de Socius et de ses partenaires.',
    register: 'Inscription : ',
    online: 'Participer en ligne : ',
  },
};

// ---- Contracts -------------------------------------------------------------------------------------------------

const EXAMPLE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Socius//Content API//EN',
  'BEGIN:VEVENT',
  'UID:5f0c8d7e-2b1a-4c3d-9e8f-7a6b5c4d3e2f@socius.be',
  'SEQUENCE:217382400',
  'DTSTAMP:20261120T091500Z',
  'DTSTART:20261203T083000Z',
  'DTEND:20261203T113000Z',
  'SUMMARY:Tailor-made volunteer policy (Ghent)',
  'LOCATION:Vergaderzaal De Markt\\, Stationsstraat 12\\, 9000 Gent\\, Belgium',
  'GEO:51.0536;3.725',
  'DESCRIPTION:Three mornings to review and adjust your volunteer policy.\\n\\nRegister: https://example.org/register',
  'URL;VALUE=URI:https://api.socius.be/v1/events/vrijwilligersbeleid-op-maat-gent',
  'STATUS:CONFIRMED',
  'ORGANIZER;CN="Socius":https://socius.be',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

const CalendarSchema = z.string().openapi({ description: 'An iCalendar (RFC 5545) document.', example: EXAMPLE });

const calendarLang = langParam.openapi({
  description:
    "Language of titles and descriptions (and of the feed's name): nl (default), en or fr. Wins over `Accept-Language`. " +
    'Text missing in that language is given in Dutch.',
});

const list = EventListQuerySchema.shape;

const eventCalendar = createRoute({
  method: 'get',
  path: '/events/{slug}/calendar.ics',
  tags: ['Events'],
  operationId: 'getEventCalendar',
  summary: 'One event as iCalendar',
  description:
    'A published event as an `.ics` file for "add to calendar": one VEVENT per session, in UTC, with the title and ' +
    'summary in the requested language, the venue (or the online link) as location, and STATUS CANCELLED or TENTATIVE ' +
    '(postponed) when the event or a session is. UIDs are stable, so opening the file again updates the entries.',
  request: {
    params: z.object({ slug: slugParam }),
    query: z.strictObject({ lang: calendarLang }),
  },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The event as a `text/calendar` download (`Content-Disposition: attachment`).',
      headers: readHeaders,
      content: { 'text/calendar': { schema: CalendarSchema } },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 404, 500),
  },
});

const eventFeed = createRoute({
  method: 'get',
  path: '/calendar.ics',
  tags: ['Events'],
  operationId: 'getEventsCalendar',
  summary: 'Subscribable calendar of upcoming events',
  description:
    `The upcoming published events as one iCalendar feed to subscribe to (\`webcal://\` this URL), soonest first and at most ${FEED_CAP}. ` +
    'Takes the filters of `GET /v1/events`, so a partner can subscribe to one topic, city or attendance mode. ' +
    'Cancelled and postponed events stay in the feed with their status, so subscribers see the change. ' +
    "Entries are marked free (TRANSP:TRANSPARENT) so the agenda never blocks anyone's availability.",
  request: {
    query: z.strictObject({
      lang: calendarLang,
      from: list.from,
      to: list.to,
      topic: list.topic,
      city: list.city,
      postalCode: list.postalCode,
      attendanceMode: list.attendanceMode,
      status: list.status,
      organiser: list.organiser,
      service: list.service,
      free: list.free,
      q: list.q,
    }),
  },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The events as a `text/calendar` feed, served inline.',
      headers: readHeaders,
      content: { 'text/calendar': { schema: CalendarSchema } },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 500),
  },
});

// ---- Building the calendar -------------------------------------------------------------------------------------

/** Grows with every edit of the event (its updatedAt in whole seconds since 2020), so clients replace the entry. */
const sequenceOf = (updatedAt: Date) => Math.max(0, Math.floor((updatedAt.getTime() - SEQUENCE_EPOCH) / 1000));

/** A session's own status, unless the event as a whole is cancelled or postponed. */
function effectiveStatus(event: EventStatus, session: EventStatus): EventStatus {
  if (event === 'cancelled' || session === 'cancelled') return 'cancelled';
  if (event === 'postponed' || session === 'postponed') return 'postponed';
  return session === 'scheduled' ? event : session;
}

// Postponed means the date is not final; rescheduled and moved-online events do take place.
const ICAL_STATUS: Record<EventStatus, ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  postponed: ICalEventStatus.TENTATIVE,
  rescheduled: ICalEventStatus.CONFIRMED,
  'moved-online': ICalEventStatus.CONFIRMED,
};

const countryNames = new Map<Lang, Intl.DisplayNames>();
function countryName(code: string, lang: Lang): string {
  let names = countryNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([INTL_LOCALES[lang]], { type: 'region' });
    countryNames.set(lang, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/**
 * Country names for one calendar: a feed names the same few countries hundreds of times, and each Intl lookup
 * costs as much as writing an entry. Kept per calendar, so nothing outlives the request.
 */
function countryNamesIn(lang: Lang): (code: string) => string {
  const known = new Map<string, string>();
  return (code) => {
    let name = known.get(code);
    if (name === undefined) {
      name = countryName(code, lang);
      known.set(code, name);
    }
    return name;
  };
}

/** The online link for online events, otherwise the venue on one line (what map apps look up) with its coordinates. */
function location(row: CalendarRow, status: EventStatus, country: (code: string) => string): ICalLocation | null {
  const online = row.onlineUrl ? { title: row.onlineUrl } : null;
  if (row.attendanceMode === 'online' || status === 'moved-online') return online;
  // An event has a venue when it names a place, a street or a city (as its JSON body says).
  if (!row.venueName && !row.street && !row.city) return online;
  const place = [row.postalCode, row.city].filter(Boolean).join(' ');
  const title = [row.venueName, row.street, place, row.country ? country(row.country) : null].filter(Boolean).join(', ');
  const geo = row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lon: row.longitude } : undefined;
  if (!title) return geo ? { geo } : null;
  return geo ? { title, geo } : { title };
}

function description(row: CalendarRow, status: EventStatus, lang: Lang, locationIsOnline: boolean): string {
  const words = WORDS[lang];
  const parts: string[] = [];
  if (status !== 'scheduled') parts.push(LABELS[lang][status]);
  if (row.statusReason) parts.push(row.statusReason);
  if (row.summary) parts.push(row.summary);
  if (row.onlineUrl && !locationIsOnline && status !== 'cancelled') parts.push(`${words.online}${row.onlineUrl}`);
  if (row.registrationUrl && status !== 'cancelled') parts.push(`${words.register}${row.registrationUrl}`);
  return parts.join('\n\n');
}

/**
 * ical-generator writes ORGANIZER only with a mailto: address. Organisers here have a website instead, and
 * RFC 5545 lets the address be any URI, so this entry writes that line itself.
 */
const END_EVENT = 'END:VEVENT\r\n';

class SociusEvent extends ICalEvent {
  readonly #organizer: string | null;

  constructor(data: ICalEventData, calendar: ICalCalendar, organiser: { name: string; url: string | null }) {
    super(data, calendar);
    // A quoted parameter value may hold neither DQUOTE nor control characters (RFC 5545 §3.1); a line break in
    // either value would start a property of its own.
    const name = organiser.name.replace(/[\p{Cc}"]/gu, '');
    this.#organizer = organiser.url ? `ORGANIZER;CN="${name}":${organiser.url.replace(/\p{Cc}/gu, '')}\r\n` : null;
  }

  override toString(): string {
    const text = super.toString();
    if (!this.#organizer) return text;
    if (!text.endsWith(END_EVENT)) throw new Error('ical-generator no longer ends an entry with END:VEVENT');
    // Not a regular expression anchored at the end: that tries every position of the entry, 1,700 times a feed.
    return `${text.slice(0, -END_EVENT.length)}${this.#organizer}${END_EVENT}`;
  }
}

/**
 * Folds content lines at 75 octets (RFC 5545 §3.1), never inside a character. ical-generator folds the whole
 * document itself, but with a new TextEncoder for every character: about 1.4 s of CPU for 500 events in workerd,
 * against a few milliseconds here. So it folds only the calendar's own few lines, and this folds the entries.
 */
export function foldLines(text: string): string {
  // Most lines fit: they are copied in runs, and only a line over 75 octets is cut (a feed is 1 MB of text).
  const parts: string[] = [];
  let copied = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\r\n', start);
    if (end === -1) end = text.length;
    // A UTF-16 unit is at most 3 octets in UTF-8: a line of 25 units or fewer always fits.
    if (end - start > 25 && octetsOver75(text, start, end)) {
      parts.push(text.slice(copied, start), foldLine(text.slice(start, end)));
      copied = end;
    }
    start = end + 2;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Whether text[start, end) takes more than 75 octets in UTF-8. */
function octetsOver75(text: string, start: number, end: number): boolean {
  let octets = 0;
  for (let i = start; i < end && octets <= 75; ) {
    const cp = text.codePointAt(i) ?? 0;
    octets += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return octets > 75;
}

/** One line as lines of at most 75 octets, each after the first starting with a space. */
function foldLine(line: string): string {
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 1; // the space that starts a continuation line
    }
    octets += size;
    i += cp > 0xffff ? 2 : 1;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

const END = 'END:VCALENDAR';

/**
 * Times are written in UTC (`…Z`): an instant needs no VTIMEZONE, so there is no time-zone table to ship or keep
 * up to date, every client reads it the same way, and each client shows it in its user's own zone. (None of these
 * entries repeat, which is the one case where a local zone would matter.) ical-generator could write TZID times
 * only from a time-zone library's dates: from plain Dates it would write the runtime's wall clock, UTC in workerd.
 */
function renderCalendar(lang: Lang, rows: CalendarRow[], origin: string, feed: { url: string } | null): string {
  const words = WORDS[lang];
  const cal = ical({
    prodId: { company: 'Socius', product: 'Content API', language: lang.toUpperCase() },
    // A name makes Outlook and Apple Calendar open a single downloaded event as a calendar of its own, so only
    // the feed has one. ical-generator writes these two values unescaped.
    ...(feed
      ? { name: escapeIcalText(words.name, false), description: escapeIcalText(words.description, false), url: feed.url, ttl: 60 * 60 }
      : {}),
  });
  const country = countryNamesIn(lang);
  const entries: string[] = [];
  for (const row of rows) {
    const sessions = sessionsOf(row);
    const common = {
      sequence: sequenceOf(row.updatedAt),
      // Without METHOD, DTSTAMP is when the information was last revised (RFC 5545 §3.8.7.2).
      stamp: row.updatedAt,
      created: row.createdAt,
      lastModified: row.updatedAt,
      summary: row.title ?? row.slug,
      url: `${origin}/v1/events/${row.slug}`,
    };
    const organiser = { name: row.organiserName, url: row.organiserUrl };
    const times =
      sessions.length > 0
        ? sessions.map((s) => ({ uid: s.id, startsAt: s.startsAt, endsAt: s.endsAt, status: effectiveStatus(row.eventStatus, s.status) }))
        : [{ uid: row.id, startsAt: row.startsAt, endsAt: row.endsAt, status: row.eventStatus }];
    for (const entry of times) {
      const where = location(row, entry.status, country);
      const locationIsOnline = where !== null && 'title' in where && where.title === row.onlineUrl;
      const data: ICalEventData = {
        ...common,
        id: `${entry.uid}@${UID_DOMAIN}`,
        start: entry.startsAt,
        end: entry.endsAt,
        description: description(row, entry.status, lang, locationIsOnline) || null,
        location: where,
        status: ICAL_STATUS[entry.status],
        // A subscribed agenda is something to browse, not a list of commitments: it never makes anyone look busy.
        transparency: feed || entry.status === 'cancelled' ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      };
      entries.push(foldLines(new SociusEvent(data, cal, organiser).toString()));
    }
  }
  const head = cal.toString();
  if (!head.endsWith(END)) throw new Error('ical-generator no longer ends a calendar with END:VCALENDAR');
  return `${head.slice(0, -END.length)}${entries.join('')}${END}`;
}

// ---- Handlers --------------------------------------------------------------------------------------------------

export const calendarRouter = createRouter()
  .openapi(eventCalendar, async (c) => {
    const { slug } = c.req.valid('param');
    const { db, lang } = c.var;
    // The event and its sessions in one statement: one round trip.
    const rows = await calendarEventQuery(db, lang, slug);
    if (rows.length === 0) throw new ApiError('not-found', `No published event has the slug "${slug}".`);
    return c.body(renderCalendar(lang, rows, new URL(c.req.url).origin, null), 200, {
      'Content-Type': CALENDAR_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="${slug}.ics"`,
    });
  })
  .openapi(eventFeed, async (c) => {
    const query = c.req.valid('query');
    const { db, lang } = c.var;
    // The same reading of the filters as GET /v1/events, so a feed and a list with the same query agree.
    const filter = eventFilterFrom(query, new Date());
    // The events and their sessions in one statement: one round trip.
    const rows = await calendarFeedQuery(db, lang, filter, FEED_CAP);
    // Listed because they end after now: the feed changes when the first of them ends.
    if (query.from === undefined) {
      freshUntil(
        c,
        rows.reduce<Date | undefined>((first, row) => (!first || row.endsAt < first ? row.endsAt : first), undefined),
      );
    }
    return c.body(renderCalendar(lang, rows, new URL(c.req.url).origin, { url: c.req.url }), 200, {
      'Content-Type': CALENDAR_CONTENT_TYPE,
      'Content-Disposition': 'inline; filename="socius.ics"',
    });
  });
