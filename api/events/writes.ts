// Writing an event: its input normalised to what is stored (texts normalised, sessions in time order with stable
// ids, start and end derived from them), the statements that store it with its sessions, topics, slug redirect and
// search text in one batch, and the reader that gives back the same document (editorial view, content export).
import { z } from '@hono/zod-openapi';
import type { SqlStatement } from '../../schema/db.ts';
import { momentInput, slugInput } from '../lib/content-input.ts';
import { isoOf, mapTexts, msOf, type ReadRows, rowsOf, searchIndexStatements, textsOf } from '../lib/content-writes.ts';
import { plainTextInput, richTextToHtml } from '../lib/rich-text-input.ts';
import { slugChangeStatements } from '../lib/slugs.ts';
import { type EventInput, eventFields, eventRules, SessionDocumentSchema } from './input.ts';

/** An event as stored and exported: the input with its id, slug and session ids settled. */
export const EventDocumentSchema = z
  .strictObject({
    ...eventFields,
    id: z.string().min(1).max(64),
    slug: slugInput,
    sessions: z.array(SessionDocumentSchema).min(1).max(100),
    // Stored descriptions are sanitised HTML, whatever format they arrived in.
    descriptionFormat: z.literal('html').default('html'),
    createdAt: momentInput.optional(),
    updatedAt: momentInput.optional(),
  })
  .superRefine(eventRules)
  .openapi('EventDocument');
export type EventDocument = z.infer<typeof EventDocumentSchema>;

const TEXTS = ['title', 'summary', 'description', 'audience', 'accessibility', 'statusReason', 'priceNote'] as const;

/**
 * What will be stored for `input`: texts normalised (the description rendered from Markdown when sent so, and
 * sanitised like analysis sections), sessions in time order, each keeping the id it was sent with
 * and a new one without. (Whether a sent id belongs to this event is the caller's to check.)
 */
export function normaliseEvent(
  input: EventInput,
  id: string,
  slug: string,
  newId: () => string = () => crypto.randomUUID(),
): EventDocument {
  const sessions = input.sessions
    .map((s) => ({ ...s, id: s.id ?? newId() }))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || Date.parse(a.endsAt) - Date.parse(b.endsAt));
  return {
    ...input,
    id,
    slug,
    translations: withoutEmpty(
      mapTexts(input.translations, (value, field) =>
        field === 'description' ? richTextToHtml(value, input.descriptionFormat ?? 'html') : plainTextInput(value),
      ),
    ),
    descriptionFormat: 'html',
    sessions,
    topics: [...input.topics].sort(),
    organiser: { ...input.organiser, name: plainTextInput(input.organiser.name) },
    // The venue is plain text too: a line break or control character in it would reach the calendar's LOCATION.
    ...(input.venue ? { venue: mapValues(input.venue, (value) => (typeof value === 'string' ? plainTextInput(value) : value)) } : {}),
  };
}

/** Texts without fields that sanitising left empty (a description that was only a script): absent, not "". */
function withoutEmpty<T extends Record<string, Record<string, string> | undefined>>(texts: T): T {
  return Object.fromEntries(
    Object.entries(texts).map(([lang, fields]) => [lang, fields && Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''))]),
  ) as T;
}

const mapValues = <T extends object>(object: T, map: (value: T[keyof T]) => T[keyof T]): T =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value as T[keyof T])])) as T;

/** The event's own start and end: its first session's start and its last session's end. */
export function eventSpan(sessions: { startsAt: string; endsAt: string }[]): { startsAt: number; endsAt: number } {
  return {
    startsAt: Math.min(...sessions.map((s) => Date.parse(s.startsAt))),
    endsAt: Math.max(...sessions.map((s) => Date.parse(s.endsAt))),
  };
}

/** The event's own columns besides the pipeline's; its start and end derived from its sessions. (The service is set by {@link eventChildren}.) */
export function eventColumns(doc: EventDocument): Record<string, unknown> {
  const { startsAt, endsAt } = eventSpan(doc.sessions);
  const v = doc.venue;
  return {
    eventStatus: doc.eventStatus,
    attendanceMode: doc.attendanceMode,
    startsAt,
    endsAt,
    previousStartsAt: msOf(doc.previousStartsAt),
    venueName: v?.name ?? null,
    street: v?.street ?? null,
    postalCode: v?.postalCode ?? null,
    city: v?.city ?? null,
    country: v?.country ?? null,
    latitude: v?.latitude ?? null,
    longitude: v?.longitude ?? null,
    onlineUrl: doc.onlineUrl ?? null,
    organiserName: doc.organiser.name,
    organiserUrl: doc.organiser.url ?? null,
    isFree: doc.price.free ? 1 : 0,
    priceCents: doc.price.amountCents ?? null,
    registrationUrl: doc.registration.url ?? null,
    availability: doc.registration.availability,
  };
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The whole event as the content import writes it: its row upserted by id (a change bumps its version), then {@link eventChildren}. */
export function eventStatements(doc: EventDocument, now: Date, previousSlug?: string): SqlStatement[] {
  const columns: Record<string, unknown> = {
    id: doc.id,
    slug: doc.slug,
    status: doc.status ?? 'draft',
    publishAt: msOf(doc.publishAt ?? undefined),
    unpublishAt: msOf(doc.unpublishAt ?? undefined),
    ...eventColumns(doc),
    createdAt: msOf(doc.createdAt) ?? now.getTime(),
    updatedAt: msOf(doc.updatedAt) ?? now.getTime(),
  };
  const names = Object.keys(columns).map(snakeCase);
  const updates = names.filter((n) => n !== 'id' && n !== 'created_at').map((n) => `${n} = excluded.${n}`);
  return [
    {
      sql: `insert into events (${names.join(', ')}) values (${names.map(() => '?').join(', ')})
            on conflict (id) do update set ${updates.join(', ')}, version = version + 1`,
      params: Object.values(columns),
    },
    ...eventChildren(doc, previousSlug),
  ];
}

/**
 * Every statement that writes the event besides its own columns: the service (by slug); sessions updated in place by
 * id (so their ids, which calendar entries are keyed by, survive), new ones inserted, missing ones deleted; texts,
 * topics, slug redirect and search text replaced. Topics and the service are referred to by slug and resolved
 * inside the batch; unknown ones must be refused before.
 */
export function eventChildren(doc: EventDocument, previousSlug?: string): SqlStatement[] {
  const id = doc.id;
  const v = doc.venue;
  const statements: SqlStatement[] = [
    {
      sql: 'update events set service_id = (select id from services where slug = ?) where id = ? and service_id is not (select id from services where slug = ?)',
      params: [doc.service ?? null, id, doc.service ?? null],
    },
    { sql: 'delete from event_translations where event_id = ?', params: [id] },
    ...rowsOf(doc.translations, TEXTS).map(({ lang, values }) => ({
      sql: `insert into event_translations (event_id, lang, title, summary, description, audience, accessibility, status_reason, price_note)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [id, lang, ...TEXTS.map((field) => values[field])],
    })),
    {
      sql: 'delete from event_sessions where event_id = ? and id not in (select value from json_each(?))',
      params: [id, JSON.stringify(doc.sessions.map((s) => s.id))],
    },
    // Positions are unique per event: move the kept sessions out of the way before they are renumbered.
    { sql: 'update event_sessions set position = -1 - position where event_id = ?', params: [id] },
    ...doc.sessions.map((s, position) => ({
      sql: `insert into event_sessions (id, event_id, position, starts_at, ends_at, status) values (?, ?, ?, ?, ?, ?)
            on conflict (id) do update set position = excluded.position, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
              status = excluded.status where event_sessions.event_id = excluded.event_id`,
      params: [s.id, id, position, Date.parse(s.startsAt), Date.parse(s.endsAt), s.status],
    })),
    { sql: 'delete from event_topics where event_id = ?', params: [id] },
    ...doc.topics.map((topic) => ({
      sql: 'insert into event_topics (event_id, topic_id) select ?, id from topics where slug = ?',
      params: [id, topic],
    })),
    ...slugChangeStatements('event', id, previousSlug, doc.slug),
    ...searchIndexStatements(
      'event',
      id,
      doc.slug,
      rowsOf(doc.translations, TEXTS).map(({ lang, values }) => ({
        lang,
        title: values.title ?? doc.translations.nl.title ?? '',
        parts: [values.summary, values.description, values.audience, v?.city, doc.organiser.name],
      })),
    ),
  ];
  return statements;
}

const IDS = `(? is null or event_id in (select value from json_each(?)))`;

/** The stored events with `ids` (all of them without), every status and language, as documents. */
export async function readEventDocuments(rows: ReadRows, ids?: string[]): Promise<EventDocument[]> {
  const list = ids === undefined ? null : JSON.stringify(ids);
  const p = [list, list];
  const [parents, translations, sessions, topics] = await Promise.all([
    rows(
      `select e.*, s.slug as service_slug from events e left join services s on s.id = e.service_id
        where (? is null or e.id in (select value from json_each(?))) order by e.created_at, e.id`,
      p,
    ),
    rows(`select * from event_translations where ${IDS}`, p),
    rows(`select * from event_sessions where ${IDS} order by event_id, position`, p),
    rows(
      `select et.event_id, t.slug from event_topics et join topics t on t.id = et.topic_id
        where ${IDS.replaceAll('event_id', 'et.event_id')} order by t.slug`,
      p,
    ),
  ]);
  const of = (list: Record<string, unknown>[], id: unknown) => list.filter((row) => row.event_id === id);
  const some = (entries: [string, unknown][]) => Object.fromEntries(entries.filter(([, value]) => value != null));
  return parents.map((e) => {
    const venue = some([
      ['name', e.venue_name],
      ['street', e.street],
      ['postalCode', e.postal_code],
      ['city', e.city],
      ['country', e.country],
      ['latitude', e.latitude],
      ['longitude', e.longitude],
    ]);
    return EventDocumentSchema.parse({
      id: e.id,
      slug: e.slug,
      status: e.status,
      translations: textsOf(of(translations, e.id), TEXTS),
      ...(e.publish_at == null ? {} : { publishAt: isoOf(e.publish_at) }),
      ...(e.unpublish_at == null ? {} : { unpublishAt: isoOf(e.unpublish_at) }),
      eventStatus: e.event_status,
      attendanceMode: e.attendance_mode,
      ...(e.previous_starts_at == null ? {} : { previousStartsAt: isoOf(e.previous_starts_at) }),
      sessions: of(sessions, e.id).map((s) => ({ id: s.id, startsAt: isoOf(s.starts_at), endsAt: isoOf(s.ends_at), status: s.status })),
      ...(Object.keys(venue).length > 0 ? { venue } : {}),
      ...(e.online_url == null ? {} : { onlineUrl: e.online_url }),
      organiser: some([
        ['name', e.organiser_name],
        ['url', e.organiser_url],
      ]),
      price: { free: Boolean(e.is_free), ...some([['amountCents', e.price_cents]]) },
      registration: { ...some([['url', e.registration_url]]), availability: e.availability },
      ...(e.service_slug == null ? {} : { service: e.service_slug }),
      topics: of(topics, e.id).map((row) => row.slug),
      createdAt: isoOf(e.created_at),
      updatedAt: isoOf(e.updated_at),
    });
  });
}
