import axe from 'axe-core';
import { expect, inject } from 'vitest';

export const apiBase = inject('apiBase');

export function mount<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries({ 'api-base': apiBase, ...attributes })) element.setAttribute(name, value);
  document.body.append(element);
  return element;
}

export async function until(check: () => unknown, what = 'the widget', timeout = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const shadow = (element: Element) => element.shadowRoot!;
export const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the element has left its loading state. */
export async function loaded(
  element: Element & { state?: { kind: string }; loaded?: Promise<void>; updateComplete?: Promise<unknown> },
): Promise<void> {
  await element.updateComplete;
  await element.loaded;
  await until(() => element.state?.kind !== undefined && element.state.kind !== 'loading', `<${element.localName}> to load`);
  await element.updateComplete;
}

export async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, apiBase));
  return (await response.json()) as T;
}

/** axe-core over the element and its shadow DOM, WCAG 2.0–2.2 A and AA rules. */
export async function expectAccessible(element: Element): Promise<void> {
  const results = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    // Page-level rules judge the host page, not a widget placed inside it.
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } },
  });
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} – ${n.failureSummary}`).join('; ')}`,
  );
  expect(
    found,
    `axe violations in <${element.localName} ${[...element.attributes].map((a) => `${a.name}="${a.value}"`).join(' ')}>`,
  ).toEqual([]);
}
