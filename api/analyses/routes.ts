import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../errors.ts';
import { previewParam } from '../lib/auth.ts';
import { slugParam } from '../lib/schemas.ts';
import { renamedResponse } from '../lib/slugs.ts';
import { conditionalGetParameters, listHeaders, notModifiedResponse, readHeaders } from '../openapi.ts';
import { analysisExample, analysisSummaryExample } from './examples.ts';
import { AnalysisDetailQuerySchema, AnalysisDetailSchema, AnalysisListQuerySchema, AnalysisListSchema } from './schemas.ts';

export const listAnalyses = createRoute({
  method: 'get',
  path: '/analyses',
  tags: ['Analyses'],
  operationId: 'listAnalyses',
  summary: 'Research and policy analyses',
  description: 'Published analyses, newest first by default. Bodies are in the detail; lists carry title, summary, authors and dates.',
  request: { query: AnalysisListQuerySchema.extend({ preview: previewParam }) },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'A page of analyses.',
      headers: listHeaders,
      content: {
        'application/json': { schema: AnalysisListSchema, example: { data: [analysisSummaryExample], nextCursor: null, total: 1 } },
      },
    },
    304: notModifiedResponse,
    ...problemResponses(400, 401, 403, 500),
  },
});

export const getAnalysis = createRoute({
  method: 'get',
  path: '/analyses/{slug}',
  tags: ['Analyses'],
  operationId: 'getAnalysis',
  summary: 'One analysis, in full',
  description:
    'The full text in sections with stable anchors, authors, dates, licence and downloads (files in the requested language first).',
  request: { params: z.object({ slug: slugParam }), query: AnalysisDetailQuerySchema.extend({ preview: previewParam }) },
  parameters: conditionalGetParameters,
  responses: {
    200: {
      description: 'The analysis.',
      headers: readHeaders,
      content: { 'application/json': { schema: AnalysisDetailSchema, example: { data: analysisExample } } },
    },
    301: renamedResponse,
    304: notModifiedResponse,
    ...problemResponses(400, 401, 403, 404, 500),
  },
});

/** Every documented operation of this module, for tests that hold handlers to their contracts. */
export const routes = [listAnalyses, getAnalysis];
