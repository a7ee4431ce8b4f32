// Events in the editorial pipeline (api/lib/writes.ts): read, built (sessions keep their ids, start and end derived
// from them, slug made from the Dutch title), checked and written with sessions, topics, service, slug redirect and
// search text in the batch. Partner keys (`events:submit`, bound to an organiser) may submit events of their own
// organiser for review and edit them until they are published; nothing else.
import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { events, services } from '../../schema/index.ts';
import { unknownTopics } from '../analyses/editorial.ts';
import { ApiError, invalidBody } from '../errors.ts';
import { currentKey, hasScope } from '../lib/auth.ts';
import { withoutDefaults } from '../lib/content-input.ts';
import { d1Rows } from '../lib/content-writes.ts';
import { editorialRoutes } from '../lib/editorial-routes.ts';
import { slugify, uniqueSlug } from '../lib/slugs.ts';
import {
  type EditableBase,
  type EditableResource,
  editableBase,
  editorialOutputFields,
  type Issue,
  mergePatchSchema,
  sqlStatement,
  WRITE_SCOPES,
} from '../lib/writes.ts';
import { type EventInput, EventInputSchema } from './input.ts';
import { type EventDocument, EventDocumentSchema, eventChildren, eventColumns, normaliseEvent, readEventDocuments } from './writes.ts';

export const EditableEventSchema = z.object({ ...EventDocumentSchema.shape, ...editorialOutputFields }).openapi('EditableEvent');
export type EditableEvent = Omit<EventDocument, keyof EditableBase> & EditableBase;

function partnerRules(key: ReturnType<typeof currentKey>, input: EventInput | undefined, previous: EditableEvent | undefined): void {
  if (hasScope(key, 'content:write') || hasScope(key, 'content:publish')) return;
  const organiser = key.organiser ?? '';
  if (previous) {
    if (previous.organiser.name !== organiser) throw new ApiError('forbidden', `This key may only change events of "${organiser}".`);
    if (previous.status === 'published') throw new ApiError('forbidden', 'A published event can only be changed by Socius editors.');
    if (!input) throw new ApiError('forbidden', 'Partner keys cannot delete events; ask Socius.');
  }
  if (input) {
    if (input.organiser.name !== organiser)
      throw new ApiError('forbidden', `This key may only submit events with organiser "${organiser}".`);
    if ((input.status ?? 'review') !== 'review' || input.publishAt || input.unpublishAt) {
      throw new ApiError('forbidden', 'Partner keys submit events for review (`status: review`, no schedule); Socius publishes them.');
    }
  }
}

export const eventsResource: EditableResource<EditableEvent, EventInput> = {
  name: 'events',
  label: 'event',
  table: events,
  async read(db, id) {
    const [row] = await db.select().from(events).where(eq(events.id, id)).limit(1);
    const [doc] = await readEventDocuments(d1Rows(db.$client), [id]);
    if (!row || !doc) return undefined;
    return { ...doc, ...editableBase(row) };
  },
  async prepare(c, input, previous) {
    partnerRules(currentKey(c), input, previous);
    if (!input) return input;
    // A session id names a session of this event (kept with its id); new sessions come without one.
    const own = new Set(previous?.sessions.map((s) => s.id) ?? []);
    const foreign = input.sessions.flatMap((s, i) =>
      s.id !== undefined && !own.has(s.id)
        ? [{ path: ['sessions', i, 'id'], message: 'Not a session of this event; leave the id out for a new session' }]
        : [],
    );
    if (foreign.length > 0) throw invalidBody(foreign);
    // Partners' events always arrive for review.
    const submitted =
      hasScope(currentKey(c), 'content:write') || hasScope(currentKey(c), 'content:publish')
        ? input
        : { ...input, status: 'review' as const };
    if (submitted.slug) return submitted;
    return { ...submitted, slug: await uniqueSlug(c.var.db, 'event', slugify(submitted.translations.nl.title ?? 'activiteit')) };
  },
  build: (input, base) => ({ ...normaliseEvent(input, base.id, base.slug), ...base }),
  columns: (item) => eventColumns(item as EventDocument),
  children: (_db, item, previous) => eventChildren(item as EventDocument, previous?.slug).map(sqlStatement),
  async check(db, item) {
    const issues: Issue[] = await unknownTopics(db, item.topics);
    if (item.service) {
      const [found] = await db.select({ id: services.id }).from(services).where(eq(services.slug, item.service)).limit(1);
      if (!found) issues.push({ path: ['service'], message: `No service has the slug "${item.service}"` });
    }
    return issues;
  },
};

const example: EditableEvent = {
  id: '0b7f0c1e-9d55-4a4c-9b7e-1f3f1c2b9a10',
  slug: 'vrijwilligersbeleid-op-maat-gent',
  status: 'review',
  version: 1,
  publishAt: null,
  unpublishAt: null,
  createdAt: '2026-11-02T10:15:00+01:00',
  updatedAt: '2026-11-02T10:15:00+01:00',
  translations: {
    nl: {
      title: 'Vrijwilligersbeleid op maat',
      description:
        '<p>Een avond over <strong>vrijwilligersbeleid</strong>. Meer op <a href="https://socius.be" rel="noopener noreferrer">socius.be</a>.</p>',
    },
  },
  descriptionFormat: 'html',
  eventStatus: 'scheduled',
  attendanceMode: 'offline',
  sessions: [
    {
      id: '4c1d2e3f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      startsAt: '2027-03-14T19:30:00+01:00',
      endsAt: '2027-03-14T22:00:00+01:00',
      status: 'scheduled',
    },
  ],
  venue: { name: 'Vergaderzaal De Markt', city: 'Gent', country: 'BE' },
  organiser: { name: 'Socius' },
  price: { free: true },
  registration: { availability: 'available' },
  topics: ['vrijwilligerswerk'],
};

export const eventEditorial = editorialRoutes({
  base: '/events',
  tag: 'Events',
  noun: 'Event',
  resource: eventsResource,
  input: EventInputSchema,
  patch: mergePatchSchema(withoutDefaults(EventInputSchema)).openapi('EventPatch', {
    description:
      'A JSON merge patch (RFC 7396) of `EventInput`: send only what changes; `null` removes an optional field or a language. `sessions` is replaced as a whole: send kept sessions with their `id`.',
  }),
  detail: z.object({ data: EditableEventSchema }).openapi('EditableEventDetail'),
  example,
  scopes: [...WRITE_SCOPES, 'events:submit'],
});
