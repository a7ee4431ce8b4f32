// Section bodies and event descriptions are stored HTML. The Socius API sanitises what it serves, but a partner's
// page must not depend on whichever API `api-base` names doing so, so the browser sanitises again right before
// rendering, with the very sanitiser the API uses (shared/sanitise-html.ts): one vocabulary, one implementation.
import { html, nothing, type ReactiveElement } from 'lit';

/** Stored HTML to sanitised HTML: a string, or TrustedHTML where the page has Trusted Types. */
export type Sanitise = (html: string) => string;

// Trusted Types are not in TypeScript's DOM library yet: the one member used here. TrustedHTML and TrustedScript
// are typed as the strings they stand for, since `innerHTML` and `textContent` (typed string) take them.
type Rules = { createHTML: Sanitise; createScript: Sanitise };
declare global {
  interface Window {
    trustedTypes?: { createPolicy(name: string, rules: Rules): Rules };
  }
}

let loaded: Sanitise | undefined;
const MADE_MAX = 500;
let sanitiseHtml: Sanitise | undefined;
let policy: Rules | undefined;

/**
 * The page's Trusted Types policy `socius-widgets`, created once, on first need; undefined where the browser has
 * no Trusted Types. A partner page that requires Trusted Types allows it by name: its HTML is the sanitiser's
 * output only (asked for only once the sanitiser has loaded; before, it throws), its script JSON re-serialised
 * (the JSON-LD blocks), data that does nothing even if run.
 */
export const trusted = (): Rules | undefined =>
  (policy ??= window.trustedTypes?.createPolicy('socius-widgets', {
    createHTML: (stored) => (sanitiseHtml as Sanitise)(stored),
    createScript: (json) => JSON.stringify(JSON.parse(json)),
  }));

/**
 * Loads the sanitiser and returns a function that reduces stored rich text to the documented tags, with links
 * only to http(s), mailto, tel or a relative address, and `rel="noopener noreferrer"` on every link out (whatever
 * `rel` arrived is dropped first, so a stored `rel="opener"` cannot undo it). It is a file of its own (about
 * 4.6 kB gzip) that only pages showing an analysis or an event description download. Where the browser has
 * Trusted Types it sanitises through {@link trusted}'s policy.
 */
export async function loadSanitiser(): Promise<Sanitise> {
  ({ sanitiseHtml } = await import('../../shared/sanitise-html.ts'));
  if (!loaded) {
    const policy = trusted();
    const make: Sanitise = policy ? (stored) => policy.createHTML(stored) : sanitiseHtml;
    // Each text is sanitised once: a TrustedHTML is a new object every time, and Lit would set `innerHTML` again
    // on every render for a value that is not `===` the last one.
    const made = new Map<string, string>();
    loaded = (stored) => {
      // Bounded: a page that keeps loading more (a calendar browsed month after month) must not keep every text.
      if (made.size >= MADE_MAX && !made.has(stored)) made.clear();
      if (!made.has(stored)) made.set(stored, make(stored));
      return made.get(stored) as string;
    };
  }
  return loaded;
}

/**
 * Stored rich text (an event description) for a template, sanitised here and rendered as HTML: a paragraph, or
 * the paragraphs and lists it holds, with `lang` when the text is not in the widget's language (see fallbackLang).
 * It is set as `innerHTML` (a property binding, set again only when the text changes) rather than through Lit's
 * `unsafeHTML`, whose directive code would cost every page 0.3 kB gzip; what is set is always the sanitiser's
 * output. Until the sanitiser has loaded it renders nothing and asks `host` to render again once it has (an element
 * that shows the text at once awaits {@link loadSanitiser} in its fetch instead).
 */
export function richText(host: ReactiveElement, stored: string | null, lang: string | typeof nothing = nothing) {
  if (!stored) return nothing;
  if (loaded) return html`<p .innerHTML=${loaded(stored)} lang=${lang}></p>`;
  void loadSanitiser().then(() => host.requestUpdate());
  return nothing;
}
