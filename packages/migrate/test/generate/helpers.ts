import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from '@justscale/driver';
import { createDatabase } from '../../src/database/database.js';
import { liveExecutor } from '../../src/database/executor.js';
import type { MigrationDefinition } from '../../src/define-migration.js';
import { jitiLoader } from '../../src/files/default-io.js';

/** A temporary directory, removed by `cleanup`. */
export async function tempDir(): Promise<{ path: string; cleanup(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'justscale-generate-'));
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}

/** Writes `source` to a file in `dir` and loads it the way the runner does (jiti). */
export async function loadSource(dir: string, file: string, source: string): Promise<MigrationDefinition> {
  const path = join(dir, file);
  await writeFile(path, source);
  return loadFile(path);
}

export async function loadFile(path: string): Promise<MigrationDefinition> {
  const module = (await jitiLoader().import(path)) as { default: MigrationDefinition };
  return module.default;
}

/**
 * Runs `up` or `down` like the runner: in a transaction unless the migration says `transaction: false`
 * (or `false` for that direction: `transaction: { up: true, down: false }`).
 */
export async function run(
  driver: Driver,
  migration: MigrationDefinition,
  direction: 'up' | 'down',
): Promise<void> {
  const step = migration[direction];
  if (step === undefined) throw new Error(`no ${direction}`);
  const transaction = migration.transaction;
  const outside = typeof transaction === 'object' ? transaction[direction] === false : transaction === false;
  if (outside) {
    await driver.session(async (session) => {
      await step.call(migration, { db: createDatabase(liveExecutor(session)) });
    });
    return;
  }
  await driver.transaction(async (tx) => {
    await step.call(migration, { db: createDatabase(liveExecutor(tx)) });
  });
}
