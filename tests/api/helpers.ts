import { SELF } from 'cloudflare:test';

export const ORIGIN = 'https://api.socius.test';

export async function get<T = unknown>(path: string, headers: Record<string, string> = {}) {
  const response = await SELF.fetch(`${ORIGIN}${path}`, { headers });
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get('Content-Type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: body as T };
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  invalidParams?: { name: string; in: string; reason: string }[];
}

/** Asserts an RFC 9457 problem response and returns it. */
export async function getProblem(path: string, status: number, headers: Record<string, string> = {}) {
  const response = await get<ProblemBody>(path, headers);
  if (response.status !== status)
    throw new Error(`expected ${status} from ${path}, got ${response.status}: ${JSON.stringify(response.body)}`);
  if (!response.headers.get('Content-Type')?.startsWith('application/problem+json')) {
    throw new Error(`expected problem+json from ${path}, got ${response.headers.get('Content-Type')}`);
  }
  return response.body;
}
