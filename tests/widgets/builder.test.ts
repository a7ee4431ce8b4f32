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
});
