// The content file carries everything a deployment serves: exporting the seeded database and importing the file
// into an emptied one gives the same public API answers, item for item and list for list, search included; and
// importing the same file again writes nothing.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { exportContent, parseContentFile, planImport } from '../../api/content/file.ts';
import { d1Rows } from '../../api/lib/content-writes.ts';
import { d1Runner } from '../../schema/db.ts';
import { get } from './helpers.ts';

const rows = d1Rows(env.DB);
const LANGS = ['nl', 'en', 'fr'];

async function publicAnswers(): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  const lists = ['/v1/about', '/v1/topics', '/v1/services?limit=100', '/v1/analyses?limit=100', '/v1/events?limit=100&from=2000-01-01'];
  for (const lang of LANGS) {
    for (const list of lists) {
      const url = `${list}${list.includes('?') ? '&' : '?'}lang=${lang}`;
      answers[url] = (await get(url)).body;
    }
    for (const q of ['vrijwilligers', 'middenveld', 'participation'])
      answers[`search ${q} ${lang}`] = (await get(`/v1/search?q=${q}&lang=${lang}`)).body;
  }
  for (const resource of ['topics', 'services', 'analyses', 'events']) {
    const list = answers[
      `/v1/${resource}${resource === 'topics' ? '' : resource === 'events' ? '?limit=100&from=2000-01-01' : '?limit=100'}${resource === 'topics' ? '?' : '&'}lang=nl`
    ] as {
      data: { slug: string }[];
    };
    for (const { slug } of list.data) {
      // Dutch, and French (the language with the most fallbacks to Dutch), to keep the test short.
      for (const lang of ['nl', 'fr'])
        answers[`/v1/${resource}/${slug}?lang=${lang}`] = (await get(`/v1/${resource}/${slug}?lang=${lang}`)).body;
    }
  }
  return answers;
}

const CONTENT_TABLES = [
  'analysis_section_translations',
  'analysis_sections',
  'analysis_translations',
  'analysis_authors',
  'analysis_attachments',
  'analysis_topics',
  'analyses',
  'event_translations',
  'event_sessions',
  'event_topics',
  'events',
  'service_translations',
  'service_topics',
  'services',
  'topic_translations',
  'topics',
  'about_translations',
  'about',
  'slug_redirects',
  'search_index',
];

describe('npm run content -- export / import', () => {
  it('gives the same public API answers after export and import into an empty database', { timeout: 180_000 }, async () => {
    const before = await publicAnswers();
    expect(Object.keys(before).length).toBeGreaterThan(100);
    // Through JSON text, as the file on disk.
    const file = parseContentFile(JSON.parse(JSON.stringify(await exportContent(rows))));
    expect(file.events.length).toBeGreaterThan(10);

    await d1Runner(env.DB).batch(CONTENT_TABLES.map((table) => ({ sql: `delete from ${table}`, params: [] })));
    expect((await get('/v1/topics')).body).toEqual({ data: [] });

    const plan = planImport(file, await exportContent(rows));
    expect(plan.counts.events.added).toBe(file.events.length);
    await d1Runner(env.DB).batch(plan.statements);

    const after = await publicAnswers();
    for (const [url, answer] of Object.entries(before)) expect(after[url], url).toEqual(answer);

    // Idempotent: the same file again finds nothing to write.
    const again = planImport(file, await exportContent(rows));
    expect(again.statements).toEqual([]);
    expect(JSON.stringify(await exportContent(rows, new Date(0)))).toBe(JSON.stringify({ ...file, exportedAt: new Date(0).toISOString() }));
  });
});
