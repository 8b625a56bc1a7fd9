/**
 * JustScale Postgres: the public API in one import.
 *
 * @example
 * import { createMigrationRunner, defineMigration, generateMigration } from '@justscale/postgres';
 */

// The CLI, for mounting the migrate commands in your own program.
export { createMigrationController, defineConfig, type JustscaleConfig } from '@justscale/cli';
export {
  DiffError,
  type DiffOptions,
  diff,
  NoCastError,
  type Note,
  type Plan,
  type PlannedStatement,
  parseRenameHints,
  type RenameHint,
  UnsafeChangeError,
} from '@justscale/diff';
// Drivers.
export { DatabaseError, type Driver, isDatabaseError, type Queryable, type Session } from '@justscale/driver';
export { createPgDriver, pgDriver } from '@justscale/driver-pg';
export { createPgliteDriver, pgliteDriver } from '@justscale/driver-pglite';
export { createPostgresDriver, postgresDriver } from '@justscale/driver-postgres';
// Errors: every error JustScale raises is a JustScaleError (PostgreSQL's own stay DatabaseError).
export {
  apiSpelling,
  type ErrorRef,
  isJustScaleError,
  JustScaleError,
  type JustScaleErrorOptions,
  type OptionRef,
  sqlstateOf,
} from '@justscale/errors';
// Fleets: many databases or tenant schemas in one run.
export {
  createFleetRunner,
  defaultConnect,
  type FleetConnect,
  type FleetDatabase,
  FleetError,
  type FleetErrorCode,
  type FleetProgress,
  type FleetQuery,
  type FleetReport,
  type FleetRollbackOptions,
  type FleetRunner,
  type FleetRunnerOptions,
  type FleetSummary,
  type FleetTarget,
  type FleetTargetResult,
  type FleetTargetStatus,
  type FleetTargets,
  parseTarget,
  parseTargets,
  targetLabel,
} from '@justscale/fleet';
// The live schema, and plans between schemas.
export { type IntrospectOptions, introspect, snapshotHash } from '@justscale/introspect';
// Migrations: files, the Database API, the runner, generation from models.
export * from '@justscale/migrate';
// The schema model.
export type { Operation, QualifiedName, Snapshot } from '@justscale/schema';
export { normalizeSnapshot, snapshotsEqual } from '@justscale/schema';
// The compiler and its quoting.
export {
  type CompileOptions,
  compile,
  compileAll,
  HAZARD_KINDS,
  type Hazard,
  type HazardKind,
  invert,
  quoteIdent,
  quoteLiteral,
  quoteQualified,
  type Statement as CompiledStatement,
} from '@justscale/sql';
// Models.
export * from './models.js';
