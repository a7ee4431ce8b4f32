// Synthetic content at any scale, as documents of the content file (api/content/file.ts), which the benchmark
// stores with the import's own statements. Realistic where the measurements depend on it: words drawn from the seed's own Dutch, English and French text with a Zipf distribution (a few words in
// nearly every item, a long tail of rare ones), most items in all three languages, events spread over two years
// with multi-session and online ones, facets (topics, cities) skewed as real agendas are. The same scale gives
// the same content (ids and dates relative to the day aside), so two runs measure the same data.

import type { AnalysisDocument } from '../../api/analyses/writes.ts';
import type { ServiceDocument } from '../../api/content/taxonomy.ts';
import type { EventDocument } from '../../api/events/writes.ts';
import { addDays, brusselsDate, fromBrusselsLocal } from '../../api/lib/brussels-time.ts';
import type { Lang } from '../../schema/columns.ts';
import { ATTENDANCE_MODES, type AttendanceMode, AVAILABILITIES, type EventStatus } from '../../schema/events.ts';
import { plainText } from '../../schema/search-index.ts';
import { analyses as seedAnalyses } from '../../schema/seed/content/analyses.ts';
import { events as seedEvents } from '../../schema/seed/content/events.ts';
import { services as seedServices } from '../../schema/seed/content/services.ts';
import { topics as seedTopics } from '../../schema/seed/content/topics.ts';
import { SERVICE_FORMATS } from '../../schema/services.ts';

const DAY = 86_400_000;
const LANGS: readonly Lang[] = ['nl', 'en', 'fr'];

/** Small, fast, seedable (mulberry32): the same scale always gives the same content. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Draws index r with probability proportional to 1 / (r + 1)^s: Zipf's law, as word use in real text follows.
 * A lookup table (each index repeated in proportion to its weight, at least once) makes a draw one array read:
 * the generator draws tens of millions of words at 100,000 events.
 */
function zipf(size: number, s: number, rand: () => number): () => number {
  const weights = Array.from({ length: size }, (_, r) => 1 / (r + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  const table: number[] = [];
  weights.forEach((weight, r) => {
    for (let n = Math.max(1, Math.round((weight / total) * 262_144)); n > 0; n--) table.push(r);
  });
  return () => table[Math.floor(rand() * table.length)] ?? 0;
}

/** Every text of the seed content, per language: objects with a Dutch string are the seed's `Text`. */
function seedTexts(): Record<Lang, string[]> {
  const out: Record<Lang, string[]> = { nl: [], en: [], fr: [] };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.nl === 'string') {
        for (const lang of LANGS) if (typeof record[lang] === 'string') out[lang].push(plainText(record[lang] as string));
      } else Object.values(record).forEach(visit);
    }
  };
  visit([seedTopics, seedServices, seedAnalyses, seedEvents]);
  return out;
}

/** A language's words ranked by how often the seed uses them: rank 0 is the most common. */
function vocabulary(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([word]) => word);
}

/** What generated items may refer to, by slug, as content-file documents do. */
export interface Existing {
  topics: string[];
  services: string[];
}

export interface ContentPlan {
  events: number;
  analyses: number;
  services: number;
}

/** Analyses and services grow with the agenda, as they do in an organisation that runs more events. */
export function planFor(events: number): ContentPlan {
  return { events, analyses: Math.max(4, Math.round(events / 100)), services: Math.max(3, Math.round(events / 1000)) };
}

export class ContentGenerator {
  private readonly rand: () => number;
  private readonly words: Record<Lang, { list: string[]; draw: () => number }>;
  private readonly venues = seedEvents.flatMap((event) => (event.venue ? [event.venue] : []));
  private readonly organisers = seedEvents.map((event) => event.organiser);
  private readonly authors = seedAnalyses.flatMap((analysis) => analysis.authors);
  private readonly today: ReturnType<typeof brusselsDate>;
  private readonly now: Date;

  constructor(now: Date, seed = 12) {
    this.now = now;
    this.rand = random(seed);
    this.today = brusselsDate(now);
    const texts = seedTexts();
    const make = (lang: Lang) => {
      const list = vocabulary(texts[lang]);
      return { list, draw: zipf(list.length, 1.05, this.rand) };
    };
    this.words = { nl: make('nl'), en: make('en'), fr: make('fr') };
  }

  /** The most common word of at least `minLength` letters: what a search that matches most items asks for. */
  commonWord(lang: Lang = 'nl', minLength = 5): string {
    return this.words[lang].list.find((word) => word.length >= minLength) ?? 'socius';
  }

  private idCounter = 0;

  /**
   * An id shaped like a UUID, time-ordered as UUID version 7 ids are, in generation order: a bulk
   * load then appends to the id indexes instead of writing each row at a random place in them (twice as fast).
   */
  private id(): string {
    const hex = (this.now.getTime() * 1000 + this.idCounter++).toString(16).padStart(12, '0').slice(-12);
    const tail = Array.from({ length: 5 }, () =>
      Math.floor(this.rand() * 65_536)
        .toString(16)
        .padStart(4, '0'),
    );
    return `${hex.slice(0, 8)}-${hex.slice(8)}-7${tail[0]?.slice(1)}-${tail[1]}-${tail[2]}${tail[3]}${tail[4]}`;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }

  private pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.rand() * items.length)];
    if (item === undefined) throw new Error('nothing to pick from');
    return item;
  }

  private readonly skews = new WeakMap<readonly unknown[], () => number>();

  /** Distinct items, the first ones more likely (topics and cities are skewed in real agendas too). */
  private skewed<T>(items: readonly T[], count: number): T[] {
    let draw = this.skews.get(items);
    if (!draw) {
      draw = zipf(items.length, 0.8, this.rand);
      this.skews.set(items, draw);
    }
    const chosen = new Set<T>();
    for (let tries = 0; chosen.size < Math.min(count, items.length) && tries < 50; tries++) {
      const item = items[draw()];
      if (item !== undefined) chosen.add(item);
    }
    return [...chosen];
  }

  private readonly sentences = new Map<string, string[]>();

  /**
   * A sentence of min to max words, from a pool of 4,096 per language and length drawn word by word. Composing
   * texts from pooled sentences keeps the word frequencies and costs a fraction of drawing every word anew
   * (tens of millions of draws, most of the seeding time at 100,000 events).
   */
  private sentence(lang: Lang, min: number, max: number): string {
    const key = `${lang} ${min} ${max}`;
    let pool = this.sentences.get(key);
    if (!pool) {
      const { list, draw } = this.words[lang];
      pool = Array.from({ length: 4096 }, () => {
        const text = Array.from({ length: this.int(min, max) }, () => list[draw()] ?? '').join(' ');
        return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
      });
      this.sentences.set(key, pool);
    }
    return this.pick(pool);
  }

  private title(lang: Lang): string {
    return this.sentence(lang, 3, 7).slice(0, -1);
  }

  private paragraphs(lang: Lang, count: number): string {
    return Array.from(
      { length: count },
      () => `<p>${Array.from({ length: this.int(1, 3) }, () => this.sentence(lang, 8, 18)).join(' ')}</p>`,
    ).join('');
  }

  /** Dutch always; English and French for most items, as in the seed. */
  private langs(): Lang[] {
    return ['nl' as const, ...(this.rand() < 0.9 ? (['en'] as const) : []), ...(this.rand() < 0.8 ? (['fr'] as const) : [])];
  }

  private slug(title: string, n: number): string {
    const base = title
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .split('-')
      .slice(0, 5)
      .join('-');
    return `${base || 'item'}-${n}`;
  }

  /** Workflow status and stamps as a content-file document holds them: most items published. */
  private published(): { status: 'published' | 'draft' | 'review' | 'archived'; createdAt: string; updatedAt: string } {
    const roll = this.rand();
    const createdAt = this.now.getTime() - this.int(1, 700) * DAY;
    return {
      status: roll < 0.95 ? 'published' : roll < 0.97 ? 'draft' : roll < 0.99 ? 'review' : 'archived',
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: new Date(Math.min(this.now.getTime(), createdAt + this.int(0, 60) * DAY)).toISOString(),
    };
  }

  /** Texts in each of the item's languages: Dutch always, `nl` given for it. */
  private texts<T>(langs: Lang[], make: (lang: Lang) => T): Record<Lang, T> {
    return Object.fromEntries(langs.map((lang) => [lang, make(lang)])) as Record<Lang, T>;
  }

  services(count: number, existing: Existing, offset: number): ServiceDocument[] {
    return Array.from({ length: count }, (_, i) => {
      const titleNl = this.title('nl');
      return {
        id: this.id(),
        slug: this.slug(titleNl, offset + i),
        format: this.pick(SERVICE_FORMATS),
        contactEmail: 'info@example.org',
        url: `https://example.org/socius/aanbod/${offset + i}`,
        position: offset + i,
        ...this.published(),
        translations: this.texts(this.langs(), (lang) => ({
          title: lang === 'nl' ? titleNl : this.title(lang),
          summary: this.sentence(lang, 12, 22),
          description: this.paragraphs(lang, this.int(2, 4)),
          audience: this.sentence(lang, 6, 12),
        })),
        topics: this.skewed(existing.topics, this.int(1, 3)).sort(),
      } satisfies ServiceDocument;
    });
  }

  analyses(count: number, existing: Existing, offset: number): AnalysisDocument[] {
    return Array.from({ length: count }, (_, i) => {
      const titleNl = this.title('nl');
      const slug = this.slug(titleNl, offset + i);
      const publishedAt = this.now.getTime() - this.int(1, 5 * 365) * DAY;
      const langs = this.langs();
      return {
        id: this.id(),
        slug,
        licence: 'CC-BY-4.0',
        canonicalUrl: `https://example.org/socius/analyses/${slug}`,
        publishedAt: new Date(publishedAt).toISOString(),
        ...(this.rand() < 0.3
          ? { revisedAt: new Date(Math.min(this.now.getTime(), publishedAt + this.int(1, 200) * DAY)).toISOString() }
          : {}),
        ...this.published(),
        translations: this.texts(langs, (lang) => ({
          title: lang === 'nl' ? titleNl : this.title(lang),
          summary: this.sentence(lang, 20, 40),
        })),
        sections: Array.from({ length: this.int(3, 6) }, (_, position) => ({
          anchor: `deel-${position + 1}`,
          format: 'html' as const,
          translations: this.texts(langs, (lang) => ({ heading: this.title(lang), body: this.paragraphs(lang, this.int(3, 6)) })),
        })),
        authors: this.skewed(this.authors, this.int(1, 3)).map((author) => ({
          name: author.name,
          ...(author.affiliation ? { affiliation: author.affiliation } : {}),
        })),
        attachments:
          this.rand() < 0.5
            ? [
                {
                  lang: 'nl' as const,
                  title: `${titleNl} (pdf)`,
                  url: `https://example.org/socius/analyses/${slug}.pdf`,
                  mediaType: 'application/pdf',
                  byteSize: this.int(100_000, 3_000_000),
                },
              ]
            : [],
        topics: this.skewed(existing.topics, this.int(1, 3)).sort(),
      } satisfies AnalysisDocument;
    });
  }

  /** Events `from` to `from + count`: 95 % upcoming over the next two years, the rest in the last three weeks. */
  events(from: number, count: number, existing: Existing): EventDocument[] {
    return Array.from({ length: count }, (_, i) => {
      const n = from + i;
      const titleNl = this.title('nl');
      const firstDay = this.rand() < 0.95 ? this.int(1, 730) : -this.int(1, 21);
      const hour = this.int(9, 20);
      const minutes = this.pick([0, 0, 30]);
      const roll = this.rand();
      const eventStatus: EventStatus =
        roll < 0.9 ? 'scheduled' : roll < 0.94 ? 'cancelled' : roll < 0.96 ? 'postponed' : roll < 0.98 ? 'rescheduled' : 'moved-online';
      const sessionCount = this.rand() < 0.8 ? 1 : this.int(2, 4);
      const hours = this.int(1, 4);
      const sessions = Array.from({ length: sessionCount }, (_, position) => {
        const startsAt = fromBrusselsLocal(addDays(this.today, firstDay + position * 7), hour, minutes);
        return {
          id: this.id(),
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + hours * 3_600_000).toISOString(),
          status: eventStatus,
        };
      });
      const first = sessions[0];
      if (!first) throw new Error('an event has at least one session');
      const attendanceMode: AttendanceMode =
        eventStatus === 'moved-online' ? 'online' : this.pick([...ATTENDANCE_MODES, 'offline', 'offline', 'offline'] as const);
      const venue = attendanceMode === 'online' ? undefined : this.skewed(this.venues, 1)[0];
      const organiser = this.skewed(this.organisers, 1)[0] ?? { name: 'Socius' };
      const isFree = this.rand() < 0.5;
      const slug = this.slug(titleNl, n);
      const service = existing.services.length > 0 && this.rand() < 0.3 ? this.pick(existing.services) : undefined;
      return {
        id: this.id(),
        slug,
        ...this.published(),
        eventStatus,
        attendanceMode,
        ...(eventStatus === 'rescheduled'
          ? { previousStartsAt: new Date(Date.parse(first.startsAt) - this.int(7, 60) * DAY).toISOString() }
          : {}),
        sessions,
        ...(venue ? { venue } : {}),
        ...(attendanceMode === 'offline' ? {} : { onlineUrl: `https://meet.example.org/socius-${n}` }),
        organiser: { name: organiser.name, ...(organiser.url ? { url: organiser.url } : {}) },
        price: { free: isFree, ...(isFree ? {} : { amountCents: this.int(1, 30) * 500 }) },
        descriptionFormat: 'html',
        registration: { url: `https://example.org/socius/inschrijven/${slug}`, availability: this.pick(AVAILABILITIES) },
        ...(service ? { service } : {}),
        topics: this.skewed(existing.topics, this.int(1, 3)).sort(),
        translations: this.texts(this.langs(), (lang) => ({
          title: lang === 'nl' ? titleNl : this.title(lang),
          summary: this.sentence(lang, 10, 20),
          // Stored as an editor's description is: sanitised HTML paragraphs.
          description: Array.from({ length: this.int(1, 2) }, () => `<p>${this.sentence(lang, 8, 18)}</p>`).join(''),
          ...(this.rand() < 0.5 ? { audience: this.sentence(lang, 5, 10) } : {}),
          ...(this.rand() < 0.3 ? { accessibility: this.sentence(lang, 6, 12) } : {}),
          ...(eventStatus === 'scheduled' ? {} : { statusReason: this.sentence(lang, 6, 12) }),
          ...(!isFree && this.rand() < 0.3 ? { priceNote: this.sentence(lang, 5, 10) } : {}),
        })),
      } satisfies EventDocument;
    });
  }
}
