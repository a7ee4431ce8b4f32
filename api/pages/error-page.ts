// Error pages for people: a visitor who follows a stale link or a partner's mistyped embed reads what went wrong
// in their language, as a page, never as the API's problem+json (which is written for developers).
import type { Context, MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Lang } from '../../schema/columns.ts';
import type { AppEnv } from '../env.ts';
import { PROBLEM_CONTENT_TYPE } from '../errors.ts';
import { negotiateLanguage } from '../lib/language.ts';
import { EMBED_STYLE } from './embed/page.ts';
import { htmlDocument, styleElement } from './layout.ts';

const WORDS = {
  notFound: { nl: 'Niet gevonden', en: 'Not found', fr: 'Introuvable' },
  notFoundText: {
    nl: 'Deze pagina bestaat niet (meer), of is nog niet gepubliceerd.',
    en: 'This page does not exist (any more), or has not been published yet.',
    fr: "Cette page n'existe pas (ou plus), ou n'a pas encore été publiée.",
  },
  badRequest: { nl: 'Ongeldige aanvraag', en: 'Invalid request', fr: 'Requête invalide' },
  badRequestText: {
    nl: 'Deze pagina kan zo niet getoond worden. Wat niet klopt:',
    en: 'This page cannot be shown as asked. What is wrong:',
    fr: 'Cette page ne peut pas être affichée ainsi. Ce qui ne va pas :',
  },
  failed: { nl: 'Er ging iets mis', en: 'Something went wrong', fr: "Une erreur s'est produite" },
  failedText: {
    nl: 'Probeer het later opnieuw.',
    en: 'Please try again later.',
    fr: 'Veuillez réessayer plus tard.',
  },
  home: { nl: 'Naar de startpagina', en: 'Go to the home page', fr: "Aller à la page d'accueil" },
} satisfies Record<string, Record<Lang, string>>;

/** What the API said was wrong, as far as a page shows it: each parameter and why. */
export interface PageProblem {
  detail?: string;
  invalidParams?: { name: string; reason: string }[];
}

/** The document of an error page in `lang`; for a 400, the parameters that were wrong. */
function errorDocument(lang: Lang, status: number, problem: PageProblem) {
  const [title, text] =
    status === 404
      ? [WORDS.notFound[lang], WORDS.notFoundText[lang]]
      : status < 500
        ? [WORDS.badRequest[lang], WORDS.badRequestText[lang]]
        : [WORDS.failed[lang], WORDS.failedText[lang]];
  const params = status !== 404 && status < 500 ? (problem.invalidParams ?? []) : [];
  return htmlDocument({
    lang,
    title,
    head: html`<meta name="robots" content="noindex">${styleElement(EMBED_STYLE)}`,
    body: html`<main>
<h1>${title}</h1>
<p>${text}</p>
${
  params.length > 0
    ? html`<ul>${params.map((p) => html`<li><code>${p.name}</code>: ${p.reason}</li>`)}</ul>`
    : status !== 404 && status < 500 && problem.detail
      ? html`<p>${problem.detail}</p>`
      : ''
}
<p><a href="/">${WORDS.home[lang]}</a></p>
</main>`,
  });
}

/** An HTML error page in `lang` with the given status; for a 400, the parameters that were wrong. */
export function errorPage(c: Context<AppEnv>, lang: Lang, status: ContentfulStatusCode, problem: PageProblem = {}) {
  c.header('Content-Language', lang);
  c.header('Cache-Control', 'no-store');
  return c.html(errorDocument(lang, status, problem), status);
}

/**
 * Outside the JSON API (/v1, and /oembed, which documents its 404 as problem+json), a path that answers 404 is a page
 * a person mistyped or followed from a stale link: a browser (which asks for text/html) gets the 404 page in the
 * visitor's language; any other client keeps the problem+json.
 */
export const notFoundPageForPeople: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const path = c.req.path;
  if (c.res.status !== 404 || path === '/v1' || path.startsWith('/v1/') || path === '/oembed') return;
  if (!c.res.headers.get('Content-Type')?.startsWith(PROBLEM_CONTENT_TYPE)) return;
  if (!c.req.header('Accept')?.includes('text/html')) return;
  const lang = negotiateLanguage(c.req.query('lang'), c.req.header('Accept-Language'));
  const body = await errorDocument(lang, 404, {});
  // Cleared first, so nothing of the problem response (its Content-Type above all) is carried over.
  c.res = undefined;
  c.res = new Response(body.toString(), {
    status: 404,
    headers: { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Language': lang, 'Cache-Control': 'no-store', Vary: 'Accept' },
  });
};

/** The API's error response as an HTML page: its status, and what it said was wrong. */
export async function errorPageFromApi(c: Context<AppEnv>, lang: Lang, response: Response) {
  let problem: PageProblem = {};
  try {
    problem = (await response.json()) as PageProblem;
  } catch {
    // Not a problem body (it always is from this API); the status alone still makes the page.
  }
  return errorPage(c, lang, response.status as ContentfulStatusCode, problem);
}
