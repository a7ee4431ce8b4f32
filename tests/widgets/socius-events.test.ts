import { describe, expect, inject, it } from 'vitest';
import '../../widgets/index.ts';
import type { SociusEvents } from '../../widgets/events/socius-events.ts';

const apiBase = inject('apiBase');

async function mount(attributes: Record<string, string>): Promise<SociusEvents> {
  const element = document.createElement('socius-events');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  return element;
}

async function until(check: () => boolean, timeout = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error('timed out waiting for the widget');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('<socius-events>', () => {
  it('shows upcoming seeded events from the running Worker, in the language asked for', async () => {
    const element = await mount({ 'api-base': apiBase, lang: 'fr', limit: '3' });
    await until(() => (element.shadowRoot?.querySelectorAll('li').length ?? 0) > 0);
    const items = element.shadowRoot!.querySelectorAll('li');
    expect(items.length).toBe(3);
    const response = await fetch(`${apiBase}/v1/events?lang=fr&limit=3`);
    const body = (await response.json()) as { data: { title: string }[] };
    expect([...items].map((li) => li.querySelector('h3')?.textContent)).toEqual(body.data.map((e) => e.title));
    element.remove();
  });

  it('says so in the widget language when the API cannot be reached', async () => {
    const element = await mount({ 'api-base': 'http://127.0.0.1:9', lang: 'nl' });
    await until(() => element.shadowRoot?.querySelector('button') !== null && element.shadowRoot?.querySelector('button') !== undefined);
    expect(element.shadowRoot!.querySelector('[role="status"]')?.textContent).toBe('De activiteiten konden niet worden geladen.');
    element.remove();
  });

  it('loads the served bundle twice on one page without an error', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    const load = (src: string) =>
      new Promise<void>((resolve, reject) => {
        const script = document.createElement('script');
        script.type = 'module';
        script.src = src;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`could not load ${src}`));
        document.head.append(script);
      });
    await load(`${apiBase}/widgets/v1/socius.js`);
    await load(`${apiBase}/widgets/v1/socius.js?copy=2`);
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
    expect(customElements.get('socius-events')).toBeDefined();
  });
});
