import type { Handler } from './command.js';
import { diffOptions, dryRunOption, globalOptions, runOptions, statusOptions } from './commands/options.js';
import { type QuickOption, quickArgs } from './quick-args.js';

/** A command the binary runs without loading yargs, when its arguments are plainly spelt. */
interface QuickCommand {
  readonly words: readonly string[];
  readonly options: Readonly<Record<string, QuickOption>>;
  readonly load: () => Promise<Handler<never>>;
}

const migrateOptions = { ...globalOptions, ...runOptions, ...dryRunOption };

// The commands a deploy or a CI job runs. yargs (about 40 modules, and its command tree built on
// every run) is a third of the start of a `schema diff` of a small database.
const quickCommands: readonly QuickCommand[] = [
  {
    words: ['schema', 'diff'],
    options: { ...globalOptions, ...diffOptions },
    load: async () => (await import('./handlers/schema.js')).diff,
  },
  {
    words: ['migrate', 'status'],
    options: { ...migrateOptions, ...statusOptions },
    load: async () => (await import('./handlers/migrate.js')).status,
  },
  {
    words: ['migrate'],
    options: migrateOptions,
    load: async () => (await import('./handlers/migrate.js')).migrate,
  },
];

/**
 * The handler and the arguments (as yargs would give them) of `argv` when it is one of the quick
 * commands, plainly spelt (`quickArgs`); undefined for anything else, which yargs parses.
 *
 * @example
 * const quick = quickCommand(['migrate', 'status', '--json']);
 * if (quick) await (await quick.load())(quick.args, ctx);
 */
export function quickCommand(
  argv: readonly string[],
): { readonly args: Record<string, unknown>; readonly load: () => Promise<Handler<never>> } | undefined {
  for (const command of quickCommands) {
    const args = quickArgs(argv, command.words, command.options);
    if (args !== undefined) return { args, load: command.load };
  }
  return undefined;
}
