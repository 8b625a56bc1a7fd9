import { exitCodeHelp } from './exit-codes.js';
import type { CliIo } from './io.js';
import { version } from './version.js';

/** What follows the options in `justscale --help`: the exit codes and where the docs are. */
export const epilogue = `${exitCodeHelp}\n\nDocs: https://github.com/justscale/postgres/tree/main/packages/cli#readme`;

/**
 * `justscale --help` as yargs renders it at the widths `run` uses for a pipe (100) and a wide
 * terminal (110), so that the most common cold start prints it without loading yargs. The test
 * `test/help-text.test.ts` checks each is exactly what yargs prints; after changing a command's
 * description or a global option, paste its output here.
 */
export const prerenderedHelp: Readonly<Partial<Record<number, string>>> = {
  100: `justscale <command>

Commands:
  justscale migrate           Run pending migrations (and manage them: status, rollback, make,
                              pending, fresh, test, check)
  justscale schema <command>  Compare, pull and push schemas (diff, pull, push)
  justscale fleet <command>   Migrate many databases or tenant schemas in one run (migrate, status,
                              pending, rollback)

Options:
      --config        Config file (default: justscale.config.{ts,mts,js,mjs,json})          [string]
      --database-url  Database URL (postgres://... or pglite:<dir>); overrides DATABASE_URL and the
                      config                                                                [string]
      --migrations    Migrations directory (default ./migrations)                           [string]
      --table         Tracking table (default _migrations)                                  [string]
      --json          Machine-readable output on stdout                                    [boolean]
      --verbose       Show stack traces on errors                                          [boolean]
      --version       Show version number                                                  [boolean]
  -h, --help          Show help                                                            [boolean]

${epilogue}`,
  110: `justscale <command>

Commands:
  justscale migrate           Run pending migrations (and manage them: status, rollback, make, pending, fresh,
                              test, check)
  justscale schema <command>  Compare, pull and push schemas (diff, pull, push)
  justscale fleet <command>   Migrate many databases or tenant schemas in one run (migrate, status, pending,
                              rollback)

Options:
      --config        Config file (default: justscale.config.{ts,mts,js,mjs,json})                    [string]
      --database-url  Database URL (postgres://... or pglite:<dir>); overrides DATABASE_URL and the config
                                                                                                      [string]
      --migrations    Migrations directory (default ./migrations)                                     [string]
      --table         Tracking table (default _migrations)                                            [string]
      --json          Machine-readable output on stdout                                              [boolean]
      --verbose       Show stack traces on errors                                                    [boolean]
      --version       Show version number                                                            [boolean]
  -h, --help          Show help                                                                      [boolean]

${epilogue}`,
};

/** The width yargs wraps help to: the terminal's, at most 110; 100 on a pipe. */
export function helpWidth(io: CliIo): number {
  return Math.min(110, (io.stdout as { columns?: number }).columns ?? 100);
}

/**
 * The whole output of `justscale --help`, `-h` (at a prerendered width) or `--version`, or
 * undefined for anything else. Loads nothing: `bin.js` calls it before it imports the program.
 */
export function quickAnswer(args: readonly string[], io: CliIo): string | undefined {
  if (args.length !== 1) return undefined;
  const help = prerenderedHelp[helpWidth(io)];
  if ((args[0] === '--help' || args[0] === '-h') && help !== undefined) return `${help}\n`;
  if (args[0] === '--version') return `${version}\n`;
  return undefined;
}
