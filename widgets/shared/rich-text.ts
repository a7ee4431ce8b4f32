// Section bodies and event descriptions are stored HTML. The Socius API sanitises what it serves, but a partner's
// page must not depend on whichever API `api-base` names doing so, so the browser sanitises again right before
// rendering, with the very sanitiser the API uses (shared/sanitise-html.ts): one vocabulary, one implementation.
import { html, nothing, type ReactiveElement } from 'lit';

export type Sanitise = (html: string) => string;

let loaded: Sanitise | undefined;

/**
 * Loads the sanitiser and returns a function that reduces stored rich text to the documented tags, with links
 * only to http(s), mailto, tel or a relative address, and `rel="noopener noreferrer"` on every link out (whatever
 * `rel` arrived is dropped first, so a stored `rel="opener"` cannot undo it). It is a file of its own (about
 * 4.6 kB gzip) that only pages showing an analysis or an event description download.
 */
export async function loadSanitiser(): Promise<Sanitise> {
  const { sanitiseHtml } = await import('../../shared/sanitise-html.ts');
  loaded = sanitiseHtml;
  return loaded;
}

/**
 * Stored rich text (an event description) for a template, sanitised here and rendered as HTML: a paragraph, or
 * the paragraphs and lists it holds. It is set as `innerHTML` (a property binding, set again only when the text
 * changes) rather than through Lit's `unsafeHTML`, whose directive code would cost every page 0.3 kB gzip; what
 * is set is always the sanitiser's output. Until the sanitiser has loaded it renders nothing and asks `host` to render
 * again once it has (an element that shows the text at once awaits {@link loadSanitiser} in its fetch instead).
 */
export function richText(host: ReactiveElement, stored: string | null) {
  if (!stored) return nothing;
  if (loaded) return html`<p .innerHTML=${loaded(stored)}></p>`;
  void loadSanitiser().then(() => host.requestUpdate());
  return nothing;
}
