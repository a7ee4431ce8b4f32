// Whatever a person types into a search box reaches FTS5, whose query language has its own syntax (quotes,
// `*`, `NEAR(`, `-`, `AND`/`OR`/`NOT`, `column:`, parentheses). None of it may become a 500, and none of it may
// stop an ordinary word from finding what it found before. Last, what a search puts first and how it counts.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { SEARCH_CANDIDATES } from '../../api/search/queries.ts';
import { get } from './helpers.ts';

interface ProblemOrList {
  data?: { slug: string }[];
  total?: number;
  invalidParams?: { name: string }[];
}

const ENDPOINTS = ['/v1/search', '/v1/analyses', '/v1/events'] as const;

// FTS5 syntax, SQL-ish and odd unicode, each typed as the whole query.
const TYPED = [
  '"',
  '""',
  'a"b',
  '"unterminated',
  '*',
  '**',
  'a*b',
  '*socius',
  'NEAR(socius vrijwilligers)',
  'NEAR(',
  'NEAR',
  'socius NEAR/2 vrijwilligers',
  '-socius',
  'socius -vrijwilligers',
  'socius AND vrijwilligers',
  'socius OR',
  'OR',
  'AND NOT OR',
  'NOT socius',
  'title:socius',
  '{title body}:socius',
  'body:',
  ':',
  '(',
  ')',
  '(socius',
  'socius)',
  '()',
  '^socius',
  '+',
  "'",
  "'; drop table events; --",
  '\\',
  '%',
  '_',
  '\u0000',
  ' ',
  '\t\n',
  'réseau',
  'RÉSEAU',
  're\u0301seau',
  '🙂',
  'vrijwilligers🙂',
  '日本語',
  'مرحبا',
  'Ω≈ç√',
  '\u200b',
  '\ufeff',
  'socius '.repeat(28).trim(),
  'a'.repeat(200),
];

const hasWord = (q: string) => /[\p{L}\p{N}]/u.test(q.trim());

describe('search input a person may type', () => {
  it.each(ENDPOINTS.flatMap((path) => TYPED.map((q) => [path, q] as const)))('%s?q=%j answers 200, or a 400 naming q', async (path, q) => {
    const { status, headers, body } = await get<ProblemOrList>(`${path}?q=${encodeURIComponent(q)}`);
    if (hasWord(q)) {
      expect(status, JSON.stringify(body)).toBe(200);
      expect(Array.isArray(body.data)).toBe(true);
    } else {
      expect(status, JSON.stringify(body)).toBe(400);
      expect(headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
      expect(body.invalidParams?.map((p) => p.name)).toEqual(['q']);
    }
  });

  it.each(ENDPOINTS)('%s answers a query longer than 200 characters, or an empty one, with a 400 naming q', async (path) => {
    for (const q of ['a'.repeat(201), '', '   ']) {
      const { status, body } = await get<ProblemOrList>(`${path}?q=${encodeURIComponent(q)}`);
      expect(status).toBe(400);
      expect(body.invalidParams?.map((p) => p.name)).toEqual(['q']);
    }
  });

  it.each(ENDPOINTS)('%s survives bytes that are not UTF-8 in q', async (path) => {
    const { status } = await get(`${path}?q=%ED%A0%80socius%FF`);
    expect([200, 400]).toContain(status);
  });
});

// The same word dressed in syntax finds exactly what the bare word finds: the syntax is read as punctuation.
const DRESSED = [
  (w: string) => `"${w}"`,
  (w: string) => `${w}*`,
  (w: string) => `(${w})`,
  (w: string) => `-${w}`,
  (w: string) => `+${w}`,
  (w: string) => `^${w}`,
  (w: string) => `${w}:`,
  (w: string) => `'${w}'`,
  (w: string) => `${w}"`,
  (w: string) => `{${w}}`,
  (w: string) => `${w};--`,
  (w: string) => `  ${w.toUpperCase()}  `,
];

describe('a word dressed in search syntax', () => {
  it.each([
    ['/v1/search', 'vrijwilligers'],
    ['/v1/analyses', 'middenveld'],
    ['/v1/events', 'vrijwilligers'],
  ])('%s still finds what %s finds', async (path, word) => {
    const slugs = async (q: string) => {
      const { status, body } = await get<ProblemOrList>(`${path}?limit=100&q=${encodeURIComponent(q)}`);
      expect(status, `${q}: ${JSON.stringify(body)}`).toBe(200);
      return body.data!.map((item) => item.slug);
    };
    const bare = await slugs(word);
    expect(bare.length).toBeGreaterThan(0);
    for (const dress of DRESSED) expect(await slugs(dress(word)), dress(word)).toEqual(bare);
  });
});

interface Ranked {
  data: { slug: string; snippet: string }[];
  total: number;
  totalIsLowerBound: boolean;
}

/**
 * Index texts holding `word` planted for published topics (each its own item), removed again afterwards by that
 * word: `returning rowid` gives -1 on an FTS5 table.
 */
async function withPlanted(word: string, texts: { title: string; body: string }[], run: (slugs: string[]) => Promise<void>) {
  const topics = await env.DB.prepare("select id, slug from topics where status = 'published' order by slug").all<{
    id: string;
    slug: string;
  }>();
  const planted = texts.map((text, i) => ({ ...text, topic: topics.results[i % topics.results.length]! }));
  await env.DB.batch(
    planted.map(({ title, body, topic }) =>
      env.DB.prepare("insert into search_index (kind, item_id, slug, lang, title, body) values ('topic', ?, ?, 'nl', ?, ?)").bind(
        topic.id,
        topic.slug,
        title,
        body,
      ),
    ),
  );
  try {
    await run(planted.map(({ topic }) => topic.slug));
  } finally {
    await env.DB.prepare('delete from search_index where rowid in (select rowid from search_index where search_index match ?)')
      .bind(`"${word}"`)
      .run();
  }
}

describe('what a search puts first, and how it counts', () => {
  it('ranks a word in the title first, then the text where it weighs most (the shortest)', async () => {
    const filler = 'over de werking van verenigingen in de stad en daarbuiten, '.repeat(6);
    await withPlanted(
      'kwartelkoning',
      [
        { title: 'Een lange tekst', body: `${filler}met een kwartelkoning ergens. ${filler}` },
        { title: 'Over de kwartelkoning', body: filler },
        { title: 'Een korte tekst', body: 'Een kwartelkoning gezien.' },
      ],
      async ([long, titled, short]) => {
        const { body } = await get<Ranked>('/v1/search?q=kwartelkoning');
        expect(body.data.map((hit) => hit.slug)).toEqual([titled, short, long]);
        expect(body.total).toBe(3);
        expect(body.totalIsLowerBound).toBe(false);
        // What FTS5's snippet(…, 16) gives for this text, made from the page's rows alone.
        expect(body.data[2]?.snippet).toBe(
          '…in de stad en daarbuiten, met een <mark>kwartelkoning</mark> ergens. over de werking van verenigingen in de…',
        );
      },
    );
  });

  it(`says its total is a lower bound when more than ${SEARCH_CANDIDATES} texts match`, async () => {
    const texts = Array.from({ length: SEARCH_CANDIDATES + 1 }, (_, i) => ({ title: `Tekst ${i}`, body: 'Een grutto in de wei.' }));
    await withPlanted('grutto', texts, async (slugs) => {
      const { body } = await get<Ranked>('/v1/search?q=grutto&limit=100');
      expect(body.totalIsLowerBound).toBe(true);
      expect(body.total).toBe(new Set(slugs).size);
    });
    await withPlanted('grutto', texts.slice(1), async () => {
      const { body } = await get<Ranked>('/v1/search?q=grutto&limit=100&lang=fr');
      expect(body.totalIsLowerBound).toBe(false);
    });
  });
});
