// Widget tests talk to the real Worker: `wrangler dev` on a fresh local D1, migrated and seeded exactly as
// `npm start` does it, in a throwaway folder so a developer's own local data is never touched.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateLocal, seedLocal, startDev } from '../../scripts/local.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export default async function setup(project: TestProject) {
  const persistTo = mkdtempSync(join(tmpdir(), 'socius-widgets-'));
  await migrateLocal(persistTo, true);
  await seedLocal(persistTo);
  const server = await startDev({ port: await freePort(), persistTo, quiet: true });
  project.provide('apiBase', server.url);
  return async () => {
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
}
