import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from '../../../api/lib/language.ts';

describe('negotiateLanguage, the function behind every response', () => {
  it.each([
    ['?lang= wins over Accept-Language', 'fr', 'en', 'fr'],
    ['the highest q-value wins, not the first listed', undefined, 'en;q=0.3, fr;q=0.9', 'fr'],
    ['equal q-values keep their order', undefined, 'en, fr', 'en'],
    ['a regional tag counts as its language', undefined, 'fr-BE', 'fr'],
    ['unsupported languages are skipped', undefined, 'de-DE, en-GB;q=0.8', 'en'],
    ['q=0 means "not this one"', undefined, 'en;q=0, fr;q=0.1', 'fr'],
    ['header tags are case-insensitive', undefined, 'EN-gb', 'en'],
    ['an unknown ?lang= falls back to the header', 'de', 'en', 'en'],
    ['nothing usable means Dutch', undefined, 'de, *;q=0.5', 'nl'],
    ['no header means Dutch', undefined, undefined, 'nl'],
  ])('%s', (_, query, header, expected) => {
    expect(negotiateLanguage(query, header)).toBe(expected);
  });
});
