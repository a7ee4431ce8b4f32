// GET /embed/<element>?<the element's attributes>: the same content as each widget, rendered on the server
// as plain HTML with schema.org JSON-LD. It reads the public API through the Worker itself, so language
// negotiation, validation, errors and caching are exactly the API's.
import { type Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import { isLang, type Lang } from '../../../schema/columns.ts';
import { SERVICE_FORMATS, type ServiceFormat } from '../../../schema/services.ts';
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
import { INTL_LOCALES, negotiateLanguage } from '../../lib/language.ts';
import { sanitiseHtml } from '../../lib/sanitise.ts';
import { PUBLIC_CACHE_CONTROL } from '../../middleware/edge-cache.ts';
import type { ServiceBody } from '../../services/schemas.ts';
import { errorPage, errorPageFromApi } from '../error-page.ts';
import { type Html, link, richText, safeHref } from '../layout.ts';
import { page } from './page.ts';

export type ApiFetch = (c: Context<AppEnv>, path: string) => Response | Promise<Response>;

type EventItem = EventBody;

const TITLES = {
  events: { nl: 'Activiteiten van Socius', en: 'Events by Socius', fr: 'Activités de Socius' },
  analyses: { nl: 'Analyses van Socius', en: 'Analyses by Socius', fr: 'Analyses de Socius' },
  services: { nl: 'Aanbod van Socius', en: 'What Socius offers', fr: 'Offre de Socius' },
} satisfies Record<string, Record<Lang, string>>;
type Resource = keyof typeof TITLES;
const EMPTY = {
  events: { nl: 'Er zijn geen activiteiten gevonden.', en: 'No events were found.', fr: "Aucune activité n'a été trouvée." },
  analyses: { nl: 'Er zijn geen analyses gevonden.', en: 'No analyses were found.', fr: "Aucune analyse n'a été trouvée." },
  services: { nl: 'Er is geen aanbod gevonden.', en: 'Nothing on offer was found.', fr: "Aucune offre n'a été trouvée." },
} satisfies Record<Resource, Record<Lang, string>>;
const W = {
  register: { nl: 'Inschrijven', en: 'Register', fr: "S'inscrire" },
  online: { nl: 'Online', en: 'Online', fr: 'En ligne' },
  filters: { nl: 'Filters', en: 'Filters', fr: 'Filtres' },
  topic: { nl: 'Thema', en: 'Topic', fr: 'Thème' },
  allTopics: { nl: "Alle thema's", en: 'All topics', fr: 'Tous les thèmes' },
  city: { nl: 'Gemeente', en: 'City', fr: 'Ville' },
  allCities: { nl: 'Alle gemeenten', en: 'All cities', fr: 'Toutes les villes' },
  date: { nl: 'Vanaf', en: 'From', fr: 'À partir du' },
  format: { nl: 'Vorm', en: 'Format', fr: 'Format' },
  allFormats: { nl: 'Alle vormen', en: 'All formats', fr: 'Tous les formats' },
  show: { nl: 'Toon', en: 'Show', fr: 'Afficher' },
  more: { nl: 'Meer tonen', en: 'Show more', fr: 'Afficher la suite' },
} satisfies Record<string, Record<Lang, string>>;
const FORMAT_NAMES: Record<Lang, Record<ServiceFormat, string>> = {
  nl: {
    training: 'Vorming',
    workshop: 'Workshop',
    'inspiration-day': 'Inspiratiedag',
    network: 'Netwerk',
    'tailor-made-support': 'Begeleiding op maat',
    research: 'Onderzoek',
  },
  en: {
    training: 'Training',
    workshop: 'Workshop',
    'inspiration-day': 'Inspiration day',
    network: 'Network',
    'tailor-made-support': 'Tailor-made support',
    research: 'Research',
  },
  fr: {
    training: 'Formation',
    workshop: 'Atelier',
    'inspiration-day': "Journée d'inspiration",
    network: 'Réseau',
    'tailor-made-support': 'Accompagnement sur mesure',
    research: 'Recherche',
  },
};

// The layouts and visible filters of each list element, as its widget offers them (the first layout is the default).
const LAYOUTS: Partial<Record<Resource, readonly string[]>> = {
  events: ['list', 'cards', 'compact', 'calendar'],
  analyses: ['cards', 'list'],
};
const FILTERS: Partial<Record<Resource, readonly string[]>> = { events: ['topic', 'city', 'date'], services: ['topic', 'format'] };
// Each visible filter is a form field named as the API parameter it sets.
const FILTER_PARAM: Record<string, string> = { topic: 'topic', city: 'city', date: 'from', format: 'format' };

// Attributes that only change how a widget looks or behaves in the browser; they mean nothing to the API.
const PRESENTATION = new Set(['layout', 'filters', 'search', 'theme', 'heading-level', 'no-jsonld', 'api-base', 'slug']);

/**
 * The page's query (the element's attributes, kebab-case) as API query parameters (camelCase). Empty values are
 * what a filter form sends for "all", so they are left out; everything else is passed on, so the API itself
 * answers an unknown or bad one with a problem naming it.
 */
function apiQuery(c: Context<AppEnv>, defaults: Record<string, string> = {}, without: string[] = []): string {
  const params = new URLSearchParams();
  for (const [name, value] of new URL(c.req.url).searchParams) {
    if (PRESENTATION.has(name) || value === '' || without.includes(name)) continue;
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

/** How a list looks and which filters it shows, as the widget's `layout` and `filters`; a value it lacks is a 400 page. */
async function presentation(c: Context<AppEnv>, resource: Resource): Promise<{ layout: string; filters: string[] } | Response> {
  const layouts = LAYOUTS[resource] ?? [];
  const filters = FILTERS[resource] ?? [];
  const layout = c.req.query('layout') || layouts[0] || '';
  const chosen = (c.req.query('filters') ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const invalidParams: { name: string; reason: string }[] = [];
  if (c.req.query('layout') && !layouts.includes(layout)) {
    invalidParams.push({
      name: 'layout',
      reason: layouts.length > 0 ? `must be one of ${layouts.join(', ')}` : 'this element has one layout only',
    });
  }
  const unknown = chosen.filter((f) => !filters.includes(f));
  if (unknown.length > 0) {
    invalidParams.push({
      name: 'filters',
      reason: filters.length > 0 ? `takes ${filters.join(', ')}; not ${unknown.join(', ')}` : 'this element has no filters',
    });
  }
  if (invalidParams.length > 0) return errorPage(c, visitorLang(c), 400, { invalidParams });
  return { layout, filters: chosen };
}

const place = (e: EventItem, lang: Lang) =>
  [e.venue?.name, e.venue?.city].filter(Boolean).join(', ') || (e.onlineUrl ? W.online[lang] : '');

const longDate = (iso: string, lang: Lang, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }) =>
  new Intl.DateTimeFormat(INTL_LOCALES[lang], { ...options, timeZone: 'Europe/Brussels' }).format(new Date(iso));

/** Authors and the publication date, written the way the page's language writes dates. */
const byline = (a: AnalysisSummaryBody, lang: Lang) =>
  html`${a.authors.map((x) => x.name).join(', ')} · <time datetime="${a.publishedAt}">${longDate(a.publishedAt, lang)}</time>`;

type Level = 'h1' | 'h2' | 'h3';
const heading = (level: Level, content: unknown) =>
  level === 'h1' ? html`<h1>${content}</h1>` : level === 'h2' ? html`<h2>${content}</h2>` : html`<h3>${content}</h3>`;

function eventItem(e: EventItem, lang: Lang, level: Level, compact = false) {
  // The date line already names a cancellation or a move; the badge says it only where the line does not.
  const label = e.status === 'scheduled' ? undefined : STATUS_LABELS[lang][e.status];
  const status = label && !e.dateSummary.includes(label) ? label : undefined;
  const registration = e.status === 'cancelled' ? undefined : safeHref(e.registration.url);
  const where = place(e, lang);
  const title = level === 'h1' ? e.title : link(e.links.html, e.title);
  if (compact) {
    return html`${heading(level, title)}
<p><strong>${e.dateSummary}</strong>${where ? html` · <span class="muted">${where}</span>` : ''}${status ? html` <span class="badge">${status}</span>` : ''}</p>`;
  }
  return html`${heading(level, title)}
<p><strong>${e.dateSummary}</strong>${where ? html` · <span class="muted">${where}</span>` : ''}</p>
${status ? html`<p><span class="badge">${status}</span></p>` : ''}
${e.summary ? html`<p>${e.summary}</p>` : ''}
${level === 'h1' && e.description ? richText(e.description) : ''}
${registration ? html`<p><a href="${registration}">${W.register[lang]}<span class="vh">: ${e.title}</span></a></p>` : ''}`;
}

type Facet = { value: string; label: string; count: number };
interface ListBody<T> {
  data: T[];
  total: number;
  totalIsLowerBound?: boolean;
  nextCursor: string | null;
  facets?: Record<string, Facet[]>;
}

/** A select of one filter: "all", then each value; the current choice stays selected. */
const select = (name: string, label: string, all: string, options: { value: string; label: string }[], chosen: string) =>
  html`<label>${label} <select name="${name}"><option value="">${all}</option>${options.map(
    (o) => html`<option value="${o.value}"${o.value === chosen ? ' selected' : ''}>${o.label}</option>`,
  )}</select></label>`;

/**
 * The visible filters as a plain GET form (no script): the other attributes of the page ride along as hidden
 * fields, and the result opens in the same frame.
 */
function filterForm(c: Context<AppEnv>, lang: Lang, filters: string[], options: Record<string, Facet[]>): Html | '' {
  if (filters.length === 0) return '';
  const own = new Set(filters.map((f) => FILTER_PARAM[f] ?? f));
  const hidden = [...new URL(c.req.url).searchParams].filter(([name]) => !own.has(name) && name !== 'cursor');
  const chosen = (name: string) => c.req.query(name) ?? '';
  const field = (filter: string): Html | '' => {
    if (filter === 'topic') return select('topic', W.topic[lang], W.allTopics[lang], options.topic ?? [], chosen('topic'));
    if (filter === 'city') return select('city', W.city[lang], W.allCities[lang], options.city ?? [], chosen('city'));
    if (filter === 'format') {
      const formats = SERVICE_FORMATS.map((f) => ({ value: f, label: FORMAT_NAMES[lang][f] }));
      return select('format', W.format[lang], W.allFormats[lang], formats, chosen('format'));
    }
    if (filter === 'date') return html`<label>${W.date[lang]} <input type="date" name="from" value="${chosen('from')}"></label>`;
    return '';
  };
  return html`<form class="filters" method="get" action="${c.req.path}" target="_self" role="search" aria-label="${W.filters[lang]}">
${hidden.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
${filters.map(field)}
<button type="submit">${W.show[lang]}</button>
</form>`;
}

/**
 * What each filter offers: the values of the current result (the API's facets), each computed without its own
 * choice, so a visitor who picked one topic can still switch to another. Topics without facets come from the list.
 */
async function filterOptions(
  c: Context<AppEnv>,
  lang: Lang,
  fetchApi: ApiFetch,
  resource: Resource,
  filters: string[],
  facets: Record<string, Facet[]> | undefined,
): Promise<Record<string, Facet[]>> {
  const options: Record<string, Facet[]> = {};
  for (const filter of filters) {
    if (resource === 'events' && (filter === 'topic' || filter === 'city')) {
      if (!c.req.query(filter)) {
        options[filter] = facets?.[filter] ?? [];
        continue;
      }
      const query = apiQuery(c, { facets: filter, limit: '1' }, [filter, 'cursor', 'limit', 'facets']);
      const response = await fetchApi(c, `/v1/events?${query}`);
      options[filter] = response.ok ? (((await response.json()) as ListBody<EventItem>).facets?.[filter] ?? []) : [];
    } else if (filter === 'topic') {
      const response = await fetchApi(c, `/v1/topics?lang=${lang}`);
      const topics = response.ok ? ((await response.json()) as { data: { slug: string; name: string }[] }).data : [];
      options.topic = topics.map((t) => ({ value: t.slug, label: t.name, count: 0 }));
    }
  }
  return options;
}

/** The next page of the same list, in the same frame. */
function moreLink(c: Context<AppEnv>, lang: Lang, nextCursor: string | null): Html | '' {
  if (!nextCursor) return '';
  const params = new URL(c.req.url).searchParams;
  params.set('cursor', nextCursor);
  return html`<p class="more"><a href="${c.req.path}?${params.toString()}" target="_self" rel="next">${W.more[lang]}</a></p>`;
}

/** Events of one page grouped by their day, for the calendar layout. */
function byDay(events: EventItem[], lang: Lang): Html {
  const days = new Map<string, EventItem[]>();
  for (const e of events) {
    const day = longDate(e.startsAt, lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  return html`<div class="days">${[...days].map(
    ([day, list]) =>
      html`<section class="day"><h2><time datetime="${list[0]?.startsAt.slice(0, 10)}">${day}</time></h2><ul class="items">${list.map(
        (e) => html`<li>${eventItem(e, lang, 'h3', true)}</li>`,
      )}</ul></section>`,
  )}</div>`;
}

/** A page of one list: the filters, the API's page as items in the chosen layout, a "more" link, and an ItemList. */
async function listPage<T>(
  c: Context<AppEnv>,
  fetchApi: ApiFetch,
  resource: Resource,
  defaults: Record<string, string>,
  node: (item: T) => JsonLdNode,
  render: (items: T[], lang: Lang, layout: string) => Html,
) {
  const view = await presentation(c, resource);
  if (view instanceof Response) return view;
  const facetFilters = resource === 'events' ? view.filters.filter((f) => f === 'topic' || f === 'city') : [];
  const query = apiQuery(c, { ...defaults, ...(facetFilters.length > 0 ? { facets: facetFilters.join(',') } : {}) });
  const result = await load<ListBody<T>>(c, fetchApi, `/v1/${resource}?${query}`);
  if (result instanceof Response) return result;
  const lang = result.lang;
  const title = TITLES[resource][lang];
  const options = await filterOptions(c, lang, fetchApi, resource, view.filters, result.body.facets);
  return c.html(
    page({
      lang,
      title,
      jsonLd: jsonLdDocument(itemList(result.body.data, node, result.body.totalIsLowerBound ? undefined : result.body.total)),
      body: html`<h1>${title}</h1>
${filterForm(c, lang, view.filters, options)}
${result.body.data.length === 0 ? html`<p>${EMPTY[resource][lang]}</p>` : render(result.body.data, lang, view.layout)}
${moreLink(c, lang, result.body.nextCursor)}`,
    }),
  );
}

const itemsList = <T>(items: T[], layout: string, item: (x: T) => Html) =>
  html`<ul class="items layout-${layout}">${items.map((x) => html`<li>${item(x)}</li>`)}</ul>`;

export function createEmbedRouter(fetchApi: ApiFetch) {
  const router = new Hono<AppEnv>();
  router.use('*', async (c, next) => {
    await next();
    if (c.res.ok && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  });

  router.get('/events', (c) =>
    listPage<EventItem>(c, fetchApi, 'events', { limit: '6' }, eventNode, (events, lang, layout) =>
      layout === 'calendar' ? byDay(events, lang) : itemsList(events, layout, (e) => eventItem(e, lang, 'h2', layout === 'compact')),
    ),
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
        canonical: safeHref(event.links.html),
        jsonLd: jsonLdDocument(eventNode(event)),
        body: eventItem(event, result.lang, 'h1'),
      }),
    );
  });

  router.get('/analyses', (c) =>
    listPage<AnalysisSummaryBody>(c, fetchApi, 'analyses', { limit: '3' }, analysisNode, (analyses, lang, layout) =>
      itemsList(
        analyses,
        layout,
        (a) =>
          html`<h2>${link(a.links.html, a.title)}</h2><p class="muted">${byline(a, lang)}</p>${a.summary ? html`<p>${a.summary}</p>` : ''}`,
      ),
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
        canonical: safeHref(a.links.html),
        jsonLd: jsonLdDocument(analysisNode(a)),
        // Section bodies were sanitised when written; they are sanitised again here, so what this page renders
        // never depends on how the HTML got into D1. raw() only ever sees the sanitiser's output.
        body: html`<article><h1>${link(a.links.html, a.title)}</h1><p class="muted">${byline(a, result.lang)} · ${a.licence}</p>
${a.summary ? html`<p>${a.summary}</p>` : ''}
${a.sections.map((s) => html`<section id="${s.anchor}"><h2>${s.heading}</h2>${raw(sanitiseHtml(s.body))}</section>`)}
${downloads.length > 0 ? html`<ul>${downloads}</ul>` : ''}</article>`,
      }),
    );
  });

  router.get('/services', (c) =>
    listPage<ServiceBody>(c, fetchApi, 'services', {}, serviceNode, (services, lang) =>
      itemsList(
        services,
        'list',
        (x) =>
          html`<h2>${link(x.links.html, x.title)}</h2><p class="muted">${FORMAT_NAMES[lang][x.format]}</p>${x.summary ? html`<p>${x.summary}</p>` : ''}`,
      ),
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
