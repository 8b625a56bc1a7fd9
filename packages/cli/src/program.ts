import { type CommandEnv, lazyHandler, withGlobalOptions } from './command.js';
import { CliError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { epilogue, helpWidth, quickAnswer } from './help-text.js';
import { type CliIo, colorsFor } from './io.js';
import { quickCommand } from './quick-commands.js';
import { Redactor } from './redact.js';
import { version } from './version.js';

/**
 * Runs `justscale` with `argv` (the arguments after the program name) on `io`, and returns the
 * exit code. Nothing here calls `process.exit`, so tests run it with buffers.
 *
 * @example
 * const code = await run(['migrate', 'status', '--json'], {
 *   stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(),
 * });
 */
export function run(argv: readonly string[], io: CliIo): Promise<number> {
  return runWith(argv, io, true);
}

/**
 * `run` without the quick path: every command parsed by yargs. Internal: the tests compare the two.
 */
export function runThroughYargs(argv: readonly string[], io: CliIo): Promise<number> {
  return runWith(argv, io, false);
}

async function runWith(argv: readonly string[], io: CliIo, quick: boolean): Promise<number> {
  let exitCode: ExitCode = ExitCode.Success;
  const env: CommandEnv = { io, report: (code) => (exitCode = code) };
  const redactor = new Redactor();
  const args = [...argv];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (/^(postgres|postgresql):\/\//.test(arg) || arg.includes('://')) redactor.addUrl(arg);
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) redactor.addUrl(arg.slice(eq + 1));
  }
  if (io.env.DATABASE_URL) redactor.addUrl(io.env.DATABASE_URL);

  const width = helpWidth(io);
  const answer = quickAnswer(args, io);
  if (answer !== undefined) {
    io.stdout.write(answer);
    return ExitCode.Success;
  }
  // `schema diff`, `migrate` and `migrate status` plainly spelt: parsed here, yargs (a third of the
  // start of a small `schema diff`) is not loaded. The handler gets what yargs would give it.
  const command = quick ? quickCommand(args) : undefined;
  if (command !== undefined) {
    await lazyHandler(env, command.load)(command.args);
    return exitCode;
  }
  const program = await buildProgram(args, env, width);
  skipHelpCache(program);

  try {
    await program.parseAsync(args, {}, (_error, _argv, output) => {
      if (output) io.stdout.write(`${redactor.redact(output)}\n`);
    });
  } catch (error) {
    const c = colorsFor(io, io.stderr);
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      redactor.redact(`${c.red(c.bold('error [USAGE]'))}: ${message}\nRun justscale --help for usage.\n`),
    );
    return error instanceof CliError ? error.exitCode : ExitCode.Usage;
  }
  return exitCode;
}

/**
 * yargs renders the whole help text of the command it runs on every run, to keep it for a later
 * `showHelp` (its usage's `cacheHelpMessage`): string widths, wrapping, about a tenth of the CPU of a
 * no-op `migrate`. Nothing here shows help after a handler has started (`--help` is prerendered,
 * failures print their own line), and yargs still renders help on demand, so the cache is skipped.
 * An internal of yargs: if it is not there, nothing changes.
 */
function skipHelpCache(program: object): void {
  const internal = (program as { getInternalMethods?: () => { getUsageInstance?: () => unknown } })
    .getInternalMethods;
  const usage = internal?.call(program).getUsageInstance?.() as { cacheHelpMessage?: unknown } | undefined;
  if (usage !== undefined && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

/** The yargs program, loaded on first use: `--help` and `--version` alone never need it. */
async function buildProgram(args: readonly string[], env: CommandEnv, width: number) {
  const [{ default: yargs }, { fleetCommand }, { migrateCommand }, { schemaCommand }] = await Promise.all([
    import('yargs'),
    import('./commands/fleet.js'),
    import('./commands/migrate.js'),
    import('./commands/schema.js'),
  ]);
  return withGlobalOptions(
    yargs([...args])
      .scriptName('justscale')
      .exitProcess(false)
      .strict()
      .wrap(width)
      .fail((message, error) => {
        throw error ?? new CliError('USAGE', message ?? 'Invalid usage', { exitCode: ExitCode.Usage });
      }),
  )
    .command(migrateCommand(env, false))
    .command(schemaCommand(env))
    .command(fleetCommand(env))
    .demandCommand(1, 'Name a command: migrate, schema or fleet')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(version)
    .epilogue(epilogue);
}

/**
 * `justscale --help` as yargs renders it `width` columns wide (what `prerenderedHelp` must equal).
 *
 * @example
 * const text = await renderHelp(100);
 */
export async function renderHelp(width: number): Promise<string> {
  const program = await buildProgram([], { io: nullIo, report: () => undefined }, width);
  return program.getHelp();
}

const nullIo: CliIo = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  env: {},
  cwd: '.',
};
