// `npm run db:seed -- --remote` cannot reach Cloudflare from here, so its path is run against a fresh local D1:
// the same statements and index rebuild, written to a SQL file and applied by `wrangler d1 execute --file`,
// must leave exactly what the local seed (through the D1 binding) leaves.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, describe, expect, it } from 'vitest';
import * as schema from '../../schema/index.ts';
import { migrateLocal, seedLocal } from '../../scripts/local.ts';
import { seed } from '../../scripts/seed/index.ts';
import { wranglerD1 } from '../../scripts/wrangler-d1.ts';
import { readLocalD1 } from './local-d1.ts';

const tableNames = [
  ...Object.values(schema as Record<string, unknown>).flatMap((value) => (is(value, SQLiteTable) ? [getTableName(value)] : [])),
  'search_index',
];
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function emptyFolder(): string {
  const persistTo = mkdtempSync(join(tmpdir(), 'socius-seed-'));
  folders.push(persistTo);
  return persistTo;
}

/** Two freshly migrated local D1s: one migrated by wrangler, the other a copy of its folder (one wrangler run fewer). */
async function twoFreshLocalD1s(): Promise<[string, string]> {
  const first = emptyFolder();
  await migrateLocal(first, true);
  const second = emptyFolder();
  cpSync(first, second, { recursive: true });
  return [first, second];
}

const counter = () => {
  let next = 0;
  return () => `id-${next++}`;
};

/** Every row of every table in insertion order (content_state and changes without the wall-clock time their triggers write). */
const WITHOUT_CLOCK: Record<string, string> = {
  content_state: 'select id, version from content_state',
  changes: 'select seq, resource, item_id, slug from changes order by seq',
};
const dump = tableNames.map((name) => WITHOUT_CLOCK[name] ?? `select * from "${name}" order by rowid`);
const asTables = (results: unknown[][]) => Object.fromEntries(tableNames.map((name, i) => [name, results[i]]));

describe('seeding through wrangler d1 execute (the --remote path)', () => {
  it('writes the same rows and search index as the local seed, and nothing into a database that holds content', async () => {
    const now = new Date('2026-03-28T23:30:00Z'); // the eve of a DST switch, where Brussels times are easiest to get wrong
    const [viaBinding, viaCli] = await twoFreshLocalD1s();
    const cli = wranglerD1({ remote: false, persistTo: viaCli });
    // One after the other: on a loaded machine the platform proxy twice dropped its connection mid-batch while a CLI run ran beside it.
    const { migrations, ...local } = await seedLocal(viaBinding, { now, newId: counter() });
    expect(migrations).toEqual([]); // twoFreshLocalD1s migrated both
    const remotePath = await seed(cli, { now, newId: counter() });
    expect(remotePath).toEqual(local);
    expect(local.seeded).toBe(true);

    // Seeding again goes through the CLI's own emptiness check; what both databases hold is read from their files.
    expect(await seed(cli, { now: new Date() })).toEqual({ seeded: false, rows: 0 });
    const expected = asTables(readLocalD1(viaBinding, dump));
    const actual = asTables(readLocalD1(viaCli, dump));
    expect(expected.events?.length).toBeGreaterThan(20);
    expect(expected.search_index?.length).toBeGreaterThan(50);
    expect(actual).toEqual(expected);
  }, 480_000);

  it('writes quotes, placeholders, semicolons and line breaks in text as they are', async () => {
    const persistTo = emptyFolder();
    const cli = wranglerD1({ remote: false, persistTo });
    const hostile = `it's "quoted" ? and ; semicolons\n-- not a comment'); drop table probe; --`;
    await cli.batch([
      { sql: 'create table probe (id integer, value)', params: [] },
      { sql: 'insert into probe (id, value) values (?, ?)', params: [1, hostile] },
      { sql: 'insert into probe (id, value) values (?, ?)', params: [2, -12.5] },
      { sql: 'insert into probe (id, value) values (?, ?)', params: [3, null] },
    ]);
    // Read back through the CLI: the path `npm run keys -- list` and the seed's emptiness check read by.
    expect(await cli.all('select value from probe order by id')).toEqual([{ value: hostile }, { value: -12.5 }, { value: null }]);
  }, 120_000);
});
