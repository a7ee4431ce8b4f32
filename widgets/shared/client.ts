// The widgets' only door to the API: typed by api-types.ts (generated from /openapi.json), no credentials,
// and polite retries (network failures and 5xx/429 only, with backoff) so a flaky connection heals itself.
import type { components, operations } from './api-types.ts';

type Schemas = components['schemas'];
export type Event = Schemas['Event'];
export type EventList = Schemas['EventList'];
export type FacetValue = Schemas['FacetValue'];
export type Analysis = Schemas['Analysis'];
export type AnalysisSummary = Schemas['AnalysisSummary'];
export type Service = Schemas['Service'];
export type Topic = Schemas['Topic'];
export type About = Schemas['About'];
/** A schema.org JSON-LD document, as the API serves it for `Accept: application/ld+json`. */
export type JsonLd = Schemas['JsonLd'];

type Query<O extends keyof operations> = operations[O] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type Ok<O extends keyof operations> = operations[O] extends { responses: { 200: { content: { 'application/json': infer B } } } }
  ? B
  : never;

/** An error the widget can explain: `status` 0 means the API could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const RETRY_DELAYS_MS = [1_000, 4_000];
const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** The origin this bundle was loaded from: the API's, unless an element says otherwise with `api-base`. */
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

export function apiUrl(base: string, path: string, query: Record<string, unknown> = {}): URL {
  const url = new URL(path, base.endsWith('/') ? base : `${base}/`);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
  }
  return url;
}

async function request<T>(url: URL, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let response: Response | undefined;
    try {
      response = await fetch(url, { signal, credentials: 'omit', headers: { Accept: 'application/json' } });
    } catch (error) {
      if (signal?.aborted) throw error;
    }
    if (response?.ok) return (await response.json()) as T;
    const retryable = !response || response.status >= 500 || response.status === 429;
    const delay = RETRY_DELAYS_MS[attempt];
    if (!retryable || delay === undefined) {
      let detail = response ? `${response.status} ${response.statusText}` : 'network error';
      if (response?.headers.get('Content-Type')?.includes('problem+json')) {
        detail = ((await response.json()) as { detail?: string }).detail ?? detail;
      }
      throw new ApiError(response?.status ?? 0, detail);
    }
    const retryAfter = Number(response?.headers.get('Retry-After'));
    await wait(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 30) * 1000 : delay, signal);
  }
}

export const api = {
  listEvents: (base: string, query: Query<'listEvents'>, signal?: AbortSignal) =>
    request<Ok<'listEvents'>>(apiUrl(base, 'v1/events', query), signal),
  getEvent: (base: string, slug: string, query: Query<'getEvent'>, signal?: AbortSignal) =>
    request<Ok<'getEvent'>>(apiUrl(base, `v1/events/${encodeURIComponent(slug)}`, query), signal),
  listAnalyses: (base: string, query: Query<'listAnalyses'>, signal?: AbortSignal) =>
    request<Ok<'listAnalyses'>>(apiUrl(base, 'v1/analyses', query), signal),
  getAnalysis: (base: string, slug: string, query: Query<'getAnalysis'>, signal?: AbortSignal) =>
    request<Ok<'getAnalysis'>>(apiUrl(base, `v1/analyses/${encodeURIComponent(slug)}`, query), signal),
  listServices: (base: string, query: Query<'listServices'>, signal?: AbortSignal) =>
    request<Ok<'listServices'>>(apiUrl(base, 'v1/services', query), signal),
  listTopics: (base: string, query: Query<'listTopics'>, signal?: AbortSignal) =>
    request<Ok<'listTopics'>>(apiUrl(base, 'v1/topics', query), signal),
  getAbout: (base: string, query: Query<'getAbout'>, signal?: AbortSignal) =>
    request<Ok<'getAbout'>>(apiUrl(base, 'v1/about', query), signal),
};

/**
 * The JSON-LD representation of an API URL the widget already read (`Accept: application/ld+json`): the API
 * owns the schema.org mapping, so the bundle carries none. Best effort: no retries, since only search engines
 * miss it when it fails.
 */
export async function fetchJsonLd(url: URL, signal?: AbortSignal): Promise<JsonLd | null> {
  try {
    const response = await fetch(url, { signal, credentials: 'omit', headers: { Accept: 'application/ld+json' } });
    return response.ok ? ((await response.json()) as JsonLd) : null;
  } catch {
    return null;
  }
}
