import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure modules, fixtures, CLIs run as processes) and `e2e` (the built site in
 * Debian's Chromium). The e2e project builds the site once (globalSetup) and runs its files one at a
 * time: this machine has two cores and each file drives a browser.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 300_000,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/cli/**/*.test.ts'] } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
