// npm run db:seed: migrate and seed local D1 (only when it is empty).
import { migrateLocal, seedLocal } from './local.ts';

await migrateLocal();
const { seeded, rows } = await seedLocal();
console.log(seeded ? `Seeded ${rows} rows.` : 'Local D1 already holds content: nothing written.');
