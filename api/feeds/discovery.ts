// What a page for people announces in its <head> so machines find the rest: the feeds of its kind (feed readers'
// autodiscovery), its oEmbed answer (WordPress and other CMSs embed a pasted URL), and for an analysis the
// Google Scholar `citation_*` tags and its references to download.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Lang } from '../../schema/columns.ts';
import type { AnalysisBody } from '../analyses/schemas.ts';
import type { PageKind } from '../lib/links.ts';
import { safeHref } from '../lib/safe-url.ts';

const FEED_TITLES: Record<'events' | 'analyses' | 'services', Record<Lang, string>> = {
  events: { nl: 'Socius – agenda', en: 'Socius – events', fr: 'Socius – agenda' },
  analyses: { nl: 'Socius – analyses', en: 'Socius – analyses', fr: 'Socius – analyses' },
  services: { nl: 'Socius – aanbod', en: 'Socius – services', fr: 'Socius – offre' },
};
const FEED_TYPES = [
  ['rss', 'application/rss+xml', 'RSS'],
  ['atom', 'application/atom+xml', 'Atom'],
  ['json', 'application/feed+json', 'JSON Feed'],
] as const;
// The pages the oEmbed provider embeds (a service has no single-item embed).
const EMBEDDABLE: PageKind[] = ['events', 'analyses', 'about'];

/** `2026-03-02T10:00:00+01:00` → `2026/03/02`, the date format Google Scholar asks for. */
const scholarDate = (iso: string) => iso.slice(0, 10).replaceAll('-', '/');

export interface DiscoveryPage {
  origin: string;
  lang: Lang;
  kind: PageKind;
  /** The page's own absolute URL (its canonical URL). */
  url: string;
  title: string;
  /** The analysis shown, for its citation tags. */
  analysis?: AnalysisBody;
}

/** The `<link>` and `<meta>` elements for the head of an item's page. */
export function discoveryTags(page: DiscoveryPage): HtmlEscapedString | Promise<HtmlEscapedString> {
  const { origin, lang, kind } = page;
  // Only the kinds that have feeds; any other page (about, and kinds added later) announces none.
  const feedKind = kind === 'events' || kind === 'analyses' || kind === 'services' ? kind : null;
  const feeds = feedKind
    ? FEED_TYPES.map(
        ([ext, type, name]) =>
          html`<link rel="alternate" type="${type}" title="${FEED_TITLES[feedKind][lang]} (${name})" href="${origin}/v1/feeds/${feedKind}.${ext}?lang=${lang}">\n`,
      )
    : [];
  const oembed = EMBEDDABLE.includes(kind)
    ? html`<link rel="alternate" type="application/json+oembed" title="${page.title}" href="${origin}/oembed?${new URLSearchParams({ url: page.url, format: 'json' })}">\n`
    : '';
  const a = page.analysis;
  const pdf = a?.attachments.find((f) => f.mediaType === 'application/pdf' && f.lang === lang && safeHref(f.url)?.startsWith('http'));
  const cite = (format: string) => `${origin}/v1/analyses/${encodeURIComponent(a?.slug ?? '')}/cite?format=${format}&lang=${lang}`;
  const citation = a
    ? html`<meta name="citation_title" content="${a.title}">
${a.authors.map((x) => html`<meta name="citation_author" content="${x.name}">\n`)}<meta name="citation_publication_date" content="${scholarDate(a.publishedAt)}">
<meta name="citation_online_date" content="${scholarDate(a.revisedAt ?? a.publishedAt)}">
<meta name="citation_technical_report_institution" content="Socius">
<meta name="citation_publisher" content="Socius">
<meta name="citation_language" content="${lang}">
<meta name="citation_abstract_html_url" content="${page.url}">
${a.topics.length > 0 ? html`<meta name="citation_keywords" content="${a.topics.map((t) => t.name).join('; ')}">\n` : ''}${pdf ? html`<meta name="citation_pdf_url" content="${pdf.url}">\n` : ''}<link rel="alternate" type="application/x-bibtex" title="BibTeX" href="${cite('bibtex')}">
<link rel="alternate" type="application/x-research-info-systems" title="RIS" href="${cite('ris')}">
<link rel="alternate" type="application/vnd.citationstyles.csl+json" title="CSL-JSON" href="${cite('csl-json')}">
`
    : '';
  return html`${feeds}${oembed}${citation}`;
}
