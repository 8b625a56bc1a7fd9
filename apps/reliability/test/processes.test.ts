import { existsSync } from 'node:fs';
import { createTestDatabase } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { runConcurrency } from '../src/concurrency.js';
import { runCrash } from '../src/crash.js';
import { runEmbeddedCrash } from '../src/crash-embedded.js';
import { CLI_BIN } from '../src/processes.js';

// These spawn the built CLI against a PostgreSQL server: they need DATABASE_URL and `pnpm build`.
describe.skipIf(!process.env.DATABASE_URL || !existsSync(CLI_BIN))(
  'the built CLI as separate processes',
  () => {
    it('SIGKILLed mid-batch 3 times: tracking matches the schema, the next migrate completes', async () => {
      const db = await createTestDatabase();
      try {
        const report = await runCrash(db.driver, db.url!, { kills: 3, count: 30 });
        expect(report.inconsistencies).toEqual([]);
        expect(report.failedResumes).toEqual([]);
        expect(report.appliedAtKill.length).toBe(3);
      } finally {
        await db.close();
      }
    });

    it('4 concurrent migrate processes apply every migration exactly once and all exit 0', async () => {
      const db = await createTestDatabase();
      try {
        const report = await runConcurrency(db.driver, db.url!, { processes: 4, count: 30 });
        expect(report.exitCodes).toEqual([0, 0, 0, 0]);
        expect(report.trackingRows).toBe(30);
        expect(report.distinctNames).toBe(30);
        expect(report.consistent).toBe(true);
      } finally {
        await db.close();
      }
    });

    it('4 concurrent `migrate --no-wait`: one applies the batch, the others exit 5 (lock held)', async () => {
      const db = await createTestDatabase();
      try {
        const report = await runConcurrency(db.driver, db.url!, { processes: 4, count: 30, noWait: true });
        expect(report.exitCodes.filter((c) => c === 0).length).toBeGreaterThanOrEqual(1);
        expect(report.exitCodes.every((c) => c === 0 || c === 5)).toBe(true);
        expect(report.trackingRows).toBe(30);
        expect(report.distinctNames).toBe(30);
        expect(report.consistent).toBe(true);
        report.exitCodes.forEach((code, i) => {
          if (code === 5) expect(report.stderr[i]).toMatch(/MIGRATION_LOCKED/);
        });
      } finally {
        await db.close();
      }
    });
  },
);

// The embedded default needs no server: PGlite in each project's .justscale/pglite.
describe.skipIf(!existsSync(CLI_BIN))('the built CLI on the embedded default', () => {
  it('SIGKILLed while PGlite writes, twice: the folder opens, tracking matches, the rerun converges', {
    timeout: 900_000,
  }, async () => {
    const report = await runEmbeddedCrash({ kills: 2, count: 6 });
    expect(report.inconsistencies).toEqual([]);
    expect(report.staleLocks).toEqual([]);
    expect(report.failedResumes).toEqual([]);
    expect(report.committedAtKill.every((n) => n >= 1)).toBe(true);
  });
});
