// Section bodies are stored HTML. The Socius API sanitises what it serves, but a partner's page must not depend
// on whichever API `api-base` names doing so, so the browser sanitises again right before rendering.
import type { Config } from 'dompurify';

// Exactly the vocabulary the API documents for section bodies (AnalysisSection.body in /openapi.json).
const CONFIG: Config = {
  ALLOWED_TAGS: ['p', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'blockquote', 'a'],
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

export type Sanitise = (html: string) => string;

let sanitiser: Promise<Sanitise> | undefined;

/**
 * Loads DOMPurify and returns a function that reduces stored rich text to the documented tags, with links
 * only to http, https and mailto. DOMPurify is 12 kB gzip, as much as all the rest of the widgets together,
 * so it is a chunk of its own that only pages showing an analysis download.
 *
 * Every link to another site gets `rel="noopener noreferrer"`, as the API stores it: the widget sits on a partner's
 * page, and a link out must neither get a handle on that page nor tell the target where the reader came from.
 * Whatever `rel` arrived is dropped first (it is not in ALLOWED_ATTR), so a stored `rel="opener"` cannot undo it.
 */
export function loadSanitiser(): Promise<Sanitise> {
  sanitiser ??= import('dompurify').then(({ default: DOMPurify }) => {
    // Hooks belong to the DOMPurify instance, so it is added once, when the chunk first loads.
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A' && /^https?:/i.test(node.getAttribute('href') ?? '')) node.setAttribute('rel', 'noopener noreferrer');
    });
    return (html: string) => DOMPurify.sanitize(html, CONFIG);
  });
  return sanitiser;
}
