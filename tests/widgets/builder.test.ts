import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { apiBase, fetchJson } from './helpers.ts';

describe('the widget builder at /', () => {
  it('writes the exact snippet for the chosen widget, which renders when pasted into another page', async () => {
    const result = await commands.useBuilder(`${apiBase}/`, { element: 'socius-analyses', lang: 'fr', layout: 'list', limit: '2' });
    expect(result.previewTag).toBe('socius-analyses');
    expect(result.snippet).toContain(`<script type="module" src="${apiBase}/widgets/v1/socius.js"></script>`);
    expect(result.snippet).toContain('<socius-analyses lang="fr" layout="list" limit="2">');
    expect(result.snippet).toContain(`<a href="${apiBase}/embed/analyses?lang=fr&amp;layout=list&amp;limit=2">`);
    expect(result.copyMessage).toBe('Copied to the clipboard.');
    expect(result.clipboard).toBe(result.snippet);
    const newest = await fetchJson<{ data: { title: string }[] }>('/v1/analyses?lang=fr&limit=1');
    expect(result.pastedHeading).toBe(newest.data[0]!.title);
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
