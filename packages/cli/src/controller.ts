import type { CommandModule } from 'yargs';
import { terminalQuestion } from './ask.js';
import type { CommandEnv } from './command.js';
import { migrateCommand } from './commands/migrate.js';
import type { ConfigOverrides } from './context.js';
import type { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

/** Options of `createMigrationController`. */
export interface MigrationControllerOptions extends ConfigOverrides {
  /**
   * The streams, environment and working directory; default the process's. The config file
   * (`justscale.config.*` in `cwd`) is read as for `justscale`, then these options win.
   */
  readonly io?: Partial<CliIo> | undefined;
  /** Receives each command's exit code; default: sets `process.exitCode` when it is not 0. */
  readonly onExit?: ((code: ExitCode) => void) | undefined;
  /** Add `--config`, `--database-url`, `--json`, ... to the command (default true). */
  readonly globalOptions?: boolean | undefined;
}

/**
 * The `migrate` command with its subcommands (status, rollback, make, pending, fresh), ready to
 * mount in your own yargs program. Handlers never exit the process; the exit code goes to `onExit`.
 *
 * @example
 * import yargs from 'yargs';
 * import { hideBin } from 'yargs/helpers';
 * import { createMigrationController } from '@justscale/cli';
 *
 * await yargs(hideBin(process.argv))
 *   .command(createMigrationController({ database: process.env.DATABASE_URL, directory: './migrations' }))
 *   .demandCommand()
 *   .parseAsync();
 */
export function createMigrationController(options: MigrationControllerOptions = {}): CommandModule {
  const io: CliIo = {
    stdout: options.io?.stdout ?? process.stdout,
    stderr: options.io?.stderr ?? process.stderr,
    env: options.io?.env ?? process.env,
    cwd: options.io?.cwd ?? process.cwd(),
    ...(options.io?.color === undefined ? {} : { color: options.io.color }),
    ...(options.io?.signal === undefined ? {} : { signal: options.io.signal }),
    // Questions go to the terminal, as in `justscale`, unless the program gives its own streams.
    ask: options.io?.ask ?? (options.io?.stderr === undefined ? terminalQuestion() : undefined),
  };
  const { io: _io, onExit, globalOptions, ...overrides } = options;
  const env: CommandEnv = {
    io,
    overrides,
    report:
      onExit ??
      ((code) => {
        if (code !== 0) process.exitCode = code;
      }),
  };
  return migrateCommand(env, globalOptions !== false) as unknown as CommandModule;
}
