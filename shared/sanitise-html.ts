import xss, { type IFilterXSSOptions, type SafeAttrValueHandler } from 'xss';

// xss is CommonJS: its helpers are properties of the default export (its typings declare them as named exports,
// which the Workers bundle does not provide).
const defaultSafeAttrValue = (xss as unknown as { safeAttrValue: SafeAttrValueHandler }).safeAttrValue;

// The rich-text vocabulary of analyses and event descriptions. Anything else is dropped (tags, with the body of
// script-like ones) or escaped. Runs when content is written (API writes, content import, seed), again wherever
// stored HTML is served or rendered (section bodies and descriptions in the JSON API, /embed pages), so nothing
// depends on every row in D1 having been written safely, and once more in the widgets right before rendering, so
// a partner's page does not depend on whichever API `api-base` names doing so. It is idempotent (sanitising its
// own output changes nothing), which is what lets stored HTML be served as stored and an exported file be
// imported again unchanged.
//
// It works on the string, not on a DOM, and that is safe to hand to a browser's HTML parser because of what it
// emits: every tag is rebuilt from the allow-list (name, allowed attributes, values escaped and quoted), and every
// `<` and `>` outside those tags is escaped, so the only markup the browser can find is the markup written here.
// None of the allowed elements is foreign (svg, math) or raw text (style, textarea, noscript), where mutation XSS
// lives. tests/api/unit/sanitise.test.ts and the widgets' hostile tests check it.
const OPTIONS: IFilterXSSOptions = {
  whiteList: {
    p: [],
    h3: ['id'],
    h4: ['id'],
    ul: [],
    ol: [],
    li: [],
    strong: [],
    em: [],
    blockquote: [],
    br: [],
    a: ['href', 'title', 'hreflang'],
  },
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object'],
  safeAttrValue: (tag, name, value, cssFilter) => {
    const safe = defaultSafeAttrValue(tag, name, value, cssFilter);
    // xss also lets `data:image/…` and `ftp://` through; a link here may only lead to a page, a mail or a phone.
    if (name === 'href' && !SAFE_HREF.test(safe)) return '';
    return safe;
  },
};

// http(s), mailto and tel, or a relative or fragment reference (no scheme before the first / ? #).
const SAFE_HREF = /^(?:https?:\/\/|mailto:|tel:|[^:/?#]*(?:[/?#]|$))/i;

// Content is shown on partner sites, so every absolute link leaves the page it is on: it must not get a handle on
// that page (`opener`) nor tell the target where the reader came from. Whatever `rel` came in is replaced.
const EXTERNAL_LINK = /<a ([^>]*\bhref="https?:\/\/[^"]*"[^>]*)>/gi;

export function sanitiseHtml(html: string): string {
  return xss(html, OPTIONS).replace(EXTERNAL_LINK, '<a $1 rel="noopener noreferrer">');
}
