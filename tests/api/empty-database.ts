// A truly empty local D1 inside a test file (the setup file has migrated and seeded it): what a restore and a
// migration from an earlier release start from. Used by migrations.test.ts and content-export-import.test.ts.
import { env } from 'cloudflare:test';
import { expect } from 'vitest';

/** Tables, triggers and indexes as SQLite describes them, without what D1 keeps for itself. */
export async function schema(): Promise<{ type: string; name: string; sql: string | null }[]> {
  const { results } = await env.DB.prepare(
    `select type, name, sql from sqlite_master where name not like 'sqlite_%' and name not like '_cf_%' order by type, name`,
  ).all<{ type: string; name: string; sql: string | null }>();
  return results;
}

/**
 * Drops every table (triggers and indexes go with them; the search index takes its FTS5 storage along) and the
 * record of applied migrations, so the next apply starts from an empty database. Children go before parents.
 */
export async function emptyDatabase(): Promise<void> {
  const { results } = await env.DB.prepare(
    `select type, name, sql from sqlite_master where type in ('table', 'trigger') and name not like 'sqlite_%' and name not like '_cf_%' order by rowid desc`,
  ).all<{ type: string; name: string; sql: string }>();
  // Triggers first: one that names a dropped table makes every later drop fail.
  const triggers = results.filter((entry) => entry.type === 'trigger');
  const tables = results.filter((entry) => entry.type === 'table');
  const virtual = tables.filter((table) => /^create virtual table/i.test(table.sql));
  const shadow = (name: string) => virtual.some((table) => name.startsWith(`${table.name}_`));
  const plain = tables.filter((table) => !virtual.includes(table) && !shadow(table.name)).map((table) => table.name);
  // Children before parents: dropping a table deletes its rows first, and a child left behind checks its keys
  // against the parent it names.
  const parents = new Map<string, string[]>();
  for (const name of plain) {
    const { results: keys } = await env.DB.prepare(`select "table" from pragma_foreign_key_list(?)`).bind(name).all<{ table: string }>();
    parents.set(
      name,
      keys.map((key) => key.table).filter((parent) => parent !== name),
    );
  }
  const order: string[] = [];
  const visit = (name: string) => {
    if (order.includes(name)) return;
    for (const [child, of] of parents) if (of.includes(name)) visit(child);
    order.push(name);
  };
  plain.forEach(visit);
  await env.DB.batch([
    ...triggers.map((trigger) => env.DB.prepare(`drop trigger "${trigger.name}"`)),
    ...virtual.map((table) => env.DB.prepare(`drop table "${table.name}"`)),
    ...order.map((name) => env.DB.prepare(`drop table "${name}"`)),
  ]);
  expect(await schema()).toEqual([]);
}

/**
 * The edge cache keys its copies by content version, and two databases of this file can reach the same version:
 * a distinct range per step keeps one from being answered with another's cached copy (a
 * restore that happened to reach the version of the database it replaced would otherwise pass without a request
 * reaching it).
 */
export async function distinctVersion(step: number): Promise<void> {
  await env.DB.prepare('update content_state set version = version + ?')
    .bind(step * 1_000_000)
    .run();
}
