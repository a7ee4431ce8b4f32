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
