// How soon a visitor sees the agenda once the API has answered (issue 12: within 150 ms of the API response, on a
// list as long as the benchmark's). Measured by Chromium itself: the Resource Timing entry of the list request
// (its responseEnd) against the moment the first event is in the element's shadow DOM (a MutationObserver, whose
// callback runs right after the DOM changes). What it covers: parsing the body, building the state, Lit's render.
import { afterEach, expect, it } from 'vitest';
import '../../widgets/index.ts';
import { fetchJson, mount, shadow } from './helpers.ts';

const BUDGET_MS = 150;
const LIMIT = 20;

afterEach(() => document.body.replaceChildren());

it(`<socius-events> shows its first events within ${BUDGET_MS} ms of the API response, for a list of ${LIMIT}`, async () => {
  performance.clearResourceTimings();
  const element = mount('socius-events', { lang: 'nl', limit: String(LIMIT) });
  const root = shadow(element);
  const shown = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no event shown within 10 s')), 10_000);
    const observer = new MutationObserver(() => {
      if (!root.querySelector('.item')) return;
      const at = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve(at);
    });
    observer.observe(root, { childList: true, subtree: true });
  });
  const request = performance
    .getEntriesByType('resource')
    .find((entry): entry is PerformanceResourceTiming => new URL(entry.name).pathname === '/v1/events');
  expect(request, 'the list request in Resource Timing').toBeDefined();
  const afterResponse = shown - (request?.responseEnd ?? Number.POSITIVE_INFINITY);

  // Benchmark-like: a full page of events, as many as the API gives for it.
  const api = await fetchJson<{ data: unknown[] }>(`/v1/events?lang=nl&limit=${LIMIT}`);
  expect(api.data.length).toBeGreaterThanOrEqual(15);
  expect(root.querySelectorAll('.item').length).toBe(api.data.length);
  expect(afterResponse, `first event ${afterResponse.toFixed(1)} ms after the response ended`).toBeLessThan(BUDGET_MS);
  expect(afterResponse).toBeGreaterThanOrEqual(0);
});
