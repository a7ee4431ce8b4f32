// Widget tests talk to the real Worker: `wrangler dev` on a fresh local D1, migrated and seeded exactly as
// `npm start` does it, in a throwaway folder so a developer's own local data is never touched. Two more
// Workers, each on a throwaway database of its own, serve what the seed must never hold: one holds hostile
// content (tests/widgets/fixtures/hostile.sql) and a few items translated in part (fixtures/fallback.sql), one
// holds no content at all (empty states). The hostile one also gets the hostile corpus (tests/hostile-corpus.ts)
// written through its editorial API, once per run, with a key stored beside the planted rows (one Worker fewer
// to start than a corpus Worker of its own).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { newKey } from '../../api/keys/queries.ts';
import { type DevServer, migrateLocal, ROOT, seedLocal, startDev } from '../../scripts/local.ts';
import { sqlScript } from '../../scripts/wrangler-d1.ts';
import { writeHostileContent } from '../hostile-corpus.ts';

const HOSTILE_SQL = join(import.meta.dirname, 'fixtures', 'hostile.sql');
const FALLBACK_SQL = join(import.meta.dirname, 'fixtures', 'fallback.sql');

/**
 * `count` distinct free ports. All listeners stay open until every port is read: taken one after another, the
 * kernel may hand the same port out twice, and then one Worker answers for two (the seeded tests once met the
 * empty database that way).
 */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    if (typeof address !== 'object' || !address) throw new Error('no port');
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** Runs a SQL file against the local D1 kept in `persistTo`, as `wrangler d1 execute` would against production. */
async function executeSql(persistTo: string, file: string): Promise<void> {
  await promisify(execFile)(
    join(ROOT, 'node_modules', '.bin', 'wrangler'),
    ['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--file', file],
    { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' } },
  );
}

interface Worker {
  server: DevServer;
  persistTo: string;
}

/** A `wrangler dev` on a local D1 of its own, which `fill` migrates and fills. */
async function startWorker(port: number, fill: (persistTo: string) => Promise<unknown>): Promise<Worker> {
  const persistTo = mkdtempSync(join(tmpdir(), 'socius-widgets-'));
  await fill(persistTo);
  // [env.test]: Chromium on one address sends far more reads a minute than the production limit accepts.
  return { server: await startDev({ port, persistTo, quiet: true, env: 'test' }), persistTo };
}

/** The planted rows (hostile and partly translated) and a publishing key (stored as `npm run keys -- create` stores one), in one wrangler run. */
async function plantHostile(persistTo: string): Promise<string> {
  const { key, row } = await newKey({ name: 'hostile corpus writer', scopes: ['content:publish'] });
  const file = join(persistTo, 'hostile-and-key.sql');
  const insertKey = sqlScript([
    {
      sql: 'insert into api_keys (id, name, hash, scopes, created_at) values (?, ?, ?, ?, ?)',
      params: [row.id, row.name, row.hash, JSON.stringify(row.scopes), row.createdAt.getTime()],
    },
  ]);
  writeFileSync(file, `${readFileSync(HOSTILE_SQL, 'utf8')}\n${readFileSync(FALLBACK_SQL, 'utf8')}\n${insertKey}\n`);
  await executeSql(persistTo, file);
  return key;
}

export default async function setup(project: TestProject) {
  const ports = (await freePorts(3)) as [number, number, number];
  let writerKey = '';
  const started = await Promise.allSettled([
    // seedLocal migrates too, in the same platform proxy.
    startWorker(ports[0], (persistTo) => seedLocal(persistTo)),
    startWorker(ports[1], async (persistTo) => {
      await migrateLocal(persistTo, true);
      writerKey = await plantHostile(persistTo);
    }),
    startWorker(ports[2], (persistTo) => migrateLocal(persistTo, true)),
  ]);
  const workers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const teardown = async () => {
    for (const worker of workers) {
      await worker.server.stop();
      rmSync(worker.persistTo, { recursive: true, force: true });
    }
  };
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await teardown();
    throw failed.reason;
  }
  const [seeded, hostile, empty] = workers as [Worker, Worker, Worker];
  // Once the seed is done: the profile stays the planted one (hostile-content.test.ts reads its javascript: links).
  const writing = Date.now();
  try {
    await writeHostileContent(fetch, hostile.server.url, writerKey, { about: false });
  } catch (error) {
    await teardown();
    throw error;
  }
  console.log(`hostile corpus written through the API in ${Date.now() - writing} ms`);
  // The seeded Worker must be the one answering on its port (another process on it would serve other content).
  const profile = await fetch(`${seeded.server.url}/v1/about`);
  if (!profile.ok) {
    await teardown();
    throw new Error(
      `the seeded Worker at ${seeded.server.url} has no organisation profile (${profile.status}): another server answers there`,
    );
  }
  project.provide('apiBase', seeded.server.url);
  project.provide('hostileApiBase', hostile.server.url);
  project.provide('emptyApiBase', empty.server.url);
  project.provide('corpusApiBase', hostile.server.url);
  return teardown;
}
