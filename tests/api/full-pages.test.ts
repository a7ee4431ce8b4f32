// A client that asks for the largest page the API allows gets it: D1 binds at most 100 parameters per statement,
// so the queries that fill in a page (topics, sessions, authors, services) must not bind one per item.
import { env } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get } from './helpers.ts';

const EXTRA = 110;
const ids = Array.from({ length: EXTRA }, (_, i) => `full-page-${String(i).padStart(3, '0')}`);

beforeAll(async () => {
  const now = Date.now();
  const statements = ids.flatMap((id, i) => [
    env.DB.prepare(
      `insert into events (id, slug, status, event_status, attendance_mode, starts_at, ends_at, city, organiser_name, created_at, updated_at)
       values (?1, ?1, 'published', 'scheduled', 'offline', ?2, ?2 + 3600000, 'Gent', 'Socius', ?3, ?3)`,
    ).bind(id, now + 86_400_000 + i * 60_000, now),
    env.DB.prepare(`insert into event_translations (event_id, lang, title) values (?1, 'nl', ?1)`).bind(id),
    env.DB.prepare(
      `insert into event_sessions (id, event_id, position, starts_at, ends_at, status)
       select ?1 || '-s', id, 0, starts_at, ends_at, 'scheduled' from events where id = ?1`,
    ).bind(id),
    env.DB.prepare(`insert into event_topics (event_id, topic_id) select ?1, id from topics order by position limit 1`).bind(id),
    env.DB.prepare(
      `insert into analyses (id, slug, status, published_at, licence, created_at, updated_at) values (?1, ?1, 'published', ?2, 'CC-BY-4.0', ?2, ?2)`,
    ).bind(id, now - i * 60_000),
    env.DB.prepare(`insert into analysis_translations (analysis_id, lang, title) values (?1, 'nl', ?1)`).bind(id),
    env.DB.prepare(`insert into analysis_authors (analysis_id, position, name) values (?1, 0, 'Socius')`).bind(id),
    env.DB.prepare(`insert into analysis_topics (analysis_id, topic_id) select ?1, id from topics order by position limit 1`).bind(id),
  ]);
  await env.DB.batch(statements);
});

afterAll(async () => {
  await env.DB.batch([
    env.DB.prepare(`delete from events where id like 'full-page-%'`),
    env.DB.prepare(`delete from analyses where id like 'full-page-%'`),
  ]);
});

describe('a page of 100 items, the most a client may ask for', () => {
  it.each(['/v1/events?limit=100', '/v1/events?limit=100&lang=fr', '/v1/analyses?limit=100', '/v1/analyses?limit=100&lang=en'])(
    '%s answers 200 with 100 items, each with its topics',
    async (path) => {
      const { status, body } = await get<{ data: { topics: unknown[] }[] }>(path);
      expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
      expect(body.data).toHaveLength(100);
      expect(body.data.every((item) => item.topics.length > 0)).toBe(true);
    },
  );
});
