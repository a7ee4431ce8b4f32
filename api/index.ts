import { cors } from 'hono/cors';
import { aboutRouter } from './about/index.ts';
import { analysesRouter } from './analyses/index.ts';
import { createApp, createRouter } from './app.ts';
import { auditRouter } from './audit/index.ts';
import { calendarRouter } from './calendar/index.ts';
import { changesRouter } from './changes/index.ts';
import { citeRouter } from './cite/index.ts';
import { eventsRouter } from './events/index.ts';
import { feedsRouter } from './feeds/index.ts';
import { documentJsonLd, representations } from './json-ld/index.ts';
import { keysRouter } from './keys/index.ts';
import { isPrivateRequest } from './lib/auth.ts';
import { language } from './lib/language.ts';
import { rateLimit } from './lib/rate-limit.ts';
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
import { contentChangedWebhook, queue, webhookOutbox, webhooksRouter } from './webhooks/index.ts';

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
// After an accepted write, its changes go out to webhook subscribers (without the write waiting for them).
v1.use('*', webhookOutbox);
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
v1.route('/', changesRouter);
v1.route('/', webhooksRouter);

// The JSON API under /v1 and its document; the pages (HTML for people) beside it.
const app = createApp();
// Before every route: security headers on every response, and a 404 page instead of problem+json for browsers outside /v1.
app.use('*', securityHeaders, notFoundPageForPeople);
// Inside the security headers (the 429 carries them too), before any work: over the limit touches no database.
app.use('*', rateLimit);
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

// What this API sends to webhook subscribers: the `webhooks` section of the document (OpenAPI 3.1), registered
// after every route so the components keep their order.
app.openAPIRegistry.registerWebhook(contentChangedWebhook);

// The Worker: `fetch` (the Hono app), `scheduled` (the Cron Trigger in wrangler.toml publishes and unpublishes on time)
// and `queue` (webhook deliveries from WEBHOOKS_QUEUE).
export default Object.assign(app, { scheduled, queue });
