import type { Driver } from '@justscale/driver';
import { introspect } from '@justscale/introspect';
import { type Snapshot, snapshotsEqual } from '@justscale/schema';
import { consistency, random, spawnMigrate, writeBatch } from './processes.js';

/** Figures of the crash run. */
export interface CrashReport {
  readonly seed: number;
  readonly kills: number;
  /** How long one uninterrupted run took: kills fall uniformly within it. */
  readonly windowMs: number;
  readonly appliedAtKill: readonly number[];
  /**
   * Kills that landed inside the batch: at least one migration recorded and not all of them. A kill
   * before the first migration committed or after the last tests less, and is not counted here.
   */
  readonly midBatch: number;
  readonly inconsistencies: readonly string[];
  readonly failedResumes: readonly string[];
  readonly resumeMs: readonly number[];
}

/** The schema after each prefix of the batch: `[0]` empty, `[k]` after the first k migrations. */
async function expectedSchemas(driver: Driver, ups: readonly string[]): Promise<Snapshot[]> {
  await reset(driver);
  const out = [await introspect(driver)];
  for (const up of ups) {
    await driver.exec(up);
    out.push(await introspect(driver));
  }
  return out;
}

async function reset(driver: Driver): Promise<void> {
  await driver.query('DROP SCHEMA public CASCADE');
  await driver.query('CREATE SCHEMA public');
}

/**
 * `kills` times: on an empty database, spawn the built CLI's `migrate` on `count` migrations, SIGKILL it
 * after a random delay within the time one uninterrupted run takes, check the tracking table against
 * the tables and the introspected schema against the one the recorded migrations produce, then run
 * `migrate` again and check it completes the batch.
 */
export async function runCrash(
  driver: Driver,
  url: string,
  options: { kills: number; count?: number; sleepMs?: number; seed?: number },
): Promise<CrashReport> {
  const { kills, count = 30, sleepMs = 40, seed = Date.now() % 100000 } = options;
  const rand = random(seed);
  const batch = await writeBatch(count, sleepMs);
  const appliedAtKill: number[] = [];
  const inconsistencies: string[] = [];
  const failedResumes: string[] = [];
  const resumeMs: number[] = [];
  let windowMs = 0;
  try {
    const expected = await expectedSchemas(driver, batch.ups);
    // Kill within the time a whole uninterrupted run takes here (process start included), measured once.
    await reset(driver);
    const timing = performance.now();
    await spawnMigrate(url, batch.dir).done;
    windowMs = Math.round(performance.now() - timing);
    for (let k = 0; k < kills; k++) {
      await reset(driver);
      const child = spawnMigrate(url, batch.dir);
      await new Promise((r) => setTimeout(r, Math.floor(rand() * windowMs)));
      child.kill();
      await child.done;
      const after = await consistency(driver, batch.names);
      appliedAtKill.push(after.recorded.length);
      if (!after.consistent) inconsistencies.push(`kill ${k + 1}: ${after.problem}`);
      else if (!snapshotsEqual(await introspect(driver), expected[after.recorded.length]!)) {
        inconsistencies.push(
          `kill ${k + 1}: the schema differs from the one ${after.recorded.length} recorded migrations produce`,
        );
      }
      const started = performance.now();
      const resumed = await spawnMigrate(url, batch.dir).done;
      resumeMs.push(Math.round(performance.now() - started));
      const final = await consistency(driver, batch.names);
      const converged = snapshotsEqual(await introspect(driver), expected[count]!);
      if (resumed.code !== 0 || final.recorded.length !== count || !final.consistent || !converged) {
        failedResumes.push(
          `kill ${k + 1}: exit ${resumed.code}, ${final.recorded.length}/${count} applied, schema ${converged ? 'as expected' : 'differs'}, ${final.problem ?? ''} ${resumed.stderr.trim()}`,
        );
      }
    }
  } finally {
    await batch.remove();
  }
  const midBatch = appliedAtKill.filter((n) => n > 0 && n < count).length;
  return { seed, kills, windowMs, appliedAtKill, midBatch, inconsistencies, failedResumes, resumeMs };
}
