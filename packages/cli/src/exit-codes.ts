/**
 * The exit codes of `justscale`, one meaning each, stable across versions.
 *
 * @example
 * if ((await run(['migrate', 'status', '--check'], io)) === ExitCode.Pending) console.log('migrations to run');
 */
export const ExitCode = {
  /** The command did what was asked. */
  Success: 0,
  /** The command failed: a migration, a statement, a connection, an integrity check. */
  Failure: 1,
  /** Usage or configuration error: unknown command or flag, bad value, invalid config file. */
  Usage: 2,
  /**
   * Hazards refused: the plan would lose data (or take other hazards) that were not allowed; or
   * `migrate fresh`, which deletes data, was not confirmed.
   */
  Hazards: 3,
  /** Changes pending: `--check` / `--exit-code` found migrations to run or a schema difference. */
  Pending: 4,
  /** Another runner holds the migration lock (or the embedded database's folder), and `--no-wait` was given. */
  Locked: 5,
  /** Interrupted by Ctrl-C (SIGINT): what had committed stays, the running migration rolled back. */
  Interrupted: 130,
  /** Terminated by SIGTERM: as for SIGINT. */
  Terminated: 143,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit codes as the README and the `--help` epilogue show them. */
export const exitCodeHelp = `Exit codes:
  0  success
  1  failure (a migration, a statement, the connection, an integrity check)
  2  usage or configuration error
  3  hazards refused (pass --allow-hazards kind,...), or migrate fresh not confirmed (--force)
  4  changes pending (migrate status/pending --check, schema diff --exit-code)
  5  migration lock held by another runner (with --no-wait)
  130  interrupted by Ctrl-C (SIGINT), 143 by SIGTERM: what committed stays, the rest rolled back`;
