// Every URL the API returns ends up in an href, and D1 holds whatever an editor (or a bad write) put there:
// a `javascript:` URL in an href runs on the partner's page when clicked. Only these schemes become links.
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to put in an `href`, or `undefined` when it must not become a link (not absolute, or a scheme
 * other than http, https and mailto). Returns the parsed, normalised form, so what the browser follows is
 * exactly what was checked.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return LINK_SCHEMES.has(parsed.protocol) ? parsed.href : undefined;
}
