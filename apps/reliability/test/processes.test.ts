import { existsSync } from 'node:fs';
import type { Driver } from '@justscale/driver';
import { introspect } from '@justscale/introspect';
import { snapshotsEqual } from '@justscale/schema';
import { createTestDatabase, requirePrerequisites } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { lockWaiters, until, withBarrier } from '../src/barrier.js';
import { runEmbeddedCrash } from '../src/crash-embedded.js';
import { CLI_BIN, consistency, spawnMigrate, writeBatch } from '../src/processes.js';

// These spawn the built CLI against a PostgreSQL server: they need DATABASE_URL and `pnpm build`.
const ready = requirePrerequisites(it, {
  'DATABASE_URL (a PostgreSQL server)': Boolean(process.env.DATABASE_URL),
  [`the built CLI, ${CLI_BIN} (run pnpm build)`]: existsSync(CLI_BIN),
});

describe.skipIf(!ready)('the built CLI as separate processes', () => {
  // Each process is stopped at a known migration by a barrier the test holds (an advisory lock that
  // migration waits on inside its transaction), found waiting there in pg_locks, then SIGKILLed.
  it.for([1, 2, 12])(
    'SIGKILLed inside migration %i of 20: the migrations before it are recorded, the schema is theirs, the next migrate completes',
    async (at) => {
      const db = await createTestDatabase();
      const batch = await writeBatch(20, 0, { barrierAt: at });
      try {
        // The schema the first at - 1 migrations give (on a recreated public schema, as after each reset).
        await reset(db.driver);
        if (at > 1) await db.driver.exec(batch.ups.slice(0, at - 1).join(''));
        const before = await introspect(db.driver);
        await reset(db.driver);
        const orphan = await withBarrier(db.driver, async () => {
          const child = spawnMigrate(db.url!, batch.dir);
          const pid = await until(`migrate stopped inside migration ${at}`, async () => {
            return (await lockWaiters(db.driver)).barrier[0];
          });
          child.kill();
          expect((await child.done).signal).toBe('SIGKILL');
          return pid;
        });
        // The killed client's backend notices when it next writes; until then it holds its transaction.
        await until("the killed process's backend to end", async () => {
          const { rows } = await db.driver.query('SELECT 1 FROM pg_catalog.pg_stat_activity WHERE pid = $1', [
            orphan,
          ]);
          return rows.length === 0;
        });
        const after = await consistency(db.driver, batch.names);
        expect(after.problem).toBeNull();
        expect(after.recorded).toEqual(batch.names.slice(0, at - 1));
        expect(snapshotsEqual(await introspect(db.driver), before)).toBe(true);

        const resumed = await spawnMigrate(db.url!, batch.dir).done;
        expect(resumed).toMatchObject({ code: 0, signal: null });
        const final = await consistency(db.driver, batch.names);
        expect(final.problem).toBeNull();
        expect(final.recorded).toEqual(batch.names);
      } finally {
        await batch.remove();
        await db.close();
      }
    },
  );

  it('4 migrate processes started together, 3 of them waiting for the lock: each migration is applied once, all exit 0', async () => {
    const db = await createTestDatabase();
    const batch = await writeBatch(20, 0, { barrierAt: 1 });
    try {
      const children = await withBarrier(db.driver, async () => {
        const started = [1, 2, 3, 4].map(() => spawnMigrate(db.url!, batch.dir));
        // Provably overlapping: one holds the migration lock inside migration 1, three wait for it.
        await until('one process at the barrier and three waiting for the migration lock', async () => {
          const waiters = await lockWaiters(db.driver);
          return waiters.barrier.length === 1 && waiters.migration.length === 3;
        });
        return started;
      });
      const results = await Promise.all(children.map((c) => c.done));
      expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
      const { rows } = await db.driver.query<{ c: number; d: number }>(
        'SELECT count(*)::int AS c, count(DISTINCT name)::int AS d FROM public._migrations',
      );
      expect(rows).toEqual([{ c: 20, d: 20 }]);
      const check = await consistency(db.driver, batch.names);
      expect(check.problem).toBeNull();
      expect(check.recorded).toEqual(batch.names);
    } finally {
      await batch.remove();
      await db.close();
    }
  });

  it('4 `migrate --no-wait` while one of them holds the lock: that one applies the batch, the other 3 exit 5 (MIGRATION_LOCKED)', async () => {
    const db = await createTestDatabase();
    const batch = await writeBatch(20, 0, { barrierAt: 1 });
    try {
      const children = [1, 2, 3, 4].map(() => spawnMigrate(db.url!, batch.dir, ['--no-wait']));
      const exits = children.map((c) => c.done);
      await withBarrier(db.driver, async () => {
        await until('one process at the barrier, holding the migration lock', async () => {
          return (await lockWaiters(db.driver)).barrier.length === 1;
        });
        // The other three meet the held lock while the winner is stopped: they must all exit now.
        let exited = 0;
        for (const done of exits) void done.then(() => exited++);
        await until('the three other processes to exit', async () => exited === 3);
      });
      const results = await Promise.all(exits);
      expect(results.map((r) => r.code).sort()).toEqual([0, 5, 5, 5]);
      for (const r of results.filter((x) => x.code === 5)) expect(r.stderr).toMatch(/MIGRATION_LOCKED/);
      const check = await consistency(db.driver, batch.names);
      expect(check.problem).toBeNull();
      expect(check.recorded).toEqual(batch.names);
    } finally {
      await batch.remove();
      await db.close();
    }
  });
});

async function reset(driver: Driver): Promise<void> {
  await driver.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
}

// The embedded default needs no server: PGlite in each project's .justscale/pglite.
const cliBuilt = requirePrerequisites(it, {
  [`the built CLI, ${CLI_BIN} (run pnpm build)`]: existsSync(CLI_BIN),
});

describe.skipIf(!cliBuilt)('the built CLI on the embedded default', () => {
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
