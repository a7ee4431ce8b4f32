// What a partner page downloads for the widgets, in gzip bytes. Every page loads socius.js; a page showing an
// analysis also loads the HTML sanitiser chunk (DOMPurify, 12 kB). The eager budget is the one most pages feel.
export const EAGER_BUDGET_GZIP_BYTES = 20 * 1024;
export const BUNDLE_BUDGET_GZIP_BYTES = 31 * 1024;
