import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { detectFromHeader, detectFromQuery, languageDetector } from 'hono/language';
import { DEFAULT_LANG, isLang, LANGS, type Lang } from '../../schema/columns.ts';
import type { AppEnv } from '../env.ts';
import { appendVary } from './headers.ts';

// `?lang=` wins; then the best `Accept-Language` match by q-value (`fr-BE` counts as `fr`); then Dutch.
// No cookie: a public, cached API must answer the same URL and headers the same way for everyone.
const DETECTOR = {
  order: ['querystring', 'header'],
  lookupQueryString: 'lang',
  lookupCookie: 'language',
  lookupFromPathIndex: 0,
  lookupFromHeaderKey: 'accept-language',
  caches: false,
  ignoreCase: true,
  fallbackLanguage: DEFAULT_LANG,
  supportedLanguages: [...LANGS],
} satisfies Parameters<typeof languageDetector>[0];

const detect = languageDetector(DETECTOR);

const asLang = (value: string | undefined): Lang => (isLang(value) ? value : DEFAULT_LANG);

/** The language a request with this `?lang=` and `Accept-Language` is served in, by the same rules as the middleware. */
export function negotiateLanguage(query: string | undefined, acceptLanguage: string | undefined): Lang {
  // Hono's detectors read only these two accessors of the context.
  const request = { req: { query: () => query, header: () => acceptLanguage } } as unknown as Context;
  return asLang(detectFromQuery(request, DETECTOR) ?? detectFromHeader(request, DETECTOR));
}

/** Sets `c.var.lang` and says on the response which language it is in, and that it varies by the header. */
export const language = createMiddleware<AppEnv>(async (c, next) => {
  await detect(c, async () => {
    c.set('lang', asLang(c.get('language')));
    await next();
  });
  appendVary(c.res.headers, 'Accept-Language');
  if (!c.res.headers.has('Content-Language')) c.res.headers.set('Content-Language', c.get('lang'));
});

/** The locale `Intl` formats each language in: Belgian Dutch and French, British English (day before month). */
export const INTL_LOCALES: Record<Lang, string> = { nl: 'nl-BE', en: 'en-GB', fr: 'fr-BE' };

export const langParam = z
  .enum(LANGS)
  .optional()
  .openapi({
    param: { name: 'lang', in: 'query' },
    description:
      'Language of the response: nl (default), en or fr. Wins over `Accept-Language`. Fields missing in that language fall back to Dutch and are listed in `meta.fallback`.',
    example: 'en',
  });
