// Analyses in the editorial pipeline (api/lib/writes.ts): read, built (rich text sanitised, slug and anchors made),
// checked and written with their sections, authors, attachments, topics, slug redirect and search text in the batch.
import { z } from '@hono/zod-openapi';
import { eq, inArray } from 'drizzle-orm';
import { analyses, topics } from '../../schema/index.ts';
import { withoutDefaults } from '../lib/content-input.ts';
import { d1Rows } from '../lib/content-writes.ts';
import { editorialRoutes } from '../lib/editorial-routes.ts';
import { slugify, uniqueSlug } from '../lib/slugs.ts';
import {
  type EditableBase,
  type EditableResource,
  editableBase,
  editorialOutputFields,
  type Issue,
  mergePatchSchema,
  sqlStatement,
} from '../lib/writes.ts';
import { type AnalysisInput, AnalysisInputSchema } from './input.ts';
import {
  type AnalysisDocument,
  AnalysisDocumentSchema,
  analysisChildren,
  analysisColumns,
  normaliseAnalysis,
  readAnalysisDocuments,
} from './writes.ts';

export const EditableAnalysisSchema = z.object({ ...AnalysisDocumentSchema.shape, ...editorialOutputFields }).openapi('EditableAnalysis');
export type EditableAnalysis = Omit<AnalysisDocument, keyof EditableBase> & EditableBase;

/** Unknown topic slugs, as 422 issues at `topics/<i>`. */
export async function unknownTopics(
  db: Parameters<EditableResource<EditableBase, AnalysisInput>['children']>[0],
  slugs: string[],
): Promise<Issue[]> {
  if (slugs.length === 0) return [];
  const found = new Set((await db.select({ slug: topics.slug }).from(topics).where(inArray(topics.slug, slugs))).map((t) => t.slug));
  return slugs.flatMap((slug, i) => (found.has(slug) ? [] : [{ path: ['topics', i], message: `No topic has the slug "${slug}"` }]));
}

export const analysesResource: EditableResource<EditableAnalysis, AnalysisInput> = {
  name: 'analyses',
  label: 'analysis',
  table: analyses,
  async read(db, id) {
    const [row] = await db.select().from(analyses).where(eq(analyses.id, id)).limit(1);
    const [doc] = await readAnalysisDocuments(d1Rows(db.$client), [id]);
    if (!row || !doc) return undefined;
    return { ...doc, ...editableBase(row) };
  },
  async prepare(c, input) {
    // A new analysis without slug gets one from its Dutch title, unique among analyses (old slugs included).
    if (!input || input.slug) return input;
    return { ...input, slug: await uniqueSlug(c.var.db, 'analysis', slugify(input.translations.nl.title ?? 'analyse')) };
  },
  build: (input, base) => {
    const doc = normaliseAnalysis(input, base.id, base.slug);
    return { ...doc, ...base, publishedAt: doc.publishedAt ?? (base.status === 'published' ? new Date().toISOString() : undefined) };
  },
  columns: (item) => analysisColumns(item as AnalysisDocument, new Date()),
  children: (_db, item, previous) => analysisChildren(item as AnalysisDocument, previous?.slug).map(sqlStatement),
  check: (db, item) => unknownTopics(db, item.topics),
};

const example: EditableAnalysis = {
  id: '5d0f7c1e-2f55-4c8c-8e0a-6b1f3c2d9a10',
  slug: 'tien-stromingen-in-het-middenveld',
  status: 'draft',
  version: 1,
  publishAt: null,
  unpublishAt: null,
  createdAt: '2026-11-02T10:15:00+01:00',
  updatedAt: '2026-11-02T10:15:00+01:00',
  translations: { nl: { title: 'Tien stromingen in het middenveld', summary: 'Hoe het middenveld verandert.' } },
  authors: [{ name: 'Socius' }],
  licence: 'CC-BY-4.0',
  topics: ['participatie'],
  sections: [
    { anchor: 'inleiding', format: 'html', translations: { nl: { heading: 'Inleiding', body: '<p>Het middenveld verandert.</p>' } } },
  ],
  attachments: [],
};

export const analysisEditorial = editorialRoutes({
  base: '/analyses',
  tag: 'Analyses',
  noun: 'Analysis',
  resource: analysesResource,
  input: AnalysisInputSchema,
  patch: mergePatchSchema(withoutDefaults(AnalysisInputSchema)).openapi('AnalysisPatch', {
    description:
      'A JSON merge patch (RFC 7396) of `AnalysisInput`: send only what changes; `null` removes an optional field or a language.',
  }),
  detail: z.object({ data: EditableAnalysisSchema }).openapi('EditableAnalysisDetail'),
  example,
});
