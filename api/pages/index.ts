// The pages: server-rendered HTML for people (the home page with the widget builder, the API reference and
// problem pages, and the no-JavaScript /embed path), kept apart from the JSON API under /v1.
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { docsRouter } from './docs/index.ts';
import { type ApiFetch, createEmbedRouter } from './embed/index.ts';
import { homeRouter } from './home/index.ts';
import { createItemPagesRouter } from './items/index.ts';

export type { ApiFetch } from './embed/index.ts';
export { notFoundPageForPeople } from './error-page.ts';
export { securityHeaders } from './security-headers.ts';

/**
 * `/`, `/docs`, `/problems/*`, `/embed/*` and each item's page (`/{lang}/events/{slug}`, `/{lang}/analyses/{slug}`,
 * `/{lang}/services/{slug}`, `/{lang}/about`); `fetchApi` is how pages read the JSON API (through the Worker).
 */
export function createPagesRouter(fetchApi: ApiFetch) {
  return new Hono<AppEnv>()
    .route('/', homeRouter)
    .route('/', docsRouter)
    .route('/embed', createEmbedRouter(fetchApi))
    .route('/', createItemPagesRouter(fetchApi));
}
