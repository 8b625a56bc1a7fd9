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
   * The `search_path` the migrations run with, e.g. `['tenant_42', 'public']` (default: the
   * connection's own). Set on the runner's session for the whole run and put back afterwards, so
   * unqualified names in migrations and in the Database API land in the first schema: one set of
   * files serves every tenant schema (with `schema: 'tenant_42'` for a tracking table of its own).
   */
  readonly searchPath?: readonly string[];
  /** File system access; default `node:fs`. */
  readonly fs?: MigrationFileSystem;
  /** Module loading for `.ts`/`.mts`/`.js`/`.mjs`; default jiti. */
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
