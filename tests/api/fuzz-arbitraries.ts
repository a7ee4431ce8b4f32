// Request generators derived from the OpenAPI document alone: every operation, parameter and body schema the
// document lists is fuzzed, so a new route is covered the day it is documented. Values come from the JSON Schemas
// (enums, formats, bounds, patterns) for valid requests, and from a corpus of hostile input for invalid ones; a
// small checker of the same schemas decides which of the two a generated query value is.
import fc from 'fast-check';
import {
  HTTP_METHODS,
  type OpenApiDocument,
  type OperationDoc,
  type ParameterDoc,
  resolveRef,
  type SchemaDoc,
} from '../openapi-document.ts';

export interface FuzzOperation {
  method: string;
  /** The documented path, with `{param}` placeholders. */
  path: string;
  operation: OperationDoc;
  query: ParameterDoc[];
  pathParams: ParameterDoc[];
  /** The request body's media types and schema, when the operation takes one. */
  body?: { mediaTypes: string[]; schema: SchemaDoc };
  /** Behind an API key. */
  secured: boolean;
}

/** What the response must be: `ok` a 2xx, `reject` a 4xx, `any` whatever is documented (never a 5xx). */
export type Expectation = 'ok' | 'reject' | 'any';

export interface FuzzRequest {
  method: string;
  /** Path and query string exactly as sent. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  expect: Expectation;
  /** Why the expectation is what it is, for the failure message. */
  why: string;
  /** A 404 is an acceptable answer to an `ok` request (a made-up slug, a URL of another site). */
  allow404: boolean;
}

export function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const parameters = (operation.parameters ?? []).flatMap((p) => {
        const parameter = resolveRef<ParameterDoc>(doc, p);
        return parameter ? [parameter] : [];
      });
      const content = operation.requestBody?.content ?? {};
      const mediaTypes = Object.keys(content);
      const schema = mediaTypes[0] ? resolveSchema(doc, content[mediaTypes[0]]?.schema) : undefined;
      return [
        {
          method: method.toUpperCase(),
          path,
          operation,
          query: parameters.filter((p) => p.in === 'query'),
          pathParams: parameters.filter((p) => p.in === 'path'),
          ...(schema ? { body: { mediaTypes, schema } } : {}),
          secured: (operation.security?.length ?? 0) > 0,
        },
      ];
    }),
  );
}

export function resolveSchema(doc: OpenApiDocument, schema: unknown): SchemaDoc {
  let current = schema as SchemaDoc | undefined;
  for (let depth = 0; current && typeof current.$ref === 'string' && depth < 10; depth++) {
    current = resolveRef<SchemaDoc>(doc, current as { $ref: string });
  }
  return current ?? {};
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile input

/** Strings that have broken parsers, SQL, FTS5 queries, paths and encoders before. */
export const HOSTILE_STRINGS = [
  '"',
  '""',
  '"unterminated',
  '*',
  'a*',
  '^a',
  '^',
  'NEAR(',
  'NEAR(a b, 2)',
  'a NEAR b',
  '-',
  '-a',
  '- -',
  'OR',
  'a OR',
  'AND NOT',
  'NOT',
  '(',
  ')',
  '()',
  'title:a',
  ':',
  '{a b}',
  '+',
  "'",
  "' OR '1'='1",
  '1; DROP TABLE events; --',
  '%',
  '%%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '_',
  '\\',
  '/*',
  '--',
  '../../etc/passwd',
  '..',
  '.',
  '%2e%2e%2f%2e%2e%2f',
  '..\\..\\windows',
  '/',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'a\ud83d',
  '\udc00\ud800',
  '\u202e',
  '\u200b',
  '\ufeff',
  'e\u0301',
  '😀',
  '🏳️‍🌈',
  'ﬃ',
  'İ',
  'ß',
  '\u0085',
  '\r\n',
  '\t',
  ' ',
  '   ',
  ',',
  ',,,',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, sent literally
  '${7*7}',
  '{{7*7}}',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '0x10',
  '1.5',
  '０１',
  '[]',
  '{}',
  'true',
  '__proto__',
  'constructor',
] as const;

const hostileChar = fc.oneof(
  fc.constantFrom(...'"*()-^:\'%&=#+/\\.,;<>{}[]|`~ \n\t\u0000\ud800\udc00\u202e\u200b😀é'.split('')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

/** Any string a client could send, biased towards the hostile. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: hostileChar, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE_STRINGS), { minLength: 2, maxLength: 6 }).map((parts) => parts.join(' ')) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('a', 'é', '😀', '"', '%'), fc.integer({ min: 401, max: 5000 })).map(([c, n]) => c.repeat(n)),
  },
);

/** Printable ASCII that a header can carry (fetch refuses control characters and anything beyond Latin-1). */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('*', '"', '""', 'W/"1"', '"1", "2"', '-1', 'null', "' OR '1'='1", '../../etc/passwd', '%00', '<script>', 'a'.repeat(300)),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
);

// ---------------------------------------------------------------------------------------------------------------
// Valid values from a schema

/** Characters valid free text is drawn from: the hostile ones included, since they are valid text. */
const textChar = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...'"*()-^:\'%&=#+/\\., éßİ😀\u0301'.split('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const isoDateTime = fc
  .tuple(
    fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.constantFrom('Z', '+01:00', '+02:00', '-05:00'),
  )
  .map(([d, offset]) => d.toISOString().replace(/\.\d{3}Z$/, offset));

export interface ValueOptions {
  /** Longest string generated where the schema allows longer. */
  maxLength: number;
  /** Levels of nested objects and arrays still to generate. */
  depth: number;
}

/** Values that conform to `schema` (as far as the schema says: the API may refuse more, such as a taken slug). */
export function validValue(doc: OpenApiDocument, raw: unknown, options: ValueOptions = { maxLength: 24, depth: 5 }): fc.Arbitrary<unknown> {
  const schema = resolveSchema(doc, raw);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) return fc.oneof(...alternatives.map((a) => validValue(doc, a, options)));
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue(doc, { ...schema, type }, options)));
  const examples = [schema.example, ...((schema.examples as unknown[] | undefined) ?? [])].filter((e) => e !== undefined);
  const withExamples = (arbitrary: fc.Arbitrary<unknown>) =>
    examples.length > 0 ? fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...examples) }, { weight: 3, arbitrary }) : arbitrary;
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return withExamples(fc.integer({ min: num(schema.minimum, -1e6), max: num(schema.maximum, 1e6) }));
    case 'number':
      return withExamples(
        fc.double({ min: num(schema.minimum, -1e6), max: num(schema.maximum, 1e6), noNaN: true, noDefaultInfinity: true }),
      );
    case 'string':
      return withExamples(validString(schema, options));
    case 'array': {
      if (options.depth <= 0 && num(schema.minItems, 0) === 0) return fc.constant([]);
      const minLength = num(schema.minItems, 0);
      const maxLength = Math.max(minLength, Math.min(num(schema.maxItems, 3), 3));
      return fc.array(validValue(doc, schema.items, { ...options, depth: options.depth - 1 }), { minLength, maxLength });
    }
    case 'object':
    case undefined: {
      const properties = (schema.properties ?? {}) as Record<string, unknown>;
      const required = (schema.required ?? []) as string[];
      if (options.depth <= 0 && required.length === 0) return fc.constant({});
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties))
        record[name] = validValue(doc, property, { ...options, depth: options.depth - 1 });
      if (Object.keys(record).length === 0) return types[0] === 'object' ? fc.constant({}) : fc.anything();
      return fc.record(record, { requiredKeys: required.filter((name) => name in record) });
    }
    default:
      return fc.anything();
  }
}

/** A schema's pattern as JSON Schema reads it (Unicode-aware), or as a plain RegExp where it is not valid with the `u` flag. */
function pattern(source: string): RegExp {
  try {
    return new RegExp(source, 'u');
  } catch {
    return new RegExp(source);
  }
}

const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

function validString(schema: SchemaDoc, options: ValueOptions): fc.Arbitrary<string> {
  const minLength = num(schema.minLength, 0);
  const maxLength = Math.max(minLength, Math.min(num(schema.maxLength, options.maxLength), options.maxLength));
  const fits = (s: string) => s.length >= minLength && s.length <= num(schema.maxLength, Number.POSITIVE_INFINITY);
  switch (schema.format) {
    case 'date':
      return isoDate;
    case 'date-time':
      return isoDateTime;
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'uri':
      return fc.webUrl().filter(fits);
  }
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(pattern(schema.pattern)).filter(fits);
    } catch {
      // A pattern fast-check cannot generate from: the example stands in (validValue adds it) or plain text does.
    }
  }
  return fc.string({ unit: textChar, minLength, maxLength }).filter(fits);
}

// ---------------------------------------------------------------------------------------------------------------
// Does a query value conform to its parameter's schema?

export type Conformance = 'yes' | 'no' | 'unsure';

/**
 * Whether a query value (one string, or several for a repeated parameter) conforms to the parameter's schema, as
 * the schema says it. `unsure` where the schema cannot tell (a number in an odd notation).
 */
export function conforms(doc: OpenApiDocument, raw: unknown, value: string | string[]): Conformance {
  const schema = resolveSchema(doc, raw);
  const alternatives = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives)) {
    const answers = alternatives.map((a) => conforms(doc, a, value));
    return answers.includes('yes') ? 'yes' : answers.includes('unsure') ? 'unsure' : 'no';
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'array') {
    const values = Array.isArray(value) ? value : [value];
    if (values.length > num(schema.maxItems, Number.POSITIVE_INFINITY) || values.length < num(schema.minItems, 0)) return 'no';
    const answers = values.map((v) => conforms(doc, schema.items, v));
    return answers.includes('no') ? 'no' : answers.includes('unsure') ? 'unsure' : 'yes';
  }
  if (Array.isArray(value)) return 'no';
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).includes(value) ? 'yes' : 'no';
  if (type === 'integer' || type === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(value)) return /\d/.test(value) ? 'unsure' : 'no';
    if (type === 'integer' && !/^-?\d+$/.test(value)) return 'no';
    const n = Number(value);
    return n < num(schema.minimum, Number.NEGATIVE_INFINITY) || n > num(schema.maximum, Number.POSITIVE_INFINITY) ? 'no' : 'yes';
  }
  if (type === 'boolean') return value === 'true' || value === 'false' ? 'yes' : 'no';
  if (type !== 'string') return 'unsure';
  if (value.length < num(schema.minLength, 0) || value.length > num(schema.maxLength, Number.POSITIVE_INFINITY)) return 'no';
  if (typeof schema.pattern === 'string' && !pattern(schema.pattern).test(value)) return 'no';
  if (schema.format === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? 'yes' : 'no';
  if (schema.format === 'date-time') {
    if (!/\d/.test(value)) return 'no';
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))
      ? 'yes'
      : 'unsure';
  }
  if (schema.format === 'uri') return URL.canParse(value) ? 'unsure' : 'no';
  if (schema.format === 'email') return value.includes('@') ? 'unsure' : 'no';
  return 'yes';
}

// ---------------------------------------------------------------------------------------------------------------
// Encoding

/** How a value is put into a URL: properly percent-encoded, raw (left to the URL parser), or with lone surrogates as WTF-8. */
export type Encoding = 'component' | 'raw' | 'plus';

/**
 * Percent-encodes like encodeURIComponent, except that a lone surrogate (which encodeURIComponent refuses)
 * becomes the bytes WTF-8 would give it: invalid UTF-8 for the server to cope with.
 */
export function percentEncode(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const isHigh = code >= 0xd800 && code <= 0xdbff;
    const next = value.charCodeAt(i + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(value[i] ?? '');
    }
  }
  return out;
}

export function encodeValue(value: string, encoding: Encoding): string {
  if (encoding === 'raw') return value;
  if (encoding === 'plus') return percentEncode(value).replaceAll('%20', '+');
  return percentEncode(value);
}

/** Whether the server decodes the value to exactly what was generated. */
export const roundTrips = (value: string, encoding: Encoding) => encoding !== 'raw' && !LONE_SURROGATE.test(value);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
