import { cors } from 'hono/cors';
import { aboutRouter } from './about/index.ts';
import { analysesRouter } from './analyses/index.ts';
import { createApp, createRouter } from './app.ts';
import { auditRouter } from './audit/index.ts';
import { calendarRouter } from './calendar/index.ts';
import { citeRouter } from './cite/index.ts';
import { eventsRouter } from './events/index.ts';
import { feedsRouter } from './feeds/index.ts';
import { documentJsonLd, representations } from './json-ld/index.ts';
import { keysRouter } from './keys/index.ts';
import { isPrivateRequest } from './lib/auth.ts';
import { language } from './lib/language.ts';
import { documentRequestLimits } from './lib/request-limits.ts';
import { database } from './middleware/database.ts';
import { edgeCache } from './middleware/edge-cache.ts';
import { createOembedRouter } from './oembed/index.ts';
import { openApiInfo } from './openapi.ts';
import { createPagesRouter, notFoundPageForPeople, securityHeaders } from './pages/index.ts';
import { scheduled } from './scheduled.ts';
import { searchRouter } from './search/index.ts';
import { servicesRouter } from './services/index.ts';
import { sitemapRouter } from './sitemap/index.ts';
import { topicsRouter } from './topics/index.ts';

const v1 = createRouter();
// Public reads are open to every origin, errors included; no cookies are ever involved. Writes are open to every
// origin too (an editor UI may live anywhere): they need a Bearer key, which a browser never sends by itself.
v1.use(
  '*',
  cors({
    origin: '*',
    allowMethods: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PATCH', 'DELETE'],
    allowHeaders: ['Accept-Language', 'If-None-Match', 'X-D1-Bookmark', 'Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key'],
    exposeHeaders: ['ETag', 'Link', 'Content-Language', 'Server-Timing', 'X-D1-Bookmark', 'Location', 'Idempotent-Replayed'],
  }),
);
// A request with a key (or asking for a preview) gets an answer for that key only: it never reads or fills the
// shared edge copy, which would otherwise serve drafts to anyone, or a cached public page to an editor.
v1.use('*', database, language, (c, next) => (isPrivateRequest(c) ? next() : edgeCache(c, next)));
// Inside the edge cache, so each representation is cached (and tagged) on its own.
for (const { path, middleware } of representations) v1.use(path, middleware);
v1.route('/', aboutRouter);
v1.route('/', eventsRouter);
v1.route('/', calendarRouter);
v1.route('/', topicsRouter);
v1.route('/', servicesRouter);
v1.route('/', analysesRouter);
v1.route('/', feedsRouter);
v1.route('/', searchRouter);
v1.route('/', citeRouter);
v1.route('/', keysRouter);
v1.route('/', auditRouter);

// The JSON API under /v1 and its document; the pages (HTML for people) beside it.
const app = createApp();
// Before every route: security headers on every response, and a 404 page instead of problem+json for browsers outside /v1.
app.use('*', securityHeaders, notFoundPageForPeople);
app.route('/v1', v1);
app.use('/openapi.json', cors({ origin: '*' }));
// oEmbed reads the API through this same Worker, as the pages do; consumers are servers and browsers alike.
app.use('/oembed', cors({ origin: '*' }));
app.route(
  '/',
  createOembedRouter((c, path) => app.fetch(new Request(new URL(path, c.req.url)), c.env, c.executionCtx)),
);
app.route('/', sitemapRouter);
app.get('/openapi.json', (c) =>
  c.json(documentRequestLimits(documentJsonLd(app.getOpenAPI31Document(openApiInfo(new URL(c.req.url).origin))))),
);
// The no-JavaScript path reads the API through this same Worker, so it is validated and cached like the API.
app.route(
  '/',
  createPagesRouter((c, path) =>
    app.fetch(
      new Request(new URL(path, c.req.url), { headers: { 'Accept-Language': c.req.header('Accept-Language') ?? '' } }),
      c.env,
      c.executionCtx,
    ),
  ),
);

// The Worker: `fetch` (the Hono app) and `scheduled` (the Cron Trigger in wrangler.toml publishes and unpublishes on time).
export default Object.assign(app, { scheduled });
