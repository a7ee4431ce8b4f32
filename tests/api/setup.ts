// Every test file starts from the real migrations applied to an empty local D1, then the real seed.
import { applyD1Migrations, env } from 'cloudflare:test';
import { d1Runner } from '../../schema/db.ts';
import { seed } from '../../scripts/seed/index.ts';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await seed(d1Runner(env.DB));
