import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.ts';
import { emulateColorScheme } from './tests/widgets/color-scheme.ts';
import { useBuilder, visitUnderCsp } from './tests/widgets/commands.ts';
import { hostileCommands } from './tests/widgets/hostile-host.ts';
import { partnerCommands } from './tests/widgets/partner-host.ts';

// One `vitest run`, three projects: the API inside workerd against real local D1, the widgets in real Chromium,
// and checks of the published artefacts (such as the OpenAPI document) with Node tools.
export default defineConfig(async () => ({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            // [env.test]: the rate limits far above what the tests send from their one "client" (no CF-Connecting-IP).
            wrangler: { configPath: './wrangler.toml', environment: 'test' },
            // Version read on every request: tests write straight to D1 and expect the next request to see it
            // (tests/api/caching.test.ts checks the production bound of one second).
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations('schema/migrations'),
                CONTENT_VERSION_MAX_AGE_MS: '0',
                // Webhooks may point at the loopback receiver (tests/api/webhook-receiver.ts) and retry after 1 s, 2 s…
                WEBHOOKS_ALLOW_LOCAL_URLS: 'true',
                WEBHOOKS_RETRY_BASE_SECONDS: '1',
                // tests/api/fuzz*.test.ts: how many requests, and the seed and path that replay a failure.
                FUZZ_RUNS: process.env.FUZZ_RUNS ?? '',
                FUZZ_SEED: process.env.FUZZ_SEED ?? '',
                FUZZ_PATH: process.env.FUZZ_PATH ?? '',
              },
              queueConsumers: { 'socius-webhooks': { maxBatchTimeout: 0.05 } },
              // Low limits of their own for tests/api/rate-limits.test.ts, which hands them to the Worker in place
              // of READ_LIMITER and WRITE_LIMITER (real Miniflare limiters, like production's bindings).
              ratelimits: {
                TEST_READ_LIMITER: { namespace_id: '9001', simple: { limit: 5, period: 60 } },
                TEST_WRITE_LIMITER: { namespace_id: '9002', simple: { limit: 3, period: 60 } },
              },
            },
          }),
        ],
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          setupFiles: ['tests/api/setup.ts'],
          globalSetup: ['tests/api/webhook-receiver.ts'],
        },
      },
      {
        test: {
          name: 'widgets',
          include: ['tests/widgets/**/*.test.ts'],
          globalSetup: ['tests/widgets/global-setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' as const }],
            commands: { useBuilder, emulateColorScheme, visitUnderCsp, ...partnerCommands, ...hostileCommands },
          },
        },
      },
      {
        test: {
          name: 'tooling',
          environment: 'node',
          include: ['tests/tooling/**/*.test.ts'],
        },
      },
    ],
  },
}));
