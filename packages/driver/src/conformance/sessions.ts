import assert from 'node:assert/strict';
import type { ConformanceCheck } from './check.js';
import { sleep } from './check.js';

function randomKey(): number {
  return 1 + Math.floor(Math.random() * 2_000_000_000);
}

const pid = 'SELECT pg_catalog.pg_backend_pid() AS pid';

/** Session pinning, session state and advisory locks. */
export const sessionChecks: readonly ConformanceCheck[] = [
  {
    name: 'maxSessions, when the driver says it, is a whole number of sessions it can hold at once (up to 10 tried)',
    async run(driver) {
      const max = driver.maxSessions;
      if (max === undefined) return;
      assert.ok(Number.isInteger(max) && max >= 1, `maxSessions must be a whole number from 1, not ${max}`);
      // Each session waits until all are open: a driver that holds fewer at once never gets there.
      const wanted = Math.min(max, 10);
      let open = 0;
      let allOpen: () => void = () => {};
      const all = new Promise<void>((resolve) => {
        allOpen = resolve;
      });
      let timer: NodeJS.Timeout | undefined;
      const held = Promise.all(
        Array.from({ length: wanted }, () =>
          driver.session(async (s) => {
            await s.query('SELECT 1');
            if (++open === wanted) allOpen();
            await all;
          }),
        ),
      );
      await Promise.race([
        held,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new Error(`maxSessions is ${max}, but only ${open} of ${wanted} sessions opened at once`),
              ),
            10_000,
          );
        }),
      ]).finally(() => {
        clearTimeout(timer);
        // The sessions that did open are let go either way, so the driver can close.
        allOpen();
      });
    },
  },
  {
    name: 'session pins one connection for the whole callback, even for concurrent queries',
    async run(driver) {
      await driver.session(async (s) => {
        const first = (await s.query<{ pid: number }>(pid)).rows[0]?.pid;
        const concurrent = await Promise.all(Array.from({ length: 6 }, () => s.query<{ pid: number }>(pid)));
        assert.deepStrictEqual(
          concurrent.map((r) => r.rows[0]?.pid),
          Array(6).fill(first),
          'every query of a session runs on one backend',
        );
        await s.exec("SET application_name = 'justscale conformance'");
        const { rows } = await s.query("SELECT pg_catalog.current_setting('application_name') AS name");
        assert.deepStrictEqual(rows, [{ name: 'justscale conformance' }]);
      });
    },
  },
  {
    name: 'transaction inside session runs on that session, savepoints included',
    async run(driver) {
      await driver.session(async (s) => {
        await s.exec("SET justscale.conformance = 'pinned'");
        const outer = (await s.query<{ pid: number }>(pid)).rows[0]?.pid;
        await s.transaction(async (tx) => {
          const { rows } = await tx.query(
            "SELECT pg_catalog.pg_backend_pid() AS pid, pg_catalog.current_setting('justscale.conformance', true) AS v",
          );
          assert.deepStrictEqual(rows, [{ pid: outer, v: 'pinned' }]);
          await tx.transaction(async (sp) => {
            assert.deepStrictEqual((await sp.query(pid)).rows, [{ pid: outer }]);
          });
        });
      });
    },
  },
  {
    name: 'session state does not leak into the next session',
    async run(driver) {
      await driver.session((s) => s.exec("SET justscale.conformance = 'leaked'"));
      await driver.session(async (s) => {
        const { rows } = await s.query<{ v: string | null }>(
          "SELECT pg_catalog.current_setting('justscale.conformance', true) AS v",
        );
        assert.ok(
          rows[0]?.v === null || rows[0]?.v === '',
          `a SET from an ended session is still there: ${rows[0]?.v}`,
        );
      });
    },
  },
  {
    name: 'an advisory lock taken in session is held by that connection until the session ends',
    async run(driver) {
      const key = randomKey();
      let holding!: () => void;
      const held = new Promise<void>((resolve) => {
        holding = resolve;
      });
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let firstEnded = false;
      const first = driver
        .session(async (s) => {
          await s.query('SELECT pg_catalog.pg_advisory_lock($1)', [key]);
          holding();
          await released;
          const { rows } = await s.query(
            `SELECT count(*)::int AS n FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND objid = $1::bigint
               AND pid = pg_catalog.pg_backend_pid() AND granted`,
            [key],
          );
          assert.deepStrictEqual(rows, [{ n: 1 }], 'the lock is held by the session that took it');
        })
        .finally(() => {
          firstEnded = true;
        });
      await held;
      // Another session either finds the lock taken (another connection) or waits for the first session
      // to end (a single-connection driver): never may it take the lock while the first one holds it.
      const second = driver.session(async (s) => {
        const { rows } = await s.query<{ got: boolean }>(
          'SELECT pg_catalog.pg_try_advisory_lock($1) AS got',
          [key],
        );
        const got = rows[0]?.got === true;
        if (got) {
          await s.query('SELECT pg_catalog.pg_advisory_unlock($1)', [key]);
        }
        return { got, afterFirstEnded: firstEnded };
      });
      await Promise.race([second, sleep(300)]);
      release();
      await first;
      const outcome = await second;
      assert.ok(
        !outcome.got || outcome.afterFirstEnded,
        'a second session took the advisory lock while the first session held it',
      );
      // Ending the session released the lock.
      const after = await driver.session((s) =>
        s.query<{ got: boolean }>('SELECT pg_catalog.pg_try_advisory_lock($1) AS got', [key]),
      );
      assert.deepStrictEqual(after.rows, [{ got: true }], 'the lock is free once the session ended');
      await driver.session((s) => s.query('SELECT pg_catalog.pg_advisory_unlock_all()'));
    },
  },
];
