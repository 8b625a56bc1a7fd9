import { defineConfig } from 'vitest/config';

// One suite, two databases. Every test file runs in the `server` project, where
// `createTestDatabase()` uses DATABASE_URL (or Docker, or PGlite when neither is there).
// Files named `*.db.test.ts` touch PostgreSQL and run a second time in the `pglite`
// project against embedded PostgreSQL, so two PostgreSQL majors are covered.
const source = ['@justscale/source', 'node', 'default'];

const shared = {
  resolve: { conditions: source },
  ssr: { resolve: { conditions: source, externalConditions: source } },
};

export default defineConfig({
  ...shared,
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        ...shared,
        extends: true,
        test: {
          name: 'server',
          include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
          env: { JUSTSCALE_TEST_TARGET: 'auto' },
        },
      },
      {
        ...shared,
        extends: true,
        test: {
          name: 'pglite',
          include: ['packages/*/test/**/*.db.test.ts', 'apps/*/test/**/*.db.test.ts'],
          env: { JUSTSCALE_TEST_TARGET: 'pglite' },
        },
      },
    ],
  },
});
