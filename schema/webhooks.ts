// Webhook subscriptions and their delivery log (api/webhooks/). Not content: no content-version triggers (a
// delivery attempt changes no public answer); tests/api/content-version-triggers.test.ts names them as exceptions.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { enumCheck, instant, LANGS } from './columns.ts';

/** What a change did; the event type a subscriber sees is `content.<action>`. */
export const WEBHOOK_ACTIONS = ['created', 'updated', 'published', 'unpublished', 'deleted'] as const;
export type WebhookAction = (typeof WEBHOOK_ACTIONS)[number];
export const WEBHOOK_EVENT_TYPES = WEBHOOK_ACTIONS.map((action) => `content.${action}` as const);
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * A subscriber: where to POST, which event types (and optionally which resources) it wants, in which language the
 * items come, and the signing secret. The secret is stored as is: it signs every delivery, so it cannot be hashed.
 * `cursor` is the position (`seq`) in the change log up to which it has been fanned out; a new subscription starts at the newest
 * change, so it receives what happens from then on.
 */
export const webhookSubscriptions = sqliteTable(
  'webhook_subscriptions',
  {
    id: text().primaryKey(),
    url: text().notNull(),
    description: text(),
    eventTypes: text({ mode: 'json' }).$type<WebhookEventType[]>().notNull(),
    /** Resource names (`events`, `analyses`…) to limit to; null: every resource. */
    resources: text({ mode: 'json' }).$type<string[] | null>(),
    lang: text({ enum: LANGS }).notNull().default('nl'),
    /** The origin of the API the subscription was made on: the absolute URLs in its payloads point there. */
    origin: text().notNull(),
    secret: text().notNull(),
    /** The secret before the last rotation: deliveries carry its signature too until `previousSecretUntil`. */
    previousSecret: text(),
    previousSecretUntil: instant(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    cursor: integer().notNull().default(0),
    keyId: text(),
    createdAt: instant().notNull(),
    updatedAt: instant().notNull(),
  },
  (t) => [
    check('webhook_subscriptions_event_types_is_array', sql`json_type(${t.eventTypes}) = 'array'`),
    enumCheck('webhook_subscriptions_lang_check', t.lang, LANGS),
  ],
);
export type WebhookSubscription = typeof webhookSubscriptions.$inferSelect;

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * One message of one change to one subscription, and how its delivery went. `messageId` is the `webhook-id`
 * header: the same on every attempt and on a replay, so receivers can drop duplicates. A replay is a new row
 * (`replayOf` names the original) so the log keeps both. `nextAttemptAt` is when a pending delivery is due; the
 * consumer moves it forward while it holds the delivery, which keeps a second copy of its message from sending
 * it twice. Unique (subscription, change) for first deliveries, so fanning out twice cannot send twice.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text().primaryKey(),
    subscriptionId: text()
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    changeSeq: integer().notNull(),
    messageId: text().notNull(),
    eventType: text().notNull(),
    /** The body sent, fixed when the change is fanned out: every attempt and replay sends (and signs) the same bytes. */
    payload: text().notNull(),
    state: text({ enum: DELIVERY_STATES }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastStatus: integer(),
    lastError: text(),
    lastAttemptAt: instant(),
    nextAttemptAt: instant(),
    deliveredAt: instant(),
    replayOf: text(),
    createdAt: instant().notNull(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_first_idx').on(t.subscriptionId, t.changeSeq).where(sql`${t.replayOf} is null`),
    index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt),
    index('webhook_deliveries_due_idx').on(t.state, t.nextAttemptAt),
    enumCheck('webhook_deliveries_state_check', t.state, DELIVERY_STATES),
  ],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
