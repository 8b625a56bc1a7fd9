import type { CommandModule } from 'yargs';
import { type CommandEnv, lazyHandler, withGlobalOptions } from '../command.js';
import type { GlobalArgs } from '../context.js';
import type { RunFlags } from '../handlers/migrate.js';
import { dryRunOption, runOptions, statusOptions } from './options.js';

type Args = GlobalArgs & RunFlags & Record<string, unknown>;

const load = () => import('../handlers/migrate.js');

/**
 * The `migrate` command and its subcommands, for `justscale` and for `createMigrationController`.
 * `globals` adds the config and output options to it (a host program may define its own).
 */
export function migrateCommand(env: CommandEnv, globals: boolean): CommandModule<object, Args> {
  return {
    command: 'migrate',
    describe: 'Run pending migrations (and manage them: status, rollback, make, pending, fresh, test, check)',
    builder: (y) => {
      const base = globals ? withGlobalOptions(y) : y;
      return base
        .options(runOptions)
        .options(dryRunOption)
        .command({
          command: 'status',
          describe: 'Show every migration: ✓ applied (batch, time) or ✗ pending',
          builder: (s) => s.options(statusOptions),
          handler: lazyHandler(env, async () => (await load()).status),
        })
        .command({
          command: 'pending',
          describe: 'List the migrations not applied yet',
          builder: (s) =>
            s.option('check', {
              type: 'boolean',
              describe:
                'Exit 4 when migrations are pending, 1 when applied ones changed, are missing or out of order',
            }),
          handler: lazyHandler(env, async () => (await load()).pending),
        })
        .command({
          command: 'rollback',
          describe: 'Roll back the last batch (or --steps N batches, or --all)',
          // The run flags (--wait, --transaction, --dry-run, ...) come from `migrate`: yargs options
          // are inherited, and declaring them again would list --transaction's choices twice.
          builder: (s) =>
            s
              .option('steps', { type: 'number', describe: 'How many batches to roll back (default 1)' })
              .option('all', { type: 'boolean', describe: 'Roll back every batch' })
              .conflicts('steps', 'all')
              .check((a) => {
                if (a.steps !== undefined && (!Number.isInteger(a.steps) || a.steps < 1)) {
                  throw new Error('--steps must be a positive integer');
                }
                return true;
              }),
          handler: lazyHandler(env, async () => (await load()).rollback),
        })
        .command({
          command: 'fresh',
          describe: 'Roll everything back (or --drop the schemas) and migrate from scratch',
          builder: (s) =>
            s
              .option('drop', {
                type: 'boolean',
                describe: 'Drop and recreate the managed schemas instead of running the downs',
              })
              .option('force', {
                type: 'boolean',
                describe: 'Do not ask first (needed where nobody can answer: a script, CI, --json)',
              }),
          handler: lazyHandler(env, async () => (await load()).fresh),
        })
        .command({
          command: 'make <name>',
          describe: 'Write a migration generated from the models against the database (--empty: a blank one)',
          builder: (s) =>
            s
              .positional('name', {
                type: 'string',
                demandOption: true,
                describe: 'e.g. add_avatar_to_users',
              })
              .option('empty', { type: 'boolean', describe: 'Write a blank migration' })
              .option('models', { type: 'string', describe: 'Models module (default: models in the config)' })
              .option('dry-run', { type: 'boolean', describe: 'Print the file instead of writing it' })
              .option('allow-empty', { type: 'boolean', describe: 'Write a file even when nothing changed' })
              .option('prune', {
                type: 'boolean',
                describe: 'Also drop tables and enums no model describes and no migration record owns',
              })
              .option('online', {
                type: 'boolean',
                describe:
                  'Write the lock-safe recipe: indexes CONCURRENTLY, NOT VALID then VALIDATE, lock_timeout (and a down as safe)',
              }),
          handler: lazyHandler(env, async () => (await import('../handlers/make.js')).make),
        })
        .command({
          command: 'test',
          describe:
            'On a scratch database (in-memory PGlite; --database-url: a new one on that server), run each migration up, down and up again, then compare with the models',
          builder: (s) =>
            s.option('models', { type: 'string', describe: 'Models module (default: models in the config)' }),
          handler: lazyHandler(env, async () => (await import('../handlers/test.js')).test),
        })
        .command({
          command: 'check',
          describe:
            'Replay the migrations on in-memory PGlite and compare with the models: exit 4 when a `migrate make` is missing',
          builder: (s) =>
            s.option('models', { type: 'string', describe: 'Models module (default: models in the config)' }),
          handler: lazyHandler(env, async () => (await import('../handlers/check.js')).check),
        });
    },
    handler: lazyHandler(env, async () => (await load()).migrate),
  };
}
