// Ready-to-show event dates, so widgets and portals never format dates themselves (cf. UiT's calendar
// summaries): "za 14 mrt, 19:30–22:00", "wo 3 jun – vr 5 jun", "3 sessies: di 3 feb – di 17 feb".
import type { Lang } from '../../schema/columns.ts';
import type { EventStatus } from '../../schema/events.ts';
import { brusselsDate, TIME_ZONE } from './brussels-time.ts';

const LOCALES: Record<Lang, string> = { nl: 'nl-BE', en: 'en-GB', fr: 'fr-BE' };

const WORDS: Record<Lang, { sessions: (n: number) => string; status: Partial<Record<EventStatus, string>> }> = {
  nl: {
    sessions: (n) => `${n} sessies: `,
    status: { cancelled: 'Geannuleerd', postponed: 'Uitgesteld', rescheduled: 'Verplaatst', 'moved-online': 'Nu online' },
  },
  en: {
    sessions: (n) => `${n} sessions: `,
    status: { cancelled: 'Cancelled', postponed: 'Postponed', rescheduled: 'Rescheduled', 'moved-online': 'Now online' },
  },
  fr: {
    sessions: (n) => `${n} séances : `,
    status: { cancelled: 'Annulé', postponed: 'Reporté', rescheduled: 'Reprogrammé', 'moved-online': 'Désormais en ligne' },
  },
};

const formats = new Map<string, Intl.DateTimeFormat>();
function format(lang: Lang, withYear: boolean, kind: 'day' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}:${withYear}:${kind}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(
      LOCALES[lang],
      kind === 'day'
        ? { timeZone: TIME_ZONE, weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }
        : { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    );
    formats.set(key, found);
  }
  return found;
}

export interface SummaryInput {
  status: EventStatus;
  sessions: { startsAt: Date; endsAt: Date }[];
}

/** A one-line, human date summary of an event in `lang`, relative to `now` (the year is shown only when it differs). */
export function dateSummary(event: SummaryInput, lang: Lang, now: Date): string {
  const first = event.sessions[0];
  const last = event.sessions.at(-1);
  if (!first || !last) return '';
  const thisYear = brusselsDate(now).year;
  const withYear = brusselsDate(first.startsAt).year !== thisYear || brusselsDate(last.endsAt).year !== thisYear;
  // Dutch and English abbreviations read better without the dot ("za 14 mrt"); French keeps it ("sam. 14 mars").
  const day = (d: Date) => {
    const text = format(lang, withYear, 'day').format(d);
    return lang === 'fr' ? text : text.replace(/\.(?=\s|$)/g, '');
  };
  const time = (d: Date) => format(lang, false, 'time').format(d);
  const sameDay = (a: Date, b: Date) => {
    const x = brusselsDate(a);
    const y = brusselsDate(b);
    return x.year === y.year && x.month === y.month && x.day === y.day;
  };

  let text: string;
  if (event.sessions.length > 1) {
    text = `${WORDS[lang].sessions(event.sessions.length)}${day(first.startsAt)} – ${day(last.startsAt)}`;
  } else if (sameDay(first.startsAt, first.endsAt)) {
    text = `${day(first.startsAt)}, ${time(first.startsAt)}–${time(first.endsAt)}`;
  } else {
    text = `${day(first.startsAt)} – ${day(first.endsAt)}`;
  }
  const status = WORDS[lang].status[event.status];
  return status ? `${status} · ${text}` : text;
}
