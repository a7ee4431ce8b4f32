// Property-based fuzzing of every documented write (POST, PATCH, DELETE) in /openapi.json, with and without keys.
// The writes change this file's own D1 only; every test file starts from a fresh one.
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { answered, fuzzContext, fuzzParameters, operationProperty } from './fuzz-harness.ts';

const ctx = await fuzzContext();
const writes = ctx.operations.filter((op) => op.method !== 'GET');

// The statuses met, so a run shows how deep it went (a fuzzer that only ever meets 400s proves little).
afterAll(() => console.log(JSON.stringify(answered)));

describe('every documented write, fuzzed from /openapi.json', () => {
  for (const op of writes) {
    it(`${op.method} ${op.path} never answers 5xx, always as documented`, { timeout: 600_000 }, async () => {
      await fc.assert(operationProperty(ctx, op), fuzzParameters(writes.length));
    });
  }
});
