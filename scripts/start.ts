// npm start: build the widgets and the docs assets, migrate local D1, seed it if empty, and serve everything with `wrangler dev`.
import { buildDocs, buildWidgets, seedLocal, startDev } from './local.ts';

const port = Number(process.env.PORT ?? 8787);

await buildWidgets();
await buildDocs();
const { migrations, seeded, rows } = await seedLocal();
if (migrations.length > 0) console.log(`Applied ${migrations.join(', ')}.`);
console.log(seeded ? `Seeded local D1 with Socius content (${rows} rows).` : 'Local D1 already holds content: not seeded again.');

const server = await startDev({ port });
console.log(`
Socius Content API is running:
  API          ${server.url}/v1/events?lang=fr
  Profile      ${server.url}/v1/about
  OpenAPI      ${server.url}/openapi.json
  Docs         ${server.url}/docs
  Widgets      ${server.url}/  (every widget live, and the widget builder)
Press Ctrl+C to stop.
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.stop().then(() => process.exit(0)));
}
server.child.on('exit', (code) => process.exit(code ?? 0));
