// Pieces of the request bodies editors write content with (and of the content export file, which holds the same
// shapes): texts in Dutch, English and French with Dutch required, web links, slugs, topic references, moments.
// Registered as OpenAPI components, so the write operations document them once.
import { z } from '@hono/zod-openapi';
import { WORKFLOW_STATUSES } from '../../schema/columns.ts';
import { RICH_TEXT_FORMATS } from './rich-text-input.ts';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slugs.ts';

/** A plain-text field: trimmed, never empty (leave the field out instead), at most `max` characters. */
export const textField = (max: number) => z.string().trim().min(1, 'May not be empty; leave the field out instead').max(max);

/** An item's texts per language as editors write them: `{ nl: {...}, en?: {...}, fr?: {...} }`. */
export type TextsInput<F extends string> = { nl: Partial<Record<F, string>> } & Partial<Record<'en' | 'fr', Partial<Record<F, string>>>>;

/**
 * The schema of an item's texts in nl/en/fr: Dutch is required, and in it the fields named in `requiredInDutch`;
 * every other field may be absent (served in Dutch instead).
 */
export function translationsSchema<const F extends Record<string, z.ZodType<string>>>(
  name: string,
  fields: F,
  requiredInDutch: readonly (keyof F & string)[],
) {
  const optional = Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.optional()]));
  const dutch = Object.fromEntries(
    Object.entries(fields).map(([key, schema]) => [key, requiredInDutch.includes(key) ? schema : schema.optional()]),
  );
  const other = z.strictObject(optional);
  // Typed by hand: the shape is built from `fields` at run time.
  return z
    .strictObject({
      nl: z.strictObject(dutch).openapi({ description: 'Dutch: required, and the fallback of every other language.' }),
      en: other.optional(),
      fr: other.optional(),
    })
    .openapi(name) as unknown as z.ZodType<TextsInput<keyof F & string>>;
}

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
  .max(SLUG_MAX_LENGTH)
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

/**
 * The same object schema with every default removed (the field optional instead), at any depth of nested objects:
 * what a merge patch schema is made from, so a patch that leaves a field out does not carry its default over the
 * stored value. Defaults apply when the merged item is validated against the full input schema.
 */
export function withoutDefaults(schema: z.ZodObject): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    let inner: z.ZodType = field;
    let optional = false;
    if (inner instanceof z.ZodDefault) {
      inner = inner.unwrap() as z.ZodType;
      optional = true;
    } else if (inner instanceof z.ZodOptional) {
      inner = inner.unwrap() as z.ZodType;
      optional = true;
    }
    if (inner instanceof z.ZodObject) inner = withoutDefaults(inner);
    shape[key] = optional ? inner.optional() : inner;
  }
  return z.strictObject(shape);
}
