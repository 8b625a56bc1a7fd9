import type { CommandModule } from 'yargs';
import { type CommandEnv, lazyHandler } from '../command.js';
import type { GlobalArgs } from '../context.js';
import { diffOptions } from './options.js';

type Args = GlobalArgs & Record<string, unknown>;

const schemaFilter = {
  type: 'string',
  array: true,
  describe: 'Only these schemas (repeat or comma-separate; default: the config, or public)',
} as const;

/** `justscale schema diff | pull | push`. */
export function schemaCommand(env: CommandEnv): CommandModule<object, Args> {
  return {
    command: 'schema <command>',
    describe: 'Compare, pull and push schemas (diff, pull, push)',
    builder: (y) =>
      y
        .command({
          command: 'diff',
          describe:
            'Print the SQL that turns the --from database into the --to database (nothing when equal)',
          builder: (s) => s.options(diffOptions),
          handler: lazyHandler(env, async () => (await import('../handlers/schema.js')).diff),
        })
        .command({
          command: 'pull',
          describe: 'Write models from the database schema',
          builder: (s) =>
            s
              .option('out', {
                type: 'string',
                describe: 'File to write (default: models in the config, or stdout)',
              })
              .option('stdout', { type: 'boolean', describe: 'Print the models instead of writing a file' })
              .option('schema', schemaFilter)
              .option('force', { type: 'boolean', describe: 'Overwrite an existing file' }),
          handler: lazyHandler(env, async () => (await import('../handlers/schema.js')).pull),
        })
        .command({
          command: 'push',
          describe: 'Sync the database to the models directly, without a migration (development only)',
          builder: (s) =>
            s
              .option('models', { type: 'string', describe: 'Models module (default: models in the config)' })
              .option('allow-hazards', {
                type: 'string',
                describe:
                  'Hazard kinds to accept, comma-separated (e.g. deletes-data,rewrites-table; all for any)',
              })
              .option('online', { type: 'boolean', describe: 'Use online recipes' })
              .option('prune', {
                type: 'boolean',
                describe: 'Also drop tables and enums no model describes and no migration record owns',
              })
              .option('dry-run', { type: 'boolean', describe: 'Print the SQL; run nothing' }),
          handler: lazyHandler(env, async () => (await import('../handlers/schema.js')).push),
        })
        .demandCommand(1, 'Name a schema command: diff, pull or push'),
    handler: () => undefined,
  };
}
