import { ExitCode } from './exit-codes.js';
import { withFlagNames } from './flag-names.js';

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
  /** The embedded database's folder is in use by another process (with --no-wait). */
  | 'MIGRATION_LOCKED';

/** An error of the CLI: a stable `code` and the exit code it ends the program with. */
export class CliError extends Error {
  override name = 'CliError';
  readonly code: CliErrorCode;
  readonly exitCode: ExitCode;

  constructor(code: CliErrorCode, message: string, options: { exitCode?: ExitCode; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.exitCode = options.exitCode ?? ExitCode.Failure;
  }
}

/** A usage or configuration error: exit code 2. */
export function usageError(message: string, code: CliErrorCode = 'USAGE'): CliError {
  return new CliError(code, message, { exitCode: ExitCode.Usage });
}

/** The stable code of any error: ours, the runner's, a SQLSTATE, or a Node errno. */
export function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
  }
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

/** The message of an error, naming the CLI's flags where the runner named its API options. */
export function messageOf(error: unknown): string {
  return withFlagNames(error instanceof Error ? error.message : String(error));
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
