import xss, { type IFilterXSSOptions } from 'xss';

// The rich-text vocabulary of analyses. Anything else is dropped (tags, with the body of script-like ones)
// or escaped; xss's own URL check keeps links to http(s), mailto, tel, relative and fragment targets.
// Runs when content is written (the seed today) and again wherever stored HTML is served or rendered (analysis
// section bodies in the JSON API, /embed pages), so nothing depends on every row in D1 having been written safely.
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
};

export function sanitiseHtml(html: string): string {
  return xss(html, OPTIONS);
}
