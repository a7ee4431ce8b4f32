import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planFor } from './content.ts';
import { seedBenchDatabase } from './seed.ts';

const work = mkdtempSync(join(tmpdir(), 'socius-bench-'));
const r = await seedBenchDatabase(join(work, 'state'), planFor(Number(process.argv[2] ?? 1000)));
console.log(r, process.cpuUsage(), process.memoryUsage().rss / 2 ** 20);
rmSync(work, { recursive: true });
