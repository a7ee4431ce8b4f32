// npm run keys -- create --name <name> --scope <scope> [--scope …] [--organiser <name>] [--expires <ISO time>] [--remote]
// npm run keys -- list [--remote]
// npm run keys -- revoke <id> [--remote]
//
// Manages API keys in the local D1 (or, with --remote, the deployed one) through `wrangler d1 execute`, the same
// path for both. `create` prints the key itself on the LAST line of stdout and nothing else on that line, so
// `KEY=$(npm run -s keys -- create … | tail -n 1)` works; it is shown this once (only its hash is stored).
// `list` never shows a key. `--persist-to <dir>` points at another local state folder (as wrangler's flag does).
import { parseArgs } from 'node:util';
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import { newKey, toKey } from '../api/keys/queries.ts';
import { type ApiKey, apiKeys, SCOPES, type Scope } from '../schema/editorial.ts';
import { migrateLocal, run, WRANGLER } from './local.ts';
import { type D1Target, wranglerD1 } from './wrangler-d1.ts';

// drizzle as a statement builder only (as in the seed): a SqlRunner runs what it writes.
const refuse = async (): Promise<never> => {
  throw new Error('statements are built here; a SqlRunner runs them');
};
const builder = drizzle(refuse, refuse, { casing: 'snake_case' });

const USAGE = `usage:
  npm run keys -- create --name <name> --scope <scope> [--scope <scope> …] [--organiser <name>] [--expires <ISO time>] [--remote]
  npm run keys -- list [--remote]
  npm run keys -- revoke <id> [--remote]
scopes: ${SCOPES.join(', ')}`;

class UsageError extends Error {}

interface KeyRowSql {
  id: string;
  name: string;
  hash: string;
  scopes: string;
  organiser: string | null;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

const fromSql = (row: KeyRowSql): ApiKey => ({
  id: row.id,
  name: row.name,
  hash: row.hash,
  scopes: JSON.parse(row.scopes) as Scope[],
  organiser: row.organiser,
  createdAt: new Date(row.created_at),
  expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
  lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at),
  revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
});

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      scope: { type: 'string', multiple: true },
      organiser: { type: 'string' },
      expires: { type: 'string' },
      remote: { type: 'boolean', default: false },
      'persist-to': { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  const target: D1Target = values.remote
    ? { remote: true }
    : { remote: false, ...(values['persist-to'] ? { persistTo: values['persist-to'] } : {}) };
  const db = wranglerD1(target);
  // `create` applies pending migrations first (quietly; they are idempotent), so a fresh database gets its keys
  // table; `list` and `revoke` only read and change what a `create` made, one wrangler run fewer each.
  const migrate = () =>
    values.remote ? run(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--remote'], true) : migrateLocal(values['persist-to'], true);

  if (command === 'create') {
    const scopes = values.scope ?? [];
    if (!values.name?.trim()) throw new UsageError('--name is required');
    if (scopes.length === 0) throw new UsageError('at least one --scope is required');
    const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
    if (unknown.length > 0) throw new UsageError(`unknown scope ${unknown.join(', ')}`);
    if (scopes.includes('events:submit') && !values.organiser) throw new UsageError('an events:submit key needs --organiser');
    const expiresAt = values.expires ? new Date(values.expires) : null;
    if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now())) {
      throw new UsageError('--expires must be an ISO time in the future');
    }
    await migrate();
    const { key, row } = await newKey({
      name: values.name.trim(),
      scopes: [...new Set(scopes)] as Scope[],
      organiser: values.organiser ?? null,
      expiresAt,
    });
    await db.batch([builder.insert(apiKeys).values(row).toSQL()]);
    console.error(`Created key ${row.id} "${row.name}" with ${row.scopes.join(', ')}. It is shown once, below; store it now.`);
    console.log(key);
    return 0;
  }
  if (command === 'list') {
    const rows = (await db.all<KeyRowSql>('select * from api_keys order by created_at, id')).map(fromSql);
    if (rows.length === 0) console.log('No keys.');
    for (const key of rows.map(toKey)) {
      const state = key.revokedAt ? `revoked ${key.revokedAt}` : key.expiresAt ? `expires ${key.expiresAt}` : 'active';
      console.log(
        `${key.id}  ${key.name}  [${key.scopes.join(' ')}]${key.organiser ? ` organiser=${key.organiser}` : ''}  ${state}  last used ${key.lastUsedAt ?? 'never'}`,
      );
    }
    return 0;
  }
  if (command === 'revoke') {
    const [id] = rest;
    if (!id || !/^[0-9a-f]{16}$/.test(id)) throw new UsageError('revoke needs a key id (16 hexadecimal digits, from `keys list`)');
    const [found] = await db.all<{ revoked_at: number | null }>(`select revoked_at from api_keys where id = '${id}'`);
    if (!found) {
      console.error(`No key has the id ${id}.`);
      return 1;
    }
    if (found.revoked_at === null) await db.batch([{ sql: 'update api_keys set revoked_at = ? where id = ?', params: [Date.now(), id] }]);
    console.log(`Revoked key ${id}.`);
    return 0;
  }
  throw new UsageError(command ? `unknown command "${command}"` : 'a command is required');
}

if (import.meta.main) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n${USAGE}`);
      process.exitCode = 2;
    } else throw error;
  }
}
