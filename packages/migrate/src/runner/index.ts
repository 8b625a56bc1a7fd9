/**
 * `@justscale/migrate/runner`: the migration runner alone, for programs that only run migrations
 * (the `justscale` CLI). It loads no more than running needs: the Database API, the model and SQL
 * compilers and the generator are imported only when a migration is about to run.
 *
 * @example
 * import { createMigrationRunner } from '@justscale/migrate/runner';
 * const applied = await createMigrationRunner(client, { directory: './migrations' }).migrate();
 */

export { type CommittedMigration, MigrationInterruptedError } from '../errors.js';
export { projectCacheDir } from '../files/default-io.js';
export { isUnresolvedImport, moduleLoader } from '../files/module-loader.js';
export type { MigrationFileSystem, MigrationModuleLoader } from '../files/types.js';
export {
  createMigrationRunner,
  type DryRunResult,
  type FreshResult,
  type MigrationRunner,
} from './create-runner.js';
export type { DryRunStatement, MigrationResult, TransactionMode } from './execute.js';
export { type LockMode, lockKey } from './lock.js';
export type {
  DryRunOption,
  FreshOptions,
  MigrationRunnerOptions,
  RollbackOptions,
  RunnerEvent,
} from './options.js';
export type { MigrationProblem, MigrationStatus } from './state.js';
