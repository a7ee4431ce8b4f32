// Rich text as editors send it (Markdown or HTML) turned into what is stored and served: the sanitised HTML of
// api/lib/sanitise. Plain-text fields (titles, summaries, event descriptions) are stored as text and escaped by
// whoever renders them; they are only normalised here.
import { Marked } from 'marked';
import { sanitiseHtml } from './sanitise.ts';

export const RICH_TEXT_FORMATS = ['html', 'markdown'] as const;
export type RichTextFormat = (typeof RICH_TEXT_FORMATS)[number];

// A section's own heading is the page's h2, so Markdown's `#` is the first level inside a section (h3) and
// everything deeper is h4, the two heading levels the sanitiser keeps.
const markdown = new Marked({
  async: false,
  gfm: true,
  renderer: {
    heading({ tokens, depth }) {
      const level = depth <= 1 ? 3 : 4;
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
  },
});

/**
 * The HTML to store for rich text in `format`: Markdown is rendered first, then everything goes through the one
 * allow-list sanitiser (so raw HTML inside Markdown gains nothing).
 *
 * @example richTextToHtml('Zie [socius](https://socius.be)', 'markdown')
 * // '<p>Zie <a href="https://socius.be" rel="noopener noreferrer">socius</a></p>'
 */
export function richTextToHtml(value: string, format: RichTextFormat): string {
  const html = format === 'markdown' ? (markdown.parse(value) as string) : value;
  return sanitiseHtml(html).trim();
}

// C0 controls other than tab and newline, DEL, and the Unicode bidi overrides that can disguise text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
const UNWANTED = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

// A surrogate without its partner is no character at all: D1 would store its bytes as three U+FFFD instead.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Plain text as stored: control characters and bidi overrides removed, line endings unified, a lone surrogate
 * made one U+FFFD, ends trimmed.
 */
export function plainTextInput(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(UNWANTED, '').replace(LONE_SURROGATE, '\ufffd').trim();
}
