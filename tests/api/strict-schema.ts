import { z } from '@hono/zod-openapi';

/**
 * A copy of a response schema in which every object, at any depth, refuses keys it does not declare. zod objects
 * strip unknown keys, so parsing with the schema alone would let a handler send undocumented fields unnoticed.
 * Only structure is copied: parse with the original schema too, for its formats and ranges.
 */
export function deepStrict(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, value] of Object.entries(schema.shape)) shape[key] = deepStrict(value as z.ZodType);
    return z.strictObject(shape);
  }
  if (schema instanceof z.ZodArray) return z.array(deepStrict(schema.element as z.ZodType));
  if (schema instanceof z.ZodNullable) return deepStrict(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodOptional) return deepStrict(schema.unwrap() as z.ZodType).optional();
  // Defaults of the editorial input schemas that the editable items extend: the stored item always has the field.
  if (schema instanceof z.ZodDefault) return deepStrict(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodUnion) return z.union((schema.options as z.ZodType[]).map(deepStrict));
  // clone keeps the key type as it is, so a partial record (`facets`) stays partial.
  if (schema instanceof z.ZodRecord)
    return schema.clone({ ...schema._zod.def, valueType: deepStrict(schema._zod.def.valueType as z.ZodType) });
  const leaf = ['string', 'number', 'boolean', 'enum', 'literal', 'null', 'unknown'];
  if (leaf.includes(schema._zod.def.type)) return schema;
  throw new Error(`deepStrict does not handle zod "${schema._zod.def.type}" schemas yet; add it before relying on the check.`);
}

/** Parses with the declared schema and with its strict copy; returns readable issues, empty when both pass. */
export function schemaIssues(schema: z.ZodType, value: unknown): string[] {
  for (const candidate of [schema, deepStrict(schema)]) {
    const result = candidate.safeParse(value);
    if (!result.success) return [z.prettifyError(result.error)];
  }
  return [];
}
