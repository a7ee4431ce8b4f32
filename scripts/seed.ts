// npm run db:seed: migrate and seed local D1 (only when it is empty).
// npm run db:seed -- --remote: the same for the production D1, through wrangler's CLI (after `wrangler login`, or
// with CLOUDFLARE_API_TOKEN set); the seed's statements and the search index rebuild are the ones the local run writes.
import { parseArgs } from 'node:util';
import { run, seedLocal, WRANGLER } from './local.ts';
import { seed } from './seed/index.ts';
import { wranglerD1 } from './wrangler-d1.ts';

const { values } = parseArgs({ options: { remote: { type: 'boolean', default: false } } });

if (values.remote) {
  await run(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--remote']);
  const { seeded, rows } = await seed(wranglerD1({ remote: true }));
  console.log(
    seeded ? `Seeded the remote D1 with ${rows} rows and built its search index.` : 'The remote D1 already holds content: nothing written.',
  );
} else {
  const { migrations, seeded, rows } = await seedLocal();
  console.log(migrations.length === 0 ? 'No migrations to apply.' : `Applied ${migrations.join(', ')}.`);
  console.log(seeded ? `Seeded ${rows} rows.` : 'Local D1 already holds content: nothing written.');
}
