// Response pieces shared by several resources, registered once as OpenAPI components.
import { z } from '@hono/zod-openapi';
import { LANGS } from '../../schema/columns.ts';

export const dateTime = z.iso
  .datetime({ offset: true })
  .openapi({ description: 'ISO 8601 with the Europe/Brussels offset of that moment.', example: '2026-12-03T19:30:00+01:00' });

export const ItemMetaSchema = z
  .object({
    lang: z.enum(LANGS).openapi({ description: 'The language this item is served in.', example: 'en' }),
    fallback: z
      .array(z.string())
      .openapi({ description: 'Fields not available in `lang`, served in Dutch instead.', example: ['summary'] }),
  })
  .openapi('ItemMeta');

export const TopicRefSchema = z
  .object({
    slug: z.string().openapi({ example: 'vrijwilligerswerk' }),
    name: z.string().openapi({ example: 'Voluntary work' }),
  })
  .openapi('TopicRef');

export const slugParam = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A slug is lowercase letters, digits and single hyphens')
  .max(200)
  .openapi({ param: { name: 'slug', in: 'path' }, example: 'vrijwilligersbeleid-op-maat-gent' });

/** Host in documented examples: a reserved name (RFC 2606), since each deployment serves its own origin. */
export const EXAMPLE_ORIGIN = 'https://api.socius.example';
