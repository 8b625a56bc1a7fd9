export { canonicalizeSnapshot } from './canonicalize/index.js';
export { type DriverInput, toDriver } from './connection/to-driver.js';
export type { DataMethods, FindOptions, OrderBy, Where } from './database/data.js';
export type { Database } from './database/database.js';
export { createDatabase, databaseOn } from './database/database.js';
export type {
  AlterTableBuilder,
  ColumnMethods,
  CommentMethods,
  CommentOn,
  ConstraintMethods,
  CreateIndexOptions,
  CreateTableOptions,
  CreateViewOptions,
  DdlMethods,
  DropConstraintOptions,
  DropIndexOptions,
  DropOptions as DdlDropOptions,
  Fields,
  ForeignKeyOptions,
  ForeignKeyTarget,
  FunctionDefinition,
  FunctionMethods,
  IndexMethods,
  PolicyDefinition,
  PolicyMethods,
  SchemaMethods,
  TableMethods,
  TriggerDefinition,
  TypeMethods,
  TypeValuePosition,
  ViewMethods,
} from './database/ddl/index.js';
export { dryRunExecutor, type Executor, liveExecutor, type Statement } from './database/executor.js';
export type { InspectMethods } from './database/inspect.js';
export type { TableName } from './database/names.js';
export type { RawMethods } from './database/raw.js';
export {
  defineMigration,
  type MigrationContext,
  type MigrationDefinition,
} from './define-migration.js';
export {
  type CommittedMigration,
  MigrateError,
  type MigrateErrorCode,
  MigrationFailedError,
  MigrationIntegrityError,
  MigrationInterruptedError,
  MigrationLoadError,
  MigrationLockError,
  StatementError,
} from './errors.js';
export { jitiLoader, nodeFileSystem, projectCacheDir } from './files/default-io.js';
export { checksum, discoverMigrations } from './files/discover.js';
export { type LoadedMigration, loadMigration } from './files/load.js';
export { moduleLoader } from './files/module-loader.js';
export { parseSqlMigration, type SqlMigrationSource } from './files/sql-file.js';
export type {
  MigrationExtension,
  MigrationFile,
  MigrationFileSystem,
  MigrationModuleLoader,
} from './files/types.js';
export { formatSqlError } from './format-sql-error.js';
export {
  applyMigration,
  assertNothingPending,
  type BlockedDrop,
  DATA_LOSING_HAZARDS,
  describeOperation,
  type GeneratedMigration,
  type GenerateOptions,
  generateMigration,
  guardComment,
  HazardNotAllowedError,
  type MakeMigrationOptions,
  type MigrationChange,
  type MigrationPart,
  type ModelsAndOptions,
  type ModelsPlan,
  makeMigration,
  migrationFileName,
  NOTHING_OWNED,
  nextMigrationTime,
  OWNERSHIP_FOLDER,
  type OwnedObjects,
  ownedBy,
  PendingMigrationsError,
  type PlanFromModelsOptions,
  type PlanNotes,
  planFromModels,
  readOwnership,
  type SyncOptions,
  syncSchema,
  UnmanagedDependentError,
  unionOwned,
  viewsNoMigrationCreates,
  viewsRebuilt,
  type WriteSourceOptions,
  type WrittenMigration,
  writeMigrationSource,
  writeMigrationSources,
  writeOwnership,
} from './generate/index.js';
export {
  createMigrationRunner,
  type DryRunResult,
  type FreshResult,
  type MigrationRunner,
} from './runner/create-runner.js';
export type { DryRunStatement, MigrationResult, TransactionMode } from './runner/execute.js';
export { type LockMode, lockKey } from './runner/lock.js';
export type {
  DryRunOption,
  FreshOptions,
  MigrationRunnerOptions,
  RollbackOptions,
} from './runner/options.js';
export type { MigrationProblem, MigrationStatus } from './runner/state.js';
export {
  checkMigrations,
  type MigrationVerdict,
  type ReplayOptions,
  type ReplayReport,
  testMigrations,
} from './verify/index.js';
