import type { AnalysisSummary } from '../shared/client.ts';
import type { STRINGS } from '../shared/strings.ts';

type Strings = (typeof STRINGS)['nl'];

export function formatDate(iso: string, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : `${lang}-BE`;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(new Date(iso));
}

export function byline(a: AnalysisSummary, t: Strings, lang: string): string {
  const authors = a.authors.map((x) => x.name).join(', ');
  return `${authors ? `${t.by} ${authors} · ` : ''}${formatDate(a.publishedAt, lang)}`;
}

/** schema.org Report, with its licence and dates, so portals and search engines can cite it. */
export function analysisJsonLd(a: AnalysisSummary): Record<string, unknown> {
  return {
    '@type': 'Report',
    '@id': a.url,
    url: a.url,
    headline: a.title,
    abstract: a.summary ?? undefined,
    inLanguage: a.meta.lang,
    datePublished: a.publishedAt,
    dateModified: a.revisedAt ?? a.updatedAt,
    author: a.authors.map((x) => ({ '@type': 'Organization', name: x.name })),
    publisher: { '@type': 'Organization', name: 'Socius', url: 'https://socius.be' },
    license: `https://spdx.org/licenses/${a.licence}.html`,
    keywords: a.topics.map((x) => x.name).join(', '),
  };
}
