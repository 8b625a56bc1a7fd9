import type { Driver } from '@justscale/driver';
import {
  createMigrationRunner,
  type LockMode,
  type MigrationFileSystem,
  type MigrationModuleLoader,
  type MigrationRunner,
  type MigrationStatus,
  type TransactionMode,
} from '@justscale/migrate/runner';
import { Connections, defaultConnect, type FleetConnect } from './connections.js';
import { type FleetQuery, targetsFromQuery } from './discover.js';
import { FleetError } from './errors.js';
import {
  errorOf,
  type FleetProgress,
  type FleetReport,
  type FleetTargetResult,
  type FleetTargetStatus,
  summarize,
} from './report.js';
import { schedule } from './schedule.js';
import { sharedMigrationFiles } from './shared-files.js';
import { type FleetTarget, parseTarget, targetLabel, uniqueTargets } from './targets.js';

/** The targets of a fleet: a list (URLs with optional `#schema=`, or objects), or a query. */
export type FleetTargets = readonly (FleetTarget | string)[] | FleetQuery;

/** Options of `createFleetRunner`. */
export interface FleetRunnerOptions {
  /** The migrations folder: the same files for every target. */
  readonly directory: string;
  /** The tracking table's name. Default `_migrations`. */
  readonly table?: string;
  /** The tracking table's schema for database targets. Default `public`. A tenant keeps its own in its schema. */
  readonly schema?: string;
  /** Schemas after the tenant's on `search_path` (shared tables, extensions). Default `['public']`. */
  readonly sharedSchemas?: readonly string[];
  /** Targets migrated at once. Default 4; never more than one runner per target. */
  readonly concurrency?: number;
  /** Run the first N targets first, and stop everything if one of them fails. Default 0. */
  readonly canary?: number;
  /**
   * Keep starting targets after one fails. Default false: `migrate` and `rollback` stop scheduling at
   * the first failure. `status` and `pending` change nothing, so they always read every target.
   */
  readonly continueOnError?: boolean;
  /** How each target's runner waits for its lock. Default `wait`. */
  readonly lock?: LockMode;
  readonly transaction?: TransactionMode;
  readonly allowChangedChecksums?: boolean;
  readonly allowMissing?: boolean;
  readonly allowOutOfOrder?: boolean;
  /** Opens a database of the fleet. Default: a `pg` pool per server URL, PGlite for `pglite:<dir>`. */
  readonly connect?: FleetConnect;
  /**
   * Stops the run when it aborts (Ctrl-C, SIGTERM): no new target starts, the running migrations are
   * cancelled on the server and roll back (on PGlite they stop before their next statement), what
   * committed stays; the report marks the run `stopped: 'interrupted'` and the targets never started
   * `skipped`.
   */
  readonly signal?: AbortSignal;
  /** Called when a target starts or settles: for a progress line. */
  readonly onProgress?: (progress: FleetProgress) => void;
  /** File system and module loading (default `node:fs` and jiti), shared by every target. */
  readonly fs?: MigrationFileSystem;
  readonly loader?: MigrationModuleLoader;
}

/** Options of the fleet's `rollback`. */
export interface FleetRollbackOptions {
  /** Batches to roll back on each target. Default 1. */
  readonly steps?: number;
  readonly all?: boolean;
}

export interface FleetRunner {
  /** Applies the pending migrations on every target; each target is one batch of its own. */
  migrate(): Promise<FleetReport>;
  /** Reads every target's migrations: pending, applied, and applied files changed since. */
  status(): Promise<FleetReport>;
  /** Like `status`; a target's `pending` lists what `migrate` would apply. */
  pending(): Promise<FleetReport>;
  /** Rolls back the last batch (or `steps`, or `all`) on every target. */
  rollback(options?: FleetRollbackOptions): Promise<FleetReport>;
  /** The targets a command would run on now (a query is run again). */
  targets(): Promise<FleetTarget[]>;
}

type Command = FleetReport['command'];

/**
 * A runner over many databases or tenant schemas: each target gets a migration runner of its own
 * (its own session, lock and tracking table), `concurrency` at a time, and one report comes back.
 * A tenant target (`#schema=NAME`) runs the same files with its schema first on `search_path` and
 * its tracking table inside it. The files are read and loaded once per runner, whatever the number
 * of targets; the connections of a database are pooled and shared by its tenants.
 *
 * @example
 * const fleet = createFleetRunner(
 *   ['postgres://app@db/shop#schema=acme', 'postgres://app@db/shop#schema=globex'],
 *   { directory: './migrations', concurrency: 8, continueOnError: true },
 * );
 * const { targets, summary } = await fleet.migrate();
 * if (summary.failed > 0) for (const t of targets) if (t.error) console.error(t.target, t.error.message);
 */
export function createFleetRunner(source: FleetTargets, options: FleetRunnerOptions): FleetRunner {
  const concurrency = options.concurrency ?? 4;
  const canary = options.canary ?? 0;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new FleetError(
      'INVALID_ARGUMENT',
      `concurrency must be a whole number of 1 or more, got ${concurrency}.`,
    );
  }
  if (!Number.isSafeInteger(canary) || canary < 0) {
    throw new FleetError('INVALID_ARGUMENT', `canary must be a whole number of 0 or more, got ${canary}.`);
  }
  const connect = options.connect ?? defaultConnect();
  const shared = sharedMigrationFiles(options.fs, options.loader);
  const listed = Array.isArray(source)
    ? uniqueTargets(
        (source as readonly (FleetTarget | string)[]).map((t, i) =>
          typeof t === 'string' ? parseTarget(t, `target ${i + 1}`) : t,
        ),
      )
    : null;

  const targets = async (): Promise<FleetTarget[]> =>
    listed ?? uniqueTargets(await targetsFromQuery(source as FleetQuery, connect));

  const runnerFor = (driver: Driver, target: FleetTarget): MigrationRunner =>
    createMigrationRunner(driver, {
      directory: options.directory,
      table: options.table ?? '_migrations',
      ...(target.schema === null
        ? { schema: options.schema ?? 'public' }
        : { schema: target.schema, searchPath: [target.schema, ...(options.sharedSchemas ?? ['public'])] }),
      lock: options.lock ?? 'wait',
      ...(options.transaction ? { transaction: options.transaction } : {}),
      allowChangedChecksums: options.allowChangedChecksums === true,
      allowMissing: options.allowMissing === true,
      allowOutOfOrder: options.allowOutOfOrder === true,
      fs: shared.fs,
      loader: shared.loader,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });

  /** What `status` says of a target, from its migrations. */
  const fromStatus = (rows: readonly MigrationStatus[]) => ({
    applied: rows.filter((r) => r.applied).map((r) => r.name),
    pending: rows.filter((r) => !r.applied).map((r) => r.name),
    changed: rows.filter((r) => r.problems.includes('changed')).map((r) => r.name),
    missing: rows.filter((r) => r.problems.includes('missing')).map((r) => r.name),
  });

  const run = async (
    command: Command,
    work: (runner: MigrationRunner) => Promise<Omit<FleetTargetResult, 'target' | 'schema' | 'durationMs'>>,
  ): Promise<FleetReport> => {
    const started = performance.now();
    const list = await targets();
    if (list.length === 0) throw new FleetError('FLEET_NO_TARGETS', 'The fleet has no targets.');
    const users = new Map<string, number>();
    for (const t of list) users.set(t.database, (users.get(t.database) ?? 0) + 1);
    const connections = new Connections(connect, concurrency, users);
    const results: (FleetTargetResult | undefined)[] = new Array(list.length);
    let running = 0;
    const tick = (last: FleetTargetResult | null) => {
      const settled = results.filter((r) => r !== undefined);
      options.onProgress?.({
        total: list.length,
        done: settled.filter((r) => r.status !== 'failed').length,
        failed: settled.filter((r) => r.status === 'failed').length,
        running,
        last,
      });
    };
    const one = async (index: number): Promise<boolean> => {
      const target = list[index]!;
      const began = performance.now();
      running++;
      tick(null);
      let result: FleetTargetResult;
      try {
        const driver = await connections.acquire(target.database);
        const outcome = await work(runnerFor(driver, target));
        result = { target: targetLabel(target), schema: target.schema, ...outcome, durationMs: 0 };
      } catch (error) {
        result = {
          target: targetLabel(target),
          schema: target.schema,
          status: 'failed',
          applied: [],
          pending: [],
          changed: [],
          missing: [],
          error: errorOf(error),
          durationMs: 0,
        };
      } finally {
        await connections.release(target.database);
      }
      result = { ...result, durationMs: Math.round(performance.now() - began) };
      results[index] = result;
      running--;
      tick(result);
      return result.status !== 'failed';
    };
    let stopped: Awaited<ReturnType<typeof schedule>>['stopped'];
    const cancel = () => void connections.cancelAll();
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      ({ stopped } = await schedule(
        list.length,
        {
          concurrency,
          canary,
          // Reading changes nothing: a target that cannot be read is no reason not to read the others.
          continueOnError: options.continueOnError === true || command === 'status' || command === 'pending',
          signal: options.signal,
        },
        one,
      ));
    } finally {
      options.signal?.removeEventListener('abort', cancel);
      await connections.closeAll();
    }
    const all = list.map(
      (target, i): FleetTargetResult =>
        results[i] ?? {
          target: targetLabel(target),
          schema: target.schema,
          status: 'skipped',
          applied: [],
          pending: [],
          changed: [],
          missing: [],
          durationMs: 0,
        },
    );
    return summarize(command, all, stopped, Math.round(performance.now() - started));
  };

  /** After a failed migrate or rollback, what is left pending on the target (best effort). */
  const failedWith = async (runner: MigrationRunner, error: unknown, applied: readonly string[]) => {
    const rows = await runner.status().catch(() => null);
    const state = rows === null ? { pending: [], changed: [], missing: [] } : fromStatus(rows);
    return {
      status: 'failed' as const,
      applied,
      pending: state.pending,
      changed: state.changed,
      missing: state.missing,
      error: errorOf(error),
    };
  };

  const readOnly = (command: Command) =>
    run(command, async (runner) => {
      const state = fromStatus(await runner.status());
      const status: FleetTargetStatus =
        state.changed.length > 0 || state.missing.length > 0
          ? 'drift'
          : state.pending.length > 0
            ? 'pending'
            : 'up-to-date';
      return { status, ...state };
    });

  return {
    targets,
    migrate: () =>
      run('migrate', async (runner) => {
        let applied: string[];
        try {
          applied = (await runner.migrate()).map((m) => m.name);
        } catch (error) {
          // What committed before the failure stays applied, and is reported as applied.
          return failedWith(runner, error, committedBefore(error));
        }
        return { status: 'done', applied, pending: [], changed: [], missing: [] };
      }),
    status: () => readOnly('status'),
    pending: () => readOnly('pending'),
    rollback: (rollback = {}) =>
      run('rollback', async (runner) => {
        let reverted: string[];
        try {
          reverted = (await runner.rollback(rollback)).map((m) => m.name);
        } catch (error) {
          return failedWith(runner, error, committedBefore(error));
        }
        const state = fromStatus(await runner.status());
        return {
          status: 'done',
          applied: reverted,
          pending: state.pending,
          changed: state.changed,
          missing: state.missing,
        };
      }),
  };
}

/** The migrations a failed run had committed before it stopped (`MigrateError.committed`). */
function committedBefore(error: unknown): string[] {
  const committed = (error as { committed?: readonly { name: string }[] } | null)?.committed;
  return Array.isArray(committed) ? committed.map((m) => m.name) : [];
}
