// Dates and amounts in the widget's language, formatted the way Belgium writes them (British English for en).
import type { UiLang } from './strings.ts';

export const TIME_ZONE = 'Europe/Brussels';

/** The Intl locale for a widget language. */
export function intlLocale(lang: UiLang): string {
  return lang === 'en' ? 'en-GB' : `${lang}-BE`;
}

/** A date such as "3 december 2026", in Brussels time. */
export function formatDate(iso: string, lang: UiLang): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: TIME_ZONE }).format(new Date(iso));
}
