// Query parameters as /openapi.json documents them are what the Worker enforces: every multi-value parameter of
// every operation is read from the document, so a new one is held to the same rules without touching this file.
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type OpenApiDocument, type OperationDoc, type ParameterDoc, resolveRef, type SchemaDoc } from '../openapi-document.ts';
import { get, ORIGIN, type ProblemBody } from './helpers.ts';

const doc = (await get<OpenApiDocument>('/openapi.json')).body;

interface Operation {
  path: string;
  operation: OperationDoc;
  query: ParameterDoc[];
}

// Public reads: an operation behind a key answers 401 first (tests/api/editorial-auth.test.ts).
const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
  item.get && !path.includes('{') && !item.get.security?.length
    ? [
        {
          path,
          operation: item.get,
          query: (item.get.parameters ?? []).flatMap((p) => {
            const parameter = resolveRef<ParameterDoc>(doc, p);
            return parameter?.in === 'query' ? [parameter] : [];
          }),
        },
      ]
    : [],
);

/** The array form of a parameter's schema: present exactly when the parameter takes several values. */
function arrayForm(parameter: ParameterDoc): SchemaDoc | undefined {
  const variants = (parameter.schema?.anyOf ?? parameter.schema?.oneOf ?? []) as SchemaDoc[];
  return variants.find((variant) => variant.type === 'array');
}

interface MultiValue {
  name: string;
  max: number;
  allowed: string[] | undefined;
}

function multiValueParameters(query: ParameterDoc[]): MultiValue[] {
  return query.flatMap((parameter) => {
    const array = arrayForm(parameter);
    if (!array) return [];
    const items = array.items as SchemaDoc | undefined;
    return [{ name: parameter.name, max: Number(array.maxItems), allowed: items?.enum as string[] | undefined }];
  });
}

/** The operation's required parameters at their documented examples (search needs `q`). */
function required(query: ParameterDoc[]): URLSearchParams {
  const params = new URLSearchParams();
  for (const parameter of query) {
    if (parameter.required) params.set(parameter.name, String(parameter.example ?? parameter.schema?.example));
  }
  return params;
}

/** `count` different values the parameter accepts: its own values in turn when it has a fixed list. */
function values(parameter: MultiValue, count: number): string[] {
  return Array.from({ length: count }, (_, i) => parameter.allowed?.[i % parameter.allowed.length] ?? `value-${i}`);
}

async function fetchQuery(path: string, params: URLSearchParams) {
  const url = `${path}?${params}`;
  const response = await SELF.fetch(`${ORIGIN}${url}`);
  const text = await response.text();
  return { url, status: response.status, text };
}

function problemNames(text: string): string[] {
  return ((JSON.parse(text) as ProblemBody).invalidParams ?? []).map((p) => p.name);
}

const withMultiValues = operations.filter(({ query }) => multiValueParameters(query).length > 0);

describe('multi-value parameters', () => {
  it('are found in /openapi.json on every list, feed and calendar that filters', () => {
    const names = withMultiValues.map(({ path, query }) => `${path} ${multiValueParameters(query).map((p) => p.name)}`);
    expect(names.join('\n')).toContain('/v1/events topic,city,postalCode,attendanceMode,status,organiser,service');
    expect(withMultiValues.map(({ path }) => path)).toEqual(
      expect.arrayContaining(['/v1/events', '/v1/calendar.ics', '/v1/analyses', '/v1/search', '/v1/feeds/analyses.atom']),
    );
  });

  it('each document how many values they take', () => {
    for (const { path, query } of withMultiValues) {
      for (const parameter of multiValueParameters(query)) {
        expect(parameter.max, `${path} ${parameter.name}`).toBeGreaterThan(0);
        const documented = query.find((p) => p.name === parameter.name);
        expect(documented?.description, `${path} ${parameter.name}`).toContain(`at most ${parameter.max} values`);
      }
    }
  });

  describe.each(withMultiValues)('$path', ({ path, query }) => {
    const multi = multiValueParameters(query);

    it.each(multi)(
      'takes `$name` at its bound, comma-separated or repeated, and answers one more with a 400 naming it',
      async (parameter) => {
        const failures: string[] = [];
        const atBound = values(parameter, parameter.max);
        const past = values(parameter, parameter.max + 1);
        const cases: [string, URLSearchParams, number][] = [];
        const comma = required(query);
        comma.set(parameter.name, atBound.join(','));
        cases.push(['at the bound, comma-separated', comma, 200]);
        const repeated = required(query);
        for (const value of atBound) repeated.append(parameter.name, value);
        cases.push(['at the bound, repeated', repeated, 200]);
        const overComma = required(query);
        overComma.set(parameter.name, past.join(','));
        cases.push(['one past, comma-separated', overComma, 400]);
        const overRepeated = required(query);
        for (const value of past) overRepeated.append(parameter.name, value);
        cases.push(['one past, repeated', overRepeated, 400]);
        // The reported defect: many short values in one parameter, far past D1's 100 bound variables per query.
        const many = required(query);
        many.set(parameter.name, values(parameter, 110).join(','));
        cases.push(['110 values', many, 400]);

        for (const [label, params, status] of cases) {
          const response = await fetchQuery(path, params);
          if (response.status !== status)
            failures.push(`${label}: ${response.url} answered ${response.status} ${response.text.slice(0, 200)}`);
          else if (status === 400 && !problemNames(response.text).includes(parameter.name)) {
            failures.push(`${label}: ${response.url} did not name ${parameter.name}: ${response.text.slice(0, 200)}`);
          }
        }
        expect(failures).toEqual([]);
      },
    );

    it('takes every multi-value parameter at its bound in one request', async () => {
      const params = required(query);
      for (const parameter of multi) params.set(parameter.name, values(parameter, parameter.max).join(','));
      const response = await fetchQuery(path, params);
      expect(response.status, `${response.url}: ${response.text.slice(0, 300)}`).toBe(200);
    });

    it.each(multi)('enforces exactly the values `$name` documents', async (parameter) => {
      const params = required(query);
      params.set(parameter.name, 'not-a-documented-value');
      const response = await fetchQuery(path, params);
      if (parameter.allowed) {
        // A fixed list is documented as one, and a value outside it is refused by name.
        expect(response.status, response.url).toBe(400);
        expect(problemNames(response.text)).toContain(parameter.name);
        const documentedOne = required(query);
        documentedOne.set(parameter.name, parameter.allowed.join(','));
        expect((await fetchQuery(path, documentedOne)).status).toBe(200);
      } else {
        // A parameter documented as free text must not be a fixed list in disguise.
        expect(response.status, `${response.url}: ${response.text.slice(0, 300)}`).toBe(200);
      }
    });
  });
});

describe('fixed lists', () => {
  it.each([
    ['/v1/events', 'attendanceMode'],
    ['/v1/events', 'status'],
    ['/v1/events', 'facets'],
    ['/v1/calendar.ics', 'status'],
    ['/v1/search', 'kind'],
    ['/v1/services', 'format'],
  ])('%s documents `%s` as an enum', (path, name) => {
    const operation = operations.find((o) => o.path === path);
    const parameter = multiValueParameters(operation?.query ?? []).find((p) => p.name === name);
    expect(parameter?.allowed?.length).toBeGreaterThan(1);
  });
});

describe('parameter names and numbers', () => {
  it.each(operations.map(({ path, query }) => ({ path, query })))(
    '$path answers a parameter without a name with a 400 naming it',
    async ({ path, query }) => {
      for (const raw of ['=x', '=']) {
        const params = required(query).toString();
        const url = `${ORIGIN}${path}?${params ? `${params}&` : ''}${raw}`;
        const response = await SELF.fetch(url);
        const text = await response.text();
        expect(response.status, `${url}: ${text.slice(0, 200)}`).toBe(400);
        expect(problemNames(text), url).toEqual(['']);
      }
    },
  );

  it('ignores empty pieces between parameters, which are no parameter at all', async () => {
    expect((await get('/v1/events?limit=2&&lang=en&')).status).toBe(200);
  });

  const withLimit = operations.filter(({ query }) => query.some((p) => p.name === 'limit'));

  it.each(withLimit.map(({ path, query }) => ({ path, query })))(
    '$path takes `limit` only as plain decimal digits',
    async ({ path, query }) => {
      const failures: string[] = [];
      for (const limit of ['0x10', '0b1', '0o7', '1e1', '+16', '-0', ' 16', '16 ', '16.0', '1_6', 'Infinity', '']) {
        const params = required(query);
        params.set('limit', limit);
        const response = await fetchQuery(path, params);
        if (response.status !== 400 || !problemNames(response.text).includes('limit')) {
          failures.push(`${response.url}: ${response.status} ${response.text.slice(0, 120)}`);
        }
      }
      const plain = required(query);
      plain.set('limit', '16');
      expect((await fetchQuery(path, plain)).status).toBe(200);
      plain.set('limit', '016');
      expect((await fetchQuery(path, plain)).status).toBe(200);
      expect(failures).toEqual([]);
    },
  );
});
