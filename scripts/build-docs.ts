// Copies Scalar's standalone browser build into the static assets, where /docs loads it from: the API
// reference then works offline and never depends on a public CDN being reachable or unchanged.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'node_modules', '@scalar', 'api-reference', 'dist', 'browser', 'standalone.js');
const OUT_DIR = join(ROOT, 'dist', 'public', 'docs');

// The source map is not shipped, so its reference goes too; otherwise devtools ask for a file that 404s.
const code = readFileSync(SOURCE, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'scalar.js'), code);
console.log(`docs: scalar.js ${(Buffer.byteLength(code) / 1024 / 1024).toFixed(1)} MB`);
