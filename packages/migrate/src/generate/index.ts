export { describeOperation } from './describe.js';
export {
  applyMigration,
  DATA_LOSING_HAZARDS,
  type GeneratedMigration,
  type GenerateOptions,
  generateMigration,
  HazardNotAllowedError,
  type MigrationChange,
  type ModelsAndOptions,
  type SyncOptions,
  syncSchema,
} from './generate.js';
export { type MakeMigrationOptions, makeMigration, nextMigrationTime } from './make.js';
export type { PlanNotes } from './notes.js';
export {
  NOTHING_OWNED,
  OWNERSHIP_FOLDER,
  type OwnedObjects,
  ownedBy,
  readOwnership,
  unionOwned,
  writeOwnership,
} from './ownership.js';
export { assertNothingPending, PendingMigrationsError } from './pending.js';
export { type ModelsPlan, type PlanFromModelsOptions, planFromModels } from './pipeline.js';
export { type BlockedDrop, UnmanagedDependentError } from './unmanaged-dependents.js';
export { guardComment, viewsNoMigrationCreates, viewsRebuilt } from './view-guards.js';
export {
  type MigrationPart,
  migrationFileName,
  type WriteSourceOptions,
  type WrittenMigration,
  writeMigrationSource,
  writeMigrationSources,
} from './write-source.js';
