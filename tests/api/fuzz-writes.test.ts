// Property-based fuzzing of every documented write (POST, PATCH, DELETE) in /openapi.json, with and without keys.
// The writes change this file's own D1 only; every test file starts from a fresh one.
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { answered, fuzzContext, fuzzParameters, operationProperty } from './fuzz-harness.ts';

const ctx = await fuzzContext();
// Deletes last: run first, they would leave the other writes mostly items that are gone.
const ORDER = ['POST', 'PUT', 'PATCH', 'DELETE'];
const writes = ctx.operations.filter((op) => op.method !== 'GET').sort((a, b) => ORDER.indexOf(a.method) - ORDER.indexOf(b.method));

// The statuses met, so a run shows how deep it went (a fuzzer that only ever meets 400s proves little).
afterAll(() => console.log(JSON.stringify(answered)));

describe('every documented write, fuzzed from /openapi.json', () => {
  for (const op of writes) {
    it(`${op.method} ${op.path} never answers 5xx, always as documented`, { timeout: 600_000 }, async () => {
      await fc.assert(operationProperty(ctx, op), fuzzParameters(writes.length));
    });
  }
});
