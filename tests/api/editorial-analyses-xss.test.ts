// Hostile rich text (the corpus of tests/hostile-corpus.ts) written as an analysis or an event description (HTML and Markdown) is stored sanitised, and what is stored is exactly
// what the public API serves. Stored rows are read straight from D1, so the check does not lean on the sanitising
// the read path also does.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { AnalysisInputSchema } from '../../api/analyses/input.ts';
import { analysisStatements, normaliseAnalysis } from '../../api/analyses/writes.ts';
import { EventInputSchema } from '../../api/events/input.ts';
import { eventStatements, normaliseEvent } from '../../api/events/writes.ts';
import { d1Runner } from '../../schema/db.ts';
import { HTML_PAYLOADS, MARKDOWN_PAYLOADS } from '../hostile-corpus.ts';
import { get } from './helpers.ts';
import { unsafeConstructs } from './html-scan.ts';

const CASES = [
  ...HTML_PAYLOADS.map((payload) => ['html', payload] as const),
  ...MARKDOWN_PAYLOADS.map((payload) => ['markdown', payload] as const),
];

let n = 0;
/** Writes one analysis whose section body holds `payload` in every language, and returns its slug and id. */
async function writeAnalysis(format: 'html' | 'markdown', payload: string) {
  n += 1;
  const input = AnalysisInputSchema.parse({
    status: 'published',
    translations: { nl: { title: `XSS ${n}` } },
    sections: [
      {
        format,
        translations: {
          nl: { heading: 'Kop', body: payload },
          en: { heading: 'Head', body: `Before ${payload} after` },
          fr: { body: payload },
        },
      },
    ],
  });
  const doc = normaliseAnalysis(input, `xss-${n}`, `xss-${n}`);
  await d1Runner(env.DB).batch(analysisStatements(doc, new Date()));
  return doc;
}

async function storedBodies(analysisId: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `select st.body from analysis_section_translations st join analysis_sections s on s.id = st.section_id
      where s.analysis_id = ? order by st.lang = 'nl' desc, st.lang`,
  )
    .bind(analysisId)
    .all<{ body: string }>();
  return results.map((row) => row.body);
}

describe('rich text written to an analysis', () => {
  it.each(CASES)('stores and serves nothing that runs from %s: %s', async (format, payload) => {
    // With a word after it: a body that sanitises to nothing is refused (422), which is not what this tests.
    const doc = await writeAnalysis(format, `${payload} tekst`);
    const stored = await storedBodies(doc.id);
    expect(stored).toHaveLength(3);
    for (const body of stored) expect(await unsafeConstructs(body), body).toEqual([]);
    for (const lang of ['nl', 'en', 'fr']) {
      const served = await get<{ data: { sections: { body: string }[] } }>(`/v1/analyses/${doc.slug}?lang=${lang}`);
      expect(served.status).toBe(200);
      const body = served.body.data.sections[0]?.body ?? '';
      expect(stored).toContain(body);
    }
  });

  it('turns Markdown into the allowed HTML, with external links that cannot reach back into the partner page', async () => {
    const doc = await writeAnalysis(
      'markdown',
      '# Doel\n\nEen **sterk** en _open_ middenveld: [Socius](https://socius.be) en [de stromen](#stromen).\n\n- een\n- twee',
    );
    const [body] = await storedBodies(doc.id);
    expect(body).toBe(
      '<h3>Doel</h3>\n<p>Een <strong>sterk</strong> en <em>open</em> middenveld: <a href="https://socius.be" rel="noopener noreferrer">Socius</a> en <a href="#stromen">de stromen</a>.</p>\n<ul>\n<li>een</li>\n<li>twee</li>\n</ul>',
    );
  });

  it('stores HTML that is already clean exactly as sent, apart from rel on external links', async () => {
    const doc = await writeAnalysis(
      'html',
      '<p>Lees <a href="https://socius.be" rel="opener">meer</a> of <a href="/v1/topics">de thema’s</a>.</p>',
    );
    const [body] = await storedBodies(doc.id);
    expect(body).toBe('<p>Lees <a href="https://socius.be" rel="noopener noreferrer">meer</a> of <a href="/v1/topics">de thema’s</a>.</p>');
  });
});

describe('rich text written as an event description', () => {
  it('stores and serves nothing that runs, from every payload in HTML and Markdown', { timeout: 120_000 }, async () => {
    const written = CASES.map(([format, payload], i) =>
      normaliseEvent(
        EventInputSchema.parse({
          status: 'published',
          descriptionFormat: format,
          translations: { nl: { title: `XSS-activiteit ${i}`, description: payload } },
          attendanceMode: 'online',
          organiser: { name: 'Socius' },
          sessions: [{ startsAt: '2099-01-01T10:00:00Z', endsAt: '2099-01-01T12:00:00Z' }],
        }),
        `xss-event-${i}`,
        `xss-activiteit-${i}`,
      ),
    );
    await d1Runner(env.DB).batch(written.flatMap((doc) => eventStatements(doc, new Date())));
    for (const doc of written) {
      const stored =
        (await env.DB.prepare(`select description from event_translations where event_id = ? and lang = 'nl'`)
          .bind(doc.id)
          .first<string | null>('description')) ?? '';
      expect(await unsafeConstructs(stored), stored).toEqual([]);
      const served = await get<{ data: { description: string | null } }>(`/v1/events/${doc.slug}`);
      expect(served.body.data.description ?? '').toBe(stored);
    }
  });
});
