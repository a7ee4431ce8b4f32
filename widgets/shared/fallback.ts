// Texts the API could not give in the asked language come in Dutch and are named in `meta.fallback`. The element
// holding such a text says so with `lang="nl"`, so a screen reader reads it with a Dutch voice inside a French or
// English widget (WCAG 3.1.2, Language of Parts).
import { nothing } from 'lit';

/** `'nl'` for the `lang` attribute of the element holding `field` when that text fell back to Dutch, else no attribute. */
export function fallbackLang(meta: { fallback: readonly string[] }, field: string): 'nl' | typeof nothing {
  return meta.fallback.includes(field) ? 'nl' : nothing;
}
