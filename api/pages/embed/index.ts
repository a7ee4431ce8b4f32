// GET /embed/<element>?<the element's attributes>: the same content as each widget, rendered on the server
// as plain HTML with schema.org JSON-LD. It reads the public API through the Worker itself, so language
// negotiation, validation, errors and caching are exactly the API's.
import { type Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import { isLang, type Lang } from '../../../schema/columns.ts';
import type { AboutBody } from '../../about/schemas.ts';
import type { AnalysisBody, AnalysisSummaryBody } from '../../analyses/schemas.ts';
import type { AppEnv } from '../../env.ts';
import type { EventBody } from '../../events/schemas.ts';
import {
  analysisNode,
  eventNode,
  itemList,
  type JsonLdNode,
  jsonLdDocument,
  organizationNode,
  serviceNode,
} from '../../json-ld/schema-org.ts';
import { STATUS_LABELS } from '../../lib/labels.ts';
import { negotiateLanguage } from '../../lib/language.ts';
import { sanitiseHtml } from '../../lib/sanitise.ts';
import { PUBLIC_CACHE_CONTROL } from '../../middleware/edge-cache.ts';
import type { ServiceBody } from '../../services/schemas.ts';
import { errorPage, errorPageFromApi } from '../error-page.ts';
import { type Html, link, safeHref } from '../layout.ts';
import { page } from './page.ts';

export type ApiFetch = (c: Context<AppEnv>, path: string) => Response | Promise<Response>;

type EventItem = EventBody;

const TITLES = {
  events: { nl: 'Activiteiten van Socius', en: 'Events by Socius', fr: 'Activités de Socius' },
  analyses: { nl: 'Analyses van Socius', en: 'Analyses by Socius', fr: 'Analyses de Socius' },
  services: { nl: 'Aanbod van Socius', en: 'What Socius offers', fr: 'Offre de Socius' },
} satisfies Record<string, Record<Lang, string>>;
const EMPTY = {
  events: { nl: 'Er zijn geen activiteiten gevonden.', en: 'No events were found.', fr: "Aucune activité n'a été trouvée." },
  analyses: { nl: 'Er zijn geen analyses gevonden.', en: 'No analyses were found.', fr: "Aucune analyse n'a été trouvée." },
  services: { nl: 'Er is geen aanbod gevonden.', en: 'Nothing on offer was found.', fr: "Aucune offre n'a été trouvée." },
} satisfies Record<keyof typeof TITLES, Record<Lang, string>>;
const REGISTER: Record<string, string> = { nl: 'Inschrijven', en: 'Register', fr: "S'inscrire" };

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
  // A visitor reads an error page in their language, never the API's problem+json; a 400 names the attribute.
  if (!response.ok) return errorPageFromApi(c, visitorLang(c), response);
  // The page is exactly as fresh as the API response it shows: a list whose first event ends soon says so.
  const cacheControl = response.headers.get('Cache-Control');
  if (cacheControl) c.header('Cache-Control', cacheControl);
  return { body: (await response.json()) as T, lang: toLang(response.headers.get('Content-Language')) };
}

/** The visitor's language by the API's own rules (`?lang=`, then `Accept-Language`), for pages the API did not answer. */
const visitorLang = (c: Context<AppEnv>): Lang => negotiateLanguage(c.req.query('lang'), c.req.header('Accept-Language'));

const toLang = (value: string | null): Lang => (value && isLang(value) ? value : 'nl');

const place = (e: EventItem) => [e.venue?.name, e.venue?.city].filter(Boolean).join(', ') || (e.onlineUrl ? 'Online' : '');

const byline = (a: AnalysisSummaryBody) => `${a.authors.map((x) => x.name).join(', ')} · ${a.publishedAt.slice(0, 10)}`;

function eventItem(e: EventItem, lang: Lang, level: 'h1' | 'h2') {
  const status = e.status === 'scheduled' ? undefined : STATUS_LABELS[lang][e.status];
  const heading = level === 'h1' ? html`<h1>${e.title}</h1>` : html`<h2>${e.title}</h2>`;
  const registration = e.status === 'cancelled' ? undefined : safeHref(e.registration.url);
  return html`${heading}
<p><strong>${e.dateSummary}</strong>${place(e) ? html` · <span class="muted">${place(e)}</span>` : ''}</p>
${status ? html`<p><span class="badge">${status}</span></p>` : ''}
${e.summary ? html`<p>${e.summary}</p>` : ''}
${e.description ? html`<p>${e.description}</p>` : ''}
${registration ? html`<p><a href="${registration}">${REGISTER[lang] ?? REGISTER.nl}<span class="vh">: ${e.title}</span></a></p>` : ''}`;
}

/** A page of one list: the API's page as items, and the same page as a schema.org ItemList. */
async function listPage<T>(
  c: Context<AppEnv>,
  fetchApi: ApiFetch,
  resource: keyof typeof TITLES,
  defaults: Record<string, string>,
  node: (item: T) => JsonLdNode,
  item: (item: T, lang: Lang) => Html,
) {
  const result = await load<{ data: T[]; total: number }>(c, fetchApi, `/v1/${resource}?${apiQuery(c, defaults)}`);
  if (result instanceof Response) return result;
  const title = TITLES[resource][result.lang];
  return c.html(
    page({
      lang: result.lang,
      title,
      jsonLd: jsonLdDocument(itemList(result.body.data, node, result.body.total)),
      body:
        result.body.data.length === 0
          ? html`<h1>${title}</h1><p>${EMPTY[resource][result.lang]}</p>`
          : html`<h1>${title}</h1><ul class="items">${result.body.data.map((x) => html`<li>${item(x, result.lang)}</li>`)}</ul>`,
    }),
  );
}

export function createEmbedRouter(fetchApi: ApiFetch) {
  const router = new Hono<AppEnv>();
  router.use('*', async (c, next) => {
    await next();
    if (c.res.ok && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  });

  router.get('/events', (c) =>
    listPage<EventItem>(c, fetchApi, 'events', { limit: '6' }, eventNode, (e, lang) => eventItem(e, lang, 'h2')),
  );

  router.get('/event', async (c) => {
    const slug = c.req.query('slug');
    const path = slug
      ? `/v1/events/${encodeURIComponent(slug)}?${apiQuery(c)}`
      : `/v1/events?${apiQuery(c, { limit: '1', status: 'scheduled' })}`;
    const result = await load<{ data: EventItem | EventItem[] }>(c, fetchApi, path);
    if (result instanceof Response) return result;
    const event = Array.isArray(result.body.data) ? result.body.data[0] : result.body.data;
    if (!event) return errorPage(c, visitorLang(c), 404);
    return c.html(
      page({
        lang: result.lang,
        title: event.title,
        canonical: safeHref(event.url),
        jsonLd: jsonLdDocument(eventNode(event)),
        body: eventItem(event, result.lang, 'h1'),
      }),
    );
  });

  router.get('/analyses', (c) =>
    listPage<AnalysisSummaryBody>(
      c,
      fetchApi,
      'analyses',
      { limit: '3' },
      analysisNode,
      (a) => html`<h2>${link(a.links.html, a.title)}</h2><p class="muted">${byline(a)}</p>${a.summary ? html`<p>${a.summary}</p>` : ''}`,
    ),
  );

  router.get('/analysis', async (c) => {
    const slug = c.req.query('slug');
    let path = `/v1/analyses/${encodeURIComponent(slug ?? '')}?${apiQuery(c)}`;
    if (!slug) {
      const newest = await load<{ data: AnalysisSummaryBody[] }>(c, fetchApi, `/v1/analyses?${apiQuery(c, { limit: '1' })}`);
      if (newest instanceof Response) return newest;
      if (!newest.body.data[0]) return errorPage(c, visitorLang(c), 404);
      path = `/v1/analyses/${encodeURIComponent(newest.body.data[0].slug)}?${apiQuery(c)}`;
    }
    const result = await load<{ data: AnalysisBody }>(c, fetchApi, path);
    if (result instanceof Response) return result;
    const a = result.body.data;
    const downloads = a.attachments.flatMap((f) => {
      const href = safeHref(f.url);
      return href ? [html`<li><a href="${href}" hreflang="${f.lang}" download>${f.title}</a></li>`] : [];
    });
    return c.html(
      page({
        lang: result.lang,
        title: a.title,
        canonical: safeHref(a.url),
        jsonLd: jsonLdDocument(analysisNode(a)),
        // Section bodies were sanitised when written; they are sanitised again here, so what this page renders
        // never depends on how the HTML got into D1. raw() only ever sees the sanitiser's output.
        body: html`<article><h1>${a.title}</h1><p class="muted">${byline(a)} · ${a.licence}</p>
${a.summary ? html`<p>${a.summary}</p>` : ''}
${a.sections.map((s) => html`<section id="${s.anchor}"><h2>${s.heading}</h2>${raw(sanitiseHtml(s.body))}</section>`)}
${downloads.length > 0 ? html`<ul>${downloads}</ul>` : ''}</article>`,
      }),
    );
  });

  router.get('/services', (c) =>
    listPage<ServiceBody>(
      c,
      fetchApi,
      'services',
      {},
      serviceNode,
      (x) => html`<h2>${x.title}</h2>${x.summary ? html`<p>${x.summary}</p>` : ''}`,
    ),
  );

  router.get('/about', async (c) => {
    const result = await load<{ data: AboutBody }>(c, fetchApi, `/v1/about?${apiQuery(c)}`);
    if (result instanceof Response) return result;
    const a = result.body.data;
    return c.html(
      page({
        lang: result.lang,
        title: a.name,
        jsonLd: jsonLdDocument(organizationNode(a)),
        body: html`<h1>${a.name}</h1>${a.tagline ? html`<p><strong>${a.tagline}</strong></p>` : ''}${a.mission ? html`<p>${a.mission}</p>` : ''}
<p>${link(a.contact.website, a.contact.website)}${a.contact.email ? html` · ${link(`mailto:${a.contact.email}`, a.contact.email)}` : ''}</p>`,
      }),
    );
  });

  return router;
}
