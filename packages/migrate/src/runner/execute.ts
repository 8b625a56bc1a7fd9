import type { Queryable } from '@justscale/driver';
import type { Statement } from '../database/executor.js';
import { MigrateError, MigrationFailedError } from '../errors.js';
import type { LoadedMigration } from '../files/load.js';
import type { TrackingTable } from './tracking.js';
import { flushCommits, inMigrationTransaction } from './transaction.js';

/** A migration that ran (or, in `rollback`, was reverted). */
export interface MigrationResult {
  readonly name: string;
  readonly batch: number;
  readonly durationMs: number;
}

/** A statement of a dry run, with the migration it belongs to (null: the runner's own). */
export interface DryRunStatement extends Statement {
  readonly migration: string | null;
}

export type TransactionMode = 'each' | 'all';

export interface RunStep {
  readonly migration: LoadedMigration;
  readonly batch: number;
}

/** Refuses `transaction: false` migrations in an all-in-one batch, before anything runs. */
export function checkTransactionMode(steps: readonly RunStep[], mode: TransactionMode): void {
  if (mode !== 'all') return;
  const outside = steps.filter((step) => !step.migration.transaction).map((step) => step.migration.file.name);
  if (outside.length > 0) {
    throw new MigrateError(
      'MIGRATION_NOT_TRANSACTIONAL',
      `transaction: 'all' runs the batch in one transaction, but ${outside.join(', ')} must run outside one ` +
        `(transaction: false). Run with transaction: 'each', or apply ${outside.length === 1 ? 'it' : 'them'} on ${outside.length === 1 ? 'its' : 'their'} own.`,
    );
  }
}

/**
 * Runs `up` (recording each migration) or `down` (removing its row) for every step, in order, on
 * `session`. In `each` mode every migration has its own transaction holding its tracking change;
 * a `transaction: false` one runs on the session and its row is written after it succeeds. In `all`
 * mode one transaction holds the whole batch. With `dryRun`, statements are recorded, not run.
 */
export async function runSteps(
  session: Queryable,
  tracking: TrackingTable,
  direction: 'up' | 'down',
  steps: readonly RunStep[],
  mode: TransactionMode,
  dryRun?: DryRunStatement[],
): Promise<MigrationResult[]> {
  const results: MigrationResult[] = [];
  if (steps.length === 0) return results;
  // The Database API (and the model and SQL compilers behind it) loads only when something runs:
  // a run with nothing pending, and `status`, never need it.
  const { databaseOn } = await import('../database/database.js');
  // `commitWith`: the tracking row goes in the same round trip as the transaction's COMMIT.
  const runOne = async (
    queryable: Queryable,
    step: RunStep,
    note: string | undefined,
    commitWith?: (sql: string) => Promise<void>,
  ) => {
    const { migration, batch } = step;
    const file = migration.file;
    const started = performance.now();
    const recorded: Statement[] = [];
    const db = databaseOn(queryable, dryRun ? { dryRun: recorded } : {});
    const trackingStatement =
      direction === 'up' ? tracking.insert(file.name, batch, file.checksum) : tracking.delete(file.name);
    try {
      const fn = direction === 'up' ? migration.up : migration.down;
      await fn!({ db });
      if (dryRun) {
        dryRun.push(...recorded.map((s) => ({ ...s, migration: file.name })), {
          ...trackingStatement,
          migration: null,
        });
      } else if (commitWith) {
        await commitWith(
          direction === 'up'
            ? tracking.insertInline(file.name, batch, file.checksum)
            : tracking.deleteInline(file.name),
        );
      } else {
        await queryable.query(trackingStatement.sql, trackingStatement.params);
      }
    } catch (error) {
      throw new MigrationFailedError({ name: file.name, file: file.path }, direction, error, note);
    }
    results.push({ name: file.name, batch, durationMs: Math.round(performance.now() - started) });
  };

  if (dryRun) {
    for (const step of steps) await runOne(session, step, undefined);
    return results;
  }
  if (mode === 'all') {
    const note = `transaction: 'all': the whole batch was rolled back; nothing of it is applied.`;
    await session.transaction(async (tx) => {
      for (const step of steps) await runOne(tx, step, note);
    });
    return results;
  }
  // Every commit but the run's last skips the wait for its WAL to reach disk; the last one (or,
  // when a migration fails, `flushCommits`) flushes the WAL and with it every earlier commit.
  let unflushed = false;
  try {
    for (const [i, step] of steps.entries()) {
      if (step.migration.transaction) {
        const durable = i === steps.length - 1;
        await inMigrationTransaction(session, { durable }, (tx, commitWith) =>
          runOne(tx, step, undefined, commitWith),
        );
        unflushed = !durable;
      } else {
        await runOne(
          session,
          step,
          'It ran outside a transaction (transaction: false): statements before the failing one stay applied, ' +
            'and no tracking row was written. Repair the database by hand before running again.',
        );
        unflushed = false;
      }
    }
  } catch (error) {
    if (unflushed) await flushCommits(session).catch(() => undefined);
    throw error;
  }
  return results;
}
