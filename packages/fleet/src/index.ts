/**
 * `@justscale/fleet`: many databases or tenant schemas migrated by one process, in parallel,
 * resumable (each target's own lock and transactions), with one report.
 *
 * @example
 * import { createFleetRunner, parseTargets } from '@justscale/fleet';
 * const fleet = createFleetRunner(parseTargets(text, 'targets.txt'), { directory: './migrations' });
 * const report = await fleet.migrate();
 */
export { type ConnectOptions, defaultConnect, type FleetConnect, type FleetDatabase } from './connections.js';
export { type FleetQuery, targetsFromQuery } from './discover.js';
export { FleetError, type FleetErrorCode } from './errors.js';
export {
  createFleetRunner,
  type FleetRollbackOptions,
  type FleetRunner,
  type FleetRunnerOptions,
  type FleetTargets,
} from './fleet-runner.js';
export type {
  FleetProgress,
  FleetReport,
  FleetSummary,
  FleetTargetError,
  FleetTargetResult,
  FleetTargetStatus,
} from './report.js';
export type { StopReason } from './schedule.js';
export { sharedMigrationFiles } from './shared-files.js';
export { type FleetTarget, parseTarget, parseTargets, targetLabel } from './targets.js';
