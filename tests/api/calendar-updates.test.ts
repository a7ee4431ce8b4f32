// A subscribed calendar updates an entry it already has (same UID, higher SEQUENCE) instead of adding a second
// one. Read with ical.js, as a calendar app would.
import { env } from 'cloudflare:test';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { get } from './helpers.ts';

async function entries(path: string) {
  const response = await get<string>(path);
  expect(response.status).toBe(200);
  const root = new ICAL.Component(ICAL.parse(response.body));
  return {
    etag: response.headers.get('ETag'),
    byUid: new Map(
      root.getAllSubcomponents('vevent').map((vevent) => {
        const event = new ICAL.Event(vevent);
        return [event.uid, { sequence: event.sequence, summary: event.summary, status: String(vevent.getFirstPropertyValue('status')) }];
      }),
    ),
  };
}

describe('GET /v1/calendar.ics after an event changes', () => {
  it('keeps each session UID and raises its SEQUENCE, so subscribers update instead of duplicating', async () => {
    const slug = 'inclusief-werken-avondreeks-antwerpen';
    const before = await entries('/v1/calendar.ics');
    const own = await entries(`/v1/events/${slug}/calendar.ics`);
    expect(own.byUid.size).toBeGreaterThan(1);
    for (const [uid, entry] of own.byUid) expect(before.byUid.get(uid)?.sequence).toBe(entry.sequence);

    // An editor cancels the event a few seconds later: the row's updatedAt moves on, as every write does.
    const later = Date.now() + 5_000;
    await env.DB.batch([
      env.DB.prepare("update events set event_status = 'cancelled', updated_at = ?1 where slug = ?2").bind(later, slug),
      env.DB.prepare(
        "update event_translations set title = 'Avondreeks (geschrapt)' where lang = 'nl' and event_id = (select id from events where slug = ?1)",
      ).bind(slug),
    ]);

    const after = await entries('/v1/calendar.ics');
    expect(after.etag).not.toBe(before.etag);
    expect(after.byUid.size).toBe(before.byUid.size);
    expect([...after.byUid.keys()].sort()).toEqual([...before.byUid.keys()].sort());
    for (const uid of own.byUid.keys()) {
      const was = before.byUid.get(uid)!;
      const now = after.byUid.get(uid)!;
      expect(now.sequence).toBeGreaterThan(was.sequence);
      expect(now.summary).toBe('Avondreeks (geschrapt)');
      expect(now.status).toBe('CANCELLED');
    }
    // Entries of events that did not change keep their SEQUENCE, so clients do not re-process them.
    for (const [uid, entry] of before.byUid) if (!own.byUid.has(uid)) expect(after.byUid.get(uid)?.sequence).toBe(entry.sequence);
  });
});
