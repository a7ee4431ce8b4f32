// What a partner page downloads for the widgets, in gzip bytes. Every page loads socius.js; a page showing an
// analysis also loads the HTML sanitiser chunk (DOMPurify, 12 kB). The eager budget is the one most pages feel.
export const EAGER_BUDGET_GZIP_BYTES = 20 * 1024;
// 32 kB since issue 8 (links to item pages, skeletons, fallback link, one JSON-LD block per item): socius.js stays
// under its 20 kB, and the sanitiser chunk is only ever loaded beside <socius-analysis>.
// 32.5 kB since issue 9: event descriptions are rich text, so <socius-event> and <socius-events> use the sanitiser
// too (the chunk is unchanged; socius.js gained the shared rich-text renderer and the rel hook for links out).
export const BUNDLE_BUDGET_GZIP_BYTES = 32.5 * 1024;
