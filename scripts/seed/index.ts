// Turns the seed content (schema/seed) into table rows, with event dates placed relative to the day the seed runs,
// and writes them in one atomic batch, only into an empty database. The same statements go to a D1 binding
// (tests, `npm start`) or through wrangler's CLI to a remote D1 (`npm run db:seed -- --remote`).

import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import { addDays, brusselsDate, type CalendarDate, fromBrusselsLocal } from '../../api/lib/brussels-time.ts';
import { sanitiseHtml } from '../../api/lib/sanitise.ts';
import { LANGS, type Lang } from '../../schema/columns.ts';
import type { SqlRunner, SqlStatement } from '../../schema/db.ts';
import {
  about as aboutTable,
  aboutTranslations,
  analyses as analysesTable,
  analysisAttachments,
  analysisAuthors,
  analysisSections,
  analysisSectionTranslations,
  analysisTopics,
  analysisTranslations,
  eventSessions,
  events as eventsTable,
  eventTopics,
  eventTranslations,
  services as servicesTable,
  serviceTopics,
  serviceTranslations,
  topics as topicsTable,
  topicTranslations,
} from '../../schema/index.ts';
import { rebuildSearchIndex } from '../../schema/search-index.ts';
import { seedContent } from '../../schema/seed/index.ts';
import type { LocalTime, Text } from '../../schema/seed/types.ts';

type Row = Record<string, unknown>;
export interface SeedRows {
  table: SQLiteTable;
  rows: Row[];
}

const DAY = 86_400_000;

/** One row per language present; a language's row holds only the fields that exist in it. */
function translations<K extends string>(key: Record<string, string>, fields: Partial<Record<K, Text | undefined>>): Row[] {
  return LANGS.flatMap((lang: Lang) => {
    const row: Row = { ...key, lang };
    let any = false;
    for (const [name, text] of Object.entries(fields) as [K, Text | undefined][]) {
      const value = text?.[lang];
      if (value !== undefined) {
        row[name] = value;
        any = true;
      }
    }
    return any ? [row] : [];
  });
}

/** Seed HTML goes through the same sanitiser as every write. */
function sanitisedText(text: Text): Text {
  return {
    nl: sanitiseHtml(text.nl),
    ...(text.en === undefined ? {} : { en: sanitiseHtml(text.en) }),
    ...(text.fr === undefined ? {} : { fr: sanitiseHtml(text.fr) }),
  };
}

function at(today: CalendarDate, day: number, time: LocalTime): Date {
  const [hours, minutes] = time.split(':').map(Number);
  return fromBrusselsLocal(addDays(today, day), hours ?? 0, minutes ?? 0);
}

export interface SeedOptions {
  /** The day events are placed around, and every item's createdAt/updatedAt. */
  now?: Date;
  /** Ids are fresh UUIDs; slugs are the stable keys. A test passes a counter to compare two runs. */
  newId?: () => string;
}

/** Every table's rows, parents before children so foreign keys hold at every statement. */
export function buildSeed({ now = new Date(), newId = () => crypto.randomUUID() }: SeedOptions = {}): SeedRows[] {
  const { about, topics, services, analyses, events } = seedContent;
  const today = brusselsDate(now);
  const published = { status: 'published' as const, createdAt: now, updatedAt: now };

  const aboutId = newId();
  const topicIds = new Map(topics.map((topic) => [topic.slug, newId()]));
  const serviceIds = new Map(services.map((service) => [service.slug, newId()]));
  const topicId = (slug: string) => {
    const found = topicIds.get(slug);
    if (!found) throw new Error(`seed refers to unknown topic "${slug}"`);
    return found;
  };

  const seedRows: SeedRows[] = [];
  const rowsOf = (table: SQLiteTable): Row[] => {
    const rows: Row[] = [];
    seedRows.push({ table, rows });
    return rows;
  };
  // The order of these lines is the order of the writes.
  const out = {
    about: rowsOf(aboutTable),
    aboutTranslations: rowsOf(aboutTranslations),
    topics: rowsOf(topicsTable),
    topicTranslations: rowsOf(topicTranslations),
    services: rowsOf(servicesTable),
    serviceTranslations: rowsOf(serviceTranslations),
    serviceTopics: rowsOf(serviceTopics),
    analyses: rowsOf(analysesTable),
    analysisTranslations: rowsOf(analysisTranslations),
    analysisSections: rowsOf(analysisSections),
    analysisSectionTranslations: rowsOf(analysisSectionTranslations),
    analysisAuthors: rowsOf(analysisAuthors),
    analysisAttachments: rowsOf(analysisAttachments),
    analysisTopics: rowsOf(analysisTopics),
    events: rowsOf(eventsTable),
    eventTranslations: rowsOf(eventTranslations),
    eventSessions: rowsOf(eventSessions),
    eventTopics: rowsOf(eventTopics),
  };

  const { name, tagline, mission, offer, stakeholders, region, subsidiser, ...profile } = about;
  out.about.push({ id: aboutId, ...profile, ...published });
  out.aboutTranslations.push(...translations({ aboutId }, { name, tagline, mission, offer, stakeholders, region, subsidiser }));

  topics.forEach((topic, position) => {
    const id = topicId(topic.slug);
    out.topics.push({ id, slug: topic.slug, position, ...published });
    out.topicTranslations.push(...translations({ topicId: id }, { name: topic.name, description: topic.description }));
  });

  services.forEach((service, position) => {
    const id = serviceIds.get(service.slug) ?? newId();
    const { title, summary, description, audience, topics: serviceTopicSlugs, ...fields } = service;
    out.services.push({ id, ...fields, position, ...published });
    out.serviceTranslations.push(...translations({ serviceId: id }, { title, summary, description, audience }));
    out.serviceTopics.push(...serviceTopicSlugs.map((slug) => ({ serviceId: id, topicId: topicId(slug) })));
  });

  for (const analysis of analyses) {
    const id = newId();
    out.analyses.push({
      id,
      slug: analysis.slug,
      licence: analysis.licence,
      canonicalUrl: analysis.canonicalUrl ?? null,
      publishedAt: new Date(now.getTime() - analysis.publishedDaysAgo * DAY),
      revisedAt: analysis.revisedDaysAgo === undefined ? null : new Date(now.getTime() - analysis.revisedDaysAgo * DAY),
      ...published,
    });
    out.analysisTranslations.push(...translations({ analysisId: id }, { title: analysis.title, summary: analysis.summary }));
    analysis.sections.forEach((section, position) => {
      const sectionId = newId();
      out.analysisSections.push({ id: sectionId, analysisId: id, position, anchor: section.anchor });
      out.analysisSectionTranslations.push(...translations({ sectionId }, { heading: section.heading, body: sanitisedText(section.body) }));
    });
    analysis.authors.forEach((author, position) => {
      out.analysisAuthors.push({ analysisId: id, position, name: author.name, affiliation: author.affiliation ?? null });
    });
    analysis.attachments.forEach((attachment, position) => {
      out.analysisAttachments.push({ id: newId(), analysisId: id, position, ...attachment });
    });
    out.analysisTopics.push(...analysis.topics.map((slug) => ({ analysisId: id, topicId: topicId(slug) })));
  }

  for (const event of events) {
    const id = newId();
    const sessions = event.sessions.map((session, position) => ({
      id: newId(),
      eventId: id,
      position,
      startsAt: at(today, session.day, session.start),
      endsAt: at(today, session.endDay ?? session.day, session.end),
      status: session.status ?? 'scheduled',
    }));
    const first = sessions[0];
    if (!first) throw new Error(`seed event "${event.slug}" has no session`);
    const firstSession = event.sessions[0];
    const serviceId = event.service === undefined ? null : serviceIds.get(event.service);
    if (serviceId === undefined) throw new Error(`seed event "${event.slug}" refers to unknown service "${event.service}"`);
    out.events.push({
      id,
      slug: event.slug,
      eventStatus: event.eventStatus,
      attendanceMode: event.attendanceMode,
      startsAt: new Date(Math.min(...sessions.map((s) => s.startsAt.getTime()))),
      endsAt: new Date(Math.max(...sessions.map((s) => s.endsAt.getTime()))),
      previousStartsAt: event.previousDay === undefined || !firstSession ? null : at(today, event.previousDay, firstSession.start),
      venueName: event.venue?.name ?? null,
      street: event.venue?.street ?? null,
      postalCode: event.venue?.postalCode ?? null,
      city: event.venue?.city ?? null,
      country: event.venue?.country ?? null,
      latitude: event.venue?.latitude ?? null,
      longitude: event.venue?.longitude ?? null,
      onlineUrl: event.onlineUrl ?? null,
      organiserName: event.organiser.name,
      organiserUrl: event.organiser.url ?? null,
      isFree: event.isFree,
      priceCents: event.priceCents ?? null,
      registrationUrl: event.registrationUrl ?? null,
      availability: event.availability,
      serviceId,
      ...published,
    });
    out.eventTranslations.push(
      ...translations(
        { eventId: id },
        {
          title: event.title,
          summary: event.summary,
          description: event.description,
          audience: event.audience,
          accessibility: event.accessibility,
          statusReason: event.statusReason,
          priceNote: event.priceNote,
        },
      ),
    );
    out.eventSessions.push(...sessions);
    out.eventTopics.push(...event.topics.map((slug) => ({ eventId: id, topicId: topicId(slug) })));
  }

  return seedRows;
}

// drizzle as a statement builder only: `toSQL()` never reaches a database. (Both callbacks are given because
// drizzle 0.45's sqlite-proxy reads `casing` only from its third argument.)
const refuse = async (): Promise<never> => {
  throw new Error('the seed builds statements here; a SqlRunner runs them');
};
const builder = drizzle(refuse, refuse, { casing: 'snake_case' });

/** One INSERT per row (D1 allows at most 100 bound parameters per statement), in foreign-key order. */
export function seedStatements(options: SeedOptions = {}): SqlStatement[] {
  return buildSeed(options).flatMap(({ table, rows }) => rows.map((row) => builder.insert(table).values(row).toSQL()));
}

/** True when no content of any kind is stored yet: the only state in which seeding is allowed. */
export async function isEmpty(runner: SqlRunner): Promise<boolean> {
  const [row] = await runner.all<{ n: number }>(
    'select (select count(*) from about) + (select count(*) from topics) + (select count(*) from events) as n',
  );
  return row?.n === 0;
}

/**
 * Writes the seed in one batch (atomic: all of it or none), then builds the search index from it.
 * Refuses to run on a database that already holds content, so nothing stored is ever overwritten.
 */
export async function seed(runner: SqlRunner, options: SeedOptions = {}): Promise<{ seeded: boolean; rows: number }> {
  if (!(await isEmpty(runner))) return { seeded: false, rows: 0 };
  const statements = seedStatements(options);
  await runner.batch(statements);
  await rebuildSearchIndex(runner);
  return { seeded: true, rows: statements.length };
}
