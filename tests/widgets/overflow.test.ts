// Partner pages put widgets in 260 px sidebars, on 375 px phones and in 1280 px columns: nothing may stick out.
import { afterEach, describe, expect, it } from 'vitest';
import '../../widgets/index.ts';
import { loaded, mount, shadow } from './helpers.ts';

afterEach(() => document.body.replaceChildren());

const LAYOUTS = [
  ['socius-analyses', { layout: 'cards' }],
  ['socius-analyses', { layout: 'list' }],
  ['socius-analysis', { slug: 'tien-stromingen-in-het-middenveld' }],
  ['socius-services', { filters: 'topic,format' }],
  ['socius-about', {}],
] as const;

/** Descendants in the shadow root that reach past the element's right edge. */
const stickingOut = (element: HTMLElement) => {
  const right = element.getBoundingClientRect().right + 0.5;
  return [...shadow(element).querySelectorAll<HTMLElement>('*')]
    .filter((node) => node.getBoundingClientRect().right > right)
    .map((node) => `${node.localName}.${node.className} ${Math.round(node.getBoundingClientRect().right - right)}px`);
};

describe.each([260, 375, 1280])('at %i px', (width) => {
  it.each(LAYOUTS)('<%s %o> fits its container in every language', async (tag, attributes) => {
    for (const lang of ['nl', 'en', 'fr']) {
      const box = document.createElement('div');
      box.style.width = `${width}px`;
      document.body.append(box);
      const element = mount(tag, { lang, ...attributes });
      box.append(element);
      await loaded(element);
      expect(element.scrollWidth, `${lang}: scrollWidth`).toBeLessThanOrEqual(element.clientWidth);
      expect(stickingOut(element), lang).toEqual([]);
      box.remove();
    }
  });
});
