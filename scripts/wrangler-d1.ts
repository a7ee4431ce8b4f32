// A SqlRunner over `wrangler d1 execute`: how a script reaches the remote D1 (`--remote`), and the same path tried
// on a local D1 (`--local`), so what runs against production has run here first.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SqlRunner, SqlStatement } from '../schema/db.ts';
import { quietEnv, ROOT, WRANGLER } from './local.ts';

export type D1Target = { remote: true } | { remote: false; persistTo?: string };

const targetArgs = (target: D1Target) =>
  target.remote ? ['--remote'] : ['--local', ...(target.persistTo ? ['--persist-to', target.persistTo] : [])];

/** A bound value as an SQLite literal. Strings are quoted with '' as the only escape, which is all SQLite has. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  throw new Error(`cannot write ${typeof value} ${String(value)} as an SQL literal`);
}

/** The statements as one SQL script with their values inlined, one statement per line. */
export function sqlScript(statements: SqlStatement[]): string {
  return statements
    .map(({ sql, params }) => {
      const parts = sql.split('?');
      // drizzle writes identifiers in double quotes and values as `?`, so every `?` is a placeholder.
      if (parts.length !== params.length + 1) throw new Error(`${params.length} values for ${parts.length - 1} placeholders in: ${sql}`);
      return `${parts.map((part, i) => (i === 0 ? part : sqlLiteral(params[i - 1]) + part)).join('')};`;
    })
    .join('\n');
}

const execFileAsync = promisify(execFile);

interface ExecuteResult {
  results?: Record<string, unknown>[];
  success: boolean;
}

/** Runs `wrangler d1 execute DB --json …` and returns the rows of each statement. */
async function execute(target: D1Target, input: ['--command' | '--file', string]): Promise<Record<string, unknown>[][]> {
  const args = ['d1', 'execute', 'DB', '--json', '--yes', ...targetArgs(target), ...input];
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(WRANGLER, args, { cwd: ROOT, env: quietEnv, maxBuffer: 256 * 1024 * 1024 }));
  } catch (error) {
    const { stdout: out = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`wrangler d1 execute failed:\n${out}${stderr}`);
  }
  const results = JSON.parse(stdout) as ExecuteResult[];
  return results.map((result) => result.results ?? []);
}

/** Reads with `--command`; writes through a `--file`, which wrangler applies atomically (one batch locally, one import remotely). */
export function wranglerD1(target: D1Target): SqlRunner & { execute: (sql: string) => Promise<Record<string, unknown>[][]> } {
  return {
    execute: (sql) => execute(target, ['--command', sql]),
    all: async <Row>(sql: string) => ((await execute(target, ['--command', sql]))[0] ?? []) as Row[],
    batch: async (statements) => {
      if (statements.length === 0) return;
      const dir = mkdtempSync(join(tmpdir(), 'socius-sql-'));
      try {
        const file = join(dir, 'statements.sql');
        writeFileSync(file, sqlScript(statements));
        await execute(target, ['--file', file]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
