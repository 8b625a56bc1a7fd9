import type { Argv, CommandModule } from 'yargs';
import { type CommandEnv, lazyHandler } from '../command.js';
import type { GlobalArgs } from '../context.js';
import type { FleetFlags } from '../handlers/fleet.js';

type Args = GlobalArgs & FleetFlags & Record<string, unknown>;

const load = () => import('../handlers/fleet.js');

function positive(name: string, min: number) {
  return (a: Record<string, unknown>) => {
    const value = a[name];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < min)) {
      throw new Error(`--${name} must be a whole number of ${min} or more`);
    }
    return true;
  };
}

function runFlags<T>(y: Argv<T>) {
  return y
    .option('concurrency', { type: 'number', default: 4, describe: 'Targets migrated at once' })
    .option('canary', {
      type: 'number',
      describe: 'Run the first N targets first; stop everything if one of them fails',
    })
    .option('continue-on-error', {
      type: 'boolean',
      describe: 'Keep starting targets after one fails (default: stop scheduling at the first failure)',
    })
    .check(positive('concurrency', 1))
    .check(positive('canary', 0));
}

/**
 * `justscale fleet migrate | status | pending | rollback`: the migrations of one folder over many
 * databases or tenant schemas, from `--targets FILE` or the config's `fleet`.
 */
export function fleetCommand(env: CommandEnv): CommandModule<object, Args> {
  return {
    command: 'fleet <command>',
    describe: 'Migrate many databases or tenant schemas in one run (migrate, status, pending, rollback)',
    builder: (y) =>
      y
        .option('targets', {
          type: 'string',
          describe:
            'File of targets, one a line: postgres:// URL, optionally #schema=NAME (default: fleet in the config)',
        })
        .command({
          command: 'migrate',
          describe: 'Apply pending migrations on every target',
          builder: (s) => runFlags(s),
          handler: lazyHandler(env, async () => (await load()).fleetMigrate),
        })
        .command({
          command: 'status',
          describe: 'Every target: up to date, pending or drifted (applied files changed)',
          builder: (s) =>
            runFlags(s).option('check', {
              type: 'boolean',
              describe: 'Exit 4 when any target has pending migrations',
            }),
          handler: lazyHandler(env, async () => (await load()).fleetStatus),
        })
        .command({
          command: 'pending',
          describe: 'The migrations not applied yet, per target',
          builder: (s) =>
            runFlags(s).option('check', {
              type: 'boolean',
              describe: 'Exit 4 when any target has pending migrations',
            }),
          handler: lazyHandler(env, async () => (await load()).fleetPending),
        })
        .command({
          command: 'rollback',
          describe: 'Roll back the last batch (or --steps N, or --all) on every target',
          builder: (s) =>
            runFlags(s)
              .option('steps', { type: 'number', describe: 'How many batches to roll back (default 1)' })
              .option('all', { type: 'boolean', describe: 'Roll back every batch' })
              .conflicts('steps', 'all')
              .check(positive('steps', 1)),
          handler: lazyHandler(env, async () => (await load()).fleetRollback),
        })
        .demandCommand(1, 'Name a fleet command: migrate, status, pending or rollback'),
    handler: () => undefined,
  };
}
