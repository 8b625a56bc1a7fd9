import type { Driver } from '@justscale/driver';
import { consistency, spawnMigrate, writeBatch } from './processes.js';

/** Figures of the concurrency run. */
export interface ConcurrencyReport {
  readonly processes: number;
  readonly exitCodes: readonly (number | null)[];
  readonly trackingRows: number;
  readonly distinctNames: number;
  readonly consistent: boolean;
  readonly problem: string | null;
  readonly wallMs: number;
  /** Each process's stderr, in the order of `exitCodes`. */
  readonly stderr: readonly string[];
}

/**
 * Starts `processes` built-CLI `migrate` runs at once on one empty database with `count` migrations.
 * With `noWait`, each runs `migrate --no-wait`: the one that takes the lock applies the batch, the
 * others exit 5 (the lock is held) at once.
 */
export async function runConcurrency(
  driver: Driver,
  url: string,
  options: { processes: number; count?: number; sleepMs?: number; noWait?: boolean },
): Promise<ConcurrencyReport> {
  const { processes, count = 30, sleepMs = 10, noWait = false } = options;
  const batch = await writeBatch(count, sleepMs);
  try {
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: processes }, () => spawnMigrate(url, batch.dir, noWait ? ['--no-wait'] : []).done),
    );
    const wallMs = Math.round(performance.now() - started);
    const rows = (
      await driver.query<{ c: number; d: number }>(
        'SELECT count(*)::int AS c, count(DISTINCT name)::int AS d FROM public._migrations',
      )
    ).rows[0];
    const check = await consistency(driver, batch.names);
    return {
      processes,
      exitCodes: results.map((r) => r.code),
      trackingRows: rows?.c ?? 0,
      distinctNames: rows?.d ?? 0,
      consistent: check.consistent && check.recorded.length === count,
      problem: check.problem,
      wallMs,
      stderr: results.map((r) => r.stderr.trim()),
    };
  } finally {
    await batch.remove();
  }
}
