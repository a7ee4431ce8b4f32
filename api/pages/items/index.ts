// GET /{lang}/events/{slug}, /{lang}/analyses/{slug}, /{lang}/services/{slug}, /{lang}/about, and the topics
// (/{lang}/topics, /{lang}/topics/{slug}, listing their items): the readable page of every published item, what `links.html` in the API points to and what titles link to. Like /embed, it reads
// the public API through the Worker itself, so what a page shows is exactly what the API serves.
import { type Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import { LANGS, type Lang } from '../../../schema/columns.ts';
import type { AboutBody } from '../../about/schemas.ts';
import type { AnalysisBody, AnalysisSummaryBody } from '../../analyses/schemas.ts';
import type { AppEnv } from '../../env.ts';
import type { EventBody } from '../../events/schemas.ts';
import { discoveryTags } from '../../feeds/discovery.ts';
import {
  analysisNode,
  eventNode,
  itemList,
  type JsonLdNode,
  jsonLdDocument,
  organizationNode,
  serviceNode,
  topicNode,
} from '../../json-ld/schema-org.ts';
import { ATTENDANCE_LABELS, STATUS_LABELS } from '../../lib/labels.ts';
import { INTL_LOCALES } from '../../lib/language.ts';
import { type PageKind, pagePath } from '../../lib/links.ts';
import { sanitiseHtml } from '../../lib/sanitise.ts';
import type { ServiceBody } from '../../services/schemas.ts';
import type { TopicBody } from '../../topics/schemas.ts';
import type { ApiFetch } from '../embed/index.ts';
import { EMBED_STYLE } from '../embed/page.ts';
import { errorPage, errorPageFromApi } from '../error-page.ts';
import { type Html, htmlDocument, jsonLdScript, link, richText, safeHref, styleElement } from '../layout.ts';

const W = {
  when: { nl: 'Wanneer', en: 'When', fr: 'Quand' },
  where: { nl: 'Waar', en: 'Where', fr: 'Où' },
  price: { nl: 'Prijs', en: 'Price', fr: 'Prix' },
  free: { nl: 'Gratis', en: 'Free', fr: 'Gratuit' },
  organiser: { nl: 'Organisator', en: 'Organiser', fr: 'Organisateur' },
  audience: { nl: 'Voor wie', en: 'For whom', fr: 'Pour qui' },
  accessibility: { nl: 'Toegankelijkheid', en: 'Accessibility', fr: 'Accessibilité' },
  sessions: { nl: 'Sessies', en: 'Sessions', fr: 'Séances' },
  topics: { nl: "Thema's", en: 'Topics', fr: 'Thèmes' },
  register: { nl: 'Inschrijven', en: 'Register', fr: "S'inscrire" },
  full: { nl: 'Volzet', en: 'Fully booked', fr: 'Complet' },
  calendar: { nl: 'Zet in je agenda (.ics)', en: 'Add to calendar (.ics)', fr: 'Ajouter à l’agenda (.ics)' },
  online: { nl: 'Online', en: 'Online', fr: 'En ligne' },
  authors: { nl: 'Auteurs', en: 'Authors', fr: 'Auteurs' },
  published: { nl: 'Gepubliceerd', en: 'Published', fr: 'Publié le' },
  revised: { nl: 'Herzien', en: 'Revised', fr: 'Révisé le' },
  licence: { nl: 'Licentie', en: 'Licence', fr: 'Licence' },
  attachments: { nl: 'Downloads', en: 'Downloads', fr: 'Téléchargements' },
  contact: { nl: 'Contact', en: 'Contact', fr: 'Contact' },
  more: { nl: 'Meer informatie', en: 'More information', fr: "Plus d'informations" },
  offer: { nl: 'Aanbod', en: 'What we offer', fr: 'Offre' },
  stakeholders: { nl: 'Voor wie', en: 'Stakeholders', fr: 'Pour qui' },
  region: { nl: 'Werkgebied', en: 'Region', fr: 'Région' },
  subsidiser: { nl: 'Gesubsidieerd door', en: 'Funded by', fr: 'Subventionné par' },
  languages: { nl: 'Andere talen', en: 'Other languages', fr: 'Autres langues' },
  onlineLink: { nl: 'Online deelnemen', en: 'Join online', fr: 'Participer en ligne' },
  allTopics: { nl: "Alle thema's", en: 'All topics', fr: 'Tous les thèmes' },
  upcoming: { nl: 'Komende activiteiten', en: 'Upcoming events', fr: 'Activités à venir' },
  analyses: { nl: 'Analyses', en: 'Analyses', fr: 'Analyses' },
  services: { nl: 'Aanbod', en: 'What we offer', fr: 'Offre' },
  topicEmpty: {
    nl: 'Er zijn nog geen activiteiten, analyses of aanbod over dit thema.',
    en: 'There are no events, analyses or services on this topic yet.',
    fr: "Il n'y a pas encore d'activités, d'analyses ni d'offre sur ce thème.",
  },
  topicsEmpty: { nl: "Er zijn nog geen thema's.", en: 'There are no topics yet.', fr: "Il n'y a pas encore de thèmes." },
} satisfies Record<string, Record<Lang, string>>;

const LANGUAGE_NAMES: Record<Lang, string> = { nl: 'Nederlands', en: 'English', fr: 'Français' };
const OG_LOCALES: Record<Lang, string> = { nl: 'nl_BE', en: 'en_GB', fr: 'fr_BE' };

// The /embed look, plus what a page of its own needs: a readable measure, a button, and a layout for paper.
const STYLE = `${EMBED_STYLE}
main{max-width:42rem;margin:0 auto}
dl{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:.25rem 1rem;margin:0 0 1rem}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
@media (max-width:32rem){dl{grid-template-columns:minmax(0,1fr);gap:0}dd{margin-bottom:.5rem}}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
.button{display:inline-block;padding:.4rem .9rem;border-radius:.3rem;background:var(--accent);color:Canvas;text-decoration:none;font-weight:600}
nav.langs{margin-top:2rem;font-size:.9em}
p.all{margin-top:1.5rem}
section h2{font-size:1.15rem;margin-top:1.5rem}
@media print{
  :root{color-scheme:light;font-size:11pt}
  body{padding:0;max-width:none;color:#000;background:#fff}
  a{color:#000}
  .actions,nav.langs{display:none}
  article a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;word-break:break-all}
  h1,h2{break-after:avoid}section{break-inside:avoid-page}
}
`;

/** One line of `label: value` when there is a value. */
const row = (label: string, value: unknown) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');

const longDate = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(INTL_LOCALES[lang], { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(new Date(iso));

/** The item's topics, each a link to its topic page. */
const topicsLine = (topics: { slug: string; name: string }[], lang: Lang): Html | '' =>
  topics.length === 0
    ? ''
    : html`${topics.map((t, i) => html`${i > 0 ? ', ' : ''}<a href="${pagePath(lang, 'topics', t.slug)}">${t.name}</a>`)}`;

export interface ItemPage {
  lang: Lang;
  kind: PageKind;
  slug?: string;
  title: string;
  description: string | null;
  ogType: 'article' | 'website';
  jsonLd: JsonLdNode;
  /** The analysis shown, for its citation tags. */
  analysis?: AnalysisBody;
  body: Html;
}

/**
 * Everything in the page's <head> besides the shell: canonical URL, alternates in every language plus `x-default`
 * (Dutch, the default language), Open Graph and Twitter card tags, the page style and the schema.org data from the
 * one mapping. One function, so tags that other parts add (feed discovery, oEmbed, citation) go in one place.
 */
export function itemHead(origin: string, item: ItemPage): Html {
  const url = (lang: Lang) => `${origin}${pagePath(lang, item.kind, item.slug)}`;
  const others = LANGS.filter((l) => l !== item.lang);
  return html`<link rel="canonical" href="${url(item.lang)}">
${LANGS.map((l) => html`<link rel="alternate" hreflang="${l}" href="${url(l)}">\n`)}<link rel="alternate" hreflang="x-default" href="${url('nl')}">
${item.description ? html`<meta name="description" content="${item.description}">` : ''}
<meta property="og:type" content="${item.ogType}">
<meta property="og:site_name" content="Socius">
<meta property="og:title" content="${item.title}">
${item.description ? html`<meta property="og:description" content="${item.description}">` : ''}
<meta property="og:url" content="${url(item.lang)}">
<meta property="og:locale" content="${OG_LOCALES[item.lang]}">
${others.map((l) => html`<meta property="og:locale:alternate" content="${OG_LOCALES[l]}">\n`)}<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${item.title}">
${item.description ? html`<meta name="twitter:description" content="${item.description}">` : ''}
${styleElement(STYLE)}
${jsonLdScript(jsonLdDocument(item.jsonLd))}
${discoveryTags({ origin, lang: item.lang, kind: item.kind, url: url(item.lang), title: item.title, ...(item.analysis ? { analysis: item.analysis } : {}) })}`;
}

/** The document: the head above, the item itself, and links to its translations. */
function itemDocument(c: Context<AppEnv>, item: ItemPage): Html {
  const origin = new URL(c.req.url).origin;
  const url = (lang: Lang) => `${origin}${pagePath(lang, item.kind, item.slug)}`;
  const others = LANGS.filter((l) => l !== item.lang);
  return htmlDocument({
    lang: item.lang,
    title: `${item.title} · Socius`,
    head: itemHead(origin, item),
    body: html`<main>
<article>
${item.body}
</article>
<nav class="langs" aria-label="${W.languages[item.lang]}"><ul>${others.map(
      (l) => html`<li><a href="${url(l)}" hreflang="${l}" lang="${l}">${LANGUAGE_NAMES[l]}</a></li>`,
    )}</ul></nav>
</main>`,
  });
}

function eventBody(e: EventBody, lang: Lang, origin: string): Html {
  const status = e.status === 'scheduled' ? undefined : STATUS_LABELS[lang][e.status];
  const venue = e.venue;
  const address = venue
    ? [venue.name, venue.street, [venue.postalCode, venue.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')
    : '';
  const online = e.attendanceMode !== 'offline' ? W.online[lang] : '';
  const where = [address, online].filter(Boolean).join(' · ');
  const registration = e.status === 'cancelled' ? undefined : safeHref(e.registration.url);
  const price = e.price.free
    ? W.free[lang]
    : e.price.amountCents !== null
      ? new Intl.NumberFormat(INTL_LOCALES[lang], { style: 'currency', currency: e.price.currency }).format(e.price.amountCents / 100)
      : '';
  const calendar = `${origin}/v1/events/${encodeURIComponent(e.slug)}/calendar.ics?lang=${lang}`;
  return html`<h1>${e.title}</h1>
<p><strong>${e.dateSummary}</strong>${where ? html` · <span class="muted">${where}</span>` : ''}</p>
${status ? html`<p><span class="badge">${status}</span>${e.statusReason ? html` ${e.statusReason}` : ''}</p>` : ''}
${e.summary ? html`<p>${e.summary}</p>` : ''}
${e.description ? richText(e.description) : ''}
<div class="actions">
${registration && e.registration.availability !== 'full' ? html`<a class="button" href="${registration}">${W.register[lang]}<span class="vh">: ${e.title}</span></a>` : ''}
${e.registration.availability === 'full' && e.status !== 'cancelled' ? html`<span class="badge">${W.full[lang]}</span>` : ''}
<a href="${calendar}" download>${W.calendar[lang]}</a>
</div>
<dl>
${row(W.when[lang], e.dateSummary)}
${row(W.where[lang], [address, e.attendanceMode === 'offline' ? '' : ATTENDANCE_LABELS[lang][e.attendanceMode]].filter(Boolean).join(' — '))}
${e.status === 'cancelled' ? '' : row(W.onlineLink[lang], e.onlineUrl && safeHref(e.onlineUrl) ? link(e.onlineUrl, e.onlineUrl) : '')}
${row(W.price[lang], [price, e.price.note].filter(Boolean).join(' — '))}
${row(W.organiser[lang], link(e.organiser.url, e.organiser.name))}
${row(W.audience[lang], e.audience)}
${row(W.accessibility[lang], e.accessibility)}
${row(W.topics[lang], topicsLine(e.topics, lang))}
</dl>
${
  e.sessions.length > 1
    ? html`<section><h2>${W.sessions[lang]}</h2><ul>${e.sessions.map(
        (s) =>
          html`<li><time datetime="${s.startsAt}">${new Intl.DateTimeFormat(INTL_LOCALES[lang], {
            dateStyle: 'full',
            timeStyle: 'short',
            timeZone: 'Europe/Brussels',
          }).format(
            new Date(s.startsAt),
          )}</time>${s.status === 'scheduled' ? '' : html` <span class="badge">${STATUS_LABELS[lang][s.status]}</span>`}</li>`,
      )}</ul></section>`
    : ''
}
${e.service ? html`<p>${link(`${origin}${pagePath(lang, 'services', e.service.slug)}`, e.service.title)}</p>` : ''}`;
}

function analysisBody(a: AnalysisBody, lang: Lang): Html {
  const downloads = a.attachments.flatMap((f) => {
    const href = safeHref(f.url);
    return href
      ? [html`<li><a href="${href}" hreflang="${f.lang}" download>${f.title}</a> <span class="muted">(${f.lang})</span></li>`]
      : [];
  });
  const authors = a.authors.map((x) => (x.affiliation ? `${x.name} (${x.affiliation})` : x.name)).join(', ');
  return html`<h1>${a.title}</h1>
<dl>
${row(W.authors[lang], authors)}
${row(W.published[lang], html`<time datetime="${a.publishedAt}">${longDate(a.publishedAt, lang)}</time>`)}
${a.revisedAt ? row(W.revised[lang], html`<time datetime="${a.revisedAt}">${longDate(a.revisedAt, lang)}</time>`) : ''}
${row(W.licence[lang], link(`https://spdx.org/licenses/${encodeURIComponent(a.licence)}.html`, a.licence))}
${row(W.topics[lang], topicsLine(a.topics, lang))}
</dl>
${a.summary ? html`<p><strong>${a.summary}</strong></p>` : ''}
${a.sections.map(
  // Sanitised again at render, so the page never depends on how the HTML got into D1; raw() only sees its output.
  (s) => html`<section id="${s.anchor}"><h2>${s.heading}</h2>${raw(sanitiseHtml(s.body))}</section>`,
)}
${downloads.length > 0 ? html`<section><h2>${W.attachments[lang]}</h2><ul>${downloads}</ul></section>` : ''}`;
}

function serviceBody(s: ServiceBody, lang: Lang): Html {
  return html`<h1>${s.title}</h1>
${s.summary ? html`<p><strong>${s.summary}</strong></p>` : ''}
${s.description ? html`<p>${s.description}</p>` : ''}
<dl>
${row(W.audience[lang], s.audience)}
${row(W.topics[lang], topicsLine(s.topics, lang))}
${row(W.contact[lang], s.contact.email ? link(`mailto:${s.contact.email}`, s.contact.email) : '')}
</dl>
${safeHref(s.link) ? html`<div class="actions"><a class="button" href="${safeHref(s.link)}">${W.more[lang]}<span class="vh">: ${s.title}</span></a></div>` : ''}`;
}

function aboutBody(a: AboutBody, lang: Lang): Html {
  const address = a.contact.address;
  return html`<h1>${a.name}</h1>
${a.tagline ? html`<p><strong>${a.tagline}</strong></p>` : ''}
${a.mission ? html`<p>${a.mission}</p>` : ''}
${a.offer ? html`<section><h2>${W.offer[lang]}</h2><p>${a.offer}</p></section>` : ''}
${a.stakeholders ? html`<section><h2>${W.stakeholders[lang]}</h2><p>${a.stakeholders}</p></section>` : ''}
<dl>
${row(W.region[lang], a.region)}
${row(W.subsidiser[lang], a.subsidiser)}
${row(W.contact[lang], html`${link(a.contact.website, a.contact.website)}${a.contact.email ? html` · ${link(`mailto:${a.contact.email}`, a.contact.email)}` : ''}${a.contact.phone ? html` · ${a.contact.phone}` : ''}`)}
${address ? row(W.where[lang], [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')) : ''}
</dl>
${
  a.socialLinks.length > 0
    ? html`<ul>${a.socialLinks.flatMap((s) => (safeHref(s.url) ? [html`<li>${link(s.url, s.network)}</li>`] : []))}</ul>`
    : ''
}`;
}

// Grouped: a bare alternation in a Hono param pattern is not anchored per segment, so `nl|en|fr` matched any path containing "en" (/v1/events/…).
const LANG_PATTERN = `:lang{(?:${LANGS.join('|')})}`;

export function createItemPagesRouter(fetchApi: ApiFetch) {
  const router = new Hono<AppEnv>();

  /** Reads one item from the API in the page's language; an error becomes the page's own error page. */
  async function load<T>(c: Context<AppEnv>, lang: Lang, path: string): Promise<T | Response> {
    const response = await fetchApi(c, `${path}?lang=${lang}`);
    // The only parameter of an item page is its slug: one the API refuses (malformed) names no item either.
    if (response.status === 400) return errorPage(c, lang, 404);
    if (!response.ok) return errorPageFromApi(c, lang, response);
    const cacheControl = response.headers.get('Cache-Control');
    if (cacheControl) c.header('Cache-Control', cacheControl);
    c.header('Content-Language', lang);
    return ((await response.json()) as { data: T }).data;
  }
  const langOf = (c: Context<AppEnv>) => c.req.param('lang') as Lang;

  /**
   * One list for a page that shows several. A list that fails leaves its section out rather than the whole page,
   * and the page is then not kept anywhere, so the next visitor gets it complete.
   */
  async function listOf<T>(c: Context<AppEnv>, path: string): Promise<T[]> {
    const response = await fetchApi(c, path);
    if (response.ok) return ((await response.json()) as { data: T[] }).data;
    c.header('Cache-Control', 'no-store');
    return [];
  }

  router.get(`/${LANG_PATTERN}/events/:slug`, async (c) => {
    const lang = langOf(c);
    const e = await load<EventBody>(c, lang, `/v1/events/${encodeURIComponent(c.req.param('slug'))}`);
    if (e instanceof Response) return e;
    const origin = new URL(c.req.url).origin;
    return c.html(
      itemDocument(c, {
        lang,
        kind: 'events',
        slug: e.slug,
        title: e.title,
        description: e.summary,
        ogType: 'website',
        jsonLd: eventNode(e),
        body: eventBody(e, lang, origin),
      }),
    );
  });

  router.get(`/${LANG_PATTERN}/analyses/:slug`, async (c) => {
    const lang = langOf(c);
    const a = await load<AnalysisBody>(c, lang, `/v1/analyses/${encodeURIComponent(c.req.param('slug'))}`);
    if (a instanceof Response) return a;
    return c.html(
      itemDocument(c, {
        lang,
        kind: 'analyses',
        slug: a.slug,
        title: a.title,
        description: a.summary,
        ogType: 'article',
        jsonLd: analysisNode(a),
        analysis: a,
        body: analysisBody(a, lang),
      }),
    );
  });

  router.get(`/${LANG_PATTERN}/services/:slug`, async (c) => {
    const lang = langOf(c);
    const s = await load<ServiceBody>(c, lang, `/v1/services/${encodeURIComponent(c.req.param('slug'))}`);
    if (s instanceof Response) return s;
    return c.html(
      itemDocument(c, {
        lang,
        kind: 'services',
        slug: s.slug,
        title: s.title,
        description: s.summary,
        ogType: 'website',
        jsonLd: serviceNode(s),
        body: serviceBody(s, lang),
      }),
    );
  });

  router.get(`/${LANG_PATTERN}/about`, async (c) => {
    const lang = langOf(c);
    const a = await load<AboutBody>(c, lang, '/v1/about');
    if (a instanceof Response) return a;
    return c.html(
      itemDocument(c, {
        lang,
        kind: 'about',
        title: a.name,
        description: a.tagline ?? a.mission,
        ogType: 'website',
        jsonLd: organizationNode(a),
        body: aboutBody(a, lang),
      }),
    );
  });

  router.get(`/${LANG_PATTERN}/topics/:slug`, async (c) => {
    const lang = langOf(c);
    const slug = c.req.param('slug');
    const topic = await load<TopicBody>(c, lang, `/v1/topics/${encodeURIComponent(slug)}`);
    if (topic instanceof Response) return topic;
    const filter = `lang=${lang}&topic=${encodeURIComponent(topic.slug)}`;
    const [events, analyses, services] = await Promise.all([
      listOf<EventBody>(c, `/v1/events?${filter}&limit=20`),
      listOf<AnalysisSummaryBody>(c, `/v1/analyses?${filter}&limit=20`),
      listOf<ServiceBody>(c, `/v1/services?${filter}&limit=100`),
    ]);
    const origin = new URL(c.req.url).origin;
    const url = `${origin}${pagePath(lang, 'topics', topic.slug)}`;
    const section = <T extends { links: { html: string }; title: string }>(title: string, items: T[], detail: (x: T) => unknown) =>
      items.length === 0
        ? ''
        : html`<section><h2>${title}</h2><ul class="items">${items.map(
            (x) => html`<li><h3>${link(x.links.html, x.title)}</h3><p class="muted">${detail(x)}</p></li>`,
          )}</ul></section>`;
    return c.html(
      itemDocument(c, {
        lang,
        kind: 'topics',
        slug: topic.slug,
        title: topic.name,
        description: topic.description,
        ogType: 'website',
        // The page is a collection about the topic, its items in the order shown, from the one mapping.
        jsonLd: {
          '@type': 'CollectionPage',
          '@id': url,
          url,
          name: topic.name,
          description: topic.description ?? undefined,
          inLanguage: lang,
          about: topicNode(topic),
          mainEntity: itemList([...events.map(eventNode), ...analyses.map(analysisNode), ...services.map(serviceNode)], (node) => node),
        },
        body: html`<h1>${topic.name}</h1>
${topic.description ? html`<p>${topic.description}</p>` : ''}
${events.length + analyses.length + services.length === 0 ? html`<p>${W.topicEmpty[lang]}</p>` : ''}
${section(W.upcoming[lang], events, (e) => e.dateSummary)}
${section(W.analyses[lang], analyses, (a) => html`<time datetime="${a.publishedAt}">${longDate(a.publishedAt, lang)}</time>`)}
${section(W.services[lang], services, (s) => s.summary)}
<p class="all"><a href="${pagePath(lang, 'topics')}">${W.allTopics[lang]}</a></p>`,
      }),
    );
  });

  router.get(`/${LANG_PATTERN}/topics`, async (c) => {
    const lang = langOf(c);
    const topics = await load<TopicBody[]>(c, lang, '/v1/topics');
    if (topics instanceof Response) return topics;
    const origin = new URL(c.req.url).origin;
    const pageOf = (t: TopicBody) => `${origin}${pagePath(lang, 'topics', t.slug)}`;
    return c.html(
      itemDocument(c, {
        lang,
        kind: 'topics',
        title: W.allTopics[lang],
        description: null,
        ogType: 'website',
        jsonLd: itemList(topics, (t) => ({ ...topicNode(t), '@id': pageOf(t), url: pageOf(t) })),
        body: html`<h1>${W.allTopics[lang]}</h1>
${
  topics.length === 0
    ? html`<p>${W.topicsEmpty[lang]}</p>`
    : html`<ul class="items">${topics.map(
        (t) => html`<li><h2>${link(pageOf(t), t.name)}</h2>${t.description ? html`<p class="muted">${t.description}</p>` : ''}</li>`,
      )}</ul>`
}`,
      }),
    );
  });

  // Anything else under a language prefix is a page that does not exist: say so as a page, in that language.
  router.get(`/${LANG_PATTERN}/*`, (c) => errorPage(c, langOf(c), 404));
  router.get(`/${LANG_PATTERN}`, (c) => errorPage(c, langOf(c), 404));

  return router;
}
