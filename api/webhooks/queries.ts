import { and, desc, eq, lt, or } from 'drizzle-orm';
import {
  type DeliveryState,
  type WebhookDelivery,
  type WebhookSubscription,
  webhookDeliveries,
  webhookSubscriptions,
} from '../../schema/webhooks.ts';
import type { Db } from '../env.ts';
import { toBrusselsIso } from '../lib/brussels-time.ts';
import type { DeliveryBody, WebhookBody } from './schemas.ts';

const iso = (d: Date | null) => (d ? toBrusselsIso(d) : null);

/** What the API shows of a subscription: everything but its secret and its position in the change log. */
export function toWebhook(row: WebhookSubscription): WebhookBody {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    resources: (row.resources as WebhookBody['resources']) ?? null,
    lang: row.lang,
    active: row.active,
    previousSecretExpiresAt:
      row.previousSecret && row.previousSecretUntil && row.previousSecretUntil.getTime() > Date.now() ? iso(row.previousSecretUntil) : null,
    createdAt: toBrusselsIso(row.createdAt),
    updatedAt: toBrusselsIso(row.updatedAt),
  };
}

export function toDelivery(row: WebhookDelivery): DeliveryBody {
  return {
    id: row.id,
    messageId: row.messageId,
    change: row.changeSeq,
    eventType: row.eventType as DeliveryBody['eventType'],
    state: row.state,
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: iso(row.nextAttemptAt),
    deliveredAt: iso(row.deliveredAt),
    replayOf: row.replayOf,
    createdAt: toBrusselsIso(row.createdAt),
  };
}

export const listSubscriptions = (db: Db) =>
  db.select().from(webhookSubscriptions).orderBy(webhookSubscriptions.createdAt, webhookSubscriptions.id);

export const subscriptionById = async (db: Db, id: string) =>
  (await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).limit(1))[0];

export const deliveryById = async (db: Db, subscriptionId: string, id: string) =>
  (
    await db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), eq(webhookDeliveries.id, id)))
      .limit(1)
  )[0];

/** A page of a subscription's deliveries, newest first; `after` is the (createdAt, id) the previous page ended at. */
export async function listDeliveries(
  db: Db,
  subscriptionId: string,
  options: { limit: number; after?: { at: number; id: string }; state?: DeliveryState },
) {
  const { after } = options;
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        options.state ? eq(webhookDeliveries.state, options.state) : undefined,
        after
          ? or(
              lt(webhookDeliveries.createdAt, new Date(after.at)),
              and(eq(webhookDeliveries.createdAt, new Date(after.at)), lt(webhookDeliveries.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return { page, next: rows.length > options.limit && last ? { at: last.createdAt.getTime(), id: last.id } : undefined };
}

/** The opaque `cursor` of a deliveries page, and back; undefined for anything this API did not issue. */
export const encodeCursor = (after: { at: number; id: string }) => btoa(`${after.at}|${after.id}`).replace(/=+$/, '');
export function decodeCursor(cursor: string): { at: number; id: string } | undefined {
  try {
    const match = /^(\d{1,15})\|([0-9a-f-]{36})$/.exec(atob(cursor));
    return match?.[1] && match[2] ? { at: Number(match[1]), id: match[2] } : undefined;
  } catch {
    return undefined;
  }
}
