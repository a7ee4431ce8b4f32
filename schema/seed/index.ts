// Turns the content in ./content (written per item, all languages side by side) into table rows, with
// event dates placed relative to the day the seed runs, and writes them in one atomic D1 batch.
import { count } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../api/env.ts';
import { addDays, brusselsDate, type CalendarDate, fromBrusselsLocal } from '../../api/lib/brussels-time.ts';
import { sanitiseHtml } from '../../api/lib/sanitise.ts';
import { rebuildSearchIndex } from '../../api/search/indexer.ts';
import { LANGS, type Lang } from '../columns.ts';
import * as t from '../index.ts';
import { about } from './content/about.ts';
import { analyses } from './content/analyses.ts';
import { events } from './content/events.ts';
import { services } from './content/services.ts';
import { topics } from './content/topics.ts';
import type { LocalTime, Text } from './types.ts';

export const seedContent = { about, topics, services, analyses, events };

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

/** Every table's rows for a seed run on `now`; ids are fresh UUIDs, slugs are the stable keys. */
export function buildSeed(now: Date): SeedRows[] {
  const today = brusselsDate(now);
  const published = { status: 'published' as const, createdAt: now, updatedAt: now };
  const newId = () => crypto.randomUUID();

  const aboutId = newId();
  const topicIds = new Map(topics.map((topic) => [topic.slug, newId()]));
  const serviceIds = new Map(services.map((service) => [service.slug, newId()]));
  const topicId = (slug: string) => {
    const found = topicIds.get(slug);
    if (!found) throw new Error(`seed refers to unknown topic "${slug}"`);
    return found;
  };

  const out = {
    about: [] as Row[],
    aboutTranslations: [] as Row[],
    topics: [] as Row[],
    topicTranslations: [] as Row[],
    services: [] as Row[],
    serviceTranslations: [] as Row[],
    serviceTopics: [] as Row[],
    analyses: [] as Row[],
    analysisTranslations: [] as Row[],
    analysisSections: [] as Row[],
    analysisSectionTranslations: [] as Row[],
    analysisAuthors: [] as Row[],
    analysisAttachments: [] as Row[],
    analysisTopics: [] as Row[],
    events: [] as Row[],
    eventTranslations: [] as Row[],
    eventSessions: [] as Row[],
    eventTopics: [] as Row[],
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

  // Parents before children, so foreign keys hold at every statement.
  // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the seed writes every table, so all of them are needed anyway.
  return (Object.keys(out) as (keyof typeof out)[]).map((name) => ({ table: t[name], rows: out[name] }));
}

/** True when no content of any kind is stored yet: the only state in which seeding is allowed. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [a, b, c] = await db.batch([
    db.select({ n: count() }).from(t.about),
    db.select({ n: count() }).from(t.topics),
    db.select({ n: count() }).from(t.events),
  ]);
  return (a[0]?.n ?? 0) + (b[0]?.n ?? 0) + (c[0]?.n ?? 0) === 0;
}

/**
 * Writes the seed in one D1 batch (atomic: all of it or none). Rows go one statement each, since D1 allows
 * at most 100 bound parameters per statement.
 * Refuses to run on a database that already holds content, so nothing stored is ever overwritten.
 */
export async function seed(db: Db, now = new Date()): Promise<{ seeded: boolean; rows: number }> {
  if (!(await isEmpty(db))) return { seeded: false, rows: 0 };
  const statements: BatchItem<'sqlite'>[] = buildSeed(now).flatMap(({ table, rows }) => rows.map((row) => db.insert(table).values(row)));
  const [head, ...tail] = statements;
  if (!head) return { seeded: false, rows: 0 };
  await db.batch([head, ...tail]);
  await rebuildSearchIndex(db);
  return { seeded: true, rows: statements.length };
}
