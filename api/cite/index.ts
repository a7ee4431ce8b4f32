// GET /v1/analyses/{slug}/cite: an analysis as a reference for reference managers (Zotero, Mendeley, EndNote,
// BibTeX/biblatex), as BibTeX, RIS or CSL-JSON, from the same data as the JSON.
import { createRoute, z } from '@hono/zod-openapi';
import {
  analysisBySlugQuery,
  analysisIdBySlugQuery,
  authorsAndTopicsQueries,
  groupAuthorsAndTopics,
  toAnalysisSummary,
} from '../analyses/queries.ts';
import type { AnalysisSummaryBody } from '../analyses/schemas.ts';
import { createRouter } from '../app.ts';
import { ApiError, problemResponses } from '../errors.ts';
import { absoluteUrl } from '../feeds/index.ts';
import { langParam } from '../lib/language.ts';
import { slugParam } from '../lib/schemas.ts';
import { conditionalGetParameters, notModifiedResponse, readHeaders } from '../openapi.ts';

export const CITATION_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
type CitationFormat = (typeof CITATION_FORMATS)[number];

const MEDIA_TYPES: Record<CitationFormat, string> = {
  bibtex: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
  'csl-json': 'application/vnd.citationstyles.csl+json',
};
const EXTENSIONS: Record<CitationFormat, string> = { bibtex: 'bib', ris: 'ris', 'csl-json': 'json' };
const PUBLISHER = 'Socius';

/** The Brussels calendar date of an ISO time with offset, as written: `2026-03-02T10:00:00+01:00` → [2026, 3, 2]. */
const dateParts = (iso: string): [number, number, number] => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
};

/** Where a reader finds the text: the original publication when there is one elsewhere, else its page here. */
function citedUrl(a: AnalysisSummaryBody, origin: string): string {
  const external = absoluteUrl(a.url);
  return external && !external.startsWith(`${origin}/v1/`) ? external : a.links.html;
}

/** One line of text: line breaks and control characters would end a RIS tag or a BibTeX value early. */
const oneLine = (text: string) => text.replace(/[\p{Cc}\s]+/gu, ' ').trim();

export function cslJson(a: AnalysisSummaryBody, origin: string) {
  return [
    {
      id: a.slug,
      type: 'report',
      title: a.title,
      // Authors are names as credited (often organisations), so they are kept whole rather than split.
      author: a.authors.map((x) => ({ literal: x.name })),
      issued: { 'date-parts': [dateParts(a.publishedAt)] },
      publisher: PUBLISHER,
      URL: citedUrl(a, origin),
      language: a.meta.lang,
      ...(a.summary ? { abstract: a.summary } : {}),
      ...(a.topics.length > 0 ? { keyword: a.topics.map((t) => t.name).join(', ') } : {}),
      license: a.licence,
    },
  ];
}

// BibTeX's special characters, each written so that it prints as itself.
const BIBTEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};
const bibtexText = (text: string) => oneLine(text).replace(/[\\{}%&#$_~^]/g, (ch) => BIBTEX_ESCAPES[ch] ?? ch);

export function bibtex(a: AnalysisSummaryBody, origin: string): string {
  const [year, month, day] = dateParts(a.publishedAt);
  const fields: [string, string][] = [
    ['title', bibtexText(a.title)],
    // Double braces keep each name whole: BibTeX would otherwise split "Socius vzw" into a first and last name.
    ['author', a.authors.map((x) => `{${bibtexText(x.name)}}`).join(' and ')],
    ['institution', PUBLISHER],
    ['type', 'Analysis'],
    ['year', String(year)],
    ['month', String(month)],
    ['date', `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`],
    ['url', oneLine(citedUrl(a, origin)).replace(/[{}\\]/g, encodeURIComponent)],
    ['language', a.meta.lang],
    ...(a.summary ? ([['abstract', bibtexText(a.summary)]] as [string, string][]) : []),
    ...(a.topics.length > 0 ? ([['keywords', bibtexText(a.topics.map((t) => t.name).join(', '))]] as [string, string][]) : []),
    ['note', `Licence: ${bibtexText(a.licence)}`],
  ];
  const key = a.slug.replace(/[^A-Za-z0-9_-]/g, '');
  return `@techreport{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
}

export function ris(a: AnalysisSummaryBody, origin: string): string {
  const [year, month, day] = dateParts(a.publishedAt);
  const tags: [string, string][] = [
    ['TY', 'RPRT'],
    ['TI', a.title],
    ...a.authors.map((x): [string, string] => ['AU', x.name]),
    ['PY', String(year)],
    ['DA', `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`],
    ['PB', PUBLISHER],
    ['UR', citedUrl(a, origin)],
    ['LA', a.meta.lang],
    ...(a.summary ? ([['AB', a.summary]] as [string, string][]) : []),
    ...a.topics.map((t): [string, string] => ['KW', t.name]),
  ];
  return `${[...tags.map(([tag, value]) => `${tag}  - ${oneLine(value)}`), 'ER  - '].join('\r\n')}\r\n`;
}

const EXAMPLES: Record<CitationFormat, string> = {
  bibtex:
    '@techreport{tien-stromingen-in-het-middenveld,\n  title = {Ten flows from civil society in Flanders and Brussels},\n  author = {{Socius}},\n  institution = {Socius},\n  year = {2026}\n}\n',
  ris: 'TY  - RPRT\r\nTI  - Ten flows from civil society in Flanders and Brussels\r\nAU  - Socius\r\nPY  - 2026\r\nER  - \r\n',
  'csl-json':
    '[{"id":"tien-stromingen-in-het-middenveld","type":"report","title":"Ten flows from civil society in Flanders and Brussels","author":[{"literal":"Socius"}],"issued":{"date-parts":[[2026,3,2]]}}]',
};

const citeRoute = createRoute({
  method: 'get',
  path: '/analyses/{slug}/cite',
  tags: ['Analyses'],
  operationId: 'citeAnalysis',
  summary: 'Cite an analysis',
  description:
    'A published analysis as a reference: `bibtex` (a `@techreport`), `ris` (type RPRT) or `csl-json` (type report), with ' +
    'title, authors as credited, publication date, publisher, language, abstract, keywords and the URL to cite (the original ' +
    'publication when there is one, else its page here). Served as a download named after the slug.',
  request: {
    params: z.object({ slug: slugParam }),
    query: z.strictObject({
      format: z.enum(CITATION_FORMATS).openapi({
        param: { name: 'format', in: 'query' },
        description: 'bibtex, ris or csl-json.',
        example: 'bibtex',
      }),
      lang: langParam,
    }),
  },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The reference in the asked format.',
      headers: readHeaders,
      content: Object.fromEntries(
        CITATION_FORMATS.map((f) => [
          MEDIA_TYPES[f],
          { schema: z.string().openapi({ description: `A ${f} reference.`, example: EXAMPLES[f] }) },
        ]),
      ),
    },
    304: notModifiedResponse,
    ...problemResponses(400, 404, 500),
  },
});

export const routes = [citeRoute];

const WRITERS: Record<CitationFormat, (a: AnalysisSummaryBody, origin: string) => string> = {
  bibtex,
  ris,
  'csl-json': (a, origin) => JSON.stringify(cslJson(a, origin)),
};

export const citeRouter = createRouter().openapi(citeRoute, async (c) => {
  const { slug } = c.req.valid('param');
  const { format } = c.req.valid('query');
  const { db, lang } = c.var;
  // The analysis with its authors and topics in one batch: one round trip.
  const [[row], ...authorsAndTopicRows] = await db.batch([
    analysisBySlugQuery(db, lang, slug),
    ...authorsAndTopicsQueries(db, analysisIdBySlugQuery(db, slug).getSQL(), lang),
  ]);
  if (!row) throw new ApiError('not-found', `No published analysis has the slug "${slug}".`);
  const origin = new URL(c.req.url).origin;
  const { authors, topicRefs } = groupAuthorsAndTopics(authorsAndTopicRows);
  const analysis = toAnalysisSummary(row, lang, origin, authors.get(row.id) ?? [], topicRefs.get(row.id) ?? []);
  return c.body(WRITERS[format](analysis, origin), 200, {
    'Content-Type': `${MEDIA_TYPES[format]}; charset=utf-8`,
    'Content-Disposition': `attachment; filename="${slug.replace(/[^A-Za-z0-9_-]/g, '')}.${EXTENSIONS[format]}"`,
  });
});
