import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.ts';
import { emulateColorScheme } from './tests/widgets/color-scheme.ts';
import { useBuilder, visitUnderCsp } from './tests/widgets/commands.ts';
import { hostileCommands } from './tests/widgets/hostile-host.ts';
import { partnerCommands } from './tests/widgets/partner-host.ts';

// One `vitest run`, three projects: the API inside workerd against real local D1, the widgets in real Chromium,
// and checks of the published artefacts (such as the OpenAPI document) with Node tools.
//
// Scheduling (vitest 5 runs one group of files after the other, by `sequence.groupOrder`; within a group the Node
// pool and the browser pool run side by side, each with the group's one `maxWorkers`): first the tooling files, two
// at a time, since they mostly wait for the wrangler, workerd and Node processes they start, each on a state folder
// of its own; then the api files in the Node pool beside the widget files in Chromium, at vitest's default maxWorkers
// as before (cores - 1: one file at a time each on 2 cores; widget files share their `wrangler dev` servers and time
// layout shifts, api files share the webhook receiver). Every project names its groupOrder: projects in one group must agree on maxWorkers, on any core count.

/**
 * The tooling files that take about a minute each, started first so that both lanes end together: a clean clone
 * (CI) has no timings for vitest's own longest-first order, and its fallback (largest file first) starts them last.
 */
const SLOWEST_FIRST = ['content-cli', 'keys-cli', 'seed', 'bench'].map((name) => `/tests/tooling/${name}.test.ts`);

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = SLOWEST_FIRST.findIndex((end) => spec.moduleId.endsWith(end));
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    const group = (spec: TestSpecification) => spec.project.config.sequence.groupOrder;
    // Stable: every other file keeps vitest's order, and no file leaves its group.
    return (await super.sort(files)).sort((a, b) => group(a) - group(b) || rank(a) - rank(b));
  }
}

export default defineConfig(async () => ({
  test: {
    sequence: { sequencer: SlowestFirst },
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
          sequence: { groupOrder: 1 },
          setupFiles: ['tests/api/setup.ts'],
          globalSetup: ['tests/api/webhook-receiver.ts'],
        },
      },
      {
        test: {
          name: 'widgets',
          include: ['tests/widgets/**/*.test.ts'],
          sequence: { groupOrder: 1 },
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
          sequence: { groupOrder: 0 },
          maxWorkers: 2,
        },
      },
    ],
  },
}));
