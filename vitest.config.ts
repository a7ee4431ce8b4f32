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
            wrangler: { configPath: './wrangler.toml' },
            // Version read on every request: tests write straight to D1 and expect the next request to see it
            // (tests/api/caching.test.ts checks the production bound of one second).
            miniflare: {
              bindings: { TEST_MIGRATIONS: await readD1Migrations('schema/migrations'), CONTENT_VERSION_MAX_AGE_MS: '0' },
            },
          }),
        ],
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          setupFiles: ['tests/api/setup.ts'],
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
