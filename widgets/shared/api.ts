// The origin this script was loaded from is the API's origin, unless the element says otherwise (`api-base`).
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

export interface EventSummary {
  slug: string;
  title: string;
  summary: string | null;
  status: string;
  attendanceMode: string;
  startsAt: string;
  endsAt: string;
  venue: { city: string | null } | null;
}

export async function getJson<T>(base: string, path: string, params: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<T> {
  const url = new URL(path, base);
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  const response = await fetch(url, { signal, credentials: 'omit' });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${url.pathname}`);
  return (await response.json()) as T;
}
