// Ready-to-show event dates, so widgets and portals never format dates themselves (cf. UiT's calendar
// summaries): "za 14 mrt, 19:30–22:00", "wo 3 jun – vr 5 jun", "3 sessies: di 3 feb – di 17 feb".
import type { Lang } from '../../schema/columns.ts';
import type { EventStatus } from '../../schema/events.ts';
import { brusselsDate, TIME_ZONE } from './brussels-time.ts';
import { STATUS_LABELS } from './labels.ts';
import { INTL_LOCALES } from './language.ts';

const SESSIONS: Record<Lang, (n: number) => string> = {
  nl: (n) => `${n} sessies: `,
  en: (n) => `${n} sessions: `,
  fr: (n) => `${n} séances : `,
};

const formats = new Map<string, Intl.DateTimeFormat>();
function format(lang: Lang, withYear: boolean, kind: 'day' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}:${withYear}:${kind}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(
      INTL_LOCALES[lang],
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
    text = `${SESSIONS[lang](event.sessions.length)}${day(first.startsAt)} – ${day(last.startsAt)}`;
  } else if (sameDay(first.startsAt, first.endsAt)) {
    text = `${day(first.startsAt)}, ${time(first.startsAt)}–${time(first.endsAt)}`;
  } else {
    text = `${day(first.startsAt)} – ${day(first.endsAt)}`;
  }
  return event.status === 'scheduled' ? text : `${STATUS_LABELS[lang][event.status]} · ${text}`;
}
