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
