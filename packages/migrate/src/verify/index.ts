export {
  checkMigrations,
  type MigrationVerdict,
  type ReplayOptions,
  type ReplayReport,
  testMigrations,
} from './replay.js';
