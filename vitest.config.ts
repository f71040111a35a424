import { defineConfig } from 'vitest/config';

// One PostgreSQL per test run (embedded, or CTIS_TEST_DATABASE_URL); a fresh database per test file.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/e2e/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['packages/db/src/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: process.env.CTIS_TEST_REPORT ?? 'test-results/vitest.json' }]],
  },
});
