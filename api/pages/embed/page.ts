import { html } from 'hono/html';
import type { JsonLdDocument } from '../../json-ld/schema-org.ts';
import { type Html, htmlDocument, jsonLdScript, styleElement } from '../layout.ts';

// Plain, accessible HTML for the no-JavaScript path: usable in an iframe where a CMS strips scripts, and
// what the elements link to before their script runs. Colours follow the same contract as the widgets.
export const EMBED_STYLE = `
:root{color-scheme:light dark;--accent:#a3004a;font-family:system-ui,sans-serif;line-height:1.5}
@media (prefers-color-scheme:dark){:root{--accent:#ff9ccb}}
body{margin:0;padding:1rem;max-width:60rem}
a{color:var(--accent)}
ul.items{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
ul.items>li{border-inline-start:4px solid var(--accent);padding-inline-start:.75rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin:0 0 .25rem}
p{margin:0 0 .4rem}.muted{opacity:.8}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.badge{font-size:.8em;font-weight:600;border:1px solid currentColor;border-radius:999px;padding:0 .5em;margin-inline-end:.3em}
`;

/** An /embed page. `canonical` must already have passed safeHref. */
export function page(options: { lang: string; title: string; body: Html; jsonLd: JsonLdDocument | null; canonical?: string }): Html {
  return htmlDocument({
    lang: options.lang,
    title: options.title,
    head: html`${options.canonical ? html`<link rel="canonical" href="${options.canonical}">` : ''}
${styleElement(EMBED_STYLE)}
${jsonLdScript(options.jsonLd)}`,
    body: html`<main>
${options.body}
</main>`,
  });
}
