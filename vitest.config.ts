import { defineConfig } from 'vitest/config';
import type { Reporter, TestModule, Vite } from 'vitest/node';

// One suite, two databases. Every test file runs in the `server` project, where
// `createTestDatabase()` uses DATABASE_URL (or Docker, or PGlite when neither is there).
// Files named `*.db.test.ts` touch PostgreSQL and run a second time in the `pglite`
// project against embedded PostgreSQL, so two PostgreSQL majors are covered.
const source = ['@justscale/source', 'node', 'default'];

const shared = {
  resolve: { conditions: source },
  ssr: { resolve: { conditions: source, externalConditions: source } },
};

// A missing snapshot fails everywhere, as vitest does only under CI: a new golden is written by
// `vitest run -u` on purpose, never silently by a run that was meant to check.
const noNewSnapshots: Vite.Plugin = {
  name: 'justscale:no-new-snapshots',
  configureVitest({ vitest }) {
    if (vitest.config.snapshotOptions.updateSnapshot === 'new') {
      vitest.config.snapshotOptions.updateSnapshot = 'none';
      vitest.snapshot.options.updateSnapshot = 'none';
    }
  },
};

// vitest's worker waits 60 s for the main process to acknowledge each batch of test results
// ("onTaskUpdate"), a limit no option changes (vitest-dev/vitest#11082). On this loaded 2-core machine
// the acknowledgement was sometimes late: every test passed and the run still failed, on an
// unhandled error of vitest's own. Only that error is let through, and only when every test of
// every file has a final result (none left pending, so no result was lost with it); any other
// unhandled error fails the run as before.
const WORKER_RPC_TIMEOUT = /^\[vitest-worker\]: Timeout calling "onTaskUpdate"$/;
const unfinished = (modules: readonly TestModule[]): string[] =>
  modules.flatMap((m) =>
    [...m.children.allTests()]
      .filter((t) => t.result().state === 'pending' && t.options.mode === 'run')
      .map((t) => `${m.moduleId} > ${t.fullName}`),
  );
const lateAcknowledgements: Reporter = {
  onTestRunEnd(modules, errors) {
    const late = errors.filter((e) => WORKER_RPC_TIMEOUT.test(String(e.message)));
    const lost = unfinished(modules);
    if (errors.length > late.length || (late.length > 0 && lost.length > 0)) process.exitCode = 1;
    if (late.length > 0) {
      process.stderr.write(
        lost.length === 0
          ? `note: ${late.length} late acknowledgement(s) of test results by vitest's main process (see vitest.config.ts); every test has its result\n`
          : `error: vitest's worker gave up on an acknowledgement and these tests have no result:\n  ${lost.join('\n  ')}\n`,
      );
    }
  },
};

// Under CI a database test that falls back to PGlite in the `server` project has not run on a
// server: there the `server` project requires one (DATABASE_URL).
const ci = ['', '0', 'false'].includes((process.env.CI ?? '').trim().toLowerCase()) === false;

export default defineConfig({
  ...shared,
  plugins: [noNewSnapshots],
  test: {
    reporters: ['default', lateAcknowledgements],
    // Checked by `lateAcknowledgements`, which fails the run on any other unhandled error.
    dangerouslyIgnoreUnhandledErrors: true,
    // Bounds for a failure, not timings: on a loaded 2-core machine starting PGlite alone took 90 s.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Two test files at a time on this 2-core machine: most wait on a server or a spawned process.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        ...shared,
        extends: true,
        test: {
          name: 'server',
          include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
          env: { JUSTSCALE_TEST_TARGET: ci ? 'server' : 'auto' },
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
