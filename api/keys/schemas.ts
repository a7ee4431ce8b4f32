import { z } from '@hono/zod-openapi';
import { SCOPES } from '../../schema/editorial.ts';

const INSTANT = z.iso.datetime({ offset: true });

export const KeyInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).openapi({ description: 'Who or what uses the key.', example: 'Editor Anna' }),
    scopes: z
      .array(z.enum(SCOPES))
      .min(1)
      .max(SCOPES.length)
      .refine((scopes) => new Set(scopes).size === scopes.length, 'Each scope at most once')
      .openapi({ example: ['content:write'] }),
    organiser: z.string().trim().min(1).max(200).optional().openapi({
      description: 'Required with `events:submit`: the organiser (events `organiser.name`) this key may submit events for.',
      example: 'Vormingplus Gent-Eeklo',
    }),
    expiresAt: INSTANT.optional().openapi({
      description: 'When the key stops working; never when absent.',
      example: '2027-06-30T23:59:59+02:00',
    }),
  })
  .superRefine((input, ctx) => {
    if (input.scopes.includes('events:submit') && !input.organiser) {
      ctx.addIssue({ code: 'custom', path: ['organiser'], message: 'Required for an events:submit key' });
    }
    if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'Must be in the future' });
    }
  })
  .openapi('KeyInput');
export type KeyInput = z.infer<typeof KeyInputSchema>;

export const KeySchema = z
  .object({
    id: z.string().openapi({ description: 'Public id of the key (also part of the key itself).', example: '9f2c4e1a7b3d5f60' }),
    name: z.string().openapi({ example: 'Editor Anna' }),
    scopes: z.array(z.enum(SCOPES)).openapi({ example: ['content:write'] }),
    organiser: z.string().nullable().openapi({ example: null }),
    createdAt: z.string().openapi({ example: '2026-12-01T10:00:00+01:00' }),
    expiresAt: z.string().nullable().openapi({ example: null }),
    lastUsedAt: z.string().nullable().openapi({ example: '2026-12-01T11:30:00+01:00' }),
    revokedAt: z.string().nullable().openapi({ example: null }),
  })
  .openapi('Key');
export type KeyBody = z.infer<typeof KeySchema>;

export const KeyListSchema = z.object({ data: z.array(KeySchema) }).openapi('KeyList');
export const CreatedKeySchema = z
  .object({
    data: KeySchema.extend({
      key: z.string().openapi({
        description: 'The key itself. Shown this once and never again (only its hash is stored): keep it now.',
        example: 'socius_9f2c4e1a7b3d5f60_Xq3v0m2ZPpB7cN1rT8yL4kW6sD9fH0jA5gE2uI7oQ1s',
      }),
    }),
  })
  .openapi('CreatedKey');

export const KeyIdParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'A key id is 16 hexadecimal digits')
    .openapi({ param: { name: 'id', in: 'path' }, example: '9f2c4e1a7b3d5f60' }),
});
