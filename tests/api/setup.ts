// Every test file starts from the real migrations applied to an empty local D1, then the real seed.
import { applyD1Migrations, env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { seed } from '../../schema/seed/index.ts';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await seed(drizzle(env.DB, { casing: 'snake_case' }));
