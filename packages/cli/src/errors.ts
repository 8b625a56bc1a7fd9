import { isJustScaleError, JustScaleError, type JustScaleErrorOptions } from '@justscale/errors';
import { ExitCode } from './exit-codes.js';

/** Stable codes of the errors the CLI itself raises (the runner's have their own). */
export type CliErrorCode =
  | 'CONFIG_NOT_FOUND'
  | 'CONFIG_INVALID'
  | 'CONFIG_LOAD_FAILED'
  | 'USAGE'
  | 'MODELS_NOT_FOUND'
  | 'MODELS_LOAD_FAILED'
  | 'HAZARDS_REFUSED'
  | 'FILE_EXISTS'
  | 'CONNECTION_FAILED'
  | 'UNSUPPORTED'
  | 'MIGRATIONS_PENDING'
  /** A command that deletes data (`migrate fresh`) was not confirmed: no `--force`, or not at the prompt. */
  | 'NOT_CONFIRMED'
  /** The embedded database's folder is in use by another process (with --no-wait). */
  | 'MIGRATION_LOCKED';

/** An error of the CLI: a `JustScaleError` with a stable `code` and the exit code it ends the program with. */
export class CliError extends JustScaleError {
  override name = 'CliError';
  declare readonly code: CliErrorCode;
  readonly exitCode: ExitCode;

  constructor(
    code: CliErrorCode,
    message: string,
    options: JustScaleErrorOptions & { exitCode?: ExitCode } = {},
  ) {
    super(code, message, options);
    this.exitCode = options.exitCode ?? ExitCode.Failure;
  }
}

/** A usage or configuration error: exit code 2. */
export function usageError(message: string, code: CliErrorCode = 'USAGE'): CliError {
  return new CliError(code, message, { exitCode: ExitCode.Usage });
}

/**
 * The stable code of any error: a JustScale error's own code; `DATABASE_ERROR` for an error
 * PostgreSQL raised that nothing of ours wrapped (its SQLSTATE is shown apart, never as the code);
 * `UNEXPECTED` for anything else.
 */
export function codeOf(error: unknown): string {
  if (isJustScaleError(error)) return error.code;
  if (error instanceof Error && error.name === 'DatabaseError') return 'DATABASE_ERROR';
  return 'UNEXPECTED';
}

/** The exit code an error ends the program with. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  const code = codeOf(error);
  if (code === 'MIGRATION_LOCKED') return ExitCode.Locked;
  if (code === 'INVALID_ARGUMENT') return ExitCode.Usage;
  return ExitCode.Failure;
}

/** The stack of an error and of each of its causes, for `--verbose`. */
export function stackOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
    if (current !== undefined && current !== null) parts.push('Caused by:');
  }
  return parts.join('\n');
}
