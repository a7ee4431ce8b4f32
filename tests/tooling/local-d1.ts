// What a local D1 (a wrangler --persist-to folder) holds, read straight from its SQLite file with node:sqlite. The
// CLI tests check what their commands stored this way: the stored rows themselves, without booting wrangler and
// workerd for every look (one `wrangler d1 execute` costs several seconds on a busy 2-core machine).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** The one database file local D1 keeps under `<persistTo>/v3/d1`. */
export function localD1File(persistTo: string): string {
  const folder = join(persistTo, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const files = readdirSync(folder).filter((name) => name.endsWith('.sqlite') && name !== 'metadata.sqlite');
  if (files.length !== 1 || !files[0]) throw new Error(`expected one D1 database in ${folder}, found ${files.length}`);
  return join(folder, files[0]);
}

/** The rows of each query, in order, as plain objects. Read-only: nothing a test reads can change what it checks. */
export function readLocalD1(persistTo: string, queries: string[]): Record<string, unknown>[][] {
  const db = new DatabaseSync(localD1File(persistTo), { readOnly: true });
  try {
    // node:sqlite gives rows without a prototype; spread them so they compare like the JSON wrangler prints.
    return queries.map((sql) =>
      db
        .prepare(sql)
        .all()
        .map((row) => ({ ...row })),
    );
  } finally {
    db.close();
  }
}
