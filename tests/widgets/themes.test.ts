import axe from 'axe-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import '../../widgets/index.ts';
import { expectAccessible, loaded, mount } from './helpers.ts';

// Partner sites as found: a light one and a dark one, neither declaring `color-scheme` (most do not).
const HOSTS = {
  light: { background: '#ffffff', color: '#1a1a1a' },
  dark: { background: '#111114', color: '#e6e6e6' },
} as const;

const ELEMENTS: [keyof HTMLElementTagNameMap, Record<string, string>][] = [
  ['socius-events', { layout: 'list' }],
  ['socius-events', { layout: 'cards' }],
  ['socius-events', { layout: 'compact' }],
  ['socius-events', { layout: 'calendar' }],
  ['socius-event', {}],
  ['socius-analyses', {}],
  ['socius-analyses', { layout: 'list' }],
  ['socius-analysis', {}],
  ['socius-services', { filters: 'topic,format' }],
  ['socius-about', {}],
];

afterEach(() => {
  document.body.replaceChildren();
  document.body.removeAttribute('style');
});
afterAll(() => commands.emulateColorScheme('light'));

describe.each(['none', 'light', 'dark', 'auto'] as const)('theme %s', (theme) => {
  // Ten elements to load and every text in them measured: seconds, more on a busy machine.
  it.each([
    ['light', 'light'],
    ['light', 'dark'],
    ['dark', 'light'],
    ['dark', 'dark'],
  ] as const)(
    'every element is readable on a %s site for a visitor whose OS is %s',
    async (host, os) => {
      await commands.emulateColorScheme(os);
      Object.assign(document.body.style, HOSTS[host]);
      const elements = ELEMENTS.map(([tag, attributes]) =>
        mount(tag, { lang: 'en', ...attributes, ...(theme === 'none' ? {} : { theme }) }),
      );
      await Promise.all(elements.map((element) => loaded(element)));
      const failures: string[] = [];
      for (const element of elements) {
        expect(element.shadowRoot!.querySelector('[role="heading"]'), `<${element.localName}> shows content`).not.toBeNull();
        try {
          await expectAccessible(element);
        } catch (error) {
          // The assertion's actual value lists each violation with its node and contrast figures.
          const found = (error as { actual?: unknown }).actual ?? String(error);
          failures.push(`<${element.localName} ${element.getAttribute('layout') ?? ''}>: ${JSON.stringify(found)}`);
        }
      }
      expect(failures).toEqual([]);
      // axe files colours it cannot work out (unparsed, translucent over unknown ground) under "incomplete", not
      // under violations: a contrast check that passes must have measured every text.
      const contrast = await axe.run(document.body, { runOnly: ['color-contrast'] });
      expect(contrast.incomplete.flatMap((r) => r.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message}`))).toEqual([]);
      expect(contrast.passes[0]?.nodes.length).toBeGreaterThan(100);
    },
    60_000,
  );
});
