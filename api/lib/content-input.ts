// Pieces of the request bodies editors write content with (and of the content export file, which holds the same
// shapes): texts in Dutch, English and French with Dutch required, web links, slugs, topic references, moments.
// Registered as OpenAPI components, so the write operations document them once.
import { z } from '@hono/zod-openapi';
import { WORKFLOW_STATUSES } from '../../schema/columns.ts';
import { RICH_TEXT_FORMATS } from './rich-text-input.ts';
import { SLUG_PATTERN } from './slugs.ts';

const text = (max: number) => z.string().trim().min(1, 'Must not be empty').max(max);

/** A text in each language; Dutch is required (it is every reader's fallback), English and French optional. */
export const localisedText = (max: number, name?: string) => {
  const schema = z.strictObject({ nl: text(max), en: text(max).optional(), fr: text(max).optional() });
  return name
    ? schema.openapi(name, { description: `Text in Dutch (required), English and French; at most ${max} characters each.` })
    : schema;
};
export const ShortText = localisedText(300, 'ShortLocalisedText');
export const LongText = localisedText(20_000, 'LongLocalisedText');
export const RichText = localisedText(200_000, 'RichLocalisedText');
export type LocalisedInput = z.infer<typeof ShortText>;

/**
 * An absolute `https:` or `http:` URL. Anything else (`javascript:`, `data:`, `mailto:`, relative) is refused,
 * because these URLs become links and buttons on partner sites.
 */
export const httpUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'Must be an absolute https: or http: URL' })
  .max(2000)
  .openapi({ example: 'https://socius.be/vorming' });

export const slugInput = z
  .string()
  .max(80)
  .regex(SLUG_PATTERN, 'Lowercase letters, digits and single hyphens')
  .openapi({ description: 'Made from the Dutch title when absent; must not be another item’s slug.', example: 'tien-stromingen' });

export const topicRefsInput = z
  .array(slugInput)
  .max(20)
  .refine((slugs) => new Set(slugs).size === slugs.length, 'Each topic at most once')
  .openapi({ description: 'Slugs of topics from `/v1/topics`.', example: ['vrijwilligerswerk'] });

export const momentInput = z.iso
  .datetime({ offset: true })
  .openapi({ description: 'ISO 8601 with an offset (or Z).', example: '2026-12-03T19:30:00+01:00' });

export const workflowInput = z.enum(WORKFLOW_STATUSES).openapi({ description: 'Editorial status; only `published` is public.' });

export const richTextFormat = z
  .enum(RICH_TEXT_FORMATS)
  .default('html')
  .openapi({ description: 'How the rich text is written: `html` (default) or `markdown`. Stored as sanitised HTML.' });
