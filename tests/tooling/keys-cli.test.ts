// `npm run keys` against a throwaway local D1 (wrangler's --persist-to), the same `wrangler d1 execute` path that
// --remote takes: the key is printed once on the last stdout line, only its SHA-256 is stored, `list` never shows
// a key, and `revoke` marks it revoked.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { quietEnv, ROOT } from '../../scripts/local.ts';
import { readLocalD1 } from './local-d1.ts';

const run = promisify(execFile);
const persistTo = mkdtempSync(join(tmpdir(), 'socius-keys-'));
afterAll(() => rmSync(persistTo, { recursive: true, force: true }));

/** Runs the CLI the way `npm run keys -- …` does (this Node, from the repository root). */
async function keys(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'scripts', 'keys.ts'), ...args, '--persist-to', persistTo], {
      cwd: ROOT,
      env: quietEnv,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout = '', stderr = '' } = error as { code: number; stdout?: string; stderr?: string };
    return { code, stdout, stderr };
  }
}

describe('npm run keys', { timeout: 900_000 }, () => {
  it('creates a key, prints only it on the last line, and stores only its hash', async () => {
    const created = await keys('create', '--name', 'Editor Anna', '--scope', 'content:write', '--scope', 'content:publish');
    expect(created.code, created.stderr).toBe(0);
    const lines = created.stdout.trimEnd().split('\n');
    const key = lines.at(-1) ?? '';
    expect(key).toMatch(/^socius_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const id = key.split('_')[1] ?? '';

    // What was stored, read from the database file itself.
    const [rows] = readLocalD1(persistTo, ['select id, name, hash, scopes from api_keys']);
    expect(rows).toEqual([
      { id, name: 'Editor Anna', hash: createHash('sha256').update(key).digest('hex'), scopes: '["content:write","content:publish"]' },
    ]);

    const listed = await keys('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).toContain('Editor Anna');
    // The secret after the id is base64url and may itself hold `_`: all of it, not split('_')[2].
    expect(listed.stdout).not.toContain(key.slice('socius_'.length + 17));

    const revoked = await keys('revoke', id);
    expect(revoked.code).toBe(0);
    const [row] = readLocalD1(persistTo, [`select revoked_at from api_keys where id = '${id}'`])[0] ?? [];
    expect(row?.revoked_at).toBeGreaterThan(0);
  });

  it('refuses unknown scopes, a partner key without organiser, and an unknown id, without writing', async () => {
    const before = readLocalD1(persistTo, ['select * from api_keys order by id']);
    // Independent runs, so side by side: each starts Node (and the unknown id one wrangler) on its own.
    const [unknown, partner, unknownId, notAnId] = await Promise.all([
      keys('create', '--name', 'x', '--scope', 'everything'),
      keys('create', '--name', 'x', '--scope', 'events:submit'),
      keys('revoke', '0123456789abcdef'),
      keys('revoke', 'not-an-id'),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown scope everything');
    expect(partner.code).toBe(2);
    expect(partner.stderr).toContain('--organiser');
    expect(unknownId.code, unknownId.stderr).toBe(1);
    expect(unknownId.stderr).toContain('No key has the id 0123456789abcdef');
    expect(notAnId.code).toBe(2);
    expect(readLocalD1(persistTo, ['select * from api_keys order by id'])).toEqual(before);
  });
});
