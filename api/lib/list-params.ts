// Query parameters shared by the list endpoints. Schemas stay plain (no transforms) so the OpenAPI document
// shows exactly what a client sends; handlers normalise values with the helpers below.
import { z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../errors.ts';
import { fromBrusselsLocal } from './brussels-time.ts';

/**
 * How many values one multi-value parameter takes, counted after splitting on commas. Each value is bound to
 * the SQL of the filter, and D1 binds at most 100 parameters per statement: with every filter of
 * `GET /v1/events` at this bound at once, a statement stays under that limit.
 */
export const MAX_VALUES = 15;

const MAX_VALUE_LENGTH = 400;
const valueCount = (value: string | string[]) =>
  (Array.isArray(value) ? value : [value]).reduce((sum, v) => sum + v.split(',').filter((part) => part.trim() !== '').length, 0);
const tooMany = `At most ${MAX_VALUES} values, comma-separated or repeated`;
const boundNote = ` Several values: comma-separated or the parameter repeated, at most ${MAX_VALUES} values in all.`;

/**
 * One value, several comma-separated values, or the parameter repeated: `topic=a,b` equals `topic=a&topic=b`.
 * More than {@link MAX_VALUES} values in all is a 400 naming the parameter.
 */
export function multiParam(name: string, description: string, example: string) {
  const text = z.string().min(1).max(MAX_VALUE_LENGTH);
  return z
    .union([text, z.array(text).max(MAX_VALUES, tooMany)])
    .refine((value) => valueCount(value) <= MAX_VALUES, tooMany)
    .optional()
    .openapi({ param: { name, in: 'query', style: 'form', explode: true }, description: `${description}${boundNote}`, example });
}

/**
 * A multi-value parameter whose values come from a fixed list, documented as an enum: one value, several
 * comma-separated, or the parameter repeated. Anything else is a 400 naming the parameter.
 */
export function enumMultiParam<const T extends readonly [string, ...string[]]>(
  name: string,
  values: T,
  description: string,
  example: string,
) {
  const one = `(?:${values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
  const reason = `Each value must be one of ${values.join(', ')}; at most ${MAX_VALUES} values`;
  return z
    .union(
      [
        z.enum(values),
        z
          .string()
          .regex(new RegExp(`^ *${one} *(?:, *${one} *){0,${MAX_VALUES - 1}}$`), reason)
          .openapi({ description: 'One or several values, comma-separated.' }),
        z.array(z.enum(values)).max(MAX_VALUES),
      ],
      { error: reason },
    )
    .optional()
    .openapi({ param: { name, in: 'query', style: 'form', explode: true }, description: `${description}${boundNote}`, example });
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

/**
 * Refuses a query parameter without a name (`?=x`): the router drops it, so a client's mistake would otherwise go
 * unnoticed. Empty pieces (`?a=1&&b=2`, a trailing `&`) are no parameter and pass.
 */
export const namedParameters = createMiddleware(async (c, next) => {
  const search = new URL(c.req.url).search.slice(1);
  if (search.split('&').some((piece) => piece.startsWith('='))) {
    throw ApiError.invalidParam('', 'query', 'A query parameter needs a name before its `=`.');
  }
  await next();
});

/** The query of an operation that takes no query parameters: any parameter is unknown, so a 400 naming it. */
export const noQuery = z.strictObject({});

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
