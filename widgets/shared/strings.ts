// Every word a widget shows, in the three languages of the API.
export type UiLang = 'nl' | 'en' | 'fr';

export const STRINGS = {
  nl: {
    loading: 'Activiteiten worden geladen…',
    empty: 'Er zijn geen geplande activiteiten.',
    error: 'De activiteiten konden niet worden geladen.',
    retry: 'Opnieuw proberen',
    online: 'Online',
    eventsLabel: 'Activiteiten van Socius',
  },
  en: {
    loading: 'Loading events…',
    empty: 'There are no upcoming events.',
    error: 'The events could not be loaded.',
    retry: 'Try again',
    online: 'Online',
    eventsLabel: 'Events by Socius',
  },
  fr: {
    loading: 'Chargement des activités…',
    empty: "Il n'y a pas d'activités prévues.",
    error: "Les activités n'ont pas pu être chargées.",
    retry: 'Réessayer',
    online: 'En ligne',
    eventsLabel: 'Activités de Socius',
  },
} as const satisfies Record<UiLang, Record<string, string>>;

/** The widget's `lang` attribute, else the host page's `<html lang>`, else Dutch. */
export function resolveLang(attribute: string | null | undefined): UiLang {
  for (const candidate of [attribute, document.documentElement.lang]) {
    const primary = candidate?.toLowerCase().split('-')[0];
    if (primary === 'nl' || primary === 'en' || primary === 'fr') return primary;
  }
  return 'nl';
}
