import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../errors.ts';
import { bearerSecurity, requireKey, scopeNote } from '../lib/auth.ts';
import { AUDIT_RETENTION_DAYS } from '../lib/writes.ts';

export const AuditEntrySchema = z
  .object({
    id: z.int().openapi({ example: 812 }),
    at: z.string().openapi({ example: '2026-12-01T11:30:02+01:00' }),
    keyId: z.string().nullable().openapi({ description: 'The key that wrote; null for the scheduler.', example: '9f2c4e1a7b3d5f60' }),
    method: z.string().openapi({ description: 'HTTP method, or `SCHEDULED` for the Cron Trigger.', example: 'PATCH' }),
    route: z.string().openapi({ example: '/v1/topics/vrijwilligerswerk' }),
    resource: z.string().nullable().openapi({ example: 'topics' }),
    itemId: z.string().nullable().openapi({ example: '3caad1ae-bd26-4125-b080-19c6c287d714' }),
    status: z.int().openapi({ description: 'The HTTP status the write was answered with.', example: 200 }),
    result: z.string().openapi({
      description: '`created`, `updated`, `deleted`, `restored`, `published`, `purged`… or `refused: <status>`.',
      example: 'updated',
    }),
  })
  .openapi('AuditEntry');

export const AuditQuerySchema = z.strictObject({
  // The range in the schema, not only in the handler, so the document states it (the fuzzer holds it to that).
  limit: z
    .string()
    .regex(/^0*(?:[1-9]\d?|[1-4]\d{2}|500)$/, 'A whole number from 1 to 500, in plain digits')
    .optional()
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'How many entries (1–500, default 100).', example: '100' }),
  before: z
    .string()
    .regex(/^\d+$/, 'An entry id')
    .optional()
    .openapi({
      param: { name: 'before', in: 'query' },
      description: 'Only entries older than this entry id (the `nextBefore` of the previous page).',
      example: '812',
    }),
  resource: z
    .string()
    .max(50)
    .optional()
    .openapi({ param: { name: 'resource', in: 'query' }, example: 'topics' }),
  item: z
    .string()
    .max(100)
    .optional()
    .openapi({ param: { name: 'item', in: 'query' }, description: 'An item id.', example: '3caad1ae-bd26-4125-b080-19c6c287d714' }),
  // Not `key`: a query parameter of that name is refused everywhere as a leaked API key (api/lib/auth.ts).
  keyId: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional()
    .openapi({ param: { name: 'keyId', in: 'query' }, description: 'A key id (`keyId` of an entry).', example: '9f2c4e1a7b3d5f60' }),
});

export const listAuditRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['Audit'],
  operationId: 'listAudit',
  summary: 'The audit log',
  description:
    `Every write, accepted or refused, newest first: key id, method, route, item, answer and time. Entries are kept ${AUDIT_RETENTION_DAYS} days; ` +
    'the scheduled handler removes older ones. Writes without a valid key are not logged.' +
    scopeNote(['keys:admin']),
  security: bearerSecurity('keys:admin'),
  middleware: [requireKey('keys:admin')],
  request: { query: AuditQuerySchema },
  responses: {
    200: {
      description: 'A page of entries.',
      content: {
        'application/json': {
          schema: z.object({ data: z.array(AuditEntrySchema), nextBefore: z.string().nullable() }).openapi('AuditPage'),
          example: {
            data: [
              {
                id: 812,
                at: '2026-12-01T11:30:02+01:00',
                keyId: '9f2c4e1a7b3d5f60',
                method: 'PATCH',
                route: '/v1/topics/vrijwilligerswerk',
                resource: 'topics',
                itemId: '3caad1ae-bd26-4125-b080-19c6c287d714',
                status: 200,
                result: 'updated',
              },
            ],
            nextBefore: null,
          },
        },
      },
    },
    ...problemResponses(400, 401, 403, 500),
  },
});

export const routes = [listAuditRoute];
