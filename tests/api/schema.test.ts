import { env } from 'cloudflare:test';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { d1Runner } from '../../schema/db.ts';
import * as schema from '../../schema/index.ts';
import { seedContent } from '../../schema/seed/index.ts';
import { seed } from '../../scripts/seed/index.ts';

const tables = Object.values(schema as Record<string, unknown>).flatMap((value) => (is(value, SQLiteTable) ? [value] : []));
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('database schema', () => {
  it('is built from an empty database by the migrations, with every table and column the code declares', async () => {
    expect(tables.length).toBeGreaterThan(10);
    const applied = await env.DB.prepare('select name from d1_migrations').all<{ name: string }>();
    expect(applied.results.map((row) => row.name)).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
    for (const table of tables) {
      const config = getTableConfig(table);
      const columns = await env.DB.prepare(`select name from pragma_table_info(?)`).bind(config.name).all<{ name: string }>();
      const declared = config.columns.map((column) => column.name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`));
      expect(columns.results.map((c) => c.name).sort(), config.name).toEqual(declared.sort());
    }
  });

  it('rejects a status or language the content model does not know', async () => {
    await expect(
      env.DB.prepare(`update topics set status = 'deleted' where rowid = (select min(rowid) from topics)`).run(),
    ).rejects.toThrow(/CHECK constraint failed/);
    await expect(
      env.DB.prepare(`insert into topic_translations (topic_id, lang, name) select id, 'de', 'Thema' from topics limit 1`).run(),
    ).rejects.toThrow(/CHECK constraint failed/);
  });
});

describe('seed content', () => {
  it('gives every seeded item Dutch text and a valid slug', async () => {
    const checks: [string, string, string][] = [
      ['about', 'about_translations', 'about_id'],
      ['topics', 'topic_translations', 'topic_id'],
      ['services', 'service_translations', 'service_id'],
      ['analyses', 'analysis_translations', 'analysis_id'],
      ['events', 'event_translations', 'event_id'],
    ];
    for (const [table, translations, key] of checks) {
      const rows = await env.DB.prepare(
        `select t.slug, nl.${table === 'about' || table === 'topics' ? 'name' : 'title'} as text
         from ${table} t left join ${translations} nl on nl.${key} = t.id and nl.lang = 'nl'`,
      ).all<{ slug: string; text: string | null }>();
      expect(rows.results.length, table).toBeGreaterThan(0);
      for (const row of rows.results) {
        expect(row.slug, table).toMatch(SLUG);
        expect(row.text?.trim(), `${table}/${row.slug} has Dutch text`).toBeTruthy();
      }
    }
    const sections = await env.DB.prepare(
      `select count(*) as missing from analysis_sections s
       left join analysis_section_translations nl on nl.section_id = s.id and nl.lang = 'nl'
       where nl.body is null or nl.heading is null`,
    ).first<{ missing: number }>();
    expect(sections?.missing).toBe(0);
  });

  it('holds at least 6 topics, 6 services, 3 analyses and 20 events, most of them upcoming', async () => {
    const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())?.n ?? 0;
    expect(await count(`select count(*) n from topics`)).toBeGreaterThanOrEqual(6);
    expect(await count(`select count(*) n from services`)).toBeGreaterThanOrEqual(6);
    expect(await count(`select count(*) n from analyses`)).toBeGreaterThanOrEqual(3);
    expect(await count(`select count(*) n from events`)).toBeGreaterThanOrEqual(20);
    expect(await count(`select count(*) n from events where starts_at > ${Date.now()}`)).toBeGreaterThanOrEqual(15);
    for (const kind of ['online', 'mixed']) {
      expect(await count(`select count(*) n from events where attendance_mode = '${kind}'`), kind).toBeGreaterThan(0);
    }
    for (const status of ['cancelled', 'postponed']) {
      expect(await count(`select count(*) n from events where event_status = '${status}'`), status).toBeGreaterThan(0);
    }
    expect(
      await count(`select count(*) n from (select event_id from event_sessions group by event_id having count(*) > 1)`),
    ).toBeGreaterThan(0);
  });

  it('writes nothing into a database that already holds content', async () => {
    const before = await env.DB.prepare(`select (select count(*) from events) e, (select max(updated_at) from events) u`).first();
    const result = await seed(d1Runner(env.DB));
    expect(result).toEqual({ seeded: false, rows: 0 });
    const after = await env.DB.prepare(`select (select count(*) from events) e, (select max(updated_at) from events) u`).first();
    expect(after).toEqual(before);
  });

  it('uses unique slugs per content type', () => {
    for (const [kind, items] of Object.entries(seedContent)) {
      if (!Array.isArray(items)) continue;
      const slugs = items.map((item: { slug: string }) => item.slug);
      expect(new Set(slugs).size, kind).toBe(slugs.length);
    }
  });
});
