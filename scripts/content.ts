// npm run content -- export [--remote] > content.json
//   All content (every language, every status, sessions, relations) as one JSON file (api/content/file.ts documents
//   its shape). Only the JSON goes to stdout.
// npm run content -- import content.json [--remote] [--dry-run]
//   Loads a content file through the same validation, normalising and sanitising as the API's writes, in one atomic
//   batch, writing only items that differ from what is stored: importing the same file twice changes nothing.
// Without --remote both work on the local D1 of `npm start` (or `--persist-to <dir>`), which import migrates first.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ContentImportError, exportContent, parseContentFile, planImport } from '../api/content/file.ts';
import { d1Rows, type ReadRows } from '../api/lib/content-writes.ts';
import { applyMigrations, run, WRANGLER, withLocalD1 } from './local.ts';
import { sqlLiteral, wranglerD1 } from './wrangler-d1.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const [command, path] = positionals;
const persistTo = values['persist-to'];

// stdout carries the export itself: whatever wrangler or the platform proxy say goes to stderr.
const out = (text: string) => process.stdout.write(text);
console.log = console.info = (...args: unknown[]) => console.error(...args);

/**
 * Reads the target's current content: locally through the platform proxy (fast; migrated first in the same proxy
 * when `migrate`), remotely through wrangler's CLI.
 */
async function currentContent(migrate = false) {
  if (values.remote) {
    const cli = wranglerD1({ remote: true });
    // wrangler's --command takes no bound values: inline them as SQLite literals (`?` is only ever a placeholder here).
    const rows: ReadRows = async (sql, params) => {
      const parts = sql.split('?');
      return cli.all<Record<string, unknown>>(parts.map((part, i) => (i === 0 ? part : sqlLiteral(params[i - 1]) + part)).join(''));
    };
    return exportContent(rows);
  }
  return withLocalD1(persistTo, async (db) => {
    if (migrate) await applyMigrations(db, true);
    return exportContent(d1Rows(db));
  });
}

async function main(): Promise<number> {
  if (command === 'export') {
    out(`${JSON.stringify(await currentContent(), null, 2)}\n`);
    return 0;
  }
  if (command === 'import' && path) {
    const file = parseContentFile(JSON.parse(readFileSync(path, 'utf8')));
    if (values.remote) await run(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--remote']);
    const plan = planImport(file, await currentContent(true));
    const summary = Object.entries(plan.counts)
      .map(([kind, { added, changed }]) => `${kind}: ${added} added, ${changed} changed`)
      .join('; ');
    // Written as one SQL file through wrangler (atomic: a batch locally, an import remotely), the path the seed's
    // --remote takes too; the platform proxy drops its connection on a batch this large on a busy machine.
    const write = wranglerD1(values.remote ? { remote: true } : { remote: false, ...(persistTo ? { persistTo } : {}) });
    if (!values['dry-run'] && plan.statements.length > 0) await write.batch(plan.statements);
    console.error(`${values['dry-run'] ? 'Would write' : plan.statements.length > 0 ? 'Imported' : 'Nothing to change'}: ${summary}.`);
    return 0;
  }
  console.error(
    'Usage: npm run content -- export [--remote] > content.json\n       npm run content -- import content.json [--remote] [--dry-run]',
  );
  return 2;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof ContentImportError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
