// The hostile corpus (tests/hostile-corpus.ts) written once through the editorial API, then read back through
// every output that is not a browser's: the nine feeds (a strict XML 1.0 parser, then feedsmith), the iCalendar
// files (ical.js: exactly the expected components and properties, whatever line breaks the text holds), JSON-LD
// (as served and as embedded in pages), the HTML pages (tokenised as a browser does; no element, attribute or
// link outside the pages' own vocabulary), the sitemap and oEmbed. Each output must carry the text exactly as the
// JSON API serves it: escaped, never interpreted, never cut short.
import { SELF } from 'cloudflare:test';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import ICAL from 'ical.js';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_ANALYSIS,
  HOSTILE_EVENT,
  HOSTILE_SERVICE,
  HOSTILE_TOPIC,
  hostileTitle,
  ITEM_COUNT,
  REFUSED_URLS,
  writeHostileContent,
} from '../hostile-corpus.ts';
import { makeKey, send } from './editorial-helpers.ts';
import { get, ORIGIN } from './helpers.ts';
import { urlScheme } from './html-scan.ts';

const KS = Array.from({ length: ITEM_COUNT }, (_, k) => k);
const TOPICS = KS.map(HOSTILE_TOPIC).join(',');
const KINDS = {
  events: { slug: HOSTILE_EVENT, word: 'event', field: 'title' },
  analyses: { slug: HOSTILE_ANALYSIS, word: 'analysis', field: 'title' },
  services: { slug: HOSTILE_SERVICE, word: 'service', field: 'title' },
  topics: { slug: HOSTILE_TOPIC, word: 'topic', field: 'name' },
} as const;
type Kind = keyof typeof KINDS;
const LANG = 'en';

let key = '';
/** What the JSON API serves for each hostile item (in LANG): the reference every other output is held to. */
const served = new Map<string, Record<string, unknown>>();
const titleOf = (kind: Kind, k: number) => String(served.get(`${kind}/${KINDS[kind].slug(k)}`)?.[KINDS[kind].field]);

beforeAll(async () => {
  key = (await makeKey(['content:publish'])).key;
  await writeHostileContent((url, init) => SELF.fetch(url, init), ORIGIN, key);
  for (const kind of Object.keys(KINDS) as Kind[]) {
    for (const k of KS) {
      const slug = KINDS[kind].slug(k);
      const response = await get<{ data: Record<string, unknown> }>(`/v1/${kind}/${slug}?lang=${LANG}`);
      if (response.status !== 200) throw new Error(`GET /v1/${kind}/${slug}: ${response.status}`);
      served.set(`${kind}/${slug}`, response.body.data);
    }
  }
}, 120_000);

// XML 1.0 §2.2: what no XML document can hold, escaped or not (feeds leave it out; everything else must stay).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlText = (text: string) => text.replace(NOT_XML_CHAR, '');

/** The first error a strict XML 1.0 parser (with namespaces) finds, or null for a well-formed document. */
function xmlError(text: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(text).close();
  return error;
}

describe('the hostile corpus written through the editorial API', { timeout: 60_000 }, () => {
  it('is stored as sent, apart from the documented normalisation of plain text', () => {
    // Line endings become \n; C0 controls, DEL and bidi overrides go; a lone surrogate becomes one U+FFFD.
    const normalise = (text: string) =>
      text
        .replace(/\r\n?/g, '\n')
        // biome-ignore lint/suspicious/noControlCharactersInRegex: those characters are what is being matched
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
        .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
        .trim();
    for (const kind of Object.keys(KINDS) as Kind[]) {
      for (const k of KS) expect(titleOf(kind, k), `${kind} ${k}`).toBe(normalise(hostileTitle(KINDS[kind].word, k)));
    }
  });

  it('refuses every URL that is not absolute http(s), in every URL field, naming the field', async () => {
    const fields: [string, (url: string) => Record<string, unknown>, string][] = [
      ['/v1/events', (url) => ({ onlineUrl: url }), '/onlineUrl'],
      ['/v1/events', (url) => ({ organiser: { name: 'X', url } }), '/organiser/url'],
      ['/v1/events', (url) => ({ registration: { url } }), '/registration/url'],
      ['/v1/analyses', (url) => ({ canonicalUrl: url }), '/canonicalUrl'],
      ['/v1/services', (url) => ({ url }), '/url'],
    ];
    const base: Record<string, Record<string, unknown>> = {
      '/v1/events': {
        translations: { nl: { title: 'X' } },
        attendanceMode: 'online',
        organiser: { name: 'X' },
        sessions: [{ startsAt: '2027-03-14T19:30:00+01:00', endsAt: '2027-03-14T22:00:00+01:00' }],
      },
      '/v1/analyses': { translations: { nl: { title: 'X' } } },
      '/v1/services': { slug: 'x', format: 'training', translations: { nl: { title: 'X' } } },
    };
    for (const [path, field, pointer] of fields) {
      for (const url of REFUSED_URLS) {
        const response = await send<{ invalidParams?: { pointer?: string }[] }>('POST', path, {
          key,
          body: { ...base[path], ...field(url) },
        });
        expect(response.status, `${path} ${pointer} ${url}`).toBe(422);
        expect(
          response.body.invalidParams?.map((p) => p.pointer),
          `${path} ${url}`,
        ).toContain(pointer);
      }
    }
  });
});

describe('feeds', { timeout: 60_000 }, () => {
  const FEEDS = ['analyses', 'events', 'services'] as const;
  const expected = (kind: (typeof FEEDS)[number]) => KS.map((k) => titleOf(kind, k)).sort();

  it.each(FEEDS)('%s.atom and .rss are well-formed XML whose titles are the stored text, literally', async (kind) => {
    for (const format of ['atom', 'rss'] as const) {
      const response = await get<string>(`/v1/feeds/${kind}.${format}?lang=${LANG}&topic=${TOPICS}`);
      expect(response.status).toBe(200);
      expect(xmlError(response.body), `${kind}.${format}`).toBeNull();
      const titles =
        format === 'atom'
          ? (parseAtomFeed(response.body).entries ?? []).map((e) => e.title?.value ?? '')
          : (parseRssFeed(response.body).items ?? []).map((e) => e.title ?? '');
      expect(titles.sort(), `${kind}.${format}`).toEqual(expected(kind).map(xmlText));
      // RSS descriptions are read as HTML by readers: escaped once more, they show the text, not markup.
      if (format === 'rss') {
        for (const item of parseRssFeed(response.body).items ?? []) expect(item.description ?? '').not.toMatch(/<[a-z!/]/i);
      }
    }
  });

  it.each(FEEDS)('%s.json is a JSON Feed whose titles and texts are the stored text', async (kind) => {
    const response = await get<string>(`/v1/feeds/${kind}.json?lang=${LANG}&topic=${TOPICS}`);
    expect(response.status).toBe(200);
    const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    const feed = parseJsonFeed(text);
    expect((feed.items ?? []).map((i) => i.title ?? '').sort()).toEqual(expected(kind));
    for (const item of feed.items ?? []) expect(item.content_html, 'never HTML').toBeUndefined();
  });
});

describe('iCalendar', { timeout: 60_000 }, () => {
  // What an event of this API is made of (RFC 5545 §3.6.1); a line break in any text that became a line of its
  // own would add a property (ATTENDEE, X-INJECTED) or a component (VEVENT) to this.
  const EVENT_PROPERTIES = [
    'uid',
    'sequence',
    'dtstamp',
    'dtstart',
    'dtend',
    'created',
    'last-modified',
    'summary',
    'url',
    'description',
    'location',
    'status',
    'transp',
    'organizer',
  ].sort();

  function readCalendar(text: string) {
    const root = new ICAL.Component(ICAL.parse(text));
    expect(root.name).toBe('vcalendar');
    expect(root.getAllSubcomponents().map((c) => c.name)).toEqual(root.getAllSubcomponents('vevent').map(() => 'vevent'));
    return root.getAllSubcomponents('vevent');
  }

  function checkEvent(vevent: ICAL.Component) {
    const names = vevent.getAllProperties().map((p) => p.name);
    expect(vevent.getAllSubcomponents()).toEqual([]);
    expect(names.sort()).toEqual(EVENT_PROPERTIES);
    const summary = String(vevent.getFirstPropertyValue('summary'));
    const k = Number(/^H(\d+) /.exec(summary)?.[1]);
    const event = served.get(`events/${HOSTILE_EVENT(k)}`) as { title: string; summary: string; venue: { name: string } };
    expect(summary).toBe(event.title);
    expect(String(vevent.getFirstPropertyValue('description'))).toContain(event.summary);
    expect(String(vevent.getFirstPropertyValue('location'))).toContain(event.venue.name);
    const organizer = vevent.getFirstProperty('organizer');
    expect(organizer?.getParameter('cn')).toBe(
      (served.get(`events/${HOSTILE_EVENT(k)}`) as { organiser: { name: string } }).organiser.name.replace(/[\p{Cc}"]/gu, ''),
    );
    return k;
  }

  it('the calendar feed holds one VEVENT per hostile event, each with exactly its own properties and texts', async () => {
    const response = await get<string>(`/v1/calendar.ics?lang=${LANG}&topic=${TOPICS}`);
    expect(response.status).toBe(200);
    const vevents = readCalendar(response.body);
    expect(vevents.map(checkEvent).sort()).toEqual(KS);
  });

  it('each event’s .ics holds that one VEVENT, with exactly its own properties and texts', async () => {
    for (const k of KS) {
      const response = await get<string>(`/v1/events/${HOSTILE_EVENT(k)}/calendar.ics?lang=${LANG}`);
      expect(response.status).toBe(200);
      const vevents = readCalendar(response.body);
      expect(vevents.map(checkEvent)).toEqual([k]);
    }
  });
});

describe('JSON-LD', { timeout: 60_000 }, () => {
  it('served for Accept: application/ld+json, names every item by its stored text', async () => {
    for (const kind of Object.keys(KINDS) as Kind[]) {
      for (const k of KS) {
        const response = await SELF.fetch(`${ORIGIN}/v1/${kind}/${KINDS[kind].slug(k)}?lang=${LANG}`, {
          headers: { Accept: 'application/ld+json' },
        });
        expect(response.headers.get('Content-Type')).toContain('application/ld+json');
        const node = JSON.parse(await response.text()) as { name?: string; headline?: string };
        expect(node.name ?? node.headline, `${kind} ${k}`).toBe(titleOf(kind, k));
      }
    }
  });
});

// ---- HTML pages -------------------------------------------------------------------------------------------------

interface Scan {
  elements: { tag: string; attributes: [string, string][] }[];
  /** The text of each <script type="application/ld+json">, as the browser's tokenizer ends it. */
  jsonLd: string[];
  /** The text of every other inline <script>. */
  inlineScripts: string[];
}

async function scanPage(html: string): Promise<Scan> {
  const scan: Scan = { elements: [], jsonLd: [], inlineScripts: [] };
  let current: { into: string[]; index: number; parts: string[] } | null = null;
  const rewriter = new HTMLRewriter()
    .on('*', {
      element(element) {
        scan.elements.push({
          tag: element.tagName.toLowerCase(),
          attributes: [...element.attributes].map(([name = '', value = '']) => [name.toLowerCase(), value]),
        });
      },
    })
    .on('script:not([src])', {
      element(element) {
        const into = element.getAttribute('type') === 'application/ld+json' ? scan.jsonLd : scan.inlineScripts;
        current = { into, index: into.push('') - 1, parts: [] };
      },
      text(chunk) {
        if (!current) return;
        current.parts.push(chunk.text);
        current.into[current.index] = current.parts.join('');
        if (chunk.lastInTextNode) current = null;
      },
    });
  await rewriter.transform(new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })).text();
  return scan;
}

/** The CSP source expression of an inline script: 'sha256-<base64>' of its text. */
async function scriptHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

// The pages' own vocabulary: every element and attribute the Worker's pages are built from. Content can add text,
// never anything here (and never an element or attribute outside it).
const PAGE_ELEMENTS = new Set(
  (
    'html head meta title link style script body header nav main footer section article aside div span p a h1 h2 h3 h4 ' +
    'ul ol li dl dt dd strong em blockquote br time address small figure figcaption form label input select option ' +
    'button fieldset legend textarea output details summary code pre table thead tbody tr th td caption abbr img noscript ' +
    'iframe template svg path base'
  ).split(' '),
);
// The home page demonstrates the widgets with their own elements.
const WIDGET_ELEMENT = /^socius-(events|event|analyses|analysis|services|about)$/;
const EVENT_HANDLER = /^on/i;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'srcdoc', 'data', 'poster', 'xlink:href', 'content']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

async function pageFindings(scan: Scan, policy: string): Promise<string[]> {
  const findings: string[] = [];
  // An inline script runs only if the page's own policy names its hash: what content could smuggle in has none.
  for (const text of scan.inlineScripts) {
    if (!policy.includes(await scriptHash(text))) findings.push(`inline <script> not in the CSP: ${text.slice(0, 120)}`);
  }
  for (const { tag, attributes } of scan.elements) {
    if (!PAGE_ELEMENTS.has(tag) && !WIDGET_ELEMENT.test(tag)) findings.push(`<${tag}>`);
    const attrs = new Map(attributes);
    const src = attrs.get('src');
    // Script files only from this origin.
    if (tag === 'script' && src !== undefined && !(src.startsWith(`${ORIGIN}/`) || /^\/(?!\/)/.test(src)))
      findings.push(`<script src="${src}">`);
    if (tag === 'base' && attrs.has('href')) findings.push(`<base href="${attrs.get('href')}">`);
    if (tag === 'iframe' && attrs.has('srcdoc')) findings.push('<iframe srcdoc>');
    for (const [name, value] of attributes) {
      if (EVENT_HANDLER.test(name)) findings.push(`<${tag} ${name}>`);
      if (name === 'style' && /url\(|expression\(/i.test(value)) findings.push(`<${tag} style="${value}">`);
      if (URL_ATTRIBUTES.has(name) && !(tag === 'meta' && name === 'content' && !/^\s*\d*\s*;?\s*url=/i.test(value))) {
        const scheme = urlScheme(value);
        if (scheme !== null && !SAFE_SCHEMES.has(scheme)) findings.push(`<${tag} ${name}="${value}">`);
      }
      if (tag === 'meta' && name === 'http-equiv') findings.push(`<meta http-equiv="${value}">`);
    }
  }
  return findings;
}

const PAGES = [
  '/',
  '/docs',
  `/${LANG}/topics`,
  `/${LANG}/about`,
  '/embed/about',
  `/embed/events?lang=${LANG}&topic=${TOPICS}&limit=50&layout=cards`,
  `/embed/events?lang=${LANG}&topic=${TOPICS}&limit=50&layout=list&filters=topic,city,date`,
  `/embed/analyses?lang=${LANG}&topic=${TOPICS}&limit=50`,
  `/embed/services?lang=${LANG}&topic=${TOPICS}&limit=50`,
  ...KS.flatMap((k) => [
    `/${LANG}/events/${HOSTILE_EVENT(k)}`,
    `/${LANG}/analyses/${HOSTILE_ANALYSIS(k)}`,
    `/${LANG}/services/${HOSTILE_SERVICE(k)}`,
    `/${LANG}/topics/${HOSTILE_TOPIC(k)}`,
    `/embed/event?slug=${HOSTILE_EVENT(k)}&lang=${LANG}`,
    `/embed/analysis?slug=${HOSTILE_ANALYSIS(k)}&lang=${LANG}`,
  ]),
];

describe('HTML pages', { timeout: 60_000 }, () => {
  it('hold no element, attribute, script or link that the content brought in, and JSON-LD blocks that parse', async () => {
    const findings: string[] = [];
    const pages = await Promise.all(
      PAGES.map(async (path) => {
        const response = await SELF.fetch(`${ORIGIN}${path}`, { headers: { Accept: 'text/html' } });
        return { path, response, html: await response.text() };
      }),
    );
    for (const { path, response, html } of pages) {
      if (response.status !== 200) {
        findings.push(`${path}: ${response.status}`);
        continue;
      }
      const scan = await scanPage(html);
      const policy = response.headers.get('Content-Security-Policy') ?? '';
      for (const finding of await pageFindings(scan, policy)) findings.push(`${path}: ${finding}`);
      for (const block of scan.jsonLd) {
        try {
          JSON.parse(block);
        } catch {
          findings.push(`${path}: JSON-LD block does not parse: ${block.slice(0, 200)}`);
        }
      }
    }
    expect(findings).toEqual([]);
  });

  it('name each item in their JSON-LD block by its stored text', async () => {
    for (const [kind, path] of [
      ['events', 'events'],
      ['analyses', 'analyses'],
      ['services', 'services'],
      ['topics', 'topics'],
    ] as const) {
      for (const k of KS) {
        const html = await (
          await SELF.fetch(`${ORIGIN}/${LANG}/${path}/${KINDS[kind].slug(k)}`, { headers: { Accept: 'text/html' } })
        ).text();
        const scan = await scanPage(html);
        const names = scan.jsonLd.flatMap((block) => {
          const node = JSON.parse(block) as { name?: string; headline?: string };
          return [node.name ?? node.headline];
        });
        expect(names, `${kind} ${k}`).toContain(titleOf(kind, k));
      }
    }
  });
});

describe('sitemap and oEmbed', { timeout: 60_000 }, () => {
  it('the sitemap is well-formed XML that lists every hostile page', async () => {
    const response = await get<string>('/sitemap.xml');
    expect(response.status).toBe(200);
    expect(xmlError(response.body)).toBeNull();
    for (const k of KS) expect(response.body).toContain(`/${HOSTILE_EVENT(k)}<`);
  });

  it('oEmbed answers with the stored title and an iframe of this origin, nothing else', async () => {
    for (const [kind, path] of [
      ['events', 'events'],
      ['analyses', 'analyses'],
    ] as const) {
      for (const k of KS) {
        const page = `${ORIGIN}/${LANG}/${path}/${KINDS[kind].slug(k)}`;
        const response = await get<{ title: string; html: string }>(`/oembed?url=${encodeURIComponent(page)}&format=json`);
        expect(response.status).toBe(200);
        expect(response.body.title).toBe(titleOf(kind, k));
        const scan = await scanPage(response.body.html);
        expect(scan.elements.map((e) => e.tag)).toEqual(['iframe']);
        const attributes = new Map(scan.elements[0]?.attributes ?? []);
        expect([...attributes.keys()].sort()).toEqual(['height', 'loading', 'src', 'style', 'title', 'width']);
        expect(attributes.get('src')?.startsWith(`${ORIGIN}/embed/`)).toBe(true);
      }
    }
  });
});
