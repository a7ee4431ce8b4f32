// Pieces of an analysis shown by both <socius-analyses> and <socius-analysis>.
import type { AnalysisSummary } from './client.ts';
import { formatDate } from './format.ts';
import type { Strings, UiLang } from './strings.ts';

/** "By Socius, Jane Doe · 3 December 2026". */
export function byline(a: AnalysisSummary, t: Strings, lang: UiLang): string {
  const authors = a.authors.map((x) => x.name).join(', ');
  return `${authors ? `${t.by} ${authors} · ` : ''}${formatDate(a.publishedAt, lang)}`;
}
