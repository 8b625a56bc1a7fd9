import type { Argv } from 'yargs';
import { globalOptions } from './commands/options.js';
import { CommandContext, type ConfigOverrides, type GlobalArgs } from './context.js';
import { CliError, codeOf, exitCodeOf, stackOf } from './errors.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { detailLines, jsonFieldsOf, viewOf } from './output/error.js';
import { Redactor } from './redact.js';

/** A command's work: it returns the exit code, and throws for failures. */
export type Handler<A> = (args: A, ctx: CommandContext) => Promise<ExitCode>;

/** Where commands run: the io, overrides fixed in code, and where the exit code goes. */
export interface CommandEnv {
  readonly io: CliIo;
  readonly overrides?: ConfigOverrides | undefined;
  /** Receives the command's exit code. Handlers never call `process.exit`. */
  readonly report: (code: ExitCode) => void;
}

/**
 * A yargs handler that loads the command's module on first use (so `--help` loads nothing),
 * runs it, prints any error with its stable code, closes what it opened and reports the exit code.
 */
export function lazyHandler<A>(
  env: CommandEnv,
  load: () => Promise<Handler<A>>,
): (args: { readonly [key: string]: unknown }) => Promise<void> {
  return async (args) => {
    const ctx = new CommandContext(env.io, args as GlobalArgs, env.overrides, new Redactor());
    let code: ExitCode;
    try {
      const handler = await load();
      code = await handler(args as A, ctx);
    } catch (error) {
      code = reportError(ctx, error);
    } finally {
      await ctx.close();
    }
    const signal = env.io.signal;
    if (signal?.aborted) code = signal.reason === 'SIGTERM' ? ExitCode.Terminated : ExitCode.Interrupted;
    env.report(code);
  };
}

/**
 * Prints an error: `error [CODE]: message` on stderr (the message of a failed migration holds the
 * file, the statement and a caret under PostgreSQL's position), then what the error names — the
 * object, the file and line, PostgreSQL's SQLSTATE, the hint with the CLI's flags — the stack only
 * with `--verbose`; with `--json` an `{ error }` object on stdout holding the same fields, with
 * `committed` beside it when a run stopped after some migrations had committed.
 */
export function reportError(ctx: CommandContext, error: unknown): ExitCode {
  const code = codeOf(error);
  const exitCode = exitCodeOf(error);
  const view = viewOf(error, ctx.io.cwd, code);
  if (ctx.json) {
    const e = error as Record<string, unknown>;
    ctx.printJson({
      ...(Array.isArray(e.committed) ? { committed: e.committed } : {}),
      error: {
        code,
        exitCode,
        message: view.message,
        ...jsonFieldsOf(error, view),
        ...(typeof e.file === 'string' ? { file: e.file } : {}),
        ...(typeof e.migration === 'string' ? { migration: e.migration } : {}),
        ...(typeof e.sql === 'string' ? { sql: e.sql } : {}),
        ...(e.postgres !== undefined ? { postgres: e.postgres } : {}),
      },
    });
  }
  const c = ctx.err.colors;
  ctx.err.line(`${c.red(c.bold(`error [${code}]`))}: ${view.message}`);
  for (const line of detailLines(view)) ctx.err.line(c.dim(line));
  if (ctx.verbose) ctx.err.line(c.dim(stackOf(error)));
  else if (!(error instanceof CliError) && code === 'UNEXPECTED')
    ctx.err.line(c.dim('Run with --verbose for the stack trace.'));
  return exitCode;
}

/** The options every command takes: where the config and the database are, and how to print. */
export function withGlobalOptions<T>(y: Argv<T>) {
  return y.options(globalOptions);
}

export { ExitCode };
