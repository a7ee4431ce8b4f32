// Events happen in Brussels; the API speaks ISO 8601 with the Brussels offset of that moment (+01:00 or +02:00),
// so clients never have to know the DST rules.
export const TIME_ZONE = 'Europe/Brussels';

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });
const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes east of UTC in Brussels at that instant, asked of Intl (the time zone database). */
function offsetFromIntl(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0; // "GMT" alone means +00:00
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

const HOUR_MS = 3_600_000;
// Asking Intl takes about 10 µs, and a page of events asks about ten times per event (most of the time spent
// assembling a list). Brussels switches offset on a whole UTC hour, so the offset is remembered per UTC hour; an
// hour whose two ends differ (none since 1892) is answered by Intl every time. Bounded, as isolates live long.
const offsetsByHour = new Map<number, number>();
const MAX_REMEMBERED_HOURS = 8192;

/** Minutes east of UTC in Brussels at that instant. */
export function brusselsOffsetMinutes(at: Date): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) return offsetFromIntl(at);
  const hour = Math.floor(ms / HOUR_MS);
  const known = offsetsByHour.get(hour);
  if (known !== undefined) return known;
  const start = offsetFromIntl(new Date(hour * HOUR_MS));
  if (start !== offsetFromIntl(new Date(hour * HOUR_MS + HOUR_MS - 1))) return offsetFromIntl(at);
  if (offsetsByHour.size >= MAX_REMEMBERED_HOURS) offsetsByHour.clear();
  offsetsByHour.set(hour, start);
  return start;
}

/** `2026-12-03T19:30:00+01:00` */
export function toBrusselsIso(at: Date): string {
  const offset = brusselsOffsetMinutes(at);
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date in Brussels at that instant. */
export function brusselsDate(at: Date): CalendarDate {
  if (!Number.isFinite(at.getTime())) {
    const [year, month, day] = dateFormat.format(at).split('-').map(Number);
    return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
  }
  // The UTC date of the Brussels wall clock: the same answer as formatting in the zone, without Intl.
  const local = new Date(at.getTime() + brusselsOffsetMinutes(at) * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The instant of a Brussels wall-clock time on a calendar date. */
export function fromBrusselsLocal(date: CalendarDate, hours: number, minutes: number): Date {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hours, minutes);
  let instant = asUtc - brusselsOffsetMinutes(new Date(asUtc)) * 60_000;
  // Near a DST switch the first guess can use the wrong side's offset; one correction settles it.
  const corrected = asUtc - brusselsOffsetMinutes(new Date(instant)) * 60_000;
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}
