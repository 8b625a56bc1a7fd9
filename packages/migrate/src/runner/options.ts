import type { MigrationFileSystem, MigrationModuleLoader } from '../files/types.js';
import type { TransactionMode } from './execute.js';
import type { LockMode } from './lock.js';

/** Options of `createMigrationRunner`. */
export interface MigrationRunnerOptions {
  /** The folder holding the migration files (`.ts`, `.mts`, `.js`, `.mjs`, `.sql`), run in name order. */
  readonly directory: string;
  /** The tracking table. Default `_migrations`. */
  readonly table?: string;
  /** The tracking table's schema. Default `public`. */
  readonly schema?: string;
  /** `each` (default): one transaction per migration. `all`: one for the whole batch. */
  readonly transaction?: TransactionMode;
  /**
   * When another runner holds the lock: `wait` (default), `fail` at once, or `{ timeout }` in ms.
   */
  readonly lock?: LockMode;
  /** Run even though applied migrations' files changed since. */
  readonly allowChangedChecksums?: boolean;
  /** Run even though applied migrations' files are gone. */
  readonly allowMissing?: boolean;
  /** Apply pending migrations named before an applied one. */
  readonly allowOutOfOrder?: boolean;
  /**
   * The schemas `fresh({ drop: true })` drops and recreates. Default: the tracking table's schema.
   */
  readonly schemas?: readonly string[];
  /**
   * Stops the run when it aborts (the CLI aborts it on SIGINT / SIGTERM): no further statement of the
   * Database API and no further migration starts, the running migration's transaction rolls back,
   * and the command rejects with a `MigrationInterruptedError` (or a `MigrationFailedError` whose
   * cause is one) listing in `committed` what had committed. A statement already running on the
   * server is not stopped by this: send PostgreSQL a cancel request for it (the CLI does).
   */
  readonly signal?: AbortSignal;
  /**
   * Told as a run progresses: `start` once the lock is held and every module loaded (before the
   * first migration runs), `committed` as each migration commits (in `transaction: 'all'`, all of
   * them when the batch commits).
   */
  readonly onEvent?: (event: RunnerEvent) => void;
  /**
   * The `search_path` the migrations run with, e.g. `['tenant_42', 'public']` (default: the
   * connection's own). Set on the runner's session for the whole run and put back afterwards, so
   * unqualified names in migrations and in the Database API land in the first schema: one set of
   * files serves every tenant schema (with `schema: 'tenant_42'` for a tracking table of its own).
   */
  readonly searchPath?: readonly string[];
  /** File system access; default `node:fs`. */
  readonly fs?: MigrationFileSystem;
  /** Module loading for `.ts`/`.mts`/`.js`/`.mjs`; default `moduleLoader()` (esbuild once, then native `import`). */
  readonly loader?: MigrationModuleLoader;
}

/** `{ dryRun: true }`: return the SQL the command would run, and run nothing. */
export interface DryRunOption {
  readonly dryRun?: boolean;
}

export interface RollbackOptions extends DryRunOption {
  /** How many batches to roll back. Default 1. */
  readonly steps?: number;
  /** Roll back every batch. */
  readonly all?: boolean;
}

export interface FreshOptions extends DryRunOption {
  /**
   * Drop and recreate the managed schemas (`schemas`, default the tracking table's) instead of
   * running `down`s: every object in them is lost, along with objects elsewhere that depend on them.
   */
  readonly drop?: boolean;
}

/** What `onEvent` is told as a run progresses. */
export type RunnerEvent =
  | {
      readonly kind: 'start';
      readonly direction: 'up' | 'down';
      /** The migrations about to run, in order. */
      readonly migrations: readonly string[];
      /** Those of them that run outside a transaction (`transaction: false`). */
      readonly nonTransactional: readonly string[];
      /** `all`: one transaction holds the batch, so a failure leaves none of it applied. */
      readonly transaction: 'each' | 'all';
    }
  | {
      readonly kind: 'committed';
      readonly direction: 'up' | 'down';
      readonly migration: { readonly name: string; readonly batch: number; readonly durationMs: number };
    };
