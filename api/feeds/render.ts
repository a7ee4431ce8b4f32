// One feed model, written as Atom 1.0 (RFC 4287), RSS 2.0 and JSON Feed 1.1. The XML is built by fast-xml-builder,
// which escapes every text and attribute value (& < > " '); what no escaping can carry in XML 1.0 (control
// characters, lone surrogates, U+FFFE/U+FFFF) is taken out here first, so no stored text can make a feed invalid.
import XMLBuilder from 'fast-xml-builder';
import type { Lang } from '../../schema/columns.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export interface FeedPerson {
  name: string;
  url?: string | undefined;
}

/** One entry; every text is plain text, never markup. */
export interface FeedEntry {
  /** Stable across languages, slugs and edits: what readers use to recognise an entry they have seen. */
  id: string;
  /** The item's page for people (absolute). */
  url: string;
  /** The original publication elsewhere, when there is one (absolute). */
  externalUrl?: string | undefined;
  title: string;
  summary: string | null;
  published: string;
  updated: string;
  authors: FeedPerson[];
  categories: { term: string; label: string }[];
  rights?: string | undefined;
}

export interface FeedModel {
  lang: Lang;
  title: string;
  description: string;
  /** The list as a page for people. */
  homeUrl: string;
  /** This feed in each format, same query. */
  self: Record<FeedFormat, string>;
  /** Identifies the feed whatever its format, so a reader that switches format sees the same feed. */
  id: string;
  updated: string;
  authors: FeedPerson[];
  rights: string;
  entries: FeedEntry[];
}

// XML 1.0 §2.2 Char: tab, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters XML 1.0 cannot hold, escaped or not. */
export const xmlChars = (text: string): string => text.replace(NOT_XML_CHAR, '');

/** Every string in a tree, cleaned by {@link xmlChars}. */
function clean<T>(value: T): T {
  if (typeof value === 'string') return xmlChars(value) as T;
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)])) as T;
  return value;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  format: true,
  suppressEmptyNode: true,
  processEntities: true,
});

const xml = (tree: Record<string, unknown>) => `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(clean(tree))}`;

/** Plain text that a reader will show literally even where it reads the field as HTML (RSS descriptions). */
const asHtmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const rfc822 = (iso: string) => new Date(iso).toUTCString();

const atomPerson = (p: FeedPerson) => ({ name: p.name, ...(p.url ? { uri: p.url } : {}) });
const text = (value: string) => ({ '@type': 'text', '#text': value });

export function atom(feed: FeedModel): string {
  return xml({
    feed: {
      '@xmlns': 'http://www.w3.org/2005/Atom',
      '@xml:lang': feed.lang,
      id: feed.id,
      title: text(feed.title),
      subtitle: text(feed.description),
      updated: feed.updated,
      link: [
        { '@rel': 'self', '@type': 'application/atom+xml', '@href': feed.self.atom },
        { '@rel': 'alternate', '@type': 'text/html', '@href': feed.homeUrl },
        { '@rel': 'alternate', '@type': 'application/rss+xml', '@href': feed.self.rss },
        { '@rel': 'alternate', '@type': 'application/feed+json', '@href': feed.self.json },
      ],
      author: feed.authors.map(atomPerson),
      rights: text(feed.rights),
      entry: feed.entries.map((e) => ({
        id: e.id,
        title: text(e.title),
        link: [
          { '@rel': 'alternate', '@type': 'text/html', '@href': e.url },
          ...(e.externalUrl ? [{ '@rel': 'related', '@href': e.externalUrl }] : []),
        ],
        published: e.published,
        updated: e.updated,
        author: e.authors.map(atomPerson),
        category: e.categories.map((c) => ({ '@term': c.term, '@label': c.label })),
        ...(e.summary ? { summary: text(e.summary) } : {}),
        ...(e.rights ? { rights: text(e.rights) } : {}),
      })),
    },
  });
}

export function rss(feed: FeedModel): string {
  const updated = rfc822(feed.updated);
  return xml({
    rss: {
      '@version': '2.0',
      '@xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      channel: {
        title: feed.title,
        link: feed.homeUrl,
        description: feed.description,
        language: feed.lang,
        copyright: feed.rights,
        lastBuildDate: updated,
        pubDate: updated,
        'atom:link': { '@rel': 'self', '@type': 'application/rss+xml', '@href': feed.self.rss },
        item: feed.entries.map((e) => ({
          title: e.title,
          link: e.url,
          guid: { '@isPermaLink': 'false', '#text': e.id },
          pubDate: rfc822(e.published),
          // RSS readers take the description as HTML: escaped once more, the plain text shows as it is.
          ...(e.summary ? { description: asHtmlText(e.summary) } : {}),
          'dc:creator': e.authors.map((a) => a.name),
          'dc:date': e.updated,
          category: e.categories.map((c) => c.label),
        })),
      },
    },
  });
}

const jsonPerson = (p: FeedPerson) => ({ name: p.name, ...(p.url ? { url: p.url } : {}) });

/** JSON Feed 1.1: plain text in `content_text` and `summary`, never `content_html`. */
export function jsonFeed(feed: FeedModel) {
  return {
    version: 'https://jsonfeed.org/version/1.1' as const,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.self.json,
    description: feed.description,
    language: feed.lang,
    authors: feed.authors.map(jsonPerson),
    items: feed.entries.map((e) => ({
      id: e.id,
      url: e.url,
      ...(e.externalUrl ? { external_url: e.externalUrl } : {}),
      title: e.title,
      content_text: e.summary ?? e.title,
      ...(e.summary ? { summary: e.summary } : {}),
      date_published: e.published,
      date_modified: e.updated,
      authors: e.authors.map(jsonPerson),
      tags: e.categories.map((c) => c.label),
      language: feed.lang,
    })),
  };
}
