import { defineConfig } from 'drizzle-kit';

// One migrations folder serves drizzle-kit (writes) and wrangler (applies: migrations_dir in wrangler.toml).
export default defineConfig({
  dialect: 'sqlite',
  schema: './schema/index.ts',
  out: './schema/migrations',
  casing: 'snake_case',
});
