// Reads HTML the way a browser's tokenizer does (workerd's HTMLRewriter, lol-html) instead of with regular
// expressions, so a test of the sanitiser sees the elements and attributes a browser would build.

export interface ScannedElement {
  tag: string;
  attributes: [name: string, value: string][];
}

export async function scanHtml(html: string): Promise<ScannedElement[]> {
  const elements: ScannedElement[] = [];
  const rewriter = new HTMLRewriter().on('*', {
    element(element) {
      elements.push({
        tag: element.tagName.toLowerCase(),
        attributes: [...element.attributes].map(([name = '', value = '']) => [name.toLowerCase(), value]),
      });
    },
  });
  await rewriter.transform(new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })).text();
  return elements;
}

// Enough of the HTML character references to undo the obfuscations XSS payloads use in URLs.
const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', amp: '&', lpar: '(', rpar: ')', sol: '/', period: '.' };

function decodeReferences(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED[name.toLowerCase()] ?? whole);
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * The scheme a browser would follow for this attribute value, or null for a relative URL. Browsers drop tabs
 * and newlines anywhere and control characters and spaces at the ends before they read the scheme.
 */
export function urlScheme(value: string): string | null {
  const normalised = decodeReferences(value)
    .replace(/[\t\n\r]/g, '')
    // The URL parser's "C0 control or space" set, stripped from the start.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: those control characters are what is being matched
    .replace(/^[\u0000-\u0020]+/, '');
  const match = /^([^/?#]*?):/.exec(normalised);
  return match ? (match[1] ?? '').toLowerCase() : null;
}

/** The vocabulary analyses are documented to use (api/analyses: "Sanitised HTML (p, h3, h4, ul, ol, li, strong, em, blockquote, a)"). */
export const ALLOWED: Record<string, string[]> = {
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
  a: ['href', 'title', 'hreflang', 'rel'],
};

/**
 * What in this HTML could run or load something when a page inserts it: every element or attribute outside
 * the documented vocabulary, and every link whose scheme is not http(s), mailto or tel. Empty means safe.
 */
export async function unsafeConstructs(html: string): Promise<string[]> {
  const findings: string[] = [];
  for (const { tag, attributes } of await scanHtml(html)) {
    const allowed = ALLOWED[tag];
    if (!allowed) {
      findings.push(`<${tag}>`);
      continue;
    }
    for (const [name, value] of attributes) {
      if (!allowed.includes(name)) findings.push(`<${tag} ${name}>`);
      else if (name === 'rel' && value !== 'noopener noreferrer') findings.push(`<${tag} rel="${value}">`);
      else if (name === 'href') {
        const scheme = urlScheme(value);
        if (scheme !== null && !SAFE_SCHEMES.has(scheme)) findings.push(`<${tag} href="${value}">`);
      }
    }
  }
  return findings;
}
