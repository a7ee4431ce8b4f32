import { z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { DEFAULT_LANG, isLang, LANGS, type Lang } from '../../schema/columns.ts';
import type { AppEnv } from '../env.ts';
import { appendVary } from './headers.ts';

/**
 * `?lang=` wins; then the best `Accept-Language` match by q-value (`fr-BE` counts as `fr`); then Dutch.
 */
export function negotiateLanguage(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (isLang(query)) return query;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.lang).find(isLang) ?? DEFAULT_LANG;
}

/** Sets `c.var.lang` and says on the response which language it is in, and that it varies by the header. */
export const language = createMiddleware<AppEnv>(async (c, next) => {
  const lang = negotiateLanguage(c.req.query('lang'), c.req.header('Accept-Language'));
  c.set('lang', lang);
  await next();
  appendVary(c.res.headers, 'Accept-Language');
  if (!c.res.headers.has('Content-Language')) c.res.headers.set('Content-Language', lang);
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
