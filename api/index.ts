import { cors } from 'hono/cors';
import { aboutRouter } from './about/index.ts';
import { analysesRouter } from './analyses/index.ts';
import { createApp, createRouter } from './app.ts';
import { calendarRouter } from './calendar/index.ts';
import { docsRouter } from './docs/index.ts';
import { createEmbedRouter } from './embed/index.ts';
import { eventsRouter } from './events/index.ts';
import { feedsRouter } from './feeds/index.ts';
import { homeRouter } from './home/index.ts';
import { language } from './lib/language.ts';
import { database } from './middleware/database.ts';
import { edgeCache } from './middleware/edge-cache.ts';
import { openApiInfo } from './openapi.ts';
import { searchRouter } from './search/index.ts';
import { servicesRouter } from './services/index.ts';
import { topicsRouter } from './topics/index.ts';

const v1 = createRouter();
// Public reads are open to every origin, errors included; no credentials are ever involved.
v1.use(
  '*',
  cors({
    origin: '*',
    allowMethods: ['GET', 'HEAD', 'OPTIONS'],
    allowHeaders: ['Accept-Language', 'If-None-Match', 'X-D1-Bookmark'],
    exposeHeaders: ['ETag', 'Link', 'Content-Language', 'Server-Timing', 'X-D1-Bookmark'],
  }),
);
v1.use('*', database, language, edgeCache);
v1.route('/', aboutRouter);
v1.route('/', eventsRouter);
v1.route('/', calendarRouter);
v1.route('/', topicsRouter);
v1.route('/', servicesRouter);
v1.route('/', analysesRouter);
v1.route('/', feedsRouter);
v1.route('/', searchRouter);

const app = createApp();
app.route('/v1', v1);
app.use('/openapi.json', cors({ origin: '*' }));
app.doc31('/openapi.json', (c) => openApiInfo(new URL(c.req.url).origin));
app.route('/', docsRouter);
app.route('/', homeRouter);
// The no-JavaScript path reads the API through this same Worker, so it is validated and cached like the API.
app.route(
  '/embed',
  createEmbedRouter((c, path) =>
    app.fetch(
      new Request(new URL(path, c.req.url), { headers: { 'Accept-Language': c.req.header('Accept-Language') ?? '' } }),
      c.env,
      c.executionCtx,
    ),
  ),
);

export default app;
