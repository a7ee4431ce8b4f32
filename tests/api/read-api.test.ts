import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { get, getProblem } from './helpers.ts';
import { scanHtml, unsafeConstructs } from './html-scan.ts';

interface Topic {
  slug: string;
  name: string;
  meta: { lang: string; fallback: string[] };
}
interface Service {
  slug: string;
  format: string;
  title: string;
  topics: { slug: string }[];
}
interface AnalysisSummary {
  slug: string;
  title: string;
  url: string;
  publishedAt: string;
  authors: { name: string }[];
  licence: string;
  topics: { slug: string }[];
  meta: { lang: string; fallback: string[] };
}
interface Analysis extends AnalysisSummary {
  sections: { anchor: string; heading: string; body: string; fallback: boolean }[];
  attachments: { lang: string; url: string }[];
}
interface Hit {
  kind: string;
  slug: string;
  title: string;
  snippet: string;
  lang: string;
}
interface List<T> {
  data: T[];
  nextCursor: string | null;
  total: number;
}

describe('GET /v1/topics/{slug}', () => {
  it('returns one topic, and a 404 problem for an unknown one', async () => {
    const { body } = await get<{ data: Topic }>('/v1/topics/vrijwilligerswerk?lang=fr');
    expect(body.data).toMatchObject({ slug: 'vrijwilligerswerk', meta: { lang: 'fr' } });
    await getProblem('/v1/topics/bestaat-niet', 404);
  });
});

describe('GET /v1/topics', () => {
  it('lists the taxonomy with translated names', async () => {
    const nl = await get<{ data: Topic[] }>('/v1/topics');
    const fr = await get<{ data: Topic[] }>('/v1/topics?lang=fr');
    expect(nl.body.data.length).toBeGreaterThanOrEqual(6);
    expect(fr.body.data.map((t) => t.slug)).toEqual(nl.body.data.map((t) => t.slug));
    expect(fr.body.data.filter((t, i) => t.name !== nl.body.data[i]!.name).length).toBeGreaterThan(0);
  });
});

describe('GET /v1/services', () => {
  it('filters the catalogue by topic and by format', async () => {
    const all = (await get<List<Service>>('/v1/services?limit=100')).body;
    expect(all.total).toBe(all.data.length);
    const format = all.data[0]!.format;
    const byFormat = (await get<List<Service>>(`/v1/services?format=${format}`)).body;
    expect(byFormat.data.length).toBeGreaterThan(0);
    expect(byFormat.data.every((s) => s.format === format)).toBe(true);
    const topic = all.data[0]!.topics[0]!.slug;
    const byTopic = (await get<List<Service>>(`/v1/services?topic=${topic}`)).body;
    expect(byTopic.data.every((s) => s.topics.some((t) => t.slug === topic))).toBe(true);
    expect(byTopic.total).toBe(all.data.filter((s) => s.topics.some((t) => t.slug === topic)).length);
  });

  it('pages through the catalogue with a cursor', async () => {
    const all = (await get<List<Service>>('/v1/services?limit=100')).body;
    const first = (await get<List<Service>>('/v1/services?limit=2')).body;
    const second = (await get<List<Service>>(`/v1/services?limit=2&cursor=${first.nextCursor}`)).body;
    expect([...first.data, ...second.data].map((s) => s.slug)).toEqual(all.data.slice(0, 4).map((s) => s.slug));
  });

  it('returns one service by slug, and a 404 problem for an unknown one', async () => {
    const all = (await get<List<Service>>('/v1/services')).body;
    const one = await get<{ data: Service }>(`/v1/services/${all.data[0]!.slug}?lang=en`);
    expect(one.body.data.slug).toBe(all.data[0]!.slug);
    await getProblem('/v1/services/no-such-service', 404);
    await getProblem('/v1/services?format=seminar', 400);
  });
});

describe('GET /v1/analyses', () => {
  it('lists analyses newest first with authors, licence and a canonical url', async () => {
    const { body } = await get<List<AnalysisSummary>>('/v1/analyses');
    expect(body.data.length).toBeGreaterThanOrEqual(3);
    const dates = body.data.map((a) => Date.parse(a.publishedAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const analysis of body.data) {
      expect(analysis.authors.length).toBeGreaterThan(0);
      expect(analysis.licence).toMatch(/^CC-/);
      expect(analysis.url).toMatch(/^https:\/\//);
    }
  });

  it('filters by topic, year, author and words', async () => {
    const all = (await get<List<AnalysisSummary>>('/v1/analyses?sort=publishedAt')).body;
    const oldest = all.data[0]!;
    const year = oldest.publishedAt.slice(0, 4);
    const byYear = (await get<List<AnalysisSummary>>(`/v1/analyses?year=${year}`)).body;
    expect(byYear.data.map((a) => a.slug)).toContain(oldest.slug);
    expect(byYear.data.every((a) => a.publishedAt.startsWith(year))).toBe(true);
    const author = oldest.authors[0]!.name;
    const byAuthor = (await get<List<AnalysisSummary>>(`/v1/analyses?author=${encodeURIComponent(author.toUpperCase())}`)).body;
    expect(byAuthor.data.every((a) => a.authors.some((x) => x.name === author))).toBe(true);
    const topic = oldest.topics[0]!.slug;
    const byTopic = (await get<List<AnalysisSummary>>(`/v1/analyses?topic=${topic}`)).body;
    expect(byTopic.data.every((a) => a.topics.some((t) => t.slug === topic))).toBe(true);
    const byWords = (await get<List<AnalysisSummary>>('/v1/analyses?q=middenveld')).body;
    expect(byWords.total).toBeGreaterThan(0);
    expect(byWords.total).toBeLessThanOrEqual(all.total);
  });

  it('returns the full analysis with sections and files in the reader’s language first', async () => {
    const flagship = await get<{ data: Analysis }>('/v1/analyses/tien-stromingen-in-het-middenveld?lang=fr');
    expect(flagship.status).toBe(200);
    const { data } = flagship.body;
    expect(data.sections.length).toBeGreaterThan(2);
    expect(new Set(data.sections.map((s) => s.anchor)).size).toBe(data.sections.length);
    expect(data.sections.every((s) => !s.fallback && s.body.startsWith('<'))).toBe(true);
    expect(data.attachments[0]?.lang).toBe('fr');
  });

  it('marks sections that fell back to Dutch', async () => {
    const list = (await get<List<AnalysisSummary>>('/v1/analyses?lang=fr')).body;
    const partial = list.data.find((a) => a.meta.fallback.includes('summary'));
    expect(partial).toBeDefined();
    const { body } = await get<{ data: Analysis }>(`/v1/analyses/${partial!.slug}?lang=fr`);
    expect(body.data.meta.fallback).toContain('sections');
    expect(body.data.sections.some((s) => s.fallback)).toBe(true);
  });

  it('never serves script, event handlers or script links in a section body, even when they are stored', async () => {
    // Stored HTML is sanitised on write today only by the seed; the read API must not depend on that.
    await plantAnalysis(
      'analyse-met-vijandige-inhoud',
      '<p>Een <strong>sterk</strong> middenveld<script>alert(1)</script> <img src=x onerror=alert(2)></p>' +
        '<p onclick="alert(3)"><a href="javascript:alert(4)">lees</a> <a href="JaVa&#x09;ScRiPt:alert(5)">meer</a> ' +
        '<a href="https://socius.be/">Socius</a></p><svg onload=alert(6)></svg><iframe srcdoc="<script>alert(7)</script>"></iframe>',
    );
    try {
      const { status, body } = await get<{ data: Analysis }>('/v1/analyses/analyse-met-vijandige-inhoud');
      expect(status).toBe(200);
      const served = body.data.sections[0]!.body;
      expect(await unsafeConstructs(served), served).toEqual([]);
      expect(served).not.toMatch(/<script|\son\w+\s*=|javascript:/i);
      // The formatting and the safe link survive.
      expect(served).toContain('<strong>sterk</strong>');
      expect(served).toContain('<a href="https://socius.be/" rel="noopener noreferrer">Socius</a>');
    } finally {
      await env.DB.prepare('delete from analyses where id = ?').bind('planted-analysis').run();
    }
  });

  it('serves the seeded section bodies exactly as stored, so that guard never mangles real text', async () => {
    const list = (await get<List<AnalysisSummary>>('/v1/analyses?limit=100')).body;
    for (const item of list.data) {
      const { body } = await get<{ data: Analysis }>(`/v1/analyses/${item.slug}`);
      const stored = await env.DB.prepare(
        `select st.body from analyses a join analysis_sections s on s.analysis_id = a.id
           join analysis_section_translations st on st.section_id = s.id and st.lang = 'nl'
          where a.slug = ? order by s.position`,
      )
        .bind(item.slug)
        .all<{ body: string }>();
      expect(body.data.sections.map((section) => section.body)).toEqual(stored.results.map((row) => row.body));
    }
  });
});

describe('GET /v1/search', () => {
  it('finds words by their start: vrijwilligers finds vrijwilligerswerk', async () => {
    const { body } = await get<List<Hit>>('/v1/search?q=vrijwilligers');
    expect(body.total).toBeGreaterThan(0);
    expect(body.data.some((hit) => /vrijwilligerswerk/i.test(hit.snippet + hit.title))).toBe(true);
    expect(body.data.some((hit) => hit.snippet.includes('<mark>'))).toBe(true);
  });

  it('ignores accents: reseau finds réseau', async () => {
    const { body } = await get<List<Hit>>('/v1/search?q=reseau&lang=fr');
    expect(body.total).toBeGreaterThan(0);
    expect(body.data.some((hit) => /réseau/i.test(hit.snippet + hit.title))).toBe(true);
  });

  it('types results by kind and can be narrowed to kinds', async () => {
    const mixed = (await get<List<Hit>>('/v1/search?q=socius&limit=100')).body;
    expect(new Set(mixed.data.map((hit) => hit.kind)).size).toBeGreaterThan(1);
    const onlyEvents = (await get<List<Hit>>('/v1/search?q=socius&kind=event&limit=100')).body;
    expect(onlyEvents.data.every((hit) => hit.kind === 'event')).toBe(true);
  });

  it('links every result to the item in this API', async () => {
    const { body } = await get<List<Hit & { url: string }>>('/v1/search?q=vrijwilligers&limit=100');
    expect(new Set(body.data.map((hit) => hit.kind))).toContain('topic');
    for (const hit of body.data) {
      const item = await get<{ data: { slug: string } }>(new URL(hit.url).pathname);
      expect(item.status, hit.url).toBe(200);
      expect(item.body.data.slug).toBe(hit.slug);
    }
  });

  it('pages through results without repeating one', async () => {
    const all = (await get<List<Hit>>('/v1/search?q=socius&limit=100')).body;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const suffix: string = cursor ? `&cursor=${cursor}` : '';
      const response: { body: List<Hit> } = await get<List<Hit>>(`/v1/search?q=socius&limit=5${suffix}`);
      seen.push(...response.body.data.map((hit) => `${hit.kind}/${hit.slug}`));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.data.map((hit) => `${hit.kind}/${hit.slug}`));
  });

  it('escapes what it finds, so stored markup shows as text and only the matches are highlighted', async () => {
    // Plain text in the index may hold `<` (the indexer decodes entities), so a snippet is only safe if the API
    // escapes it; a planted `<mark>` must not pass for a match.
    const planted = 'zebravink <mark>vals</mark> </mark> a < b & <script>x()</script> <img src=x onerror=y()>';
    const topic = await env.DB.prepare("select id, slug from topics where status = 'published' limit 1").first<{
      id: string;
      slug: string;
    }>();
    await env.DB.prepare("insert into search_index (kind, item_id, slug, lang, title, body) values ('topic', ?, ?, 'nl', 'Geplant', ?)")
      .bind(topic!.id, topic!.slug, planted)
      .run();
    try {
      const { body } = await get<List<Hit>>('/v1/search?q=zebravink');
      expect(body.data.length).toBe(1);
      const { snippet } = body.data[0]!;
      const elements = await scanHtml(snippet);
      expect(elements, snippet).toEqual([{ tag: 'mark', attributes: [] }]);
      expect(snippet).toMatch(/^<mark>zebravink<\/mark> /);
      const text = snippet
        .replace(/<\/?mark>/g, '')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&');
      expect(text).toBe(planted);
    } finally {
      // Removed by its word: `returning rowid` gives -1 on an FTS5 table, so the row cannot be named by rowid.
      await env.DB.prepare(
        "delete from search_index where rowid in (select rowid from search_index where search_index match 'zebravink')",
      ).run();
    }
  });

  it('serves snippets of the seeded content with no markup but the highlights', async () => {
    const { body } = await get<List<Hit>>('/v1/search?q=socius&limit=100');
    for (const hit of body.data) expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('requires words to search for', async () => {
    await getProblem('/v1/search', 400);
    const problem = await getProblem('/v1/search?q=%22*%22', 400);
    expect(problem.invalidParams?.[0]?.name).toBe('q');
  });
});

/** A published analysis with one Dutch section whose body is stored exactly as given, bypassing every write path. */
async function plantAnalysis(slug: string, sectionBody: string) {
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      "insert into analyses (id, slug, status, published_at, licence, created_at, updated_at) values ('planted-analysis', ?, 'published', ?, 'CC-BY-4.0', ?, ?)",
    ).bind(slug, now - 86_400_000, now, now),
    env.DB.prepare(
      "insert into analysis_translations (analysis_id, lang, title, summary) values ('planted-analysis', 'nl', 'Geplant', 'Geplant')",
    ),
    env.DB.prepare(
      "insert into analysis_sections (id, analysis_id, position, anchor) values ('planted-section', 'planted-analysis', 0, 'geplant')",
    ),
    env.DB.prepare(
      "insert into analysis_section_translations (section_id, lang, heading, body) values ('planted-section', 'nl', 'Geplant', ?)",
    ).bind(sectionBody),
  ]);
}
