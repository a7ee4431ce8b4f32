// Property-based fuzzing of every public and editorial read in /openapi.json (the writes are in
// fuzz-writes.test.ts, with a database of their own so that what they change cannot sway these answers).
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { answered, fuzzContext, fuzzParameters, operationProperty } from './fuzz-harness.ts';

const ctx = await fuzzContext();
const reads = ctx.operations.filter((op) => op.method === 'GET');

// The statuses met, so a run shows how deep it went (a fuzzer that only ever meets 400s proves little).
afterAll(() => console.log(JSON.stringify(answered)));

describe('every documented read, fuzzed from /openapi.json', () => {
  for (const op of reads) {
    it(`GET ${op.path} never answers 5xx, always as documented`, { timeout: 600_000 }, async () => {
      await fc.assert(operationProperty(ctx, op), fuzzParameters(reads.length));
    });
  }
});
