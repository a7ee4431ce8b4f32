import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { apiBase, fetchJson } from './helpers.ts';

type Manifest = { modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[] };

describe('the widget builder at /', () => {
  it('writes the exact snippet for the chosen widget, which renders when pasted into another page', async () => {
    const result = await commands.useBuilder(`${apiBase}/`, { element: 'socius-analyses', lang: 'fr', layout: 'list', limit: '2' });
    expect(result.previewTag).toBe('socius-analyses');
    expect(result.snippet).toContain(`<script type="module" src="${apiBase}/widgets/v1/socius.js"></script>`);
    expect(result.snippet).toContain('<socius-analyses lang="fr" limit="2" layout="list">');
    expect(result.snippet).toContain(`<a href="${apiBase}/embed/analyses?lang=fr&amp;limit=2&amp;layout=list">`);
    expect(result.copyMessage).toBe('Copied to the clipboard.');
    expect(result.clipboard).toBe(result.snippet);
    const newest = await fetchJson<{ data: { title: string }[] }>('/v1/analyses?lang=fr&limit=1');
    expect(result.pastedHeading).toBe(newest.data[0]!.title);
    expect(result.previewHeading).toBe(newest.data[0]!.title);
  }, 120_000);

  it('offers every attribute the custom-elements manifest lists for the element (api-base aside)', async () => {
    const manifest = await fetchJson<Manifest>('/widgets/custom-elements.json');
    const attributes = (tag: string) =>
      manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .find((d) => d.tagName === tag)!
        .attributes!.map((a) => a.name)
        .filter((name) => name !== 'api-base');
    const events = await commands.useBuilder(`${apiBase}/`, { element: 'socius-events' });
    expect([...events.offered].sort()).toEqual(attributes('socius-events').sort());
    expect(events.offered).toContain('organiser');
    const analyses = await commands.useBuilder(`${apiBase}/`, { element: 'socius-analyses', author: 'Socius' });
    expect([...analyses.offered].sort()).toEqual(attributes('socius-analyses').sort());
    expect(analyses.snippet).toContain('author="Socius"');
    const services = await commands.useBuilder(`${apiBase}/`, { element: 'socius-services' });
    expect(services.offered).toContain('format');
  }, 180_000);

  it('previews in the language the snippet renders in: Dutch when it sets no lang, not the builder page English', async () => {
    const result = await commands.useBuilder(`${apiBase}/`, { element: 'socius-analyses', limit: '1' });
    expect(result.snippet).not.toContain(' lang=');
    const dutch = await fetchJson<{ data: { title: string }[] }>('/v1/analyses?lang=nl&limit=1');
    expect(result.previewHeading).toBe(dutch.data[0]!.title);
    expect(result.snippet).toContain('>Bekijk dit op de site van Socius</a>');
  }, 120_000);

  it('writes what a person types into the snippet as attribute text, never as markup', async () => {
    const city = 'Gent" onmouseover="alert(1)"><script>alert(2)</script>';
    const result = await commands.useBuilder(`${apiBase}/`, { element: 'socius-events', lang: 'nl', city });
    const pasted = new DOMParser().parseFromString(result.snippet, 'text/html');
    const element = pasted.querySelector('socius-events');
    expect(element?.getAttribute('city')).toBe(city);
    expect([...(element?.attributes ?? [])].map((a) => a.name)).toEqual(['lang', 'city', 'layout']);
    expect([...pasted.querySelectorAll('script')].map((s) => s.getAttribute('src'))).toEqual([`${apiBase}/widgets/v1/socius.js`]);
    expect(pasted.querySelector('socius-events > a')?.getAttribute('href')).toBe(
      `${apiBase}/embed/events?${new URLSearchParams({ lang: 'nl', city, layout: 'list' })}`,
    );
  }, 120_000);
});

describe('HTML pages under their Content-Security-Policy', () => {
  it('runs the home page demo and builder with zero CSP violations', async () => {
    const visit = await commands.visitUnderCsp(
      `${apiBase}/`,
      `(() => {
        const widgets = [...document.querySelectorAll('.gallery [heading-level]')];
        const done = widgets.every((w) => w.state && w.state.kind !== 'loading');
        return done && document.querySelector('#snippet').value !== '' && document.querySelector('#preview').firstElementChild?.state?.kind === 'ready'
          ? widgets.map((w) => w.state.kind)
          : false;
      })()`,
    );
    // Scripts from this origin only: no inline script, no eval (styles may be inline; CSS runs no code).
    expect(/script-src ([^;]*)/.exec(visit.policy)?.[1]).toBe("'self'");
    expect(visit.ready).toEqual(['ready', 'ready', 'ready', 'ready', 'ready', 'ready']);
    expect(visit.violations).toEqual([]);
  }, 120_000);

  it('renders the API reference at /docs with zero CSP violations', async () => {
    const visit = await commands.visitUnderCsp(
      `${apiBase}/docs`,
      `(() => { const text = document.body.innerText; return text.includes('Socius') && text.includes('events') ? text.length : false; })()`,
    );
    expect(visit.policy).toMatch(/script-src 'self' 'sha256-/);
    expect(visit.violations).toEqual([]);
  }, 120_000);

  it('shows /embed and an item page with zero CSP violations', async () => {
    for (const path of ['/embed/events?filters=topic,city,date&layout=cards', '/en/analyses/tien-stromingen-in-het-middenveld']) {
      const visit = await commands.visitUnderCsp(`${apiBase}${path}`, `document.querySelector('h1')?.textContent`);
      expect(visit.violations, path).toEqual([]);
    }
  }, 120_000);
});
