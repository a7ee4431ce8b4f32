import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../errors.ts';
import { bearerSecurity, requireKey, scopeNote } from '../lib/auth.ts';
import { idempotencyKey } from '../lib/editorial-routes.ts';
import { noQuery } from '../lib/list-params.ts';
import { createMiddlewares, writeMiddleware } from '../lib/writes.ts';
import {
  CreatedWebhookSchema,
  DeliveryListSchema,
  DeliveryParamsSchema,
  DeliveryQuerySchema,
  DeliveryResponseSchema,
  WebhookIdParamsSchema,
  WebhookInputSchema,
  WebhookListSchema,
  WebhookPatchSchema,
  WebhookPayloadSchema,
  WebhookResponseSchema,
} from './schemas.ts';

const ADMIN = ['webhooks:admin'] as const;
const note = scopeNote(ADMIN);
const security = bearerSecurity('webhooks:admin');

const webhookExample = {
  id: '6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b',
  url: 'https://portal.example.org/hooks/socius',
  description: 'Beleidsportaal',
  eventTypes: ['content.published' as const, 'content.updated' as const, 'content.unpublished' as const, 'content.deleted' as const],
  resources: null,
  lang: 'nl' as const,
  active: true,
  previousSecretExpiresAt: null,
  createdAt: '2026-12-01T10:00:00+01:00',
  updatedAt: '2026-12-01T10:00:00+01:00',
};
const deliveryExample = {
  id: '0b8f5a8e-3c1d-4f7a-9e2b-5d6c7a8b9c0d',
  messageId: 'msg_2d3c4b5a69788796a5b4c3d2e1f00112',
  change: 42,
  eventType: 'content.published' as const,
  state: 'delivered' as const,
  attempts: 3,
  lastStatus: 200,
  lastError: null,
  lastAttemptAt: '2026-12-01T10:01:30+01:00',
  nextAttemptAt: null,
  deliveredAt: '2026-12-01T10:01:30+01:00',
  replayOf: null,
  createdAt: '2026-12-01T10:00:00+01:00',
};

const DELIVERY_DOC =
  'Each delivery is a `POST` of `{"type": "content.published", "timestamp": …, "data": <the entry of GET /v1/changes>}` signed per the ' +
  'Standard Webhooks specification: headers `webhook-id` (the same on retries and replays), `webhook-timestamp` (Unix seconds) and ' +
  '`webhook-signature` (`v1,` and the base64 HMAC-SHA256 of `<id>.<timestamp>.<body>` keyed with the secret). Any 2xx answer within 15 s ' +
  'counts as delivered; anything else is retried with doubling delays (30 s, 1 min, 2 min…), at most 10 attempts.';

export const listWebhooksRoute = createRoute({
  method: 'get',
  path: '/webhooks',
  tags: ['Webhooks'],
  operationId: 'listWebhooks',
  summary: 'Webhook subscriptions',
  description: `Every subscription, oldest first. Never the signing secret: it is shown once, when the subscription is created.${note}`,
  security,
  middleware: [requireKey(...ADMIN)],
  request: { query: noQuery },
  responses: {
    200: {
      description: 'All subscriptions.',
      content: { 'application/json': { schema: WebhookListSchema, example: { data: [webhookExample] } } },
    },
    ...problemResponses(400, 401, 403, 500),
  },
});

export const createWebhookRoute = createRoute({
  method: 'post',
  path: '/webhooks',
  tags: ['Webhooks'],
  operationId: 'createWebhook',
  summary: 'Subscribe to changes',
  description:
    `A new subscription: from now on, every change of the chosen event types is POSTed to \`url\`. The answer holds the signing secret, ` +
    `this one time. ${DELIVERY_DOC}${note}`,
  security,
  middleware: createMiddlewares(...ADMIN),
  parameters: [idempotencyKey],
  request: {
    query: noQuery,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: WebhookInputSchema,
          example: { url: 'https://portal.example.org/hooks/socius', eventTypes: ['content.published', 'content.deleted'] },
        },
      },
    },
  },
  responses: {
    201: {
      description: 'The subscription, with its secret shown once.',
      headers: { Location: { description: 'The subscription.', schema: { type: 'string' } } },
      content: {
        'application/json': {
          schema: CreatedWebhookSchema,
          example: { data: { ...webhookExample, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw0oPl0fO3tWE=' } },
        },
      },
    },
    ...problemResponses(400, 401, 403, 422, 500),
  },
});

export const getWebhookRoute = createRoute({
  method: 'get',
  path: '/webhooks/{id}',
  tags: ['Webhooks'],
  operationId: 'getWebhook',
  summary: 'A webhook subscription',
  description: `One subscription, without its secret.${note}`,
  security,
  middleware: [requireKey(...ADMIN)],
  request: { params: WebhookIdParamsSchema, query: noQuery },
  responses: {
    200: {
      description: 'The subscription.',
      content: { 'application/json': { schema: WebhookResponseSchema, example: { data: webhookExample } } },
    },
    ...problemResponses(400, 401, 403, 404, 500),
  },
});

export const updateWebhookRoute = createRoute({
  method: 'patch',
  path: '/webhooks/{id}',
  tags: ['Webhooks'],
  operationId: 'updateWebhook',
  summary: 'Change a webhook subscription',
  description:
    'A JSON merge patch (RFC 7396): only the fields that change; `null` removes `resources` or `description`. `active: false` pauses new ' +
    `deliveries; set it back to \`true\` and the changes made meanwhile follow. The secret stays as it is.${note}`,
  security,
  middleware: writeMiddleware(...ADMIN),
  request: {
    params: WebhookIdParamsSchema,
    query: noQuery,
    body: {
      required: true,
      content: {
        'application/merge-patch+json': { schema: WebhookPatchSchema, example: { active: false } },
        'application/json': { schema: WebhookPatchSchema, example: { active: false } },
      },
    },
  },
  responses: {
    200: {
      description: 'The subscription as changed.',
      content: { 'application/json': { schema: WebhookResponseSchema, example: { data: { ...webhookExample, active: false } } } },
    },
    ...problemResponses(400, 401, 403, 404, 422, 500),
  },
});

export const deleteWebhookRoute = createRoute({
  method: 'delete',
  path: '/webhooks/{id}',
  tags: ['Webhooks'],
  operationId: 'deleteWebhook',
  summary: 'Unsubscribe',
  description: `Removes the subscription and its delivery log; nothing more is sent to it, not even retries.${note}`,
  security,
  middleware: writeMiddleware(...ADMIN),
  request: { params: WebhookIdParamsSchema, query: noQuery },
  responses: {
    204: { description: 'Removed.' },
    ...problemResponses(400, 401, 403, 404, 500),
  },
});

export const rotateWebhookSecretRoute = createRoute({
  method: 'post',
  path: '/webhooks/{id}/secret',
  tags: ['Webhooks'],
  operationId: 'rotateWebhookSecret',
  summary: 'Rotate the signing secret',
  description:
    'Gives the subscription a new signing secret, shown this once. For the next 24 hours each delivery carries two signatures in ' +
    '`webhook-signature`, space-separated: one with the new secret and one with the previous one, so the receiver can switch at its own ' +
    `pace (Standard Webhooks libraries accept a message when any signature matches). After that only the new secret signs.${note}`,
  security,
  middleware: writeMiddleware(...ADMIN),
  request: { params: WebhookIdParamsSchema, query: noQuery },
  responses: {
    200: {
      description: 'The subscription, with its new secret shown once.',
      content: {
        'application/json': {
          schema: CreatedWebhookSchema,
          example: {
            data: {
              ...webhookExample,
              previousSecretExpiresAt: '2026-12-03T09:00:00+01:00',
              updatedAt: '2026-12-02T09:00:00+01:00',
              secret: 'whsec_pN7tY0dQ2mVx5cR8bK1fJ4hL6sW9aZ3eG0iU2oT5yX8=',
            },
          },
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 500),
  },
});

export const listDeliveriesRoute = createRoute({
  method: 'get',
  path: '/webhooks/{id}/deliveries',
  tags: ['Webhooks'],
  operationId: 'listWebhookDeliveries',
  summary: 'Delivery log of a subscription',
  description: `Every delivery to this subscription, newest first: its state, attempts, last answer and next attempt. Kept 30 days.${note}`,
  security,
  middleware: [requireKey(...ADMIN)],
  request: { params: WebhookIdParamsSchema, query: DeliveryQuerySchema },
  responses: {
    200: {
      description: 'A page of deliveries.',
      content: { 'application/json': { schema: DeliveryListSchema, example: { data: [deliveryExample], nextCursor: null } } },
    },
    ...problemResponses(400, 401, 403, 404, 500),
  },
});

export const replayDeliveryRoute = createRoute({
  method: 'post',
  path: '/webhooks/{id}/deliveries/{deliveryId}/replay',
  tags: ['Webhooks'],
  operationId: 'replayWebhookDelivery',
  summary: 'Send a delivery again',
  description:
    'Sends the same message again (same `webhook-id` and body, freshly signed) as a new delivery, whatever became of the first one: after a ' +
    `receiver was fixed, or to rebuild what it lost. Answers at once; the new delivery shows in the log.${note}`,
  security,
  middleware: writeMiddleware(...ADMIN),
  request: { params: DeliveryParamsSchema, query: noQuery },
  responses: {
    201: {
      description: 'The new delivery, queued: its state shows in the log.',
      headers: { Location: { description: 'The delivery log of the subscription.', schema: { type: 'string' } } },
      content: {
        'application/json': {
          schema: DeliveryResponseSchema,
          example: {
            data: {
              ...deliveryExample,
              id: '7c6b5a49-3827-4165-9f8e-7d6c5b4a3928',
              state: 'pending' as const,
              attempts: 0,
              lastStatus: null,
              lastAttemptAt: null,
              nextAttemptAt: '2026-12-02T09:00:00+01:00',
              deliveredAt: null,
              replayOf: deliveryExample.id,
              createdAt: '2026-12-02T09:00:00+01:00',
            },
          },
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 500),
  },
});

export const routes = [
  listWebhooksRoute,
  createWebhookRoute,
  getWebhookRoute,
  updateWebhookRoute,
  deleteWebhookRoute,
  rotateWebhookSecretRoute,
  listDeliveriesRoute,
  replayDeliveryRoute,
];

const signatureHeaders = [
  [
    'webhook-id',
    'The message id: the same on every attempt and replay of this message; drop one you have seen.',
    'msg_2d3c4b5a69788796a5b4c3d2e1f00112',
  ],
  ['webhook-timestamp', 'Unix seconds when this attempt was signed; refuse one more than 5 minutes off.', '1764579600'],
  [
    'webhook-signature',
    '`v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the secret after `whsec_` (base64-decoded).',
    'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  ],
] as const;

/** The request this API sends to subscribers: documented under `webhooks` in /openapi.json. */
export const contentChangedWebhook = {
  method: 'post' as const,
  path: 'contentChanged',
  tags: ['Webhooks'],
  operationId: 'contentChanged',
  summary: 'A change, sent to a subscriber',
  description: DELIVERY_DOC,
  request: {
    headers: z.object(
      Object.fromEntries(signatureHeaders.map(([name, description, example]) => [name, z.string().openapi({ description, example })])),
    ),
    body: { required: true, content: { 'application/json': { schema: WebhookPayloadSchema } } },
  },
  responses: {
    200: { description: 'Any 2xx within 15 s: delivered. Anything else, or no answer, is retried.' },
  },
};
