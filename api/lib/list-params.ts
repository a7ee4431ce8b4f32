// Query parameters shared by the list endpoints. Schemas stay plain (no transforms) so the OpenAPI document
// shows exactly what a client sends; handlers normalise values with the helpers below.
import { z } from '@hono/zod-openapi';
import { ApiError } from '../errors.ts';
import { fromBrusselsLocal } from './brussels-time.ts';

/** One value, several comma-separated values, or the parameter repeated: `topic=a,b` equals `topic=a&topic=b`. */
export function multiParam(name: string, description: string, example: string) {
  return z
    .union([z.string().min(1).max(400), z.array(z.string().min(1).max(400)).max(20)])
    .optional()
    .openapi({ param: { name, in: 'query', style: 'form', explode: true }, description, example });
}

export function listValues(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return [
    ...new Set(
      (Array.isArray(value) ? value : [value])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/** Values of a multi-value parameter that must each be one of `allowed`. */
export function enumValues<T extends string>(name: string, value: string | string[] | undefined, allowed: readonly T[]): T[] {
  const values = listValues(value);
  const wrong = values.find((v) => !(allowed as readonly string[]).includes(v));
  if (wrong !== undefined) throw ApiError.invalidParam(name, 'query', `"${wrong}" is not one of ${allowed.join(', ')}`);
  return values as T[];
}

export const booleanParam = (name: string, description: string) =>
  z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name, in: 'query' }, description, example: 'true' });

export const dateOrDateTimeParam = (name: string, description: string, example: string) =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .optional()
    .openapi({ param: { name, in: 'query' }, description, example });

/**
 * A date (`2026-12-01`, a day in Brussels) or a date-time. With `endOfDay`, a bare date means the end of that
 * day, so `to=2026-12-01` includes events on the first of December.
 */
export function parseDateParam(value: string | undefined, endOfDay = false): Date | undefined {
  if (value === undefined) return undefined;
  if (value.includes('T')) return new Date(value);
  const [year = 1970, month = 1, day = 1] = value.split('-').map(Number);
  return endOfDay
    ? new Date(fromBrusselsLocal({ year, month, day: day + 1 }, 0, 0).getTime() - 1)
    : fromBrusselsLocal({ year, month, day }, 0, 0);
}

export function sortParam<const S extends readonly [string, ...string[]]>(values: S, description: string) {
  return z
    .enum(values)
    .default(values[0])
    .openapi({ param: { name: 'sort', in: 'query' }, description, example: values[0] });
}
