// Elements that show "the next" or "the newest" item, against a Worker whose D1 holds no content at all:
// the visitor must read that there is nothing (yet), in the widget's language, not that the server is down.
import { afterEach, describe, expect, inject, it } from 'vitest';
import '../../widgets/index.ts';
import { expectAccessible, loaded, mount, shadow, text } from './helpers.ts';

const emptyApiBase = inject('emptyApiBase');

afterEach(() => document.body.replaceChildren());

const cases = [
  {
    tag: 'socius-event',
    messages: { nl: 'Er zijn geen komende activiteiten.', en: 'There are no upcoming events.', fr: 'Aucune activité à venir.' },
  },
  {
    tag: 'socius-analysis',
    messages: { nl: 'Er zijn nog geen analyses.', en: 'There are no analyses yet.', fr: "Il n'y a pas encore d'analyses." },
  },
] as const;

describe('with nothing published', () => {
  for (const { tag, messages } of cases) {
    it(`<${tag}> without a slug says there is nothing to show, in nl, en and fr, with no retry button`, async () => {
      for (const [lang, message] of Object.entries(messages)) {
        const element = mount(tag, { 'api-base': emptyApiBase, lang });
        await loaded(element);
        expect(element.state.kind, lang).toBe('empty');
        expect(text(shadow(element).querySelector('[role="status"]')), lang).toBe(message);
        expect(shadow(element).querySelector('button'), lang).toBeNull();
        expect(element.querySelector('script[type="application/ld+json"]'), lang).toBeNull();
        await expectAccessible(element);
        element.remove();
      }
    });
  }
});
