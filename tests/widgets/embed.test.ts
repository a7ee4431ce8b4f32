// This file does not import the widgets' source: it loads the built bundle from the Worker, as a partner
// page on another origin would, with one script tag.
import { afterEach, describe, expect, it } from 'vitest';
import { apiBase, shadow, text, until } from './helpers.ts';

afterEach(() => document.body.replaceChildren());

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

describe('embedding with one script tag on another origin', () => {
  it('defines every element, and a second copy of the script does not throw', async () => {
    expect(new URL(apiBase).origin).not.toBe(location.origin);
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    await loadScript(`${apiBase}/widgets/v1/socius.js`);
    await loadScript(`${apiBase}/widgets/v1/socius.js?copy=2`);
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
    for (const tag of ['socius-events', 'socius-event', 'socius-analyses', 'socius-analysis', 'socius-services', 'socius-about']) {
      expect(customElements.get(tag), tag).toBeDefined();
    }
  });

  it('calls the API it was loaded from, with no attributes at all', async () => {
    await loadScript(`${apiBase}/widgets/v1/socius.js`);
    const element = document.createElement('socius-events');
    element.innerHTML = '<a href="/embed/events">Activiteiten van Socius</a>';
    document.body.append(element);
    await until(() => (shadow(element)?.querySelectorAll('.item').length ?? 0) > 0, 'events from the Worker');
    // With no `lang`, the widget speaks the host page's language.
    const lang = (document.documentElement.lang || 'nl').slice(0, 2);
    const api = (await (await fetch(`${apiBase}/v1/events?lang=${lang}&limit=6`)).json()) as { data: { title: string }[] };
    expect([...shadow(element).querySelectorAll('.item [role="heading"]')].map((b) => text(b))).toEqual(api.data.map((e) => e.title));
    expect(element.querySelector('a')?.checkVisibility()).toBe(false);
  });

  it('shows an analysis, with the sanitiser it needs loaded on demand from beside the script', async () => {
    await loadScript(`${apiBase}/widgets/v1/socius.js`);
    const element = document.createElement('socius-analysis');
    element.setAttribute('slug', 'tien-stromingen-in-het-middenveld');
    document.body.append(element);
    await until(() => (shadow(element)?.querySelectorAll('section[id] p').length ?? 0) > 0, 'the sanitised sections');
    const loadedFrom = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.startsWith(`${apiBase}/widgets/v1/`) && !name.includes('socius.js'));
    expect(loadedFrom.length).toBeGreaterThan(0);
  });

  it('serves the bundle with CORS and a long-lived cache, and an immutable versioned copy', async () => {
    // A cross-origin fetch only succeeds when the Worker sends Access-Control-Allow-Origin (which scripts cannot read).
    const latest = await fetch(`${apiBase}/widgets/v1/socius.js`, { mode: 'cors' });
    expect(latest.status).toBe(200);
    expect(latest.headers.get('Cache-Control')).toContain('stale-while-revalidate');
    expect(latest.headers.get('Content-Type')).toMatch(/javascript/);
    const version = (await (await fetch(`${apiBase}/widgets/version.json`)).json()) as { version: string };
    const pinned = await fetch(`${apiBase}/widgets/${version.version}/socius.js`);
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get('Cache-Control')).toContain('immutable');
    expect(await pinned.text()).toBe(await latest.text());
  });
});
