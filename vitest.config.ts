import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['platform/**/*.test.ts', 'modules/**/*.test.ts', 'apps/server/**/*.test.ts', 'apps/web/test/**/*.test.ts', 'tools/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    // Each file starts real databases and processes: give them time, not retries.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
