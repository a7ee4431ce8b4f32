// Webhooks end to end: subscriptions managed with a webhooks:admin key; content written through the API; the
// deliveries fanned out, carried by the real local queue, and POSTed over real HTTP to a receiver on loopback
// (tests/api/webhook-receiver.ts), which answers 500 as told. Signatures are checked with `standardwebhooks`, the
// reference implementation of the specification, and once more by hand with Web Crypto.
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult } from 'cloudflare:test';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, inject, it, vi } from 'vitest';
import worker from '../../api/index.ts';
import { makeKey, type ProblemBody, patch, send } from './editorial-helpers.ts';

const RECEIVER = inject('webhookReceiver');
const admin = (await makeKey(['webhooks:admin'])).key;
const editor = (await makeKey(['content:write', 'content:publish'])).key;

interface Received {
  headers: Record<string, string>;
  body: string;
  answered: number;
}
interface CreatedWebhook {
  data: { id: string; url: string; secret: string; eventTypes: string[]; active: boolean };
}
interface Delivery {
  id: string;
  messageId: string;
  eventType: string;
  state: string;
  attempts: number;
  lastStatus: number | null;
  replayOf: string | null;
}
interface Payload {
  type: string;
  timestamp: string;
  data: { kind: 'item' | 'tombstone'; resource: string; id: string; slug: string; item?: Record<string, unknown> };
}

/** A receiver path of its own: answers 500 to its first `failures` requests, then 200. */
const receiverPath = (failures = 0) => `/fail-${failures}/${crypto.randomUUID()}`;
const received = async (path: string): Promise<Received[]> => (await fetch(`${RECEIVER}/received${path}`)).json();
/** Waits until the receiver at `path` was sent at least `count` requests. */
const receivedAtLeast = (path: string, count: number, timeout = 15_000) =>
  vi.waitFor(
    async () => {
      const got = await received(path);
      if (got.length < count) throw new Error(`${got.length} of ${count} requests so far`);
      return got;
    },
    { timeout, interval: 100 },
  );

async function subscribe(path: string, body: Record<string, unknown> = {}) {
  const response = await send<CreatedWebhook>('POST', '/v1/webhooks', {
    key: admin,
    body: {
      url: `${RECEIVER}${path}`,
      eventTypes: ['content.created', 'content.updated', 'content.published', 'content.unpublished', 'content.deleted'],
      ...body,
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.data;
}

async function createTopic(slug: string, status: 'published' | 'draft' = 'published') {
  const response = await send<{ data: { id: string } }>('POST', '/v1/topics', {
    key: editor,
    body: { slug, status, translations: { nl: { name: `Thema ${slug}` } } },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { id: response.body.data.id, etag: response.headers.get('ETag') ?? '' };
}

const verify = (secret: string, request: Received) =>
  new Webhook(secret).verify(request.body, {
    'webhook-id': request.headers['webhook-id'] ?? '',
    'webhook-timestamp': request.headers['webhook-timestamp'] ?? '',
    'webhook-signature': request.headers['webhook-signature'] ?? '',
  }) as Payload;

const deliveries = async (id: string) =>
  (await send<{ data: Delivery[] }>('GET', `/v1/webhooks/${id}/deliveries`, { key: admin })).body.data;

describe('webhook subscriptions', () => {
  it('shows the whsec_ secret once, on creation, and never again', async () => {
    const created = await subscribe(receiverPath());
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(atob(created.secret.slice('whsec_'.length))).toHaveLength(32);
    const secretPart = created.secret.slice('whsec_'.length);
    for (const path of ['/v1/webhooks', `/v1/webhooks/${created.id}`]) {
      const response = await send('GET', path, { key: admin });
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toContain(secretPart);
      expect(JSON.stringify(response.body)).toContain(created.id);
    }
    const changed = await send<{ data: Record<string, unknown> }>('PATCH', `/v1/webhooks/${created.id}`, {
      key: admin,
      body: { active: false },
      contentType: 'application/merge-patch+json',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.data.active).toBe(false);
    expect(JSON.stringify(changed.body)).not.toContain(secretPart);
  });

  it('makes one subscription of a retried POST with the same Idempotency-Key, answering the retry with the first answer', async () => {
    const body = { url: `${RECEIVER}${receiverPath()}`, eventTypes: ['content.published'] };
    const headers = { 'Idempotency-Key': crypto.randomUUID() };
    const first = await send<CreatedWebhook>('POST', '/v1/webhooks', { key: admin, body, headers });
    expect(first.status).toBe(201);
    const retry = await send<CreatedWebhook>('POST', '/v1/webhooks', { key: admin, body, headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(retry.body.data).toEqual(first.body.data);
    const listed = await send<{ data: { url: string }[] }>('GET', '/v1/webhooks', { key: admin });
    expect(listed.body.data.filter((hook) => hook.url === body.url)).toHaveLength(1);
    const other = await send('POST', '/v1/webhooks', { key: admin, body: { ...body, eventTypes: ['content.deleted'] }, headers });
    expect(other.status).toBe(422);
  });

  it('refuses a plain-http URL that is not this machine, naming the field', async () => {
    for (const url of ['http://portal.example.org/hooks', 'ftp://portal.example.org/hooks', 'https://user:pw@portal.example.org/hooks']) {
      const response = await send<ProblemBody>('POST', '/v1/webhooks', { key: admin, body: { url, eventTypes: ['content.published'] } });
      expect(response.status, url).toBe(422);
      expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
      expect(response.body.invalidParams?.map((p) => (p as { pointer?: string }).pointer)).toEqual(['/url']);
    }
    const unknownType = await send<ProblemBody>('POST', '/v1/webhooks', {
      key: admin,
      body: { url: 'https://portal.example.org/hooks', eventTypes: ['content.exploded'] },
    });
    expect(unknownType.status).toBe(422);
  });

  it('answers 404 for an unknown subscription or delivery, and removes a deleted one', async () => {
    const unknown = crypto.randomUUID();
    for (const [method, path] of [
      ['GET', `/v1/webhooks/${unknown}`],
      ['PATCH', `/v1/webhooks/${unknown}`],
      ['DELETE', `/v1/webhooks/${unknown}`],
      ['GET', `/v1/webhooks/${unknown}/deliveries`],
      ['POST', `/v1/webhooks/${unknown}/deliveries/${crypto.randomUUID()}/replay`],
    ] as const) {
      const response = await send<ProblemBody>(method, path, { key: admin, body: method === 'PATCH' ? { active: true } : undefined });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.type).toBe('/problems/not-found');
    }
    const created = await subscribe(receiverPath());
    expect((await send('POST', `/v1/webhooks/${created.id}/deliveries/${crypto.randomUUID()}/replay`, { key: admin })).status).toBe(404);
    expect((await send('DELETE', `/v1/webhooks/${created.id}`, { key: admin })).status).toBe(204);
    expect((await send('GET', `/v1/webhooks/${created.id}`, { key: admin })).status).toBe(404);
    expect((await send('GET', '/v1/webhooks/not-an-id', { key: admin })).status).toBe(400);
  });
});

describe('webhook deliveries', () => {
  it('delivers each change once, signed, after the receiver failed twice, with the same webhook-id on every attempt', async () => {
    const path = receiverPath(2);
    const hook = await subscribe(path, { resources: ['topics'] });
    const topic = await createTopic(`webhook-${crypto.randomUUID().slice(0, 8)}`);
    const requests = await receivedAtLeast(path, 3);
    expect(requests.map((r) => r.answered)).toEqual([500, 500, 200]);
    const payloads = requests.map((request) => verify(hook.secret, request));
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(payloads[2]?.type).toBe('content.created');
    expect(payloads[2]?.data).toMatchObject({ kind: 'item', resource: 'topics', id: topic.id });
    // The payload's item is what the public API shows.
    const publicTopic = await send<{ data: unknown }>('GET', `/v1/topics/${payloads[2]?.data.slug}`);
    expect(payloads[2]?.data.item).toEqual(publicTopic.body.data);

    const log = await deliveries(hook.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ state: 'delivered', attempts: 3, lastStatus: 200, eventType: 'content.created' });
    // Nothing more arrives: the event was delivered exactly once.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await received(path)).filter((r) => r.answered === 200)).toHaveLength(1);
  }, 30_000);

  it('sends created, updated, unpublished and deleted in order, each exactly once', async () => {
    const path = receiverPath();
    const hook = await subscribe(path, { resources: ['topics'] });
    const slug = `webhook-${crypto.randomUUID().slice(0, 8)}`;
    const topic = await createTopic(slug);
    await receivedAtLeast(path, 1);
    const edited = await patch(editor, `/v1/topics/${slug}`, topic.etag, { translations: { nl: { name: 'Nieuwe naam' } } });
    expect(edited.status).toBe(200);
    await receivedAtLeast(path, 2);
    const unpublished = await patch(editor, `/v1/topics/${slug}`, edited.headers.get('ETag') ?? '', { status: 'archived' });
    expect(unpublished.status).toBe(200);
    await receivedAtLeast(path, 3);
    const republished = await patch(editor, `/v1/topics/${slug}`, unpublished.headers.get('ETag') ?? '', { status: 'published' });
    expect(republished.status).toBe(200);
    await receivedAtLeast(path, 4);
    const deleted = await send('DELETE', `/v1/topics/${slug}`, {
      key: editor,
      headers: { 'If-Match': republished.headers.get('ETag') ?? '' },
    });
    expect(deleted.status).toBe(204);
    const requests = await receivedAtLeast(path, 5);
    const payloads = requests.map((request) => verify(hook.secret, request));
    expect(payloads.map((p) => p.type)).toEqual([
      'content.created',
      'content.updated',
      'content.unpublished',
      'content.published',
      'content.deleted',
    ]);
    expect(payloads.map((p) => p.data.kind)).toEqual(['item', 'item', 'tombstone', 'item', 'tombstone']);
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(5);
    expect((payloads[1]?.data.item as { name?: string } | undefined)?.name).toBe('Nieuwe naam');
  });

  it('leaves out event types and resources a subscription did not ask for, and drafts altogether', async () => {
    const path = receiverPath();
    await subscribe(path, { eventTypes: ['content.deleted'], resources: ['topics'] });
    const control = receiverPath();
    await subscribe(control, { resources: ['topics'] });
    await createTopic(`webhook-${crypto.randomUUID().slice(0, 8)}`, 'draft');
    await createTopic(`webhook-${crypto.randomUUID().slice(0, 8)}`);
    await receivedAtLeast(control, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await received(path)).toEqual([]);
    expect(await received(control)).toHaveLength(1);
  });

  it('fails verification when the payload, the timestamp or the secret differs', async () => {
    const path = receiverPath();
    const hook = await subscribe(path, { resources: ['topics'] });
    await createTopic(`webhook-${crypto.randomUUID().slice(0, 8)}`);
    const [request] = await receivedAtLeast(path, 1);
    if (!request) throw new Error('nothing received');
    expect(() => verify(hook.secret, request)).not.toThrow();
    const tampered = { ...request, body: request.body.replace('"kind":"item"', '"kind":"tombstone"') };
    expect(tampered.body).not.toBe(request.body);
    expect(() => verify(hook.secret, tampered)).toThrow(WebhookVerificationError);
    const later = {
      ...request,
      headers: { ...request.headers, 'webhook-timestamp': String(Number(request.headers['webhook-timestamp']) + 1) },
    };
    expect(() => verify(hook.secret, later)).toThrow(WebhookVerificationError);
    const other = await subscribe(receiverPath());
    expect(() => verify(other.secret, request)).toThrow(WebhookVerificationError);

    // The signature by hand, from the specification: base64 HMAC-SHA256 of "id.timestamp.body" keyed with the decoded secret.
    const keyBytes = Uint8Array.from(atob(hook.secret.slice('whsec_'.length)), (ch) => ch.charCodeAt(0));
    const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const signed = `${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${request.body}`;
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(signed)));
    expect(request.headers['webhook-signature']).toBe(`v1,${btoa(String.fromCharCode(...mac))}`);
  });

  it('rotates the secret: shown once, and for 24 hours deliveries verify with the old secret as well as the new', async () => {
    const path = receiverPath();
    const hook = await subscribe(path, { resources: ['topics'] });
    const rotated = await send<CreatedWebhook & { data: { previousSecretExpiresAt: string | null } }>(
      'POST',
      `/v1/webhooks/${hook.id}/secret`,
      { key: admin },
    );
    expect(rotated.status).toBe(200);
    const secret = rotated.body.data.secret;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(hook.secret);
    const expires = Date.parse(rotated.body.data.previousSecretExpiresAt ?? '');
    expect(Math.abs(expires - (Date.now() + 24 * 3_600_000))).toBeLessThan(60_000);
    const shown = await send('GET', `/v1/webhooks/${hook.id}`, { key: admin });
    expect(JSON.stringify(shown.body)).not.toContain(secret.slice('whsec_'.length));

    await createTopic(`webhook-${crypto.randomUUID().slice(0, 8)}`);
    const [during] = await receivedAtLeast(path, 1);
    if (!during) throw new Error('nothing received');
    expect(verify(secret, during).type).toBe('content.created');
    expect(verify(hook.secret, during).type).toBe('content.created');

    // Once the grace period is over, only the new secret signs.
    await env.DB.prepare('update webhook_subscriptions set previous_secret_until = ? where id = ?')
      .bind(Date.now() - 1000, hook.id)
      .run();
    await createTopic(`webhook-${crypto.randomUUID().slice(0, 8)}`);
    const after = (await receivedAtLeast(path, 2))[1];
    if (!after) throw new Error('nothing received');
    expect(verify(secret, after).type).toBe('content.created');
    expect(() => verify(hook.secret, after)).toThrow(WebhookVerificationError);
    expect(
      (await send<{ data: { previousSecretExpiresAt: string | null } }>('GET', `/v1/webhooks/${hook.id}`, { key: admin })).body.data,
    ).toMatchObject({ previousSecretExpiresAt: null });
  });

  it('replays a delivery: the same message again, freshly signed, logged as a delivery of its own', async () => {
    const path = receiverPath();
    const hook = await subscribe(path, { resources: ['topics'] });
    await createTopic(`webhook-${crypto.randomUUID().slice(0, 8)}`);
    const [first] = await receivedAtLeast(path, 1);
    await vi.waitFor(async () => expect((await deliveries(hook.id))[0]?.state).toBe('delivered'));
    const [original] = await deliveries(hook.id);
    // A second copy of its queue message (queues deliver at least once) sends nothing more.
    const duplicate = createMessageBatch('socius-webhooks', [
      { id: 'dup', timestamp: new Date(), attempts: 1, body: { deliveryId: original?.id ?? '' } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(duplicate, env as never, ctx);
    expect((await getQueueResult(duplicate, ctx)).explicitAcks).toEqual(['dup']);
    expect(await received(path)).toHaveLength(1);
    const replayed = await send<{ data: Delivery }>('POST', `/v1/webhooks/${hook.id}/deliveries/${original?.id}/replay`, { key: admin });
    expect(replayed.status).toBe(201);
    expect(replayed.body.data).toMatchObject({ state: 'pending', replayOf: original?.id, messageId: original?.messageId });
    const requests = await receivedAtLeast(path, 2);
    expect(requests[1]?.body).toBe(first?.body);
    expect(requests[1]?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    expect(verify(hook.secret, requests[1] as Received).type).toBe('content.created');
    await vi.waitFor(async () => expect((await deliveries(hook.id)).map((d) => d.state)).toEqual(['delivered', 'delivered']));
  });

  it('waits longer before each retry, and gives up after the last attempt', async () => {
    const path = receiverPath(99);
    const hook = await subscribe(path, { eventTypes: ['content.deleted'], resources: ['about'] });
    // A delivery no write made, so no queue message of the real consumer competes with the ones sent here.
    const id = crypto.randomUUID();
    const payload = JSON.stringify({ type: 'content.deleted', timestamp: new Date().toISOString(), data: { kind: 'tombstone' } });
    await env.DB.prepare(
      `insert into webhook_deliveries (id, subscription_id, change_seq, message_id, event_type, payload, state, attempts, next_attempt_at, created_at)
       values (?, ?, 1, 'msg_backoff', 'content.deleted', ?, 'pending', 0, 0, ?)`,
    )
      .bind(id, hook.id, payload, Date.now())
      .run();
    const delays: (number | undefined)[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      // Due at once, as when its delayed message comes back.
      await env.DB.prepare('update webhook_deliveries set next_attempt_at = 0 where id = ?').bind(id).run();
      const batch = createMessageBatch('socius-webhooks', [
        { id: `m${attempt}`, timestamp: new Date(), attempts: attempt, body: { deliveryId: id } },
      ]);
      const ctx = createExecutionContext();
      await worker.queue(batch, env as never, ctx);
      const result = await getQueueResult(batch, ctx);
      const row = await env.DB.prepare('select last_attempt_at as tried, next_attempt_at as next from webhook_deliveries where id = ?')
        .bind(id)
        .first<{ tried: number; next: number | null }>();
      // The wait the log promises; the consumer hands the same number to message.retry({ delaySeconds }).
      delays.push(row?.next == null ? undefined : Math.floor((row.next - row.tried) / 1000));
      if (attempt < 10) expect(result.retryMessages.map((m) => m.msgId)).toEqual([`m${attempt}`]);
      if (attempt === 10) expect(result.explicitAcks).toEqual([`m${attempt}`]);
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, undefined]);
    expect((await received(path)).map((r) => r.answered)).toEqual(Array(10).fill(500));
    const [log] = await deliveries(hook.id);
    expect(log).toMatchObject({ state: 'failed', attempts: 10, lastStatus: 500 });
  });

  it('sends what no write enqueued from the Cron Trigger: changes made outside the API', async () => {
    const path = receiverPath();
    const hook = await subscribe(path, { resources: ['topics'] });
    const topic = await env.DB.prepare(`select id, slug from topics where status = 'published' limit 1`).first<{
      id: string;
      slug: string;
    }>();
    // Renamed by hand in SQL: no API write, so no fan-out after it; only the scheduled run can send it.
    await env.DB.prepare(`update topic_translations set name = 'Hernoemd in SQL' where topic_id = ? and lang = 'nl'`).bind(topic?.id).run();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await received(path)).toEqual([]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController(), env as never, ctx);
    const [request] = await receivedAtLeast(path, 1);
    const payload = verify(hook.secret, request as Received);
    expect(payload.type).toBe('content.updated');
    expect(payload.data).toMatchObject({ kind: 'item', id: topic?.id, item: { name: 'Hernoemd in SQL' } });
  }, 20_000);
});
