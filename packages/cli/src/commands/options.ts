/**
 * The options of the commands the quick path parses (`src/quick-args.ts`), as yargs is given them:
 * one definition for both, so the two parsers cannot drift apart.
 */

/** The options every command takes: where the config and the database are, and how to print. */
export const globalOptions = {
  config: {
    type: 'string',
    describe: 'Config file (default: justscale.config.{ts,mts,js,mjs,json})',
  },
  'database-url': {
    type: 'string',
    describe: 'Database URL (postgres://... or pglite:<dir>); overrides DATABASE_URL and the config',
  },
  migrations: { type: 'string', describe: 'Migrations directory (default ./migrations)' },
  table: { type: 'string', describe: 'Tracking table (default _migrations)' },
  json: { type: 'boolean', describe: 'Machine-readable output on stdout' },
  verbose: { type: 'boolean', describe: 'Show stack traces on errors' },
} as const;

/** `justscale schema diff`. */
export const diffOptions = {
  from: {
    type: 'string',
    demandOption: true,
    describe: 'Database URL (or pglite:<dir>) to change',
  },
  to: {
    type: 'string',
    demandOption: true,
    describe: 'Database URL (or pglite:<dir>) to match',
  },
  format: {
    choices: ['sql', 'json'] as const,
    default: 'sql' as const,
    describe: 'Output format',
  },
  online: { type: 'boolean', describe: 'Use online recipes (CONCURRENTLY, NOT VALID)' },
  schema: {
    type: 'string',
    array: true,
    describe: 'Only these schemas (repeat or comma-separate; default: every non-system schema)',
  },
  'exclude-schema': {
    type: 'string',
    array: true,
    describe: 'Leave these schemas out (repeat or comma-separate)',
  },
  'exit-code': { type: 'boolean', describe: 'Exit 4 when the schemas differ' },
} as const;

/** `justscale migrate` and, inherited, its subcommands. */
export const runOptions = {
  wait: {
    type: 'boolean',
    default: true,
    describe: 'Wait for another runner holding the lock (--no-wait: exit 5 at once)',
  },
  transaction: {
    choices: ['each', 'all'] as const,
    describe: 'One transaction per migration (each, default) or for the whole batch (all)',
  },
  'allow-changed': { type: 'boolean', describe: 'Go on although applied migration files changed' },
  'allow-missing': { type: 'boolean', describe: 'Go on although applied migration files are gone' },
  'allow-out-of-order': {
    type: 'boolean',
    describe: 'Apply pending migrations named before an applied one',
  },
} as const;

/** `--dry-run` of `justscale migrate` (inherited by its subcommands too). */
export const dryRunOption = {
  'dry-run': { type: 'boolean', describe: 'Print the SQL it would run; run nothing' },
} as const;

/** `justscale migrate status`. */
export const statusOptions = {
  check: {
    type: 'boolean',
    describe: 'Exit 4 when migrations are pending, 1 when applied ones changed, are missing or out of order',
  },
} as const;
