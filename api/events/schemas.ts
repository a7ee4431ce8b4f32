import { z } from '@hono/zod-openapi';
import { ATTENDANCE_MODES, AVAILABILITIES, EVENT_STATUSES } from '../../schema/events.ts';
import { optionalQParam } from '../lib/full-text.ts';
import { langParam } from '../lib/language.ts';
import { LinksSchema } from '../lib/links.ts';
import { booleanParam, dateOrDateTimeParam, enumMultiParam, multiParam, sortParam } from '../lib/list-params.ts';
import { cursorParam, limitParam, nextCursorField } from '../lib/pagination.ts';
import { dateTime, ItemMetaSchema, TopicRefSchema } from '../lib/schemas.ts';
import { WORDED_TOTAL_CAP } from './counts.ts';

export const EventStatusSchema = z.enum(EVENT_STATUSES).openapi('EventStatus', {
  description:
    'schema.org EventStatusType: scheduled, cancelled, postponed (new date unknown), rescheduled (new date known), moved-online.',
});

export const SessionSchema = z
  .object({
    startsAt: dateTime,
    endsAt: dateTime,
    status: EventStatusSchema,
  })
  .openapi('EventSession');

export const VenueSchema = z
  .object({
    name: z.string().nullable().openapi({ example: 'Vergaderzaal De Markt' }),
    street: z.string().nullable().openapi({ example: 'Stationsstraat 12' }),
    postalCode: z.string().nullable().openapi({ example: '9000' }),
    city: z.string().nullable().openapi({ example: 'Gent' }),
    country: z.string().nullable().openapi({ description: 'ISO 3166-1 alpha-2', example: 'BE' }),
    latitude: z.number().nullable().openapi({ example: 51.0543 }),
    longitude: z.number().nullable().openapi({ example: 3.7174 }),
  })
  .openapi('Venue');

export const EventSchema = z
  .object({
    id: z.string().openapi({ example: '0b7f0c1e-9d55-4a4c-9b7e-1f3f1c2b9a10' }),
    slug: z.string().openapi({ example: 'vrijwilligersbeleid-op-maat-gent' }),
    url: z.url().openapi({ description: 'Canonical URL of this event in the API.' }),
    links: LinksSchema,
    title: z.string(),
    summary: z.string().nullable(),
    description: z.string().nullable().openapi({
      description:
        'Sanitised HTML: p, h3, h4, ul, ol, li, strong, em, blockquote, br and links (http(s), mailto, tel; links to other sites carry `rel="noopener noreferrer"`). Render it as HTML; sanitising it again is wise.',
    }),
    status: EventStatusSchema,
    statusReason: z.string().nullable().openapi({ description: 'Why it was cancelled, postponed or moved.' }),
    attendanceMode: z.enum(ATTENDANCE_MODES).openapi({ description: 'offline (at the venue), online, or mixed (both).' }),
    dateSummary: z.string().openapi({
      description: 'The dates, ready to show in the response language, status included.',
      example: 'za 14 mrt, 19:30–22:00',
    }),
    startsAt: dateTime,
    endsAt: dateTime,
    previousStartsAt: dateTime.nullable().openapi({ description: 'The start it had before it was postponed or rescheduled.' }),
    timeZone: z.literal('Europe/Brussels'),
    sessions: z.array(SessionSchema).openapi({ description: 'One or more sessions in time order; each has its own status.' }),
    venue: VenueSchema.nullable(),
    onlineUrl: z.url().nullable(),
    organiser: z.object({ name: z.string(), url: z.url().nullable() }),
    price: z.object({
      free: z.boolean(),
      amountCents: z
        .number()
        .int()
        .nullable()
        .openapi({ description: 'Full price in euro cents; null when free or unknown.', example: 4500 }),
      currency: z.literal('EUR'),
      note: z.string().nullable().openapi({ description: 'Reductions and what the price includes.' }),
    }),
    registration: z.object({
      url: z.url().nullable(),
      availability: z.enum(AVAILABILITIES).openapi({ description: 'available, limited (few places left), full, or not-required.' }),
    }),
    audience: z.string().nullable(),
    accessibility: z.string().nullable(),
    topics: z.array(TopicRefSchema),
    service: z.object({ slug: z.string(), title: z.string() }).nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
    meta: ItemMetaSchema,
  })
  .openapi('Event');
export type EventBody = z.infer<typeof EventSchema>;

export const EVENT_SORTS = ['startsAt', '-startsAt', '-updatedAt'] as const;
export const EVENT_FACETS = ['topic', 'city', 'attendanceMode', 'status', 'organiser'] as const;
export type EventFacet = (typeof EVENT_FACETS)[number];

export const EventListQuerySchema = z.strictObject({
  lang: langParam,
  limit: limitParam,
  cursor: cursorParam,
  from: dateOrDateTimeParam(
    'from',
    'Only events that end at or after this date (Brussels) or moment. Default: now, so past events are opt-in (e.g. `from=2020-01-01`).',
    '2026-12-01',
  ),
  to: dateOrDateTimeParam(
    'to',
    'Only events that start on or before this date (Brussels, inclusive) or moment. Before `from` (default: now) is a 400: no event could match.',
    '2027-03-31',
  ),
  topic: multiParam('topic', 'Topic slug(s) from `/v1/topics`; an event matches when it has any of them.', 'vrijwilligerswerk'),
  city: multiParam('city', 'Venue city, case-insensitive; several match any.', 'Gent'),
  postalCode: multiParam('postalCode', 'Venue postal code(s).', '9000'),
  attendanceMode: enumMultiParam('attendanceMode', ATTENDANCE_MODES, 'Attendance mode(s).', 'online'),
  status: enumMultiParam('status', EVENT_STATUSES, 'Event status(es). Default: all, so cancellations stay visible.', 'scheduled'),
  organiser: multiParam('organiser', 'Organiser name(s), case-insensitive.', 'Socius'),
  service: multiParam('service', 'Slug(s) of the related service from `/v1/services`.', 'vorming-vrijwilligersbeleid'),
  free: booleanParam('free', '`true`: only free events; `false`: only paid ones.'),
  q: optionalQParam('Words to search for in title, summary and description (prefix match, accents ignored).', 'vrijwilligers'),
  sort: sortParam(EVENT_SORTS, '`startsAt` (soonest first, default), `-startsAt` (latest first) or `-updatedAt` (recently changed first).'),
  facets: enumMultiParam(
    'facets',
    EVENT_FACETS,
    'Add value counts under the current filter for these fields.',
    'topic,city,attendanceMode',
  ),
});

export const FacetValueSchema = z
  .object({
    value: z.string().openapi({ description: 'The value to pass back as a filter.', example: 'vrijwilligerswerk' }),
    label: z.string().openapi({ description: 'Display name in the response language.', example: 'Vrijwilligerswerk' }),
    count: z.number().int().openapi({ example: 4 }),
  })
  .openapi('FacetValue');

export const EventListSchema = z
  .object({
    data: z.array(EventSchema),
    nextCursor: nextCursorField,
    total: z.number().int().openapi({
      description: `How many events match the filter, over all pages, exact unless \`totalIsLowerBound\`: counted for the first page; later pages repeat that count (their \`cursor\` carries it) instead of counting again.`,
    }),
    totalIsLowerBound: z.boolean().openapi({
      description: `True when \`q\` matches more than ${WORDED_TOTAL_CAP} events: counting stopped there, and \`total\` is ${WORDED_TOTAL_CAP}. Always false without \`q\`, or with \`facets\` (which count every match).`,
      example: false,
    }),
    facets: z
      .partialRecord(z.enum(EVENT_FACETS), z.array(FacetValueSchema))
      .optional()
      .openapi({ description: 'Present when `facets` was asked for: counts per value under the current filter, most frequent first.' }),
  })
  .openapi('EventList');

export const EventDetailSchema = z.object({ data: EventSchema }).openapi('EventDetail');
