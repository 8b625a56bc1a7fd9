import { isDatabaseError, type Queryable, restated } from '@justscale/driver';
import { OPTION_TOKEN } from '@justscale/errors';
import type { Statement } from '../database/executor.js';
import { findCause, MigrateError, MigrationFailedError, MigrationInterruptedError } from '../errors.js';
import { type LoadedMigration, runsInTransaction } from '../files/load.js';
import type { RunnerEvent } from './options.js';
import type { TrackingTable } from './tracking.js';

type DatabaseOn = typeof import('../database/database.js').databaseOn;

import { type Carry, flushCommits, inMigrationTransaction } from './transaction.js';

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

/** What a live run reports to and is stopped by. */
export interface RunHooks {
  readonly signal?: AbortSignal | undefined;
  readonly onEvent?: ((event: RunnerEvent) => void) | undefined;
  /**
   * Whether every commit but the run's last may skip the wait for its log to reach disk (flushed by
   * the last). False for an in-process server (PGlite), which dies with the process. Default true.
   */
  readonly asynchronousCommits?: boolean | undefined;
}

export interface RunStep {
  readonly migration: LoadedMigration;
  readonly batch: number;
}

/** Refuses `transaction: false` migrations in an all-in-one batch, before anything runs. */
export function checkTransactionMode(
  steps: readonly RunStep[],
  mode: TransactionMode,
  direction: 'up' | 'down' = 'up',
): void {
  if (mode !== 'all') return;
  const outside = steps
    .filter((step) => !runsInTransaction(step.migration, direction))
    .map((step) => step.migration.file.name);
  if (outside.length > 0) {
    const one = outside.length === 1;
    throw new MigrateError(
      'MIGRATION_NOT_TRANSACTIONAL',
      `The batch runs in one transaction, but ${outside.join(', ')} must run outside one (transaction: false).`,
      {
        ref: {
          kind: 'migration',
          name: outside[0]!,
          file: steps.find((s) => s.migration.file.name === outside[0])?.migration.file.path,
        },
        hint: `Run with ${OPTION_TOKEN}, or apply ${one ? 'it' : 'them'} on ${one ? 'its' : 'their'} own.`,
        option: { name: 'transaction', value: 'each' },
      },
    );
  }
}

/**
 * Runs `up` (recording each migration) or `down` (removing its row) for every step, in order, on
 * `session`. In `each` mode every migration has its own transaction holding its tracking change;
 * a `transaction: false` one runs on the session and its row is written after it succeeds. In `all`
 * mode one transaction holds the whole batch. With `dryRun`, statements are recorded, not run.
 *
 * `hooks.onEvent` hears `committed` as each migration commits; when `hooks.signal` aborts, no
 * further statement or migration starts. A failure carries in `committed` what had committed.
 */
export async function runSteps(
  session: Queryable,
  tracking: TrackingTable,
  direction: 'up' | 'down',
  steps: readonly RunStep[],
  mode: TransactionMode,
  dryRun?: DryRunStatement[],
  hooks: RunHooks = {},
): Promise<MigrationResult[]> {
  const results: MigrationResult[] = [];
  if (steps.length === 0) return results;
  // The Database API (and the model and SQL compilers behind it) loads only when something runs:
  // a run with nothing pending, and `status`, never need it.
  const { databaseOn } = await import('../database/database.js');
  if (dryRun) return runDry(session, tracking, direction, steps, dryRun, databaseOn);
  const committed: MigrationResult[] = [];
  const commit = (ran: readonly MigrationResult[]) => {
    for (const migration of ran) {
      committed.push(migration);
      hooks.onEvent?.({ kind: 'committed', direction, migration });
    }
  };
  try {
    await runLive(session, tracking, direction, steps, mode, hooks, results, commit, databaseOn);
  } catch (error) {
    if (error instanceof MigrateError) error.committed = [...committed];
    throw error;
  }
  return results;
}

async function runDry(
  session: Queryable,
  tracking: TrackingTable,
  direction: 'up' | 'down',
  steps: readonly RunStep[],
  dryRun: DryRunStatement[],
  databaseOn: DatabaseOn,
): Promise<MigrationResult[]> {
  const results: MigrationResult[] = [];
  const runOne = oneStep(tracking, direction, results, dryRun, undefined, databaseOn);
  for (const step of steps) await runOne(session, step, undefined);
  return results;
}

async function runLive(
  session: Queryable,
  tracking: TrackingTable,
  direction: 'up' | 'down',
  steps: readonly RunStep[],
  mode: TransactionMode,
  hooks: RunHooks,
  results: MigrationResult[],
  commit: (ran: readonly MigrationResult[]) => void,
  databaseOn: DatabaseOn,
): Promise<void> {
  const signal = hooks.signal;
  const runOne = oneStep(tracking, direction, results, undefined, signal, databaseOn);
  const checkSignal = () => {
    if (signal?.aborted) throw new MigrationInterruptedError(signal.reason);
  };
  if (mode === 'all') {
    const note = 'The batch ran in one transaction: all of it was rolled back; nothing of it is applied.';
    checkSignal();
    await session.transaction(async (tx) => {
      for (const step of steps) await runOne(tx, step, note, undefined, true);
    });
    commit(results);
    return;
  }
  // Every commit but the run's last skips the wait for its WAL to reach disk; the last one (or,
  // when a migration fails or the run is stopped, `flushCommits`) flushes the WAL and with it every
  // earlier commit (docs/runner.md). On a server, a migration followed by another in a transaction
  // leaves its tracking change and COMMIT to go ahead of the next one's BEGIN, in the next one's
  // first round trip (`carry`): it is reported committed once that round trip returns.
  let unflushed = false;
  let carry: Carry | undefined;
  let carried: { step: RunStep; result: MigrationResult } | undefined;
  const settle = () => {
    if (carried !== undefined) commit([carried.result]);
    carry = undefined;
    carried = undefined;
  };
  try {
    for (const [i, step] of steps.entries()) {
      checkSignal();
      if (runsInTransaction(step.migration, direction)) {
        const durable = i === steps.length - 1 || hooks.asynchronousCommits === false;
        const next = steps[i + 1];
        const defer = !durable && next !== undefined && runsInTransaction(next.migration, direction);
        const { deferred } = await inMigrationTransaction(
          session,
          { durable, carry, onCarried: settle, defer },
          (tx, commitWith) => runOne(tx, step, undefined, commitWith),
        );
        unflushed = !durable;
        if (deferred !== undefined) {
          carry = { sql: deferred, state: 'pending' };
          carried = { step, result: results[results.length - 1]! };
          continue;
        }
      } else {
        await runOne(
          session,
          step,
          'It ran outside a transaction (transaction: false): statements before the failing one stay applied ' +
            '(and the failing one may have partly applied), and no tracking row was written. ' +
            'Repair the database by hand before running again.',
        );
        unflushed = false;
      }
      commit(results.slice(-1));
    }
  } catch (error) {
    const failure = await settleCarry(error);
    if (unflushed) await flushCommits(session).catch(() => undefined);
    throw failure;
  }

  /**
   * After `error`, the carried commit of the previous migration: sent now when it was not (it ran
   * whole), or, when the round trip that carried it failed, looked up in the tracking table. Returns
   * the error to raise: the previous migration's own when its commit is what failed.
   */
  async function settleCarry(error: unknown): Promise<unknown> {
    if (carry === undefined || carried === undefined) return error;
    const { step } = carried;
    if (carry.state === 'pending') {
      try {
        await session.exec(carry.sql);
      } catch (commitError) {
        // A failed tracking change leaves the transaction open (its COMMIT was not reached).
        await session.exec('ROLLBACK').catch(() => undefined);
        return new MigrationFailedError(stepRef(step), direction, commitError);
      }
      settle();
      return error;
    }
    const recorded = await tracking.has(session, step.migration.file.name).catch(() => undefined);
    if (recorded === (direction === 'up')) {
      settle();
      return error;
    }
    results.pop();
    if (recorded !== undefined && databaseErrorIn(error)?.position !== undefined) {
      // The server refused to parse the next migration's statement, and with it the whole round
      // trip: the carried commit never ran, and the error aborted (then rolled back) the earlier
      // migration's transaction. Its first run left nothing, so it runs again on its own.
      try {
        await inMigrationTransaction(session, { durable: false }, (tx, commitWith) =>
          runOne(tx, step, undefined, commitWith),
        );
      } catch (rerunError) {
        return rerunError;
      }
      commit(results.slice(-1));
      carry = undefined;
      carried = undefined;
      return error;
    }
    // Not committed: the statement that failed was its tracking change or COMMIT (a deferred
    // constraint), sent ahead of the next migration's first statement, which did not run.
    return new MigrationFailedError(
      stepRef(step),
      direction,
      commitFailure(error, carry.sql),
      recorded === undefined
        ? 'Whether it committed could not be read back from the tracking table.'
        : undefined,
      signal?.aborted === true,
    );
  }
}

/** A step's migration as a `MigrationFailedError` names it. */
function stepRef(step: RunStep): { name: string; file: string } {
  return { name: step.migration.file.name, file: step.migration.file.path };
}

/**
 * The error of a carried commit that failed, as if `sql` had been sent alone: the server's error
 * without the next migration's statement (its `sql`, position and wrapping), which did not run.
 */
function commitFailure(error: unknown, sql: string): unknown {
  const failed = databaseErrorIn(error);
  return failed === undefined ? error : restated(failed, sql);
}

const databaseErrorIn = (error: unknown) => findCause(error, isDatabaseError);

/** Runs (or, with `dryRun`, records) one step and its tracking change, pushing its result. */
function oneStep(
  tracking: TrackingTable,
  direction: 'up' | 'down',
  results: MigrationResult[],
  dryRun: DryRunStatement[] | undefined,
  signal: AbortSignal | undefined,
  databaseOn: DatabaseOn,
) {
  // `commitWith`: the tracking row goes in the same round trip as the transaction's COMMIT.
  // `inTransaction`: the step runs in a transaction (its own, with `commitWith`, or the batch's).
  return async (
    queryable: Queryable,
    step: RunStep,
    note: string | undefined,
    commitWith?: (sql: string) => Promise<void>,
    inTransaction = commitWith !== undefined,
  ) => {
    const { migration, batch } = step;
    const file = migration.file;
    const started = performance.now();
    const recorded: Statement[] = [];
    const db = databaseOn(queryable, dryRun ? { dryRun: recorded } : { signal });
    const trackingStatement =
      direction === 'up' ? tracking.insert(file.name, batch, file.checksum) : tracking.delete(file.name);
    try {
      const fn = direction === 'up' ? migration.up : migration.down;
      await fn!({ db });
      // A signal that came while a statement ran that could not be cancelled (PGlite runs
      // in-process and blocks the event loop) is seen only after a turn of the loop: in a
      // transaction, the migration then rolls back rather than commits. Outside one its statements
      // are applied, so its tracking row is still written.
      if (signal !== undefined && inTransaction && !dryRun) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (signal.aborted) throw new MigrationInterruptedError(signal.reason);
      }
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
      throw new MigrationFailedError(
        { name: file.name, file: file.path },
        direction,
        error,
        note,
        signal?.aborted === true,
      );
    }
    results.push({ name: file.name, batch, durationMs: Math.round(performance.now() - started) });
  };
}
