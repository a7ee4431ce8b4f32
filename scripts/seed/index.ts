// The seed content (schema/seed) as a content file (api/content/file.ts), with event dates placed relative to the
// day the seed runs, loaded by the content import's own path: the same validation, normalising and sanitising as
// the API's writes, the same statements (rows, search text, revisions, audit entries), in one atomic batch, and only
// into an empty database. The statements go to a D1 binding (tests, `npm start`) or through wrangler's CLI to a
// remote D1 (`npm run db:seed -- --remote`).

import { CONTENT_FORMAT, type ContentFile, parseContentFile, planImport } from '../../api/content/file.ts';
import { addDays, brusselsDate, type CalendarDate, fromBrusselsLocal } from '../../api/lib/brussels-time.ts';
import { LANGS, type Lang } from '../../schema/columns.ts';
import type { SqlRunner, SqlStatement } from '../../schema/db.ts';
import { seedContent } from '../../schema/seed/index.ts';
import type { LocalTime, Text } from '../../schema/seed/types.ts';

const DAY = 86_400_000;

type Texts = { nl: Record<string, string> } & Partial<Record<Lang, Record<string, string>>>;

/** Field-major seed texts (`{ title: { nl, en } }`) as the file's language-major ones (`{ nl: { title }, en: { title } }`). */
function translations(fields: Record<string, Text | undefined>): Texts {
  const out: Partial<Record<Lang, Record<string, string>>> = {};
  for (const lang of LANGS) {
    const entries = Object.entries(fields).flatMap(([name, text]) => (text?.[lang] === undefined ? [] : [[name, text[lang]]]));
    if (entries.length > 0) out[lang] = Object.fromEntries(entries);
  }
  return { ...out, nl: out.nl ?? {} };
}

function at(today: CalendarDate, day: number, time: LocalTime): string {
  const [hours, minutes] = time.split(':').map(Number);
  return fromBrusselsLocal(addDays(today, day), hours ?? 0, minutes ?? 0).toISOString();
}

export interface SeedOptions {
  /** The day events are placed around, and every item's createdAt/updatedAt. */
  now?: Date;
  /** Ids are fresh UUIDs; slugs are the stable keys. A test passes a counter to compare two runs. */
  newId?: () => string;
}

/** The seed as a content file: what `npm run content -- export` would give for a freshly seeded database. */
export function seedFile({ now = new Date(), newId = () => crypto.randomUUID() }: SeedOptions = {}): ContentFile {
  const { about, topics, services, analyses, events } = seedContent;
  const today = brusselsDate(now);
  const stamp = now.toISOString();
  const published = { status: 'published' as const, createdAt: stamp, updatedAt: stamp };
  const { name, tagline, mission, offer, stakeholders, region, subsidiser, ...profile } = about;
  const file = {
    format: CONTENT_FORMAT,
    about: [
      {
        id: newId(),
        ...profile,
        translations: translations({ name, tagline, mission, offer, stakeholders, region, subsidiser }),
        ...published,
      },
    ],
    topics: topics.map((topic, position) => ({
      id: newId(),
      slug: topic.slug,
      position,
      translations: translations({ name: topic.name, description: topic.description }),
      ...published,
    })),
    services: services.map(({ title, summary, description, audience, ...service }, position) => ({
      id: newId(),
      ...service,
      position,
      translations: translations({ title, summary, description, audience }),
      ...published,
    })),
    analyses: analyses.map((analysis) => ({
      id: newId(),
      slug: analysis.slug,
      translations: translations({ title: analysis.title, summary: analysis.summary }),
      authors: analysis.authors,
      publishedAt: new Date(now.getTime() - analysis.publishedDaysAgo * DAY).toISOString(),
      ...(analysis.revisedDaysAgo === undefined
        ? {}
        : { revisedAt: new Date(now.getTime() - analysis.revisedDaysAgo * DAY).toISOString() }),
      licence: analysis.licence,
      ...(analysis.canonicalUrl === undefined ? {} : { canonicalUrl: analysis.canonicalUrl }),
      topics: analysis.topics,
      sections: analysis.sections.map((section) => ({
        anchor: section.anchor,
        format: 'html',
        translations: translations({ heading: section.heading, body: section.body }),
      })),
      attachments: analysis.attachments,
      ...published,
    })),
    events: events.map((event) => {
      const first = event.sessions[0];
      if (!first) throw new Error(`seed event "${event.slug}" has no session`);
      return {
        id: newId(),
        slug: event.slug,
        translations: translations({
          title: event.title,
          summary: event.summary,
          description: event.description,
          audience: event.audience,
          accessibility: event.accessibility,
          statusReason: event.statusReason,
          priceNote: event.priceNote,
        }),
        eventStatus: event.eventStatus,
        attendanceMode: event.attendanceMode,
        ...(event.previousDay === undefined ? {} : { previousStartsAt: at(today, event.previousDay, first.start) }),
        sessions: event.sessions.map((session) => ({
          id: newId(),
          startsAt: at(today, session.day, session.start),
          endsAt: at(today, session.endDay ?? session.day, session.end),
          status: session.status ?? 'scheduled',
        })),
        ...(event.venue === undefined ? {} : { venue: event.venue }),
        ...(event.onlineUrl === undefined ? {} : { onlineUrl: event.onlineUrl }),
        organiser: event.organiser,
        price: { free: event.isFree, ...(event.priceCents === undefined ? {} : { amountCents: event.priceCents }) },
        registration: {
          ...(event.registrationUrl === undefined ? {} : { url: event.registrationUrl }),
          availability: event.availability,
        },
        ...(event.service === undefined ? {} : { service: event.service }),
        topics: event.topics,
        ...published,
      };
    }),
  };
  // Through the file's own schema: a seed item the API would refuse fails here, naming it with a JSON pointer.
  return parseContentFile(file);
}

const EMPTY: ContentFile = parseContentFile({ format: CONTENT_FORMAT });

/** The statements that load the seed into an empty database: the content import's plan against nothing stored. */
export function seedStatements(options: SeedOptions = {}): SqlStatement[] {
  const now = options.now ?? new Date();
  return planImport(seedFile({ ...options, now }), EMPTY, now, { route: 'db:seed' }).statements;
}

/** True when no content of any kind is stored yet: the only state in which seeding is allowed. */
export async function isEmpty(runner: SqlRunner): Promise<boolean> {
  const [row] = await runner.all<{ n: number }>(
    'select (select count(*) from about) + (select count(*) from topics) + (select count(*) from events) as n',
  );
  return row?.n === 0;
}

/**
 * Writes the seed in one batch (atomic: all of it or none), search text included. Refuses to run on a database
 * that already holds content, so nothing stored is ever overwritten (`npm run content -- import` is the way to
 * change content that is there).
 */
export async function seed(runner: SqlRunner, options: SeedOptions = {}): Promise<{ seeded: boolean; rows: number }> {
  if (!(await isEmpty(runner))) return { seeded: false, rows: 0 };
  const statements = seedStatements(options);
  await runner.batch(statements);
  return { seeded: true, rows: statements.length };
}
