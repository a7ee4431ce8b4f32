const LINKABLE = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL when it may become a link in a page (`http:`, `https:` or `mailto:`), else `undefined`.
 *
 * Stored URLs are rendered as `href`s and written into JSON-LD; a `javascript:` or `data:` URL in D1 must never
 * become something a visitor can click, whatever wrote it.
 *
 * @example safeHref('https://socius.be') // 'https://socius.be'
 * @example safeHref('javascript:alert(1)') // undefined
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  // Parsed as a browser would (leading spaces and controls dropped, tabs and newlines inside ignored), so what is
  // checked is the scheme the browser would follow; the URL itself is passed on as it was stored.
  const parsed = URL.parse(url);
  return parsed && LINKABLE.has(parsed.protocol) ? url : undefined;
}
