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
h3{font-size:1rem;margin:0 0 .25rem}
ul.layout-cards{grid-template-columns:repeat(auto-fill,minmax(min(100%,16rem),1fr))}
ul.layout-cards>li{border:1px solid color-mix(in srgb,currentColor 25%,transparent);border-top:4px solid var(--accent);border-radius:.4rem;padding:.75rem}
ul.layout-compact{gap:.5rem}ul.layout-compact h2{font-size:1rem;margin:0}ul.layout-compact p{margin:0}
.days{display:grid;gap:1.25rem}.day>h2{font-size:1rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem;margin-bottom:.5rem}
.day ul.items{gap:.5rem}.day p{margin:0}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:0 0 1rem}
form.filters label{display:grid;gap:.15rem;font-weight:600;font-size:.9em;flex:1 1 10rem;min-width:0}
input,select,button{font:inherit;min-height:2.4rem;max-width:100%}
button{padding:.2rem 1rem;border-radius:.4rem;border:2px solid var(--accent);background:var(--accent);color:Canvas;font-weight:600;cursor:pointer}
.more{margin-top:1rem}
`;

/**
 * An /embed page. `canonical` must already have passed safeHref. Links open in the top window (`<base target>`):
 * inside a partner's iframe, a visitor who follows one leaves the frame; the filter form and "more" stay in it.
 */
export function page(options: { lang: string; title: string; body: Html; jsonLd: JsonLdDocument | null; canonical?: string }): Html {
  return htmlDocument({
    lang: options.lang,
    title: options.title,
    head: html`<base target="_top">
${options.canonical ? html`<link rel="canonical" href="${options.canonical}">` : ''}
${styleElement(EMBED_STYLE)}
${jsonLdScript(options.jsonLd)}`,
    body: html`<main>
${options.body}
</main>`,
  });
}
