import type { CommandContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { printDryRun, printRan, printStatusTable } from '../output/format.js';

/** Flags of the commands that change the database. */
export interface RunFlags {
  readonly dryRun?: boolean | undefined;
  /** `--no-wait`: fail at once (exit 5) when another runner holds the lock. */
  readonly wait?: boolean | undefined;
  readonly transaction?: 'each' | 'all' | undefined;
  readonly allowChanged?: boolean | undefined;
  readonly allowMissing?: boolean | undefined;
  readonly allowOutOfOrder?: boolean | undefined;
}

async function runnerFor(ctx: CommandContext, flags: RunFlags) {
  const config = await ctx.config();
  const db = await ctx.database();
  const { createMigrationRunner } = await import('@justscale/migrate/runner');
  return createMigrationRunner(db.driver, {
    directory: config.migrations.directory,
    table: config.migrations.table,
    schema: config.migrations.schema,
    schemas: config.schemas,
    lock: flags.wait === false ? 'fail' : 'wait',
    ...(flags.transaction ? { transaction: flags.transaction } : {}),
    allowChangedChecksums: flags.allowChanged === true,
    allowMissing: flags.allowMissing === true,
    allowOutOfOrder: flags.allowOutOfOrder === true,
  });
}

/** `justscale migrate`: runs every pending migration as one batch. */
export async function migrate(args: RunFlags, ctx: CommandContext): Promise<ExitCode> {
  const runner = await runnerFor(ctx, args);
  if (args.dryRun) {
    const report = await runner.migrate({ dryRun: true });
    if (ctx.json) ctx.printJson(report);
    else if (report.migrations.length === 0) ctx.out.line('Nothing to migrate.');
    else printDryRun(ctx.out, report);
    return ExitCode.Success;
  }
  if (!ctx.json) {
    const pending = await runner.pending();
    if (pending.length > 0) {
      ctx.err.line(
        ctx.err.colors.dim(`Running ${pending.length} migration${pending.length === 1 ? '' : 's'}…`),
      );
    }
  }
  const applied = await runner.migrate();
  if (ctx.json) ctx.printJson({ applied });
  else if (applied.length === 0) ctx.out.line('Nothing to migrate.');
  else printRan(ctx.out, applied, 'Applied');
  return ExitCode.Success;
}

/** `justscale migrate status`: every migration with ✓ or ✗. `--check` exits 4 when some are pending. */
export async function status(args: { check?: boolean | undefined }, ctx: CommandContext): Promise<ExitCode> {
  const runner = await runnerFor(ctx, {});
  const rows = await runner.status();
  if (ctx.json) ctx.printJson({ migrations: rows });
  else printStatusTable(ctx.out, rows);
  return args.check && rows.some((row) => !row.applied) ? ExitCode.Pending : ExitCode.Success;
}

/** `justscale migrate pending`: the migrations not applied yet. `--check` exits 4 when there are some. */
export async function pending(args: { check?: boolean | undefined }, ctx: CommandContext): Promise<ExitCode> {
  const runner = await runnerFor(ctx, {});
  const rows = await runner.pending();
  if (ctx.json) ctx.printJson({ pending: rows });
  else if (rows.length === 0) ctx.out.line('No pending migrations.');
  else {
    for (const row of rows) ctx.out.line(`${ctx.out.colors.yellow('✗')} ${row.name}`);
    ctx.out.line(ctx.out.colors.dim(`${rows.length} pending.`));
  }
  return args.check && rows.length > 0 ? ExitCode.Pending : ExitCode.Success;
}

/** `justscale migrate rollback`: reverts the last batch, `--steps N` batches, or `--all`. */
export async function rollback(
  args: RunFlags & { steps?: number | undefined; all?: boolean | undefined },
  ctx: CommandContext,
): Promise<ExitCode> {
  const runner = await runnerFor(ctx, args);
  const options = { ...(args.steps === undefined ? {} : { steps: args.steps }), all: args.all === true };
  if (args.dryRun) {
    const report = await runner.rollback({ ...options, dryRun: true });
    if (ctx.json) ctx.printJson(report);
    else if (report.migrations.length === 0) ctx.out.line('Nothing to roll back.');
    else printDryRun(ctx.out, report);
    return ExitCode.Success;
  }
  const rolledBack = await runner.rollback(options);
  if (ctx.json) ctx.printJson({ rolledBack });
  else if (rolledBack.length === 0) ctx.out.line('Nothing to roll back.');
  else printRan(ctx.out, rolledBack, 'Rolled back');
  return ExitCode.Success;
}

/** `justscale migrate fresh`: rolls everything back (or `--drop`s the schemas) and migrates again. */
export async function fresh(
  args: RunFlags & { drop?: boolean | undefined },
  ctx: CommandContext,
): Promise<ExitCode> {
  const runner = await runnerFor(ctx, args);
  if (args.dryRun) {
    const report = await runner.fresh({ drop: args.drop === true, dryRun: true });
    if (ctx.json) ctx.printJson(report);
    else printDryRun(ctx.out, report);
    return ExitCode.Success;
  }
  const result = await runner.fresh({ drop: args.drop === true });
  if (ctx.json) {
    ctx.printJson(result);
    return ExitCode.Success;
  }
  if (result.dropped.length > 0)
    ctx.out.line(
      `Dropped and recreated schema${result.dropped.length === 1 ? '' : 's'} ${result.dropped.join(', ')}.`,
    );
  if (result.rolledBack.length > 0) printRan(ctx.out, result.rolledBack, 'Rolled back');
  if (result.applied.length > 0) printRan(ctx.out, result.applied, 'Applied');
  else ctx.out.line('No migrations to apply.');
  return ExitCode.Success;
}
