// Writing an analysis: its input normalised to what is stored (rich text sanitised, anchors and slug filled), the
// statements that store it with its sections, authors, attachments, topics, slug redirect and search text in one
// batch, and the reader that gives back the same document (the editorial view, the content export).
import { z } from '@hono/zod-openapi';
import type { SqlStatement } from '../../schema/db.ts';
import { invalidBody } from '../errors.ts';
import { momentInput, slugInput } from '../lib/content-input.ts';
import { isoOf, mapTexts, msOf, type ReadRows, rowsOf, searchIndexStatements, textsOf } from '../lib/content-writes.ts';
import { plainTextInput, richTextToHtml } from '../lib/rich-text-input.ts';
import { slugChangeStatements, slugify } from '../lib/slugs.ts';
import { AnalysisInputSchema, SectionInputSchema } from './input.ts';

/** An analysis as stored and exported: the input with its id, slug and anchors settled and bodies as sanitised HTML. */
export const AnalysisDocumentSchema = AnalysisInputSchema.extend({
  id: z.string().min(1).max(64),
  slug: slugInput,
  // A fresh object rather than `.extend()` of the registered AnalysisSectionInput: the OpenAPI generator renders an
  // extension as allOf [ref, strict object], and the strict half then forbids the ref's own fields (`translations`).
  sections: z.array(z.strictObject({ ...SectionInputSchema.shape, anchor: slugInput, format: z.literal('html').default('html') })),
  createdAt: momentInput.optional(),
  updatedAt: momentInput.optional(),
}).openapi('AnalysisDocument');
export type AnalysisDocument = z.infer<typeof AnalysisDocumentSchema>;
type AnalysisInputParsed = z.infer<typeof AnalysisInputSchema>;

/**
 * What will be stored for `input`: plain texts normalised, section bodies rendered (Markdown) and sanitised, anchors
 * made from the Dutch heading when absent and unique within the analysis, topics in slug order. The slug is settled
 * by the caller.
 */
export function normaliseAnalysis(input: AnalysisInputParsed, id: string, slug: string): AnalysisDocument {
  const anchors = new Set(input.sections.flatMap((s) => (s.anchor ? [s.anchor] : [])));
  const sections = input.sections.map((section) => {
    let anchor = section.anchor;
    if (!anchor) {
      const base = slugify(section.translations.nl.heading ?? 'sectie');
      anchor = base;
      for (let n = 2; anchors.has(anchor); n++) anchor = `${base}-${n}`;
      anchors.add(anchor);
    }
    const translations = mapTexts(section.translations, (value, field) =>
      field === 'body' ? richTextToHtml(value, section.format) : plainTextInput(value),
    );
    return { anchor, format: 'html' as const, translations };
  });
  const translations = mapTexts(input.translations, plainTextInput);
  refuseEmptied([
    ...textEntries(translations, ['translations']),
    ...sections.flatMap((section, i) => textEntries(section.translations, ['sections', i, 'translations'])),
  ]);
  return {
    ...input,
    id,
    slug,
    translations,
    sections,
    topics: [...input.topics].sort(),
    authors: input.authors.map((a) => ({
      name: plainTextInput(a.name),
      ...(a.affiliation ? { affiliation: plainTextInput(a.affiliation) } : {}),
    })),
    attachments: input.attachments.map((a) => ({ ...a, title: plainTextInput(a.title) })),
  };
}

/** Every text of a translations object with its path in the body. */
function textEntries(translations: object, path: (string | number)[]): { path: (string | number)[]; value: unknown }[] {
  return Object.entries(translations).flatMap(([lang, texts]) =>
    Object.entries((texts ?? {}) as Record<string, unknown>).map(([field, value]) => ({ path: [...path, lang, field], value })),
  );
}

/**
 * A 422 for texts that sanitising or normalising left empty (a body of only `<!`, a title of control characters):
 * stored, they broke the documented response, where every text has at least one character (found by fuzzing).
 */
function refuseEmptied(texts: { path: (string | number)[]; value: unknown }[]): void {
  const issues = texts
    .filter((text) => text.value === '')
    .map((text) => ({
      path: text.path,
      message: 'Nothing is left once markup and control characters are removed; write text or leave the field out',
    }));
  if (issues.length > 0) throw invalidBody(issues);
}

/** The analysis's own columns besides the pipeline's (slug, status, schedule, times), for its row. */
export function analysisColumns(doc: AnalysisDocument, now: Date): Record<string, unknown> {
  return {
    // Published without a date (by the scheduler, or an editor who left it out): published now.
    publishedAt: msOf(doc.publishedAt) ?? (doc.status === 'published' ? now.getTime() : null),
    revisedAt: msOf(doc.revisedAt),
    licence: doc.licence,
    canonicalUrl: doc.canonicalUrl ?? null,
  };
}

/** The whole analysis as the content import writes it: its row upserted by id (a change bumps its version), then {@link analysisChildren}. */
export function analysisStatements(doc: AnalysisDocument, now: Date, previousSlug?: string): SqlStatement[] {
  const c = analysisColumns(doc, now);
  return [
    {
      sql: `insert into analyses (id, slug, status, publish_at, unpublish_at, published_at, revised_at, licence, canonical_url, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set slug = excluded.slug, status = excluded.status, publish_at = excluded.publish_at,
              unpublish_at = excluded.unpublish_at, published_at = excluded.published_at, revised_at = excluded.revised_at,
              licence = excluded.licence, canonical_url = excluded.canonical_url, updated_at = excluded.updated_at, version = version + 1`,
      params: [
        doc.id,
        doc.slug,
        doc.status ?? 'draft',
        msOf(doc.publishAt ?? undefined),
        msOf(doc.unpublishAt ?? undefined),
        c.publishedAt,
        c.revisedAt,
        c.licence,
        c.canonicalUrl,
        msOf(doc.createdAt) ?? now.getTime(),
        msOf(doc.updatedAt) ?? now.getTime(),
      ],
    },
    ...analysisChildren(doc, previousSlug),
  ];
}

/**
 * Every statement that writes the analysis besides its row: texts, sections, authors, attachments and topics replaced,
 * the redirect from `previousSlug`, its search text. Topics are referred to by slug and resolved inside the batch,
 * so topics written earlier in the same batch (content import) are found; unknown ones must be refused before.
 */
export function analysisChildren(doc: AnalysisDocument, previousSlug?: string): SqlStatement[] {
  const id = doc.id;
  const statements: SqlStatement[] = [
    { sql: 'delete from analysis_translations where analysis_id = ?', params: [id] },
    ...rowsOf(doc.translations, ['title', 'summary']).map(({ lang, values }) => ({
      sql: 'insert into analysis_translations (analysis_id, lang, title, summary) values (?, ?, ?, ?)',
      params: [id, lang, values.title, values.summary],
    })),
    {
      sql: 'delete from analysis_section_translations where section_id in (select id from analysis_sections where analysis_id = ?)',
      params: [id],
    },
    { sql: 'delete from analysis_sections where analysis_id = ?', params: [id] },
    { sql: 'delete from analysis_authors where analysis_id = ?', params: [id] },
    { sql: 'delete from analysis_attachments where analysis_id = ?', params: [id] },
    { sql: 'delete from analysis_topics where analysis_id = ?', params: [id] },
  ];
  doc.sections.forEach((section, position) => {
    // Section rows have no identity outside their analysis (the anchor is what links point at), so the id is
    // derived from both and stays the same across edits.
    const sectionId = `${id}#${section.anchor}`;
    statements.push({
      sql: 'insert into analysis_sections (id, analysis_id, position, anchor) values (?, ?, ?, ?)',
      params: [sectionId, id, position, section.anchor],
    });
    for (const { lang, values } of rowsOf(section.translations, ['heading', 'body'])) {
      statements.push({
        sql: 'insert into analysis_section_translations (section_id, lang, heading, body) values (?, ?, ?, ?)',
        params: [sectionId, lang, values.heading, values.body],
      });
    }
  });
  doc.authors.forEach((author, position) => {
    statements.push({
      sql: 'insert into analysis_authors (analysis_id, position, name, affiliation) values (?, ?, ?, ?)',
      params: [id, position, author.name, author.affiliation ?? null],
    });
  });
  doc.attachments.forEach((a, position) => {
    statements.push({
      sql: `insert into analysis_attachments (id, analysis_id, lang, position, title, url, media_type, byte_size)
            values (?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [`${id}@${position}`, id, a.lang, position, a.title, a.url, a.mediaType, a.byteSize ?? null],
    });
  });
  for (const topic of doc.topics) {
    statements.push({
      sql: 'insert into analysis_topics (analysis_id, topic_id) select ?, id from topics where slug = ?',
      params: [id, topic],
    });
  }
  statements.push(...slugChangeStatements('analysis', id, previousSlug, doc.slug));
  statements.push(
    ...searchIndexStatements(
      'analysis',
      id,
      doc.slug,
      rowsOf(doc.translations, ['title', 'summary']).map(({ lang, values }) => ({
        lang,
        title: values.title ?? doc.translations.nl.title ?? '',
        parts: [values.summary, ...doc.sections.flatMap((s) => [s.translations[lang]?.heading, s.translations[lang]?.body])],
      })),
    ),
  );
  return statements;
}

const IDS = `(? is null or analysis_id in (select value from json_each(?)))`;

/** The stored analyses with `ids` (all of them without), every status and language, as documents. */
export async function readAnalysisDocuments(rows: ReadRows, ids?: string[]): Promise<AnalysisDocument[]> {
  const list = ids === undefined ? null : JSON.stringify(ids);
  const p = [list, list];
  const [parents, translations, sections, sectionTexts, authors, attachments, topics] = await Promise.all([
    rows(`select * from analyses where (? is null or id in (select value from json_each(?))) order by created_at, id`, p),
    rows(`select * from analysis_translations where ${IDS}`, p),
    rows(`select * from analysis_sections where ${IDS} order by analysis_id, position`, p),
    rows(
      `select st.*, s.analysis_id from analysis_section_translations st join analysis_sections s on s.id = st.section_id where ${IDS.replaceAll('analysis_id', 's.analysis_id')}`,
      p,
    ),
    rows(`select * from analysis_authors where ${IDS} order by analysis_id, position`, p),
    rows(`select * from analysis_attachments where ${IDS} order by analysis_id, position`, p),
    rows(
      `select at.analysis_id, t.slug from analysis_topics at join topics t on t.id = at.topic_id where ${IDS.replaceAll('analysis_id', 'at.analysis_id')} order by t.slug`,
      p,
    ),
  ]);
  const of = (list: Record<string, unknown>[], id: unknown) => list.filter((row) => row.analysis_id === id);
  return parents.map((a) => {
    return AnalysisDocumentSchema.parse({
      id: a.id,
      slug: a.slug,
      status: a.status,
      translations: textsOf(of(translations, a.id), ['title', 'summary']),
      authors: of(authors, a.id).map((row) => ({ name: row.name, ...(row.affiliation == null ? {} : { affiliation: row.affiliation }) })),
      ...(a.published_at == null ? {} : { publishedAt: isoOf(a.published_at) }),
      ...(a.revised_at == null ? {} : { revisedAt: isoOf(a.revised_at) }),
      ...(a.publish_at == null ? {} : { publishAt: isoOf(a.publish_at) }),
      ...(a.unpublish_at == null ? {} : { unpublishAt: isoOf(a.unpublish_at) }),
      licence: a.licence,
      ...(a.canonical_url == null ? {} : { canonicalUrl: a.canonical_url }),
      topics: of(topics, a.id).map((row) => row.slug),
      sections: of(sections, a.id).map((s) => ({
        anchor: s.anchor,
        format: 'html',
        translations: textsOf(
          sectionTexts.filter((row) => row.section_id === s.id),
          ['heading', 'body'],
        ),
      })),
      attachments: of(attachments, a.id).map((row) => ({
        lang: row.lang,
        title: row.title,
        url: row.url,
        mediaType: row.media_type,
        ...(row.byte_size == null ? {} : { byteSize: row.byte_size }),
      })),
      createdAt: isoOf(a.created_at),
      updatedAt: isoOf(a.updated_at),
    });
  });
}
