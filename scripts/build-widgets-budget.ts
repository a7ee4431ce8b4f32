// What a partner page downloads for the widgets, in gzip bytes. Every page loads socius.js; a page showing an
// analysis or an event description also loads the HTML sanitiser (sanitise-html.js, the API's own, 4.6 kB), and
// a calendar the month grid (calendar.js, 1.3 kB). The eager budget is the one most pages feel.
export const EAGER_BUDGET_GZIP_BYTES = 20 * 1024;
// 32 kB since issue 8 (links to item pages, skeletons, fallback link, one JSON-LD block per item), 32.5 kB since
// issue 9 (event descriptions are rich text too), both with DOMPurify (12 kB) as the sanitiser.
// 30 kB since issue 12 (its target): the widgets sanitise with the API's own sanitiser (xss, one allow-list for
// both) instead of DOMPurify, set sanitised HTML without Lit's unsafeHTML directive, and load the calendar's month
// grid only for a calendar: 24.7 kB together, socius.js 18.9 kB.
export const BUNDLE_BUDGET_GZIP_BYTES = 30 * 1024;
