// Section bodies and event descriptions are stored HTML. The Socius API sanitises what it serves, but a partner's
// page must not depend on whichever API `api-base` names doing so, so the browser sanitises again right before
// rendering, with the very sanitiser the API uses (shared/sanitise-html.ts): one vocabulary, one implementation.
import { html, nothing, type ReactiveElement } from 'lit';

/** Stored HTML to sanitised HTML: a string, or TrustedHTML where the page has Trusted Types. */
export type Sanitise = (html: string) => string;

// Trusted Types are not in TypeScript's DOM library yet: the one member used here. TrustedHTML is typed as the
// string it stands for, since `innerHTML` (typed string) takes it where the browser knows it.
declare global {
  interface Window {
    trustedTypes?: { createPolicy(name: string, rules: { createHTML: Sanitise }): { createHTML: Sanitise } };
  }
}

let loaded: Sanitise | undefined;

/**
 * Loads the sanitiser and returns a function that reduces stored rich text to the documented tags, with links
 * only to http(s), mailto, tel or a relative address, and `rel="noopener noreferrer"` on every link out (whatever
 * `rel` arrived is dropped first, so a stored `rel="opener"` cannot undo it). It is a file of its own (about
 * 4.6 kB gzip) that only pages showing an analysis or an event description download.
 *
 * Where the browser has Trusted Types, the sanitiser is the `createHTML` of a policy named `socius-widgets`
 * (created once, on first need), so a partner page that requires Trusted Types for `innerHTML` lets exactly this
 * sanitiser's output through by allowing that policy name.
 */
export async function loadSanitiser(): Promise<Sanitise> {
  const { sanitiseHtml } = await import('../../shared/sanitise-html.ts');
  if (!loaded) {
    const policy = window.trustedTypes?.createPolicy('socius-widgets', { createHTML: sanitiseHtml });
    const make: Sanitise = policy ? (stored) => policy.createHTML(stored) : sanitiseHtml;
    // Each text is sanitised once: a TrustedHTML is a new object every time, and Lit would set `innerHTML` again
    // on every render for a value that is not `===` the last one.
    const made = new Map<string, string>();
    loaded = (stored) => {
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
