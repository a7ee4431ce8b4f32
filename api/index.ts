import { cors } from 'hono/cors';
import { aboutRouter } from './about/index.ts';
import { analysesRouter } from './analyses/index.ts';
import { createApp, createRouter } from './app.ts';
import { eventsRouter } from './events/index.ts';
import { database } from './middleware/database.ts';
import { edgeCache } from './middleware/edge-cache.ts';
import { language } from './lib/language.ts';
import { openApiInfo } from './openapi.ts';
import { searchRouter } from './search/index.ts';
import { servicesRouter } from './services/index.ts';
import { topicsRouter } from './topics/index.ts';

const v1 = createRouter();
// Public reads are open to every origin, errors included; no credentials are ever involved.
v1.use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag', 'Link', 'Content-Language', 'Server-Timing'] }));
v1.use('*', database, language, edgeCache);
v1.route('/', aboutRouter);
v1.route('/', eventsRouter);
v1.route('/', topicsRouter);
v1.route('/', servicesRouter);
v1.route('/', analysesRouter);
v1.route('/', searchRouter);

const app = createApp();
app.route('/v1', v1);
app.use('/openapi.json', cors({ origin: '*' }));
app.doc31('/openapi.json', (c) => openApiInfo(new URL(c.req.url).origin));
app.get('/', (c) =>
  c.html(
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Socius Content API</title>` +
      `<h1>Socius Content API</h1><ul>` +
      `<li><a href="/v1/events">/v1/events</a> (upcoming events)</li>` +
      `<li><a href="/v1/about">/v1/about</a> (organisation profile)</li>` +
      `<li><a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1)</li></ul></html>`,
  ),
);

export default app;
