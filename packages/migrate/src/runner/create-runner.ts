import type { Driver, Queryable, Session } from '@justscale/driver';
import { OPTION_TOKEN } from '@justscale/errors';
import { clientKind } from '../connection/client-kind.js';
import { MigrateError } from '../errors.js';
import { nodeFileSystem } from '../files/default-io.js';
import { discoverMigrations } from '../files/discover.js';
import { type LoadedMigration, loadMigration, runsInTransaction } from '../files/load.js';
import type { MigrationFile, MigrationModuleLoader } from '../files/types.js';
import { dropSchemaStatements } from './drop-schemas.js';
import {
  checkTransactionMode,
  type DryRunStatement,
  type MigrationResult,
  type RunStep,
  runSteps,
} from './execute.js';
import { acquireLock, lockKey, releaseLock } from './lock.js';
import type { DryRunOption, FreshOptions, MigrationRunnerOptions, RollbackOptions } from './options.js';
import { searchPathSetting, withSearchPath } from './search-path.js';
import { analyse, checkIntegrity, type MigrationState, type MigrationStatus, statusOf } from './state.js';
import { type TrackingRow, TrackingTable } from './tracking.js';

/** What a command given `{ dryRun: true }` returns: the SQL it would run. Nothing ran. */
export interface DryRunResult {
  readonly dryRun: true;
  /** The migrations it would run, in order, with their direction. */
  readonly migrations: readonly {
    readonly name: string;
    readonly batch: number;
    readonly direction: 'up' | 'down';
  }[];
  /** Every statement it would run, in order, with its parameters. */
  readonly statements: readonly DryRunStatement[];
}

/** What `fresh()` did. */
export interface FreshResult {
  /** Migrations reverted by their `down` (empty with `drop: true`). */
  readonly rolledBack: readonly MigrationResult[];
  /** Schemas dropped and recreated (empty without `drop: true`). */
  readonly dropped: readonly string[];
  readonly applied: readonly MigrationResult[];
}

export interface MigrationRunner {
  /** Applies every pending migration as one new batch; returns what it applied. */
  migrate(options: DryRunOption & { dryRun: true }): Promise<DryRunResult>;
  migrate(options?: DryRunOption): Promise<MigrationResult[]>;
  /** Every migration, from the files and the tracking table, with its problems. Read-only. */
  status(): Promise<MigrationStatus[]>;
  /** The migrations not applied yet, in the order they would run. Read-only. */
  pending(): Promise<MigrationStatus[]>;
  /** Runs the last batch's `down`s (or `steps` batches, or `all`) in reverse order; returns what it reverted. */
  rollback(options: RollbackOptions & { dryRun: true }): Promise<DryRunResult>;
  rollback(options?: RollbackOptions): Promise<MigrationResult[]>;
  /** Rolls everything back (or, with `drop`, empties the managed schemas) and migrates from scratch. */
  fresh(options: FreshOptions & { dryRun: true }): Promise<DryRunResult>;
  fresh(options?: FreshOptions): Promise<FreshResult>;
}

/**
 * Creates a migration runner over `client`: a Driver, or a raw pg / postgres.js / PGlite client.
 *
 * `migrate`, `rollback` and `fresh` hold a PostgreSQL advisory lock (keyed by the tracking table) on
 * one pinned connection, and do all their work on it: runners racing on one database take turns,
 * and each finds the state the one before left.
 *
 * @example
 * const runner = createMigrationRunner(client, { directory: './migrations', table: '_migrations' });
 * const applied = await runner.migrate();
 * for (const m of await runner.status()) console.log(m.applied ? '✓' : '✗', m.name);
 * await runner.rollback();
 */
export function createMigrationRunner(client: unknown, options: MigrationRunnerOptions): MigrationRunner {
  // A Driver (what the CLI hands over) is used as it is; for a raw client its adapter loads on first
  // use, so that a run on one driver does not load the other adapters (and their modules).
  const kind = clientKind(client);
  let adapted: Promise<Driver> | undefined;
  const driverOf = (): Promise<Driver> => {
    if (kind === 'driver') return Promise.resolve(client as Driver);
    adapted ??= import('../connection/to-driver.js').then(({ toDriver }) => toDriver(client));
    return adapted;
  };
  const schema = options.schema ?? 'public';
  const tracking = new TrackingTable(schema, options.table ?? '_migrations');
  const key = lockKey(schema, tracking.table);
  const mode = options.transaction ?? 'each';
  const fs = options.fs ?? nodeFileSystem;
  let loader: MigrationModuleLoader | undefined = options.loader;
  // PGlite runs in this process: when the process dies, so does the server, and a commit that did
  // not wait for its log to reach disk is gone. Its commits are all synchronous (docs/runner.md).
  const hooks = {
    signal: options.signal,
    onEvent: options.onEvent,
    asynchronousCommits: kind === 'driver' ? (client as Driver).name !== 'pglite' : kind !== 'pglite',
  };
  /** Runs `steps` live, telling `onEvent` first that they are about to run. */
  const run = (session: Queryable, direction: 'up' | 'down', steps: readonly RunStep[]) => {
    if (steps.length > 0)
      options.onEvent?.({
        kind: 'start',
        direction,
        migrations: steps.map((s) => s.migration.file.name),
        nonTransactional: steps
          .filter((s) => !runsInTransaction(s.migration, direction))
          .map((s) => s.migration.file.name),
        transaction: mode,
      });
    return runSteps(session, tracking, direction, steps, mode, undefined, hooks);
  };
  const searchPath = options.searchPath === undefined ? undefined : searchPathSetting(options.searchPath);
  if (mode !== 'each' && mode !== 'all') {
    throw new MigrateError('INVALID_ARGUMENT', `transaction must be 'each' or 'all', got ${String(mode)}.`);
  }

  /**
   * Files and rows. `ensure`: create the tracking table (or add its `checksum`) when missing, on a
   * session holding the lock. The files are read while the rows are fetched.
   */
  const readState = async (queryable: Queryable, ensure = false, seen?: boolean): Promise<MigrationState> => {
    const files = discoverMigrations(fs, options.directory);
    files.catch(() => undefined);
    const rows = ensure ? await ensureTracking(queryable, seen) : (await tracking.read(queryable)).rows;
    return analyse(await files, rows);
  };

  /** A `.sql` file is parsed, never imported. */
  const sqlOnly: MigrationModuleLoader = {
    import: () => Promise.reject(new Error('a .sql migration is not imported')),
  };

  /** Loads `files` in order, every module in one pass when the loader can (see `moduleLoader`). */
  const loadAll = async (files: readonly MigrationFile[]): Promise<LoadedMigration[]> => {
    const modules = files.filter((file) => file.extension !== '.sql');
    // The loader (and esbuild, jiti behind it) loads only when a module is about to run.
    if (modules.length > 0) {
      loader ??= (await import('../files/module-loader.js')).moduleLoader();
      await loader.prepare?.(modules);
    }
    const loaded: LoadedMigration[] = [];
    for (const file of files) {
      loaded.push(await loadMigration(file, file.extension === '.sql' ? sqlOnly : loader!));
    }
    return loaded;
  };

  /** Runs `fn` on one session with `searchPath` set, or (without it) on the driver. */
  const onSearchPath = async <T>(fn: (queryable: Queryable) => Promise<T>): Promise<T> => {
    const driver = await driverOf();
    return searchPath === undefined
      ? fn(driver)
      : driver.session((session) => withSearchPath(session, searchPath, () => fn(session)));
  };

  /** Runs `fn` holding the lock; `seen`: whether the tracking table looked present then (a hint). */
  const withLock = async <T>(fn: (session: Session, seen: boolean | undefined) => Promise<T>): Promise<T> =>
    (await driverOf()).session(async (session) => {
      const { tableSeen } = await acquireLock(session, key, options.lock ?? 'wait', tracking.label, {
        schema,
        name: tracking.table,
        ref: tracking.ref,
      });
      let result: T;
      try {
        result =
          searchPath === undefined
            ? await fn(session, tableSeen)
            : await withSearchPath(session, searchPath, () => fn(session, tableSeen));
      } catch (error) {
        // The session may be broken by the failure; releasing the session releases the lock too.
        await releaseLock(session, key).catch(() => undefined);
        throw error;
      }
      await releaseLock(session, key);
      return result;
    });

  /** Checks integrity and loads every pending module before anything runs. */
  const planMigrate = async (state: MigrationState): Promise<RunStep[]> => {
    checkIntegrity(state, options.directory, options, { checkOrder: true });
    const batch = state.rows.reduce((max, row) => Math.max(max, row.batch), 0) + 1;
    const steps: RunStep[] = (await loadAll(state.pending)).map((migration) => ({ migration, batch }));
    checkTransactionMode(steps, mode);
    return steps;
  };

  const planRollback = async (state: MigrationState, rollback: RollbackOptions): Promise<RunStep[]> => {
    const batches = [...new Set(state.rows.map((row) => row.batch))].sort((a, b) => b - a);
    const steps = rollback.all ? batches.length : (rollback.steps ?? 1);
    if (!Number.isSafeInteger(steps) || steps < 0) {
      throw new MigrateError(
        'INVALID_ARGUMENT',
        `rollback steps must be a whole number of batches (0 or more), got ${String(steps)}.`,
      );
    }
    const chosen = new Set(batches.slice(0, steps));
    const rows = state.rows
      .filter((row) => chosen.has(row.batch))
      .sort((a, b) => b.batch - a.batch || b.id - a.id);
    checkIntegrity(state, options.directory, options, {
      checkOrder: false,
      only: new Set(rows.map((r) => r.name)),
    });
    const files = new Map(state.files.map((file) => [file.name, file]));
    const loaded = await loadAll(rows.map((row) => files.get(row.name)!));
    const plan: RunStep[] = loaded.map((migration, i) => ({ migration, batch: rows[i]!.batch }));
    const irreversible = plan
      .filter((step) => step.migration.down === undefined)
      .map((s) => s.migration.file);
    if (irreversible.length > 0) {
      throw new MigrateError(
        'MIGRATION_NOT_REVERSIBLE',
        `Cannot roll back: ${irreversible.map((f) => f.path).join(', ')} ${irreversible.length === 1 ? 'has' : 'have'} no down. Nothing was rolled back.`,
        {
          ref: { kind: 'migration', name: irreversible[0]!.name, file: irreversible[0]!.path },
          hint: `Add a down, or use ${OPTION_TOKEN} to rebuild from scratch.`,
          option: { method: 'fresh', name: 'drop', value: true },
        },
      );
    }
    checkTransactionMode(plan, mode, 'down');
    return plan;
  };

  /**
   * Reads the tracking table, creating it or adding `checksum` first when missing; returns its rows.
   * `seen === false` (it looked missing when the lock was granted): it is created first, then read,
   * so that a first run does not leave the read's `relation does not exist` ERROR in the server's
   * log. The look can miss a table another runner has just made, hence `IF NOT EXISTS` and the read.
   */
  const ensureTracking = async (session: Queryable, seen?: boolean): Promise<TrackingRow[]> => {
    const [createSchema, createTable, addChecksum] = tracking.createStatements();
    const create = async () => {
      // CREATE SCHEMA IF NOT EXISTS would still need the CREATE privilege on the database.
      const { rows } = await session.query('SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1', [
        schema,
      ]);
      if (rows.length === 0) await session.query(createSchema!.sql);
      await session.query(createTable!.sql);
    };
    if (seen === false) await create();
    const found = await tracking.read(session);
    if (!found.exists) await create();
    else if (!found.checksum) await session.query(addChecksum!.sql);
    return found.rows;
  };

  const dryRunResult = (
    statements: DryRunStatement[],
    ...groups: [readonly RunStep[], 'up' | 'down'][]
  ): DryRunResult => ({
    dryRun: true,
    migrations: groups.flatMap(([steps, direction]) =>
      steps.map((step) => ({ name: step.migration.file.name, batch: step.batch, direction })),
    ),
    statements,
  });

  /** What `ensureTracking` would run, for a dry run. */
  const trackingCreation = async (queryable: Queryable): Promise<DryRunStatement[]> => {
    const [createSchema, createTable, addChecksum] = tracking.createStatements();
    const needed = !(await tracking.exists(queryable))
      ? [createSchema!, createTable!]
      : (await tracking.hasChecksum(queryable))
        ? []
        : [addChecksum!];
    return needed.map((s) => ({ ...s, migration: null }));
  };

  const runner = {
    async migrate(opts: DryRunOption = {}) {
      if (opts.dryRun) {
        return onSearchPath(async (queryable) => {
          const statements = await trackingCreation(queryable);
          const steps = await planMigrate(await readState(queryable));
          await runSteps(queryable, tracking, 'up', steps, mode, statements);
          return dryRunResult(statements, [steps, 'up']);
        });
      }
      return withLock(async (session, seen) => {
        const steps = await planMigrate(await readState(session, true, seen));
        return run(session, 'up', steps);
      });
    },

    async status() {
      return statusOf(await readState(await driverOf()));
    },

    async pending() {
      return statusOf(await readState(await driverOf())).filter((m) => !m.applied);
    },

    async rollback(opts: RollbackOptions = {}) {
      if (opts.dryRun) {
        return onSearchPath(async (queryable) => {
          const statements: DryRunStatement[] = [];
          const steps = await planRollback(await readState(queryable), opts);
          await runSteps(queryable, tracking, 'down', steps, mode, statements);
          return dryRunResult(statements, [steps, 'down']);
        });
      }
      return withLock(async (session, seen) => {
        const steps = await planRollback(await readState(session, true, seen), opts);
        return run(session, 'down', steps);
      });
    },

    async fresh(opts: FreshOptions = {}) {
      const schemas = options.schemas ?? [schema];
      if (opts.dryRun) {
        return onSearchPath(async (driver) => {
          const state = await readState(driver);
          const statements: DryRunStatement[] = [];
          let down: RunStep[] = [];
          if (opts.drop) {
            for (const s of await dropSchemaStatements(driver, schemas))
              statements.push({ ...s, migration: null });
            if (!schemas.includes(schema))
              statements.push({ sql: `DELETE FROM ${tracking.ref}`, params: [], migration: null });
            statements.push(
              ...tracking
                .createStatements()
                .slice(0, 2)
                .map((s) => ({ ...s, migration: null })),
            );
          } else {
            statements.push(...(await trackingCreation(driver)));
            down = await planRollback(state, { all: true });
            await runSteps(driver, tracking, 'down', down, mode, statements);
          }
          const up = await planMigrate(analyse(state.files, []));
          await runSteps(driver, tracking, 'up', up, mode, statements);
          return dryRunResult(statements, [down, 'down'], [up, 'up']);
        });
      }
      return withLock(async (session, seen) => {
        const state = await readState(session, true, seen);
        // Everything is planned (and every module loaded) before anything is dropped or reverted.
        const down = opts.drop ? [] : await planRollback(state, { all: true });
        const up = await planMigrate(analyse(state.files, []));
        let rolledBack: MigrationResult[] = [];
        if (opts.drop) {
          const statements = await dropSchemaStatements(session, schemas);
          await session.transaction(async (tx) => {
            for (const s of statements) await tx.query(s.sql, s.params);
            if (!schemas.includes(schema)) await tx.query(`DELETE FROM ${tracking.ref}`);
          });
          // Its schema dropped, the table is gone: made again without reading it first.
          await ensureTracking(session, schemas.includes(schema) ? false : undefined);
        } else {
          rolledBack = await run(session, 'down', down);
        }
        const applied = await run(session, 'up', up);
        return { rolledBack, dropped: opts.drop ? [...schemas] : [], applied } satisfies FreshResult;
      });
    },
  };
  return runner as MigrationRunner;
}
