import type { Driver } from '@justscale/driver';

/**
 * The advisory lock (two-int form, so it never meets the runner's int8 migration lock) that a
 * migration written with `writeBatch(..., { barrierAt })` waits on: the test holds it to stop a
 * migrate process at a known migration, inside that migration's transaction.
 */
export const BARRIER: readonly [number, number] = [0x4a53, 20];

/**
 * Runs `fn` while holding the barrier on a session of its own, and releases it after, even on error.
 *
 * @example
 * await withBarrier(driver, async () => { ... a migrate process stops at the barrier ... });
 */
export async function withBarrier<T>(driver: Driver, fn: () => Promise<T>): Promise<T> {
  return driver.session(async (session) => {
    await session.query('SELECT pg_catalog.pg_advisory_lock($1::int4, $2::int4)', [...BARRIER]);
    try {
      return await fn();
    } finally {
      await session.query('SELECT pg_catalog.pg_advisory_unlock($1::int4, $2::int4)', [...BARRIER]);
    }
  });
}

/** Ungranted advisory locks in the current database: `barrier` (the test's) and `migration` (the runner's int8 lock). */
export async function lockWaiters(driver: Driver): Promise<{ barrier: number[]; migration: number[] }> {
  const { rows } = await driver.query<{ pid: number; barrier: boolean }>(
    `SELECT l.pid, (l.objsubid = 2 AND l.classid = $1::int4::oid AND l.objid = $2::int4::oid) AS barrier
       FROM pg_catalog.pg_locks l
      WHERE l.locktype = 'advisory' AND NOT l.granted
        AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())`,
    [...BARRIER],
  );
  return {
    barrier: rows.filter((r) => r.barrier).map((r) => r.pid),
    migration: rows.filter((r) => !r.barrier).map((r) => r.pid),
  };
}

/**
 * Polls `probe` until it returns something other than `undefined`/`false`, and returns that. Throws,
 * naming `what`, after `limitMs`: a bound for a failure, not a timing the result depends on.
 *
 * @example
 * const pid = await until('a backend waiting at the barrier', async () => (await lockWaiters(driver)).barrier[0]);
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  limitMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
