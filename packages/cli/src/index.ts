export type { DatabaseConfig, JustscaleConfig } from './config/define-config.js';
export { defineConfig } from './config/define-config.js';
export { configFileNames, loadConfig } from './config/load.js';
export {
  type ConfigFlags,
  type DatabaseSource,
  type ResolvedConfig,
  resolveConfig,
} from './config/resolve.js';
export { createMigrationController, type MigrationControllerOptions } from './controller.js';
export { CliError, type CliErrorCode } from './errors.js';
export { ExitCode, exitCodeHelp } from './exit-codes.js';
export type { CliIo, Output } from './io.js';
export { run } from './program.js';
export { redactUrl } from './redact.js';
