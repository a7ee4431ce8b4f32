// The rate limits are configuration (wrangler.toml); these checks keep that configuration in step with the code
// that reads it. `ratelimits` is not inherited by `[env.*]` sections, and a Worker without the bindings is not
// limited (the switch for local harnesses, api/lib/rate-limit.ts), so an environment that forgot them would be
// deployed without limits.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experimental_readRawConfig, unstable_readConfig } from 'wrangler';
import { RATE_LIMIT_BINDINGS, RATE_LIMIT_PERIOD_SECONDS } from '../../api/lib/rate-limit.ts';

const CONFIG = join(import.meta.dirname, '..', '..', 'wrangler.toml');
const { rawConfig } = experimental_readRawConfig({ config: CONFIG });
const environments = [undefined, ...Object.keys(rawConfig.env ?? {})];

interface Limiter {
  name: string;
  namespace_id: string;
  simple: { limit: number; period: number };
}
/** The `[[ratelimits]]` of one environment, after wrangler's own validation and (non-)inheritance. */
const limitersOf = (env?: string) => unstable_readConfig({ config: CONFIG, env }, { hideWarnings: true }).ratelimits as Limiter[];

describe('wrangler.toml', () => {
  it.each(environments.map((env) => ({ env, name: env ?? '(top level)' })))(
    '$name declares both limiters, each per 60 seconds',
    ({ env }) => {
      const limiters = new Map(limitersOf(env).map((limiter) => [limiter.name, limiter]));
      for (const name of RATE_LIMIT_BINDINGS) {
        const limiter = limiters.get(name);
        expect(limiter, `${name} in ${env ?? 'the top level'}`).toBeDefined();
        // Retry-After is RATE_LIMIT_PERIOD_SECONDS: a shorter period would tell clients to wait longer than needed,
        // a longer one to come back too early.
        expect(limiter?.simple.period).toBe(RATE_LIMIT_PERIOD_SECONDS);
        expect(limiter?.simple.limit).toBeGreaterThan(0);
      }
    },
  );

  it('gives reads and writes separate namespaces, so one never counts against the other', () => {
    const namespaces = limitersOf().map((limiter) => limiter.namespace_id);
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });
});
