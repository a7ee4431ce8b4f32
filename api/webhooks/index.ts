import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { createMiddleware } from 'hono/factory';
import { webhookDeliveries, webhookSubscriptions } from '../../schema/webhooks.ts';
import { createRouter } from '../app.ts';
import type { AppEnv, Bindings, Db } from '../env.ts';
import { ApiError, invalidBody } from '../errors.ts';
import { currentKey } from '../lib/auth.ts';
import { idempotencyRace, idempotencyStatement, runBatch } from '../lib/writes.ts';
import { changeLogSpan } from './changes.ts';
import { afterWrite, type DeliveryMessage, enqueue, handleQueue, newSecret, PREVIOUS_SECRET_HOURS, replay } from './delivery.ts';
import {
  decodeCursor,
  deliveryById,
  encodeCursor,
  listDeliveries,
  listSubscriptions,
  subscriptionById,
  toDelivery,
  toWebhook,
} from './queries.ts';
import {
  createWebhookRoute,
  deleteWebhookRoute,
  getWebhookRoute,
  listDeliveriesRoute,
  listWebhooksRoute,
  replayDeliveryRoute,
  rotateWebhookSecretRoute,
  updateWebhookRoute,
} from './routes.ts';
import { runsLocally, webhookUrlProblem } from './url.ts';

export { sweep as webhooksSweep } from './delivery.ts';
export { contentChangedWebhook, routes } from './routes.ts';

function checkUrl(c: Parameters<typeof runsLocally>[0], url: string): void {
  const problem = webhookUrlProblem(url, runsLocally(c));
  if (problem) throw invalidBody([{ path: ['url'], message: problem }]);
}

async function subscriptionOr404(db: Db, id: string) {
  const row = await subscriptionById(db, id);
  if (!row) throw new ApiError('not-found', `No webhook subscription has the id "${id}".`);
  return row;
}

export const webhooksRouter = createRouter()
  .openapi(listWebhooksRoute, async (c) => c.json({ data: (await listSubscriptions(c.var.db)).map(toWebhook) }, 200))
  .openapi(createWebhookRoute, async (c) => {
    const input = c.req.valid('json');
    checkUrl(c, input.url);
    const now = new Date();
    const row = {
      id: crypto.randomUUID(),
      url: input.url,
      description: input.description ?? null,
      eventTypes: input.eventTypes,
      resources: input.resources ?? null,
      lang: input.lang ?? 'nl',
      origin: new URL(c.req.url).origin,
      secret: newSecret(),
      previousSecret: null,
      previousSecretUntil: null,
      active: input.active ?? true,
      // From now on: what changed before the subscription is in GET /v1/changes.
      cursor: (await changeLogSpan(c.var.db)).last,
      keyId: currentKey(c).id,
      createdAt: now,
      updatedAt: now,
    };
    const location = `/v1/webhooks/${row.id}`;
    const body = { data: { ...toWebhook(row), secret: row.secret } };
    c.set('audit', { resource: 'webhooks', itemId: row.id });
    // With Idempotency-Key, the answer is kept with the subscription in one batch: a retry after a lost answer gets
    // this subscription and its secret again instead of making a second one.
    try {
      await runBatch(c.var.db, [
        c.var.db.insert(webhookSubscriptions).values(row),
        ...idempotencyStatement(c.var.db, c, 201, { Location: location }, body),
      ]);
    } catch (error) {
      idempotencyRace(c, error);
      throw error;
    }
    c.header('Location', location);
    return c.json(body, 201);
  })
  .openapi(getWebhookRoute, async (c) => c.json({ data: toWebhook(await subscriptionOr404(c.var.db, c.req.valid('param').id)) }, 200))
  .openapi(updateWebhookRoute, async (c) => {
    const { id } = c.req.valid('param');
    c.set('audit', { resource: 'webhooks', itemId: id });
    const patch = c.req.valid('json');
    await subscriptionOr404(c.var.db, id);
    if (patch.url !== undefined) checkUrl(c, patch.url);
    const [row] = await c.var.db
      .update(webhookSubscriptions)
      .set({
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(patch.eventTypes !== undefined ? { eventTypes: patch.eventTypes } : {}),
        ...(patch.resources !== undefined ? { resources: patch.resources } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.lang !== undefined ? { lang: patch.lang } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        updatedAt: new Date(),
      })
      .where(eq(webhookSubscriptions.id, id))
      .returning();
    if (!row) throw new ApiError('not-found', `No webhook subscription has the id "${id}".`);
    return c.json({ data: toWebhook(row) }, 200);
  })
  .openapi(deleteWebhookRoute, async (c) => {
    const { id } = c.req.valid('param');
    c.set('audit', { resource: 'webhooks', itemId: id });
    await subscriptionOr404(c.var.db, id);
    await c.var.db.batch([
      c.var.db.delete(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id)),
      c.var.db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)),
    ]);
    return c.body(null, 204);
  })
  .openapi(rotateWebhookSecretRoute, async (c) => {
    const { id } = c.req.valid('param');
    c.set('audit', { resource: 'webhooks', itemId: id });
    const current = await subscriptionOr404(c.var.db, id);
    const now = new Date();
    const [row] = await c.var.db
      .update(webhookSubscriptions)
      .set({
        secret: newSecret(),
        previousSecret: current.secret,
        previousSecretUntil: new Date(now.getTime() + PREVIOUS_SECRET_HOURS * 3_600_000),
        updatedAt: now,
      })
      .where(eq(webhookSubscriptions.id, id))
      .returning();
    if (!row) throw new ApiError('not-found', `No webhook subscription has the id "${id}".`);
    return c.json({ data: { ...toWebhook(row), secret: row.secret } }, 200);
  })
  .openapi(listDeliveriesRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const limit = query.limit;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !after) throw ApiError.invalidParam('cursor', 'query', 'Not a cursor this API issued');
    await subscriptionOr404(c.var.db, id);
    const { page, next } = await listDeliveries(c.var.db, id, { limit, after, state: query.state });
    return c.json({ data: page.map(toDelivery), nextCursor: next ? encodeCursor(next) : null }, 200);
  })
  .openapi(replayDeliveryRoute, async (c) => {
    const { id, deliveryId } = c.req.valid('param');
    c.set('audit', { resource: 'webhooks', itemId: id });
    await subscriptionOr404(c.var.db, id);
    const original = await deliveryById(c.var.db, id, deliveryId);
    if (!original) throw new ApiError('not-found', `The webhook subscription "${id}" has no delivery "${deliveryId}".`);
    const row = await replay(c.var.db, original);
    c.executionCtx.waitUntil(enqueue(c.env, [row.id]));
    c.header('Location', `/v1/webhooks/${id}/deliveries`);
    return c.json({ data: toDelivery(row) }, 201);
  });

/**
 * After every accepted write under /v1: fan the change log out to the subscriptions and enqueue the deliveries,
 * once the response is on its way (ctx.waitUntil). The write's own batch has committed its change rows by then.
 */
export const webhookOutbox = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) || c.res.status >= 400) return;
  // Subscriptions, keys and the like are no content: they change nothing a subscriber is sent.
  if (/^\/v1\/(webhooks|keys)(\/|$)/.test(new URL(c.req.url).pathname)) return;
  try {
    c.executionCtx.waitUntil(afterWrite(c.var.db, c.env));
  } catch {
    // Called without an execution context (an internal app.fetch): the Cron Trigger fans it out.
  }
});

/** The Worker's `queue` handler: deliveries from `WEBHOOKS_QUEUE`. */
export async function queue(batch: MessageBatch<DeliveryMessage>, env: Bindings, _ctx: ExecutionContext): Promise<void> {
  await handleQueue(batch, env, drizzle(env.DB, { casing: 'snake_case' }) as Db);
}
