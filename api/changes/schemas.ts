import { z } from '@hono/zod-openapi';
import { CHANGE_RESOURCES, CHANGES_RETENTION_DAYS } from '../../schema/changes.ts';
import { AboutSchema } from '../about/schemas.ts';
import { AnalysisSchema } from '../analyses/schemas.ts';
import { EventSchema } from '../events/schemas.ts';
import { langParam } from '../lib/language.ts';
import { limitParam } from '../lib/pagination.ts';
import { dateTime } from '../lib/schemas.ts';
import { ServiceSchema } from '../services/schemas.ts';
import { TopicSchema } from '../topics/schemas.ts';

export const ChangesQuerySchema = z.strictObject({
  lang: langParam,
  since: z
    .string()
    .min(1)
    .max(512)
    .optional()
    .openapi({
      param: { name: 'since', in: 'query' },
      description:
        "Opaque position from a previous answer's `next`: the changes after it. Without it, every change from the first " +
        `one on, while none was pruned yet (changes are kept ${CHANGES_RETENTION_DAYS} days); after that, start from the full lists ` +
        'and the `next` of the `410` problem.',
    }),
  limit: limitParam,
});

const changeFields = {
  id: z.string().openapi({ description: 'The item id: stable across renames, the key a mirror stores the item by.' }),
  slug: z.string().openapi({ description: 'The slug the public sees now, or, in a tombstone, the last one it saw.' }),
  at: dateTime.openapi({ description: 'When the item last changed.' }),
};

const itemChange = <R extends string, S extends z.ZodType>(resource: R, item: S, name: string) =>
  z
    .object({
      kind: z.literal('item'),
      resource: z.literal(resource),
      ...changeFields,
      item,
    })
    .openapi(name, {
      description: `An item that is public now: \`item\` is exactly what \`GET /v1/${resource === 'about' ? 'about' : `${resource}/{slug}`}\` shows in \`lang\`.`,
    });

export const ChangeTombstoneSchema = z
  .object({
    kind: z.literal('tombstone'),
    resource: z.enum(CHANGE_RESOURCES),
    ...changeFields,
  })
  .openapi('ChangeTombstone', {
    description: 'The item is no longer public (unpublished, archived, deleted): a mirror removes it.',
  });

export const ChangeSchema = z
  .union([
    itemChange('topics', TopicSchema, 'TopicChange'),
    itemChange('services', ServiceSchema, 'ServiceChange'),
    itemChange('analyses', AnalysisSchema, 'AnalysisChange'),
    itemChange('events', EventSchema, 'EventChange'),
    itemChange('about', AboutSchema, 'AboutChange'),
    ChangeTombstoneSchema,
  ])
  .openapi('Change', {
    description:
      'An item as the public API shows it now (a mirror stores or replaces it by `resource` and `id`), or a tombstone (a mirror removes it).',
  });
export type ChangeEntry = z.infer<typeof ChangeSchema>;

export const ChangeFeedSchema = z
  .object({
    data: z.array(ChangeSchema).openapi({
      description:
        'Each changed item once, at its latest change, oldest first. An item that changed again since appears again in a later answer.',
    }),
    next: z.string().openapi({ description: 'Pass as `since` in the next request (now or when polling later); never null.' }),
    hasMore: z.boolean().openapi({ description: 'More changes are waiting already: ask again with `next` at once.' }),
  })
  .openapi('ChangeFeed');
