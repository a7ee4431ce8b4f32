// The parts of an OpenAPI 3.1 document the tests read, typed loosely on purpose: the tests check the document,
// so they must not assume it is well-formed.
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Ref {
  $ref: string;
}
export interface SchemaDoc {
  example?: unknown;
  examples?: unknown[];
  [key: string]: unknown;
}
export interface MediaTypeDoc {
  schema?: Ref | SchemaDoc;
  example?: unknown;
  examples?: Record<string, unknown>;
}
export interface HeaderDoc {
  required?: boolean;
  description?: string;
  schema?: SchemaDoc;
}
export interface ResponseDoc {
  description?: string;
  headers?: Record<string, HeaderDoc | Ref>;
  content?: Record<string, MediaTypeDoc>;
}
export interface ParameterDoc {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: SchemaDoc;
}
export interface OperationDoc {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: (ParameterDoc | Ref)[];
  responses?: Record<string, ResponseDoc | Ref>;
  /** Present (and non-empty) on operations behind an API key. */
  security?: Record<string, string[]>[];
  requestBody?: { required?: boolean; content?: Record<string, MediaTypeDoc> };
}
export interface OpenApiDocument {
  openapi: string;
  tags?: { name: string; description?: string }[];
  paths: Record<string, Partial<Record<(typeof HTTP_METHODS)[number], OperationDoc>>>;
  components?: Record<string, Record<string, unknown>>;
}

/** Follows a local `#/components/<section>/<name>` reference; anything else is returned as it is. */
export function resolveRef<T>(doc: OpenApiDocument, value: T | Ref | undefined): T | undefined {
  if (!value || typeof value !== 'object' || !('$ref' in value)) return value;
  const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(value.$ref) ?? [];
  return section && name ? (doc.components?.[section]?.[name] as T | undefined) : undefined;
}
