import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteDriver } from '@justscale/driver-pglite';
import { CLI_BIN, consistency, random, writeBatch } from './processes.js';

/** Figures of the embedded-default crash run. */
export interface EmbeddedCrashReport {
  readonly seed: number;
  readonly kills: number;
  /** How many migrations had printed their ✓ (committed) when each SIGKILL was sent. */
  readonly committedAtKill: readonly number[];
  /** Kills after which the folder did not open, or tracking and tables disagreed. */
  readonly inconsistencies: readonly string[];
  /** Kills after which the next `migrate` did not complete the batch. */
  readonly failedResumes: readonly string[];
  /** Kills after which the lock file of the killed process was not found stale by the rerun. */
  readonly staleLocks: readonly string[];
}

/** Spawns the embedded default's `migrate` in `cwd` and SIGKILLs it once `after` ✓ lines are out. */
function migrateKilledAfter(cwd: string, migrations: string, after: number) {
  const child = spawn(process.execPath, [CLI_BIN, 'migrate', '--migrations', migrations], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let killed = -1;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const committed = stdout.split('\n').filter((line) => line.startsWith('✓')).length;
    // The next migration is writing its table, index and rows into the folder right now.
    if (killed < 0 && committed >= after) {
      killed = committed;
      child.kill('SIGKILL');
    }
  });
  child.stderr.resume();
  return new Promise<number>((resolve) => child.on('close', () => resolve(killed)));
}

function migrate(cwd: string, migrations: string) {
  const child = spawn(process.execPath, [CLI_BIN, 'migrate', '--no-wait', '--migrations', migrations], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
}

async function check(dataDir: string, names: readonly string[]) {
  const driver = await createPgliteDriver({ dataDir });
  try {
    return await consistency(driver, names);
  } finally {
    await driver.close();
  }
}

/**
 * `kills` times, each in a new project with no database configured (the embedded default, PGlite in
 * `.justscale/pglite`): run `migrate` on `count` migrations and SIGKILL it right after a random number
 * of them committed, while the next one writes; then open the folder, check the tracking table against
 * the tables, run `migrate --no-wait` again (the killed process's lock file must be found stale) and
 * check it completes the batch.
 */
export async function runEmbeddedCrash(options: {
  kills: number;
  count?: number;
  sleepMs?: number;
  seed?: number;
}): Promise<EmbeddedCrashReport> {
  const { kills, count = 8, sleepMs = 20, seed = Date.now() % 100000 } = options;
  const rand = random(seed);
  const batch = await writeBatch(count, sleepMs);
  const committedAtKill: number[] = [];
  const inconsistencies: string[] = [];
  const failedResumes: string[] = [];
  const staleLocks: string[] = [];
  try {
    for (let k = 0; k < kills; k++) {
      const project = await mkdtemp(join(tmpdir(), 'justscale-embedded-crash-'));
      const dataDir = join(project, '.justscale/pglite');
      try {
        const killedAt = await migrateKilledAfter(project, batch.dir, 1 + Math.floor(rand() * (count - 1)));
        committedAtKill.push(killedAt);
        if (!existsSync(join(project, '.justscale/pglite.lock')))
          staleLocks.push(`kill ${k + 1}: no lock file was left to find stale`);
        try {
          const after = await check(dataDir, batch.names);
          if (!after.consistent) inconsistencies.push(`kill ${k + 1}: ${after.problem}`);
          else if (after.recorded.length < killedAt)
            inconsistencies.push(
              `kill ${k + 1}: ${killedAt} printed ✓ but ${after.recorded.length} recorded`,
            );
        } catch (error) {
          inconsistencies.push(`kill ${k + 1}: the folder does not open: ${String(error)}`);
        }
        const resumed = await migrate(project, batch.dir);
        if (resumed.code === 5) staleLocks.push(`kill ${k + 1}: ${resumed.stderr.trim()}`);
        const final = await check(dataDir, batch.names);
        if (resumed.code !== 0 || final.recorded.length !== count || !final.consistent) {
          failedResumes.push(
            `kill ${k + 1}: exit ${resumed.code}, ${final.recorded.length}/${count} applied, ${final.problem ?? ''} ${resumed.stderr.trim()}`,
          );
        }
      } finally {
        await rm(project, { recursive: true, force: true });
      }
    }
  } finally {
    await batch.remove();
  }
  return { seed, kills, committedAtKill, inconsistencies, failedResumes, staleLocks };
}
