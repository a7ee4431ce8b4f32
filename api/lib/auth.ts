// API keys and scopes: how the editorial API knows who is writing.
//
// A key looks like `socius_<id>_<secret>`: `id` (16 hex digits) names its row in `api_keys`, `secret` is 256 random
// bits (base64url). Only the SHA-256 of the whole key is stored: a database leak gives no usable key, and since the
// key is random a plain hash is enough (no password stretching needed). A request finds the row by id, then compares
// hashes in constant time, so response times say nothing about how close a guess was.
//
// Keys travel only in `Authorization: Bearer <key>`. One in the query string is refused (URLs land in logs, browser
// history and Referer headers) even when the header is valid too.
import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { type ApiKey, apiKeys, SCOPES, type Scope } from '../../schema/editorial.ts';
import type { AppEnv, Db } from '../env.ts';
import { ApiError } from '../errors.ts';

export { SCOPES, type Scope };

export const KEY_PREFIX = 'socius';
const KEY_PATTERN = /^socius_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
/** Query parameter names that would carry a key, refused wherever they appear. */
const KEY_PARAMS = ['access_token', 'api_key', 'apikey', 'key', 'token'];

/** The scopes that may read and write content in general (preview, revisions, editable reads). */
export const CONTENT_SCOPES = ['content:write', 'content:publish'] as const satisfies readonly Scope[];

/** The OpenAPI security scheme name of the Bearer key; write routes list `security: bearerSecurity`. */
export const BEARER_SCHEME = 'bearerKey';

/**
 * `security` of an operation that needs a key. An HTTP bearer scheme takes no scope list in OpenAPI (spectral
 * warns), so the scopes go into the operation's description through {@link scopeNote}; `_scopes` is for symmetry.
 */
export const bearerSecurity = (..._scopes: Scope[]) => [{ [BEARER_SCHEME]: [] }];

/** The sentence every secured operation's description ends with. */
export const scopeNote = (scopes: readonly Scope[]) =>
  ` Needs an API key with ${scopes.length > 1 ? 'one of the scopes' : 'the scope'} ${scopes.map((s) => `\`${s}\``).join(' or ')}.`;

/** The security scheme component; registered once with the shared components (api/openapi.ts). */
export const bearerSchemeComponent = {
  type: 'http' as const,
  scheme: 'bearer',
  description:
    'An API key from Socius in `Authorization: Bearer <key>` (never in the query string). Each key has scopes: `content:write` (edit drafts), ' +
    '`content:publish` (publish, archive, schedule), `events:submit` (partners: submit events of their own organiser for review), ' +
    '`keys:admin` (manage keys, read the audit log, purge), `webhooks:admin`.',
};

function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** SHA-256 of the whole key, hex: what `api_keys.hash` holds. */
export async function hashKey(key: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)));
}

/**
 * A new key (runs in Node for the CLI and in workerd for the API). `key` is shown once and never stored;
 * store `id` and `hash`.
 */
export async function mintApiKey(): Promise<{ id: string; key: string; hash: string }> {
  const id = toHex(crypto.getRandomValues(new Uint8Array(8)));
  const key = `${KEY_PREFIX}_${id}_${toBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`;
  return { id, key, hash: await hashKey(key) };
}

/** Compares two strings in time that depends only on their length (both are hex digests of equal length). */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The key row of a presented key, if the key is genuine, unrevoked and unexpired at `now`. */
export async function verifyKey(db: Db, presented: string, now = new Date()): Promise<ApiKey | undefined> {
  const match = KEY_PATTERN.exec(presented);
  if (!match?.[1]) return undefined;
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, match[1])).limit(1);
  // Hash even when no row exists, so an unknown id takes as long as a wrong secret.
  const hash = await hashKey(presented);
  if (!row || !constantTimeEqual(hash, row.hash)) return undefined;
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return undefined;
  return row;
}

const challenge = { 'WWW-Authenticate': 'Bearer realm="socius"' };

export function unauthorized(detail: string): ApiError {
  return new ApiError('unauthorized', detail, undefined, { headers: challenge });
}

/** 400 when any query parameter carries a key (by name, or by a value shaped like one). */
function refuseKeyInQuery(c: Context<AppEnv>): void {
  const url = new URL(c.req.url);
  for (const [name, value] of url.searchParams) {
    if (KEY_PARAMS.includes(name.toLowerCase()) || value.startsWith(`${KEY_PREFIX}_`)) {
      throw ApiError.invalidParam(
        name,
        'query',
        'API keys are accepted only in the `Authorization: Bearer` header, never in the query string; this key should now be treated as leaked',
      );
    }
  }
}

/** The key of this request from `Authorization: Bearer`, or 401. Sets `c.var.apiKey`. */
export async function authenticate(c: Context<AppEnv>): Promise<ApiKey> {
  refuseKeyInQuery(c);
  const existing = c.get('apiKey');
  if (existing) return existing;
  const header = c.req.header('Authorization');
  if (!header) throw unauthorized('This operation needs an API key in `Authorization: Bearer <key>`.');
  const [scheme, presented, ...rest] = header.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'bearer' || !presented || rest.length > 0) {
    throw unauthorized('The `Authorization` header must be `Bearer <key>`.');
  }
  const key = await verifyKey(c.var.db, presented);
  if (!key) throw unauthorized('The API key is unknown, revoked or expired.');
  c.set('apiKey', key);
  await touch(c, key);
  return key;
}

// last_used_at is kept to the minute: one small write per key per minute, not one per request.
const TOUCH_EVERY_MS = 60_000;
async function touch(c: Context<AppEnv>, key: ApiKey): Promise<void> {
  const now = new Date();
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < TOUCH_EVERY_MS) return;
  await c.var.db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id));
}

export const hasScope = (key: ApiKey, scope: Scope): boolean => key.scopes.includes(scope);

/** 403 unless the key holds at least one of `scopes`. */
export function requireScopeOf(key: ApiKey, scopes: readonly Scope[]): void {
  if (scopes.length === 0 || scopes.some((scope) => hasScope(key, scope))) return;
  const names = scopes.map((s) => `"${s}"`).join(' or ');
  throw new ApiError('forbidden', `This API key lacks the scope ${names} that this operation needs.`);
}

/**
 * Route middleware of every operation behind a key: 401 without a valid key, 403 unless it holds one of `scopes`
 * (none listed: any valid key). Responses behind a key are never stored by shared caches.
 */
export const requireKey = (...scopes: Scope[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = await authenticate(c);
    requireScopeOf(key, scopes);
    await next();
    c.header('Cache-Control', 'private, no-store');
  });

/** The authenticated key of this request; only valid behind {@link requireKey}. */
export function currentKey(c: Context<AppEnv>): ApiKey {
  const key = c.get('apiKey');
  if (!key) throw unauthorized('This operation needs an API key in `Authorization: Bearer <key>`.');
  return key;
}

/** `?preview=true`: documented on every public read that editors may preview. */
export const previewParam = z
  .enum(['true', 'false'])
  .optional()
  .openapi({
    param: { name: 'preview', in: 'query' },
    description:
      'With `true`, also drafts and items in review, for editors: needs `Authorization: Bearer` with a `content:write` or `content:publish` key ' +
      '(401/403 otherwise). Never cached by shared caches.',
    example: 'true',
  });

/**
 * Whether this read shows unpublished items. `?preview=true` without a content key is a 401/403, never a
 * silent fallback to the public view, so an editor cannot mistake one for the other.
 */
export async function isPreview(c: Context<AppEnv>): Promise<boolean> {
  if (new URL(c.req.url).searchParams.get('preview') !== 'true') return false;
  requireScopeOf(await authenticate(c), CONTENT_SCOPES);
  c.header('Cache-Control', 'private, no-store');
  c.header('Vary', 'Authorization', { append: true });
  return true;
}

/** Statuses a read may show: only `published`, or with preview also `draft` and `review`. */
export async function visibleStatuses(c: Context<AppEnv>): Promise<('draft' | 'review' | 'published')[]> {
  return (await isPreview(c)) ? ['draft', 'review', 'published'] : ['published'];
}

/**
 * Whether a request must skip the public edge cache: it carries credentials or asks for a preview. Such a
 * response depends on who asks, so it is neither served from nor stored in the shared copy.
 */
export function isPrivateRequest(c: Context<AppEnv>): boolean {
  return c.req.header('Authorization') !== undefined || new URL(c.req.url).searchParams.has('preview');
}
