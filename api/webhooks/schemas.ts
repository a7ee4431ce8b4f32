import { z } from '@hono/zod-openapi';
import { LANGS } from '../../schema/columns.ts';
import { DELIVERY_STATES, WEBHOOK_EVENT_TYPES } from '../../schema/webhooks.ts';
import { ChangeSchema } from '../changes/schemas.ts';
import { limitParam } from '../lib/pagination.ts';

/** Resources whose changes can be subscribed to (the resource names of the change feed). */
export const WEBHOOK_RESOURCES = ['topics', 'services', 'analyses', 'events', 'about'] as const;

const url = z
  .url({ protocol: /^https?$/, error: 'Must be an absolute https: URL' })
  .max(2000)
  .openapi({
    description:
      'Where deliveries are POSTed. `https:` only; `http://localhost` and `http://127.0.0.1` are accepted only by a Worker running locally ' +
      '(`wrangler dev`, tests). Redirects are not followed.',
    example: 'https://portal.example.org/hooks/socius',
  });

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((types) => new Set(types).size === types.length, 'Each event type at most once')
  .openapi({
    description:
      'The changes to receive: `content.created`, `content.updated`, `content.published`, `content.unpublished`, `content.deleted` ' +
      '(the actions of `GET /v1/changes`).',
    example: ['content.published', 'content.updated', 'content.unpublished', 'content.deleted'],
  });

const resources = z
  .array(z.enum(WEBHOOK_RESOURCES))
  .min(1)
  .max(WEBHOOK_RESOURCES.length)
  .refine((names) => new Set(names).size === names.length, 'Each resource at most once')
  .openapi({ description: 'Only changes of these resources; every resource when absent.', example: ['events', 'analyses'] });

const description = z.string().trim().min(1).max(500).openapi({ description: 'For people: who receives this.', example: 'Beleidsportaal' });
const lang = z.enum(LANGS).openapi({ description: 'The language items are shown in (as `?lang=`); Dutch by default.', example: 'nl' });
const active = z
  .boolean()
  .openapi({ description: '`false` pauses the subscription: no new deliveries until it is `true` again.', example: true });

export const WebhookInputSchema = z
  .strictObject({
    url,
    eventTypes,
    resources: resources.optional(),
    description: description.optional(),
    lang: lang.optional(),
    active: active.optional(),
  })
  .openapi('WebhookInput');
export type WebhookInput = z.infer<typeof WebhookInputSchema>;

/** JSON merge patch of a subscription: only the fields that change; `null` removes `resources` or `description`. */
export const WebhookPatchSchema = z
  .strictObject({
    url: url.optional(),
    eventTypes: eventTypes.optional(),
    resources: resources.nullable().optional(),
    description: description.nullable().optional(),
    lang: lang.optional(),
    active: active.optional(),
  })
  .openapi('WebhookPatch');
export type WebhookPatch = z.infer<typeof WebhookPatchSchema>;

export const WebhookSchema = z
  .object({
    id: z.string().openapi({ example: '6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b' }),
    url: z.string().openapi({ example: 'https://portal.example.org/hooks/socius' }),
    description: z.string().nullable().openapi({ example: 'Beleidsportaal' }),
    eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).openapi({ example: ['content.published', 'content.deleted'] }),
    resources: z.array(z.enum(WEBHOOK_RESOURCES)).nullable().openapi({ example: null }),
    lang: z.enum(LANGS).openapi({ example: 'nl' }),
    active: z.boolean().openapi({ example: true }),
    previousSecretExpiresAt: z
      .string()
      .nullable()
      .openapi({
        description:
          'After a secret rotation: until when each delivery carries a second signature, made with the previous secret, so receivers can ' +
          'switch to the new one without missing a message. Null when there is none.',
        example: null,
      }),
    createdAt: z.string().openapi({ example: '2026-12-01T10:00:00+01:00' }),
    updatedAt: z.string().openapi({ example: '2026-12-01T10:00:00+01:00' }),
  })
  .openapi('Webhook');
export type WebhookBody = z.infer<typeof WebhookSchema>;

export const WebhookResponseSchema = z.object({ data: WebhookSchema }).openapi('WebhookResponse');
export const WebhookListSchema = z.object({ data: z.array(WebhookSchema) }).openapi('WebhookList');
export const CreatedWebhookSchema = z
  .object({
    data: WebhookSchema.extend({
      secret: z.string().openapi({
        description:
          'The signing secret (`whsec_` and base64 of 32 random bytes), as the Standard Webhooks libraries take it. Shown this once: keep it now.',
        example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw0oPl0fO3tWE=',
      }),
    }),
  })
  .openapi('CreatedWebhook');

export const DeliverySchema = z
  .object({
    id: z
      .string()
      .openapi({ description: 'This delivery (a replay is a delivery of its own).', example: '0b8f5a8e-3c1d-4f7a-9e2b-5d6c7a8b9c0d' }),
    messageId: z.string().openapi({
      description: 'The `webhook-id` header: the same on every attempt and on replays, so a receiver can drop duplicates.',
      example: 'msg_2d3c4b5a69788796a5b4c3d2e1f00112',
    }),
    change: z.int().openapi({ description: 'The sequence number of the change in `GET /v1/changes`.', example: 42 }),
    eventType: z.enum(WEBHOOK_EVENT_TYPES).openapi({ example: 'content.published' }),
    state: z.enum(DELIVERY_STATES).openapi({
      description: '`pending` (queued or waiting for its next attempt), `delivered` (a 2xx answer), `failed` (every attempt failed).',
      example: 'delivered',
    }),
    attempts: z.int().openapi({ example: 3 }),
    lastStatus: z
      .int()
      .nullable()
      .openapi({ description: 'HTTP status of the last attempt; null when there was no answer.', example: 200 }),
    lastError: z.string().nullable().openapi({ description: 'Why the last attempt failed.', example: null }),
    lastAttemptAt: z.string().nullable().openapi({ example: '2026-12-01T10:00:07+01:00' }),
    nextAttemptAt: z.string().nullable().openapi({ description: 'When a pending delivery is tried next.', example: null }),
    deliveredAt: z.string().nullable().openapi({ example: '2026-12-01T10:00:07+01:00' }),
    replayOf: z.string().nullable().openapi({ description: 'The delivery this one replays.', example: null }),
    createdAt: z.string().openapi({ example: '2026-12-01T10:00:00+01:00' }),
  })
  .openapi('WebhookDelivery');
export type DeliveryBody = z.infer<typeof DeliverySchema>;

export const DeliveryListSchema = z
  .object({
    data: z.array(DeliverySchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for older deliveries; null on the last page.', example: null }),
  })
  .openapi('WebhookDeliveryList');
export const DeliveryResponseSchema = z.object({ data: DeliverySchema }).openapi('WebhookDeliveryResponse');

const uuid = (name: string, example: string) =>
  z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'An id is a lowercase UUID')
    .openapi({ param: { name, in: 'path' }, example });

export const WebhookIdParamsSchema = z.object({ id: uuid('id', '6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b') });
export const DeliveryParamsSchema = z.object({
  id: uuid('id', '6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b'),
  deliveryId: uuid('deliveryId', '0b8f5a8e-3c1d-4f7a-9e2b-5d6c7a8b9c0d'),
});

export const DeliveryQuerySchema = z.strictObject({
  limit: limitParam,
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({
      param: { name: 'cursor', in: 'query' },
      description: '`nextCursor` of the previous page.',
      example: 'MTc2NDU4MDAwMDAwMHwwYjhm',
    }),
  state: z
    .enum(DELIVERY_STATES)
    .optional()
    .openapi({ param: { name: 'state', in: 'query' }, description: 'Only deliveries in this state.', example: 'failed' }),
});

/** The body of every delivery: Standard Webhooks' `type`, `timestamp`, `data`, with the change feed entry as `data`. */
export const WebhookPayloadSchema = z
  .object({
    type: z.enum(WEBHOOK_EVENT_TYPES).openapi({ example: 'content.published' }),
    timestamp: z.string().openapi({ description: 'When the item changed (the entry’s `at`).', example: '2026-12-01T10:00:00+01:00' }),
    data: ChangeSchema,
  })
  .openapi('WebhookPayload');
