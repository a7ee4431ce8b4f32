// GET /embed/<element>?<the element's attributes>: the same content as each widget, rendered on the server
// as plain HTML with schema.org JSON-LD. It reads the public API through the Worker itself, so language
// negotiation, validation, errors and caching are exactly the API's.
import type { z } from '@hono/zod-openapi';
import { type Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import { isLang, type Lang } from '../../schema/columns.ts';
import { analysisJsonLd, eventJsonLd } from '../../widgets/shared/json-ld.ts';
import type { AnalysisSchema, AnalysisSummarySchema } from '../analyses/schemas.ts';
import type { AppEnv } from '../env.ts';
import type { EventBody } from '../events/schemas.ts';
import { PUBLIC_CACHE_CONTROL } from '../middleware/edge-cache.ts';
import { page } from './page.ts';

type ApiFetch = (c: Context<AppEnv>, path: string) => Response | Promise<Response>;

type EventItem = EventBody;
type AnalysisItem = z.infer<typeof AnalysisSchema>;
type AnalysisSummaryItem = z.infer<typeof AnalysisSummarySchema>;
interface ServiceItem {
  slug: string;
  title: string;
  summary: string | null;
}
interface AboutItem {
  name: string;
  tagline: string | null;
  mission: string | null;
  contact: { website: string; email: string | null };
}

const TITLES = {
  events: { nl: 'Activiteiten van Socius', en: 'Events by Socius', fr: 'Activités de Socius' },
  analyses: { nl: 'Analyses van Socius', en: 'Analyses by Socius', fr: 'Analyses de Socius' },
  services: { nl: 'Aanbod van Socius', en: 'What Socius offers', fr: 'Offre de Socius' },
} satisfies Record<string, Record<Lang, string>>;
const REGISTER: Record<string, string> = { nl: 'Inschrijven', en: 'Register', fr: "S'inscrire" };
const STATUS: Record<string, Record<string, string>> = {
  cancelled: { nl: 'Geannuleerd', en: 'Cancelled', fr: 'Annulé' },
  postponed: { nl: 'Uitgesteld', en: 'Postponed', fr: 'Reporté' },
  rescheduled: { nl: 'Verplaatst', en: 'Rescheduled', fr: 'Reprogrammé' },
  'moved-online': { nl: 'Nu online', en: 'Now online', fr: 'Désormais en ligne' },
};

// Attributes that only change how a widget looks or behaves in the browser; they mean nothing to the API.
const PRESENTATION = new Set(['layout', 'filters', 'search', 'theme', 'heading-level', 'no-jsonld', 'api-base', 'slug']);

/**
 * The page's query (the element's attributes, kebab-case) as API query parameters (camelCase). Everything
 * else is passed on, so the API itself answers an unknown or bad one with a problem naming it.
 */
function apiQuery(c: Context<AppEnv>, defaults: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of new URL(c.req.url).searchParams) {
    if (PRESENTATION.has(name)) continue;
    params.append(
      name.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase()),
      value,
    );
  }
  for (const [key, value] of Object.entries(defaults)) if (!params.has(key)) params.set(key, value);
  return params.toString();
}

async function load<T>(c: Context<AppEnv>, fetchApi: ApiFetch, path: string): Promise<{ body: T; lang: Lang } | Response> {
  const response = await fetchApi(c, path);
  if (!response.ok) return response; // the API's problem+json, status and headers, unchanged
  return { body: (await response.json()) as T, lang: toLang(response.headers.get('Content-Language')) };
}

const toLang = (value: string | null): Lang => (value && isLang(value) ? value : 'nl');

const place = (e: EventItem) => [e.venue?.name, e.venue?.city].filter(Boolean).join(', ') || (e.onlineUrl ? 'Online' : '');

function eventItem(e: EventItem, lang: string, level: 'h1' | 'h2') {
  const status = STATUS[e.status]?.[lang];
  const heading = level === 'h1' ? html`<h1>${e.title}</h1>` : html`<h2>${e.title}</h2>`;
  return html`${heading}
<p><strong>${e.dateSummary}</strong>${place(e) ? html` · <span class="muted">${place(e)}</span>` : ''}</p>
${status ? html`<p><span class="badge">${status}</span></p>` : ''}
${e.summary ? html`<p>${e.summary}</p>` : ''}
${e.description ? html`<p>${e.description}</p>` : ''}
${e.registration.url && e.status !== 'cancelled' ? html`<p><a href="${e.registration.url}">${REGISTER[lang] ?? REGISTER.nl}<span class="vh">: ${e.title}</span></a></p>` : ''}`;
}

export function createEmbedRouter(fetchApi: ApiFetch) {
  const router = new Hono<AppEnv>();
  router.use('*', async (c, next) => {
    await next();
    if (c.res.ok) c.res.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  });

  router.get('/events', async (c) => {
    const result = await load<{ data: EventItem[] }>(c, fetchApi, `/v1/events?${apiQuery(c, { limit: '6' })}`);
    if (result instanceof Response) return result;
    const { body, lang } = result;
    const title = TITLES.events[lang];
    return c.html(
      page({
        lang,
        title,
        jsonLd: { '@context': 'https://schema.org', '@graph': body.data.map(eventJsonLd) },
        body: html`<h1>${title}</h1><ul class="items">${body.data.map((e) => html`<li>${eventItem(e, lang, 'h2')}</li>`)}</ul>`,
      }),
    );
  });

  router.get('/event', async (c) => {
    const slug = c.req.query('slug');
    const path = slug
      ? `/v1/events/${encodeURIComponent(slug)}?${apiQuery(c)}`
      : `/v1/events?${apiQuery(c, { limit: '1', status: 'scheduled' })}`;
    const result = await load<{ data: EventItem | EventItem[] }>(c, fetchApi, path);
    if (result instanceof Response) return result;
    const event = Array.isArray(result.body.data) ? result.body.data[0] : result.body.data;
    if (!event) return c.notFound();
    return c.html(
      page({
        lang: result.lang,
        title: event.title,
        canonical: event.url,
        jsonLd: { '@context': 'https://schema.org', ...eventJsonLd(event) },
        body: eventItem(event, result.lang, 'h1'),
      }),
    );
  });

  router.get('/analyses', async (c) => {
    const result = await load<{ data: AnalysisSummaryItem[] }>(c, fetchApi, `/v1/analyses?${apiQuery(c, { limit: '3' })}`);
    if (result instanceof Response) return result;
    const title = TITLES.analyses[result.lang];
    return c.html(
      page({
        lang: result.lang,
        title,
        jsonLd: { '@context': 'https://schema.org', '@graph': result.body.data.map(analysisJsonLd) },
        body: html`<h1>${title}</h1><ul class="items">${result.body.data.map(
          (a) =>
            html`<li><h2><a href="${a.url}">${a.title}</a></h2><p class="muted">${a.authors.map((x) => x.name).join(', ')} · ${a.publishedAt.slice(0, 10)}</p>${a.summary ? html`<p>${a.summary}</p>` : ''}</li>`,
        )}</ul>`,
      }),
    );
  });

  router.get('/analysis', async (c) => {
    const slug = c.req.query('slug');
    let path = `/v1/analyses/${encodeURIComponent(slug ?? '')}?${apiQuery(c)}`;
    if (!slug) {
      const newest = await load<{ data: AnalysisSummaryItem[] }>(c, fetchApi, `/v1/analyses?${apiQuery(c, { limit: '1' })}`);
      if (newest instanceof Response) return newest;
      if (!newest.body.data[0]) return c.notFound();
      path = `/v1/analyses/${newest.body.data[0].slug}?${apiQuery(c)}`;
    }
    const result = await load<{ data: AnalysisItem }>(c, fetchApi, path);
    if (result instanceof Response) return result;
    const a = result.body.data;
    return c.html(
      page({
        lang: result.lang,
        title: a.title,
        canonical: a.url,
        jsonLd: { '@context': 'https://schema.org', ...analysisJsonLd(a) },
        // Section bodies are HTML that the API sanitised when it was written.
        body: html`<article><h1>${a.title}</h1><p class="muted">${a.authors.map((x) => x.name).join(', ')} · ${a.publishedAt.slice(0, 10)} · ${a.licence}</p>
${a.summary ? html`<p>${a.summary}</p>` : ''}
${(a.sections ?? []).map((s) => html`<section id="${s.anchor}"><h2>${s.heading}</h2>${raw(s.body)}</section>`)}</article>`,
      }),
    );
  });

  router.get('/services', async (c) => {
    const result = await load<{ data: ServiceItem[] }>(c, fetchApi, `/v1/services?${apiQuery(c)}`);
    if (result instanceof Response) return result;
    const title = TITLES.services[result.lang];
    return c.html(
      page({
        lang: result.lang,
        title,
        body: html`<h1>${title}</h1><ul class="items">${result.body.data.map((s) => html`<li><h2>${s.title}</h2>${s.summary ? html`<p>${s.summary}</p>` : ''}</li>`)}</ul>`,
      }),
    );
  });

  router.get('/about', async (c) => {
    const result = await load<{ data: AboutItem }>(c, fetchApi, `/v1/about?${apiQuery(c)}`);
    if (result instanceof Response) return result;
    const a = result.body.data;
    return c.html(
      page({
        lang: result.lang,
        title: a.name,
        jsonLd: { '@context': 'https://schema.org', '@type': 'Organization', name: a.name, url: a.contact.website },
        body: html`<h1>${a.name}</h1>${a.tagline ? html`<p><strong>${a.tagline}</strong></p>` : ''}${a.mission ? html`<p>${a.mission}</p>` : ''}
<p><a href="${a.contact.website}">${a.contact.website}</a>${a.contact.email ? html` · <a href="mailto:${a.contact.email}">${a.contact.email}</a>` : ''}</p>`,
      }),
    );
  });

  return router;
}
