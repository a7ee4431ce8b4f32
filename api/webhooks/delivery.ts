// Webhook deliveries: the change log is the outbox, a Cloudflare Queue carries the work, D1 keeps the state.
//
// 1. Fan-out ({@link fanOut}): for each active subscription, the feed entries after its cursor become rows of
//    webhook_deliveries (payload fixed then), and the cursor moves on, in one batch. It runs after every accepted
//    write (ctx.waitUntil, so the write never waits) and every minute from the Cron Trigger; running twice is
//    harmless: the cursor update is conditional and the inserts depend on it.
// 2. Each new delivery's id goes on the queue. A failed send loses nothing: the Cron Trigger ({@link sweep})
//    re-enqueues pending deliveries that are overdue.
// 3. The consumer ({@link handleQueue}) claims a delivery (a conditional update that moves `next_attempt_at` a lease
//    ahead, so a second copy of the message sends nothing), signs it per Standard Webhooks and POSTs it. A 2xx is
//    delivered; anything else is retried with message.retry({ delaySeconds }) doubling per attempt, until
//    MAX_ATTEMPTS, then marked failed. Replays ({@link replay}) are new rows with the same message id.
import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import {
  type WebhookDelivery,
  type WebhookEventType,
  type WebhookSubscription,
  webhookDeliveries,
  webhookSubscriptions,
} from '../../schema/webhooks.ts';
import type { Bindings, Db } from '../env.ts';
import { eventTypeOf, readChanges } from './changes.ts';

/** Attempts before a delivery is marked failed: with the default 30 s base, the last one is about 4 hours after the first. */
export const MAX_ATTEMPTS = 10;
/** How long a consumer holds a delivery it is sending; a copy of its message arriving meanwhile sends nothing. */
const LEASE_MS = 60_000;
/** A delayed message may arrive a little early; it still counts as due. */
const EARLY_MS = 5_000;
/** A pending delivery this far past due lost its message: the Cron Trigger enqueues it again. */
const OVERDUE_MS = 60_000;
const REQUEST_TIMEOUT_MS = 15_000;
/** Entries read per subscription and fan-out round, and rounds per run: the rest waits for the next run. */
const FAN_OUT_PAGE = 50;
const FAN_OUT_ROUNDS = 10;
/** Delivered and failed deliveries are kept this long (the Cron Trigger prunes older ones). */
export const DELIVERY_RETENTION_DAYS = 30;
const MAX_DELAY_SECONDS = 12 * 3600; // the longest delay Cloudflare Queues accepts

export interface DeliveryMessage {
  deliveryId: string;
}

/** Seconds before attempt `attempt + 1`, after `attempt` failed ones: base, 2 × base, 4 × base… */
export function backoffSeconds(attempt: number, env: Pick<Bindings, 'WEBHOOKS_RETRY_BASE_SECONDS'>): number {
  const base = Number(env.WEBHOOKS_RETRY_BASE_SECONDS ?? 30) || 30;
  return Math.min(base * 2 ** Math.max(0, attempt - 1), MAX_DELAY_SECONDS);
}

/** A new signing secret: `whsec_` and base64 of 32 random bytes, the form Standard Webhooks libraries read. */
export function newSecret(): string {
  return `whsec_${btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))}`;
}

/** A `webhook-id`: unique per message, kept across attempts and replays. */
const newMessageId = () => `msg_${crypto.randomUUID().replaceAll('-', '')}`;

/** How long deliveries stay signed with the previous secret too, after a rotation. */
export const PREVIOUS_SECRET_HOURS = 24;

/**
 * The Standard Webhooks headers of one attempt: id, timestamp (seconds) and `v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>` for each secret, space-separated as the specification allows for a rotation: a receiver
 * accepts the message if any signature matches the secret it holds.
 */
export function signedHeaders(secrets: readonly string[], messageId: string, body: string, at: Date): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' '),
  };
}

/** The secrets an attempt at `now` is signed with: the current one, and the previous one within its grace period. */
function signingSecrets(subscription: WebhookSubscription, now: Date): string[] {
  const { secret, previousSecret, previousSecretUntil } = subscription;
  return previousSecret && previousSecretUntil && previousSecretUntil > now ? [secret, previousSecret] : [secret];
}

/** Puts deliveries on the queue; false when there is no queue or the send failed (the Cron Trigger retries). */
export async function enqueue(env: Bindings, ids: readonly string[]): Promise<boolean> {
  const queue = env.WEBHOOKS_QUEUE;
  if (!queue || ids.length === 0) return ids.length === 0;
  try {
    for (let i = 0; i < ids.length; i += 100) {
      await queue.sendBatch(ids.slice(i, i + 100).map((deliveryId) => ({ body: { deliveryId }, contentType: 'json' as const })));
    }
    return true;
  } catch (error) {
    console.error('webhooks: enqueue failed; the Cron Trigger will send them', error);
    return false;
  }
}

/** Whether a subscription wants an entry of `resource` with event type `type`. */
const wants = (subscription: WebhookSubscription, resource: string, type: WebhookEventType) =>
  subscription.eventTypes.includes(type) && (subscription.resources === null || subscription.resources.includes(resource));

/** One round of fan-out for one subscription; returns the ids of the deliveries it created and whether more wait. */
async function fanOutOnce(db: Db, subscription: WebhookSubscription, now: Date): Promise<{ ids: string[]; more: boolean }> {
  const page = await readChanges(db, subscription.cursor, FAN_OUT_PAGE, subscription.lang, subscription.origin);
  if (page.records.length === 0) return { ids: [], more: false };
  const created: { id: string; seq: number; type: WebhookEventType; payload: string }[] = [];
  for (const record of page.records) {
    const type = await eventTypeOf(db, record);
    if (!wants(subscription, record.entry.resource, type)) continue;
    // Standard Webhooks' payload shape: type, timestamp, data (here the feed entry, exactly as GET /v1/changes has it).
    const payload = JSON.stringify({ type, timestamp: record.entry.at, data: record.entry });
    created.push({ id: crypto.randomUUID(), seq: record.seq, type, payload });
  }
  const at = now.getTime();
  const d1 = db.$client;
  // One atomic batch. Not the content write pipeline's runBatch: this changes no public answer, so cached
  // responses stay valid.
  await d1.batch([
    d1
      .prepare('update webhook_subscriptions set cursor = ? where id = ? and cursor = ?')
      .bind(page.lastSeq, subscription.id, subscription.cursor),
    // Only when this run moved the cursor: a concurrent run that got there first made these rows already.
    ...created.map((d) =>
      d1
        .prepare(
          `insert or ignore into webhook_deliveries
            (id, subscription_id, change_seq, message_id, event_type, payload, state, attempts, next_attempt_at, created_at)
            select ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?
            where exists (select 1 from webhook_subscriptions where id = ? and cursor = ?)`,
        )
        .bind(d.id, subscription.id, d.seq, newMessageId(), d.type, d.payload, at, at, subscription.id, page.lastSeq),
    ),
  ]);
  subscription.cursor = page.lastSeq;
  if (created.length === 0) return { ids: [], more: page.hasMore };
  const stored = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      inArray(
        webhookDeliveries.id,
        created.map((d) => d.id),
      ),
    );
  return { ids: stored.map((row) => row.id), more: page.hasMore };
}

/** Fans the change log out to every active subscription; returns the ids of the new deliveries. */
export async function fanOut(db: Db, now = new Date()): Promise<string[]> {
  const subscriptions = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.active, true));
  const ids: string[] = [];
  for (const subscription of subscriptions) {
    for (let round = 0; round < FAN_OUT_ROUNDS; round++) {
      const { ids: made, more } = await fanOutOnce(db, subscription, now);
      ids.push(...made);
      if (!more) break;
    }
  }
  return ids;
}

/** After a write: fan out and enqueue, never failing the request that triggered it. */
export async function afterWrite(db: Db, env: Bindings): Promise<void> {
  try {
    await enqueue(env, await fanOut(db));
  } catch (error) {
    console.error('webhooks: fan-out after a write failed; the Cron Trigger will do it', error);
  }
}

/**
 * The Cron Trigger's part: fan out what writes did not (a failed waitUntil, content changed outside the API),
 * enqueue pending deliveries whose message was lost, and prune old log rows.
 */
export async function sweep(db: Db, env: Bindings, now = new Date()): Promise<{ fannedOut: number; requeued: number }> {
  const fresh = await fanOut(db, now);
  await enqueue(env, fresh);
  const overdue = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.state, 'pending'), lte(webhookDeliveries.nextAttemptAt, new Date(now.getTime() - OVERDUE_MS))))
    .limit(500);
  const requeued = overdue.map((row) => row.id).filter((id) => !fresh.includes(id));
  await enqueue(env, requeued);
  await db
    .delete(webhookDeliveries)
    .where(
      and(
        or(eq(webhookDeliveries.state, 'delivered'), eq(webhookDeliveries.state, 'failed')),
        lte(webhookDeliveries.createdAt, new Date(now.getTime() - DELIVERY_RETENTION_DAYS * 86_400_000)),
      ),
    );
  return { fannedOut: fresh.length, requeued: requeued.length };
}

/** Takes a due pending delivery for this consumer (moves its next attempt a lease ahead); undefined when not due or taken. */
async function claim(db: Db, id: string, now: Date): Promise<WebhookDelivery | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, lastAttemptAt: now, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.state, 'pending'),
        or(isNull(webhookDeliveries.nextAttemptAt), lte(webhookDeliveries.nextAttemptAt, new Date(now.getTime() + EARLY_MS))),
      ),
    )
    .returning();
  return row;
}

/** POSTs the signed payload; the HTTP status, or the reason there was none. */
async function post(subscription: WebhookSubscription, delivery: WebhookDelivery, now: Date) {
  try {
    const response = await fetch(subscription.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Socius-Webhooks/1.0',
        ...signedHeaders(signingSecrets(subscription, now), delivery.messageId, delivery.payload, now),
      },
      body: delivery.payload,
      // A redirect could lead anywhere: it counts as a failed attempt, as Standard Webhooks advises.
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.ok ? { status: response.status } : { status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { status: null, error: String((error as Error)?.message ?? error).slice(0, 500) };
  }
}

export type Outcome = { kind: 'delivered' } | { kind: 'retry'; delaySeconds: number } | { kind: 'failed' } | { kind: 'skipped' };

/** One attempt at one delivery (the queue consumer's work for one message). */
export async function attempt(db: Db, env: Bindings, deliveryId: string, now = new Date()): Promise<Outcome> {
  const delivery = await claim(db, deliveryId, now);
  if (!delivery) return { kind: 'skipped' };
  const [subscription] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, delivery.subscriptionId));
  if (!subscription) return { kind: 'skipped' }; // deleted meanwhile; its deliveries went with it
  const result = await post(subscription, delivery, now);
  const done = new Date();
  if (result.error === undefined) {
    await db
      .update(webhookDeliveries)
      .set({ state: 'delivered', lastStatus: result.status, lastError: null, nextAttemptAt: null, deliveredAt: done })
      .where(eq(webhookDeliveries.id, delivery.id));
    return { kind: 'delivered' };
  }
  if (delivery.attempts >= MAX_ATTEMPTS) {
    await db
      .update(webhookDeliveries)
      .set({ state: 'failed', lastStatus: result.status, lastError: result.error, nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    return { kind: 'failed' };
  }
  const delaySeconds = backoffSeconds(delivery.attempts, env);
  await db
    .update(webhookDeliveries)
    .set({ lastStatus: result.status, lastError: result.error, nextAttemptAt: new Date(done.getTime() + delaySeconds * 1000) })
    .where(eq(webhookDeliveries.id, delivery.id));
  return { kind: 'retry', delaySeconds };
}

/** The Worker's `queue` handler: one attempt per message, retried with the delivery's backoff when it failed. */
export async function handleQueue(batch: MessageBatch<DeliveryMessage>, env: Bindings, db: Db): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        const outcome = await attempt(db, env, message.body.deliveryId);
        if (outcome.kind === 'retry') message.retry({ delaySeconds: outcome.delaySeconds });
        else message.ack();
      } catch (error) {
        // D1 or the runtime failed, not the receiver: let the queue bring the message back.
        console.error(`webhooks: delivery ${message.body.deliveryId} could not be attempted`, error);
        message.retry({ delaySeconds: backoffSeconds(message.attempts, env) });
      }
    }),
  );
}

/** A new delivery of what `original` carried (same message id and payload), pending now. */
export async function replay(db: Db, original: WebhookDelivery, now = new Date()): Promise<WebhookDelivery> {
  const row: WebhookDelivery = {
    ...original,
    id: crypto.randomUUID(),
    state: 'pending',
    attempts: 0,
    lastStatus: null,
    lastError: null,
    lastAttemptAt: null,
    nextAttemptAt: now,
    deliveredAt: null,
    replayOf: original.id,
    createdAt: now,
  };
  await db.insert(webhookDeliveries).values(row);
  return row;
}
