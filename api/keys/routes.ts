import { createRoute } from '@hono/zod-openapi';
import { problemResponses } from '../errors.ts';
import { bearerSecurity, requireKey, scopeNote } from '../lib/auth.ts';
import { noQuery } from '../lib/list-params.ts';
import { writeMiddleware } from '../lib/writes.ts';
import { CreatedKeySchema, KeyIdParamsSchema, KeyInputSchema, KeyListSchema } from './schemas.ts';

const example = {
  id: '9f2c4e1a7b3d5f60',
  name: 'Editor Anna',
  scopes: ['content:write' as const],
  organiser: null,
  createdAt: '2026-12-01T10:00:00+01:00',
  expiresAt: null,
  lastUsedAt: '2026-12-01T11:30:00+01:00',
  revokedAt: null,
};

export const listKeysRoute = createRoute({
  method: 'get',
  path: '/keys',
  tags: ['Keys'],
  operationId: 'listKeys',
  summary: 'API keys',
  description:
    'Every key with its name, scopes and times, revoked ones included. Never the key itself: only its hash is stored.' +
    scopeNote(['keys:admin']),
  security: bearerSecurity('keys:admin'),
  middleware: [requireKey('keys:admin')],
  request: { query: noQuery },
  responses: {
    200: {
      description: 'All keys, oldest first.',
      content: { 'application/json': { schema: KeyListSchema, example: { data: [example] } } },
    },
    ...problemResponses(400, 401, 403, 500),
  },
});

export const createKeyRoute = createRoute({
  method: 'post',
  path: '/keys',
  tags: ['Keys'],
  operationId: 'createKey',
  summary: 'Create an API key',
  description:
    'A new key with the given scopes. The answer holds the key itself, this one time; store it then (only its SHA-256 is kept). ' +
    '`events:submit` keys need the `organiser` they submit for.' +
    scopeNote(['keys:admin']),
  security: bearerSecurity('keys:admin'),
  middleware: writeMiddleware('keys:admin'),
  request: {
    query: noQuery,
    body: {
      required: true,
      content: { 'application/json': { schema: KeyInputSchema, example: { name: 'Editor Anna', scopes: ['content:write'] } } },
    },
  },
  responses: {
    201: {
      description: 'The key, shown once.',
      content: {
        'application/json': {
          schema: CreatedKeySchema,
          example: { data: { ...example, lastUsedAt: null, key: 'socius_9f2c4e1a7b3d5f60_Xq3v0m2ZPpB7cN1rT8yL4kW6sD9fH0jA5gE2uI7oQ1s' } },
        },
      },
    },
    ...problemResponses(400, 401, 403, 422, 500),
  },
});

export const revokeKeyRoute = createRoute({
  method: 'delete',
  path: '/keys/{id}',
  tags: ['Keys'],
  operationId: 'revokeKey',
  summary: 'Revoke an API key',
  description:
    'The key stops working at once (its row stays, with `revokedAt`, for the audit log). Revoking twice changes nothing.' +
    scopeNote(['keys:admin']),
  security: bearerSecurity('keys:admin'),
  middleware: writeMiddleware('keys:admin'),
  request: { params: KeyIdParamsSchema, query: noQuery },
  responses: {
    204: { description: 'Revoked.' },
    ...problemResponses(400, 401, 403, 404, 500),
  },
});

export const routes = [listKeysRoute, createKeyRoute, revokeKeyRoute];
