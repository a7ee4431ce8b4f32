// Section bodies are stored HTML. The Socius API sanitises what it serves, but a partner's page must not depend
// on whichever API `api-base` names doing so, so the browser sanitises again right before rendering.
import type { Config } from 'dompurify';
import { html, nothing, type ReactiveElement } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

// Exactly the vocabulary the API documents for section bodies (AnalysisSection.body in /openapi.json).
const CONFIG: Config = {
  ALLOWED_TAGS: ['p', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'blockquote', 'a'],
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

export type Sanitise = (html: string) => string;

let loaded: Sanitise | undefined;

/**
 * Loads DOMPurify and returns a function that reduces stored rich text to the documented tags, with links
 * only to http, https and mailto. DOMPurify is 12 kB gzip, as much as all the rest of the widgets together,
 * so it is a chunk of its own that only pages showing an analysis or an event description download.
 *
 * Every link to another site gets `rel="noopener noreferrer"`, as the API stores it: the widget sits on a partner's
 * page, and a link out must neither get a handle on that page nor tell the target where the reader came from.
 * Whatever `rel` arrived is dropped first (it is not in ALLOWED_ATTR), so a stored `rel="opener"` cannot undo it.
 */
export async function loadSanitiser(): Promise<Sanitise> {
  const { default: purify } = await import('dompurify');
  // Hooks belong to the DOMPurify instance: added once, when the chunk first loads.
  if (!loaded) {
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A' && /^https?:/i.test(node.getAttribute('href') ?? '')) node.setAttribute('rel', 'noopener noreferrer');
    });
    loaded = (stored) => purify.sanitize(stored, CONFIG);
  }
  return loaded;
}

/**
 * Stored rich text (an event description) for a template, sanitised here and rendered as HTML: a paragraph, or
 * the paragraphs and lists it holds. Until the sanitiser has loaded it renders nothing and asks `host` to render
 * again once it has (an element that shows the text at once awaits {@link loadSanitiser} in its fetch instead).
 */
export function richText(host: ReactiveElement, stored: string | null) {
  if (!stored) return nothing;
  if (loaded) return html`<p>${unsafeHTML(loaded(stored))}</p>`;
  void loadSanitiser().then(() => host.requestUpdate());
  return nothing;
}
