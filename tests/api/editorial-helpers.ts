// Keys and requests for the editorial tests: keys are minted exactly as the CLI and the API mint them.
import { env, SELF } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { newKey } from '../../api/keys/queries.ts';
import { apiKeys, type Scope } from '../../schema/editorial.ts';
import { ORIGIN, type ProblemBody } from './helpers.ts';

export const testDb = () => drizzle(env.DB, { casing: 'snake_case' });

/** A key with `scopes` stored in the test D1; returns the key itself and its id. */
export async function makeKey(scopes: Scope[], options: { organiser?: string; expiresAt?: Date } = {}) {
  const { key, row } = await newKey({ name: `test ${scopes.join(' ')}`, scopes, ...options });
  await testDb().insert(apiKeys).values(row);
  return { key, id: row.id };
}

export interface Sent<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** Sends a request with an optional key and JSON body; parses any JSON answer. */
export async function send<T = unknown>(
  method: string,
  path: string,
  options: { key?: string; body?: unknown; headers?: Record<string, string>; contentType?: string } = {},
): Promise<Sent<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.key) headers.Authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] = options.contentType ?? 'application/json';
  }
  const response = await SELF.fetch(`${ORIGIN}${path}`, { method, headers, body });
  const text = await response.text();
  const type = response.headers.get('Content-Type') ?? '';
  return { status: response.status, headers: response.headers, body: (type.includes('json') && text ? JSON.parse(text) : text) as T };
}

export type { ProblemBody };

export interface EditableBody {
  id: string;
  slug: string;
  status: string;
  version: number;
  publishAt: string | null;
  unpublishAt: string | null;
  [field: string]: unknown;
}

/** Creates a topic through the API and returns it with its ETag. */
export async function createTopic(key: string, slug: string, extra: Record<string, unknown> = {}) {
  const response = await send<{ data: EditableBody }>('POST', '/v1/topics', {
    key,
    body: { slug, translations: { nl: { name: `Thema ${slug}` } }, ...extra },
  });
  if (response.status !== 201) throw new Error(`creating topic ${slug}: ${response.status} ${JSON.stringify(response.body)}`);
  return { item: response.body.data, etag: response.headers.get('ETag') ?? '' };
}

/** A JSON merge patch with If-Match. */
export const patch = <T = { data: EditableBody }>(key: string, path: string, etag: string, body: unknown) =>
  send<T>('PATCH', path, { key, body, headers: { 'If-Match': etag }, contentType: 'application/merge-patch+json' });

export const contentVersion = async () => {
  const { env } = await import('cloudflare:test');
  return (await env.DB.prepare('select version from content_state where id = 1').first<{ version: number }>())?.version ?? 0;
};
