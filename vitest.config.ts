import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // vitest's default on 2 cores is one worker; the integration files wait on databases and
    // child processes often enough that two keep both cores busy
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'test/*.test.ts', 'web/src/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // one migrated, seeded database per run, copied for each test context (test/helpers/db.ts)
          globalSetup: ['test/helpers/db-template.ts'],
        },
      },
    ],
  },
});
