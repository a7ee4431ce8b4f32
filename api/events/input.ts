// The body an editor (or a partner) creates an event with, and the shape of an event in the content export: one
// document per event with every language side by side. A PATCH is a JSON merge patch of this document.
import { z } from '@hono/zod-openapi';
import { ATTENDANCE_MODES, AVAILABILITIES, EVENT_STATUSES } from '../../schema/events.ts';
import { httpUrl, momentInput, richTextFormat, slugInput, textField, topicRefsInput, translationsSchema } from '../lib/content-input.ts';
import { editorialInputFields } from '../lib/writes.ts';

const sessionFields = {
  id: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({
      description:
        'Keep a session by sending its id back (calendar subscribers keep their entry); a session without id is new, and a ' +
        'stored session left out is removed.',
    }),
  startsAt: momentInput,
  endsAt: momentInput,
  status: z.enum(EVENT_STATUSES).default('scheduled'),
};
const endsAfterStart = (s: { startsAt: string; endsAt: string }, ctx: z.RefinementCtx) => {
  if (Date.parse(s.endsAt) < Date.parse(s.startsAt))
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Must not be before startsAt' });
};

export const SessionInputSchema = z.strictObject(sessionFields).superRefine(endsAfterStart).openapi('EventSessionInput');
export const SessionDocumentSchema = z
  .strictObject({ ...sessionFields, id: z.string().min(1).max(64) })
  .superRefine(endsAfterStart)
  .openapi('EventSessionDocument');

export const VenueInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    street: z.string().trim().min(1).max(200).optional(),
    postalCode: z.string().trim().min(1).max(20).optional(),
    city: z.string().trim().min(1).max(100).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, such as BE')
      .optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .openapi('VenueInput');

export const eventFields = {
  ...editorialInputFields,
  translations: translationsSchema(
    'EventTranslationsInput',
    {
      title: textField(300),
      summary: textField(2000),
      description: textField(20_000).openapi({
        description:
          'Rich text as `descriptionFormat` says (HTML or Markdown), stored and served as sanitised HTML: p, h3, h4, ul, ol, li, strong, em, blockquote, br and links (http(s), mailto, tel; links out get `rel="noopener noreferrer"`).',
      }),
      audience: textField(2000),
      accessibility: textField(2000),
      statusReason: textField(2000).openapi({ description: 'Why it was cancelled, postponed or moved.' }),
      priceNote: textField(2000).openapi({ description: 'Reductions and what the price includes.' }),
    },
    ['title'],
  ),
  descriptionFormat: richTextFormat,
  eventStatus: z.enum(EVENT_STATUSES).default('scheduled').openapi({ description: 'schema.org EventStatusType.' }),
  attendanceMode: z.enum(ATTENDANCE_MODES),
  previousStartsAt: momentInput.optional().openapi({ description: 'The start before it was postponed or rescheduled.' }),
  sessions: z
    .array(SessionInputSchema)
    .min(1)
    .max(100)
    .refine((sessions) => {
      const ids = sessions.flatMap((s) => (s.id ? [s.id] : []));
      return new Set(ids).size === ids.length;
    }, 'Each session id at most once')
    .openapi({ description: 'One or more; the event starts with the first and ends with the last.' }),
  venue: VenueInputSchema.optional(),
  onlineUrl: httpUrl.optional(),
  organiser: z.strictObject({ name: z.string().trim().min(1).max(200), url: httpUrl.optional() }),
  price: z
    .strictObject({
      free: z.boolean().default(false),
      amountCents: z.number().int().min(0).optional().openapi({ description: 'Full price in euro cents.' }),
    })
    .default({ free: false }),
  registration: z
    .strictObject({ url: httpUrl.optional(), availability: z.enum(AVAILABILITIES).default('available') })
    .default({ availability: 'available' }),
  service: slugInput.optional().openapi({ description: 'Slug of the related service from `/v1/services`.' }),
  topics: topicRefsInput.default([]),
};

/** Rules across fields, shared by the input and the stored document. */
export function eventRules(
  event: { attendanceMode: string; venue?: unknown; price: { free: boolean; amountCents?: number } },
  ctx: z.RefinementCtx,
): void {
  if (event.attendanceMode !== 'online' && !event.venue) {
    ctx.addIssue({ code: 'custom', path: ['venue'], message: `Required when attendanceMode is ${event.attendanceMode}` });
  }
  if (event.price.free && event.price.amountCents !== undefined && event.price.amountCents > 0) {
    ctx.addIssue({ code: 'custom', path: ['price', 'amountCents'], message: 'A free event has no price' });
  }
}

export const EventInputSchema = z.strictObject(eventFields).superRefine(eventRules).openapi('EventInput');
export type EventInput = z.infer<typeof EventInputSchema>;
