// A browser command: the visitor's operating-system colour scheme, as Chromium's `prefers-color-scheme`
// emulation sets it for the test page (and every frame in it).
import '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';

export const emulateColorScheme: BrowserCommand<[scheme: 'light' | 'dark']> = async (ctx, scheme) => {
  await ctx.page.emulateMedia({ colorScheme: scheme });
};
