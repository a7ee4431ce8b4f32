// What every server-rendered page shares: the document shell, the schema.org block, and (re-exported here so
// page code has one place to import from) the rule for which stored URLs may become links.
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { type JsonLdDocument, serialiseJsonLd } from '../json-ld/schema-org.ts';

import { safeHref } from '../lib/safe-url.ts';
import { sanitiseHtml } from '../lib/sanitise.ts';

export { safeHref };

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A complete HTML document. `head` is trusted markup of the page itself (styles, scripts), never content. */
export function htmlDocument(options: { lang: string; title: string; head?: Html; body: Html }): Html {
  return html`<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
${options.head ?? ''}
</head>
<body>
${options.body}
</body>
</html>`;
}

/** A `<style>` element with the page's own CSS (a constant of the page, never content). */
export const styleElement = (css: string): Html => html`<style>${raw(css)}</style>`;

/**
 * schema.org data for search engines. `raw` is safe here only because serialiseJsonLd writes every `<` as
 * `\u003c`, so no text in the data can close the script element.
 */
export const jsonLdScript = (document: JsonLdDocument | null | undefined): Html | '' =>
  document ? html`<script type="application/ld+json">${raw(serialiseJsonLd(document))}</script>` : '';

/** A link when the stored URL may be one (see safeHref), else just the text: a hostile URL is never clickable. */
export const link = (url: string | null | undefined, text: unknown): Html => {
  const href = safeHref(url);
  return href ? html`<a href="${href}">${text}</a>` : html`${text}`;
};

/**
 * Stored rich text (an event description: sanitised HTML, or plain text written before descriptions were rich)
 * as page content. Sanitised again here, so the page never depends on how the text got into D1 and raw() only
 * ever sees the sanitiser's output; text without block elements stays one paragraph.
 */
export function richText(stored: string): Html {
  const clean = sanitiseHtml(stored);
  return /<(?:p|h3|h4|ul|ol|blockquote)\b/i.test(clean) ? raw(clean) : html`<p>${raw(clean)}</p>`;
}
