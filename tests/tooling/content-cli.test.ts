// `npm run content -- export|import` as an operator runs it: the export is the only thing on stdout and parses as a
// content file; importing it into an empty local D1 writes everything, importing it again writes nothing, and the
// second database exports the same content. (That the public API answers the same is tests/api/content-export-import.)
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseContentFile } from '../../api/content/file.ts';
import { quietEnv, ROOT, seedLocal } from '../../scripts/local.ts';

const run = promisify(execFile);
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'socius-content-'));
  folders.push(dir);
  return dir;
};
const content = (...args: string[]) =>
  run(process.execPath, [join(ROOT, 'scripts', 'content.ts'), ...args], { cwd: ROOT, env: quietEnv, maxBuffer: 64 * 1024 * 1024 });

describe('npm run content', () => {
  it('exports to stdout and imports into an empty database once, then finds nothing to change', { timeout: 600_000 }, async () => {
    const source = folder();
    await seedLocal(source);
    const exported = await content('export', '--persist-to', source);
    const file = parseContentFile(JSON.parse(exported.stdout));
    expect(file.events.length).toBeGreaterThan(10);
    const path = join(folder(), 'content.json');
    writeFileSync(path, exported.stdout);

    const target = folder();
    const first = await content('import', path, '--persist-to', target);
    expect(first.stderr).toMatch(/Imported: .*events: \d+ added/);
    const second = await content('import', path, '--persist-to', target);
    expect(second.stderr).toContain('Nothing to change');

    const again = JSON.parse((await content('export', '--persist-to', target)).stdout);
    expect({ ...again, exportedAt: null }).toEqual({ ...JSON.parse(exported.stdout), exportedAt: null });
  });
});
