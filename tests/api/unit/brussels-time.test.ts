// Event times are Brussels wall-clock times; the API must give the right instant and offset on both sides of
// each daylight-saving switch. 2026: clocks go 02:00 → 03:00 on 29 March (01:00 UTC) and 03:00 → 02:00 on
// 25 October (01:00 UTC).
import { describe, expect, it } from 'vitest';
import { addDays, brusselsDate, brusselsOffsetMinutes, fromBrusselsLocal, toBrusselsIso } from '../../../api/lib/brussels-time.ts';

const SPRING = { year: 2026, month: 3, day: 29 };
const AUTUMN = { year: 2026, month: 10, day: 25 };
const utc = (iso: string) => new Date(iso).toISOString();

describe('Brussels time on the spring switch (29 March 2026)', () => {
  it('turns local times before and after the switch into the right instants', () => {
    expect(fromBrusselsLocal(SPRING, 1, 30).toISOString()).toBe(utc('2026-03-29T00:30:00Z'));
    expect(fromBrusselsLocal(SPRING, 3, 30).toISOString()).toBe(utc('2026-03-29T01:30:00Z'));
    expect(fromBrusselsLocal(SPRING, 19, 30).toISOString()).toBe(utc('2026-03-29T17:30:00Z'));
    expect(fromBrusselsLocal({ year: 2026, month: 3, day: 28 }, 19, 30).toISOString()).toBe(utc('2026-03-28T18:30:00Z'));
  });

  it('writes instants with +01:00 until 01:00 UTC and +02:00 from then on', () => {
    expect(toBrusselsIso(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(toBrusselsIso(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
    expect(brusselsOffsetMinutes(new Date('2026-03-29T00:59:59Z'))).toBe(60);
    expect(brusselsOffsetMinutes(new Date('2026-03-29T01:00:00Z'))).toBe(120);
  });

  it('moves the non-existent 02:30 forward by the skipped hour, to 03:30 summer time', () => {
    // 02:00–03:00 does not happen that night; the helper reads 02:30 with the winter offset, as a clock that
    // was not changed yet would show it, which is the instant 03:30 +02:00 (what Temporal calls "compatible").
    const instant = fromBrusselsLocal(SPRING, 2, 30);
    expect(instant.toISOString()).toBe(utc('2026-03-29T01:30:00Z'));
    expect(toBrusselsIso(instant)).toBe('2026-03-29T03:30:00+02:00');
  });
});

describe('Brussels time on the autumn switch (25 October 2026)', () => {
  it('turns local times before and after the switch into the right instants', () => {
    expect(fromBrusselsLocal(AUTUMN, 1, 30).toISOString()).toBe(utc('2026-10-24T23:30:00Z'));
    expect(fromBrusselsLocal(AUTUMN, 3, 30).toISOString()).toBe(utc('2026-10-25T02:30:00Z'));
    expect(fromBrusselsLocal(AUTUMN, 19, 30).toISOString()).toBe(utc('2026-10-25T18:30:00Z'));
    expect(fromBrusselsLocal({ year: 2026, month: 10, day: 24 }, 19, 30).toISOString()).toBe(utc('2026-10-24T17:30:00Z'));
  });

  it('writes instants with +02:00 until 01:00 UTC and +01:00 from then on', () => {
    expect(toBrusselsIso(new Date('2026-10-25T00:59:59Z'))).toBe('2026-10-25T02:59:59+02:00');
    expect(toBrusselsIso(new Date('2026-10-25T01:00:00Z'))).toBe('2026-10-25T02:00:00+01:00');
    expect(brusselsOffsetMinutes(new Date('2026-10-25T00:59:59Z'))).toBe(120);
    expect(brusselsOffsetMinutes(new Date('2026-10-25T01:00:00Z'))).toBe(60);
  });

  it('reads the ambiguous 02:30, which happens twice, as the second one (winter time)', () => {
    // 02:30 +02:00 (00:30 UTC) and 02:30 +01:00 (01:30 UTC) both exist; the helper settles on the later.
    // Either is a valid reading; this pins the one the API serves, so a change to it is a decision.
    const instant = fromBrusselsLocal(AUTUMN, 2, 30);
    expect(instant.toISOString()).toBe(utc('2026-10-25T01:30:00Z'));
    expect(toBrusselsIso(instant)).toBe('2026-10-25T02:30:00+01:00');
  });

  it('round-trips every quarter hour of the switch day that happens once', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
      const [hours, mins] = [Math.floor(minutes / 60), minutes % 60];
      if (hours === 2) continue; // the ambiguous hour, pinned above
      const iso = toBrusselsIso(fromBrusselsLocal(AUTUMN, hours, mins));
      expect(iso.slice(0, 16)).toBe(`2026-10-25T${String(hours).padStart(2, '0')}:${String(mins).padStart(2, '0')}`);
    }
  });
});

describe('Brussels calendar dates', () => {
  it('names the Brussels day, not the UTC day, around midnight', () => {
    expect(brusselsDate(new Date('2026-03-28T23:30:00Z'))).toEqual(SPRING);
    expect(brusselsDate(new Date('2026-10-24T22:30:00Z'))).toEqual(AUTUMN);
    expect(brusselsDate(new Date('2026-10-24T21:59:59Z'))).toEqual({ year: 2026, month: 10, day: 24 });
    expect(brusselsDate(new Date('2026-12-31T23:00:00Z'))).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it('counts days across a switch and a year end by the calendar, not by 24 hours', () => {
    expect(addDays({ year: 2026, month: 3, day: 28 }, 1)).toEqual(SPRING);
    expect(addDays(AUTUMN, 1)).toEqual({ year: 2026, month: 10, day: 26 });
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    // Midnight to midnight over the spring switch is 23 hours, over the autumn one 25.
    const springDay = fromBrusselsLocal(addDays(SPRING, 1), 0, 0).getTime() - fromBrusselsLocal(SPRING, 0, 0).getTime();
    const autumnDay = fromBrusselsLocal(addDays(AUTUMN, 1), 0, 0).getTime() - fromBrusselsLocal(AUTUMN, 0, 0).getTime();
    expect(springDay / 3_600_000).toBe(23);
    expect(autumnDay / 3_600_000).toBe(25);
  });
});

describe('remembered offsets (brusselsOffsetMinutes keeps one per UTC hour)', () => {
  const intlOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Brussels', timeZoneName: 'longOffset' });
  const intlDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });
  const expected = (at: Date) => {
    const name = intlOffset.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const [, sign, hh, mm] = /GMT([+-])(\d{2}):(\d{2})/.exec(name) ?? ['', '+', '00', '00'];
    return (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm));
  };

  it('agree with the time zone database on every minute around both switches, asked again and again', () => {
    for (const day of ['2026-03-28T12:00:00Z', '2026-10-24T12:00:00Z', '1995-09-23T12:00:00Z']) {
      const start = new Date(day).getTime();
      for (let round = 0; round < 2; round++) {
        for (let minute = 0; minute < 36 * 60; minute += 7) {
          const at = new Date(start + minute * 60_000 + round * 13_000);
          expect(brusselsOffsetMinutes(at), at.toISOString()).toBe(expected(at));
          const [year, month, date] = intlDate.format(at).split('-').map(Number);
          expect(brusselsDate(at), at.toISOString()).toEqual({ year, month, day: date });
        }
      }
    }
  });
});
