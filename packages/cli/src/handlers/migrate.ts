import type { CommandContext } from '../context.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { printDryRun, printStatusTable, ranSummary } from '../output/format.js';
import { Progress } from '../output/progress.js';

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

async function runnerFor(ctx: CommandContext, flags: RunFlags, progress?: Progress) {
  // The runner's modules load while the database opens (PGlite's start is most of a no-op run).
  const [config, db, { createMigrationRunner }] = await Promise.all([
    ctx.config(),
    ctx.database(),
    import('@justscale/migrate/runner'),
  ]);
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
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(progress ? { onEvent: progress.onEvent } : {}),
  });
}

/** Runs a live command, telling the user what committed and what did not when it stops. */
async function live<T>(progress: Progress, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    progress.stopped(error);
    throw error;
  }
}

/** `justscale migrate`: runs every pending migration as one batch. */
export async function migrate(args: RunFlags, ctx: CommandContext): Promise<ExitCode> {
  if (args.dryRun) {
    const report = await (await runnerFor(ctx, args)).migrate({ dryRun: true });
    if (ctx.json) ctx.printJson(report);
    else if (report.migrations.length === 0) ctx.out.line('Nothing to migrate.');
    else printDryRun(ctx.out, report);
    return ExitCode.Success;
  }
  const progress = new Progress(ctx);
  const applied = await live(progress, async () => (await runnerFor(ctx, args, progress)).migrate());
  if (ctx.json) ctx.printJson({ applied });
  else if (applied.length === 0) ctx.out.line('Nothing to migrate.');
  else ctx.out.line(ranSummary(applied, 'Applied'));
  return ExitCode.Success;
}

type StatusRow = Awaited<ReturnType<Awaited<ReturnType<typeof runnerFor>>['status']>>[number];

/**
 * What `--check` exits with: 1 when an applied migration was changed, is missing or a pending one
 * is out of order (what `migrate` would refuse, unless its --allow-* flag says otherwise), else 4
 * when migrations are pending, else 0.
 */
function checkCode(ctx: CommandContext, rows: readonly StatusRow[], flags: RunFlags): ExitCode {
  const allowed = new Set([
    ...(flags.allowChanged ? ['changed'] : []),
    ...(flags.allowMissing ? ['missing'] : []),
    ...(flags.allowOutOfOrder ? ['out-of-order'] : []),
  ]);
  const broken = rows.filter((row) => row.problems.some((p) => !allowed.has(p)));
  if (broken.length > 0) {
    if (!ctx.json) {
      const c = ctx.err.colors;
      ctx.err.line(
        `${c.red(c.bold('error [MIGRATION_INTEGRITY]'))}: ${broken.map((row) => `${row.name} (${row.problems.join(', ')})`).join(', ')}: ` +
          'justscale migrate would refuse to run (see --allow-changed, --allow-missing, --allow-out-of-order).',
      );
    }
    return ExitCode.Failure;
  }
  return rows.some((row) => !row.applied) ? ExitCode.Pending : ExitCode.Success;
}

/**
 * `justscale migrate status`: every migration with ✓ or ✗. `--check` exits 1 on integrity problems
 * (changed, missing, out of order), 4 when migrations are pending.
 */
export async function status(args: CheckFlags, ctx: CommandContext): Promise<ExitCode> {
  const runner = await runnerFor(ctx, {});
  const rows = await runner.status();
  if (ctx.json) ctx.printJson({ migrations: rows });
  else printStatusTable(ctx.out, rows);
  return args.check ? checkCode(ctx, rows, args) : ExitCode.Success;
}

/** Flags of `status` and `pending`. */
export interface CheckFlags extends RunFlags {
  readonly check?: boolean | undefined;
}

/**
 * `justscale migrate pending`: the migrations not applied yet. `--check` exits 1 on integrity
 * problems (as `status --check`), 4 when migrations are pending.
 */
export async function pending(args: CheckFlags, ctx: CommandContext): Promise<ExitCode> {
  const runner = await runnerFor(ctx, {});
  const all = args.check ? await runner.status() : undefined;
  const rows = all ? all.filter((row) => !row.applied) : await runner.pending();
  if (ctx.json) ctx.printJson({ pending: rows });
  else if (rows.length === 0) ctx.out.line('No pending migrations.');
  else {
    for (const row of rows) ctx.out.line(`${ctx.out.colors.yellow('✗')} ${row.name}`);
    ctx.out.line(ctx.out.colors.dim(`${rows.length} pending.`));
  }
  return all ? checkCode(ctx, all, args) : ExitCode.Success;
}

/** `justscale migrate rollback`: reverts the last batch, `--steps N` batches, or `--all`. */
export async function rollback(
  args: RunFlags & { steps?: number | undefined; all?: boolean | undefined },
  ctx: CommandContext,
): Promise<ExitCode> {
  const options = { ...(args.steps === undefined ? {} : { steps: args.steps }), all: args.all === true };
  if (args.dryRun) {
    const report = await (await runnerFor(ctx, args)).rollback({ ...options, dryRun: true });
    if (ctx.json) ctx.printJson(report);
    else if (report.migrations.length === 0) ctx.out.line('Nothing to roll back.');
    else printDryRun(ctx.out, report);
    return ExitCode.Success;
  }
  const progress = new Progress(ctx);
  const rolledBack = await live(progress, async () =>
    (await runnerFor(ctx, args, progress)).rollback(options),
  );
  if (ctx.json) ctx.printJson({ rolledBack });
  else if (rolledBack.length === 0) ctx.out.line('Nothing to roll back.');
  else ctx.out.line(ranSummary(rolledBack, 'Rolled back'));
  return ExitCode.Success;
}

/**
 * `justscale migrate fresh`: rolls everything back (or `--drop`s the schemas) and migrates again.
 * It deletes every row of the tables the migrations made, so it asks first (`--force` does not), and
 * where nobody can answer it refuses without `--force` (exit 3).
 */
export async function fresh(
  args: RunFlags & { drop?: boolean | undefined; force?: boolean | undefined },
  ctx: CommandContext,
): Promise<ExitCode> {
  if (args.dryRun) {
    const report = await (await runnerFor(ctx, args)).fresh({ drop: args.drop === true, dryRun: true });
    if (ctx.json) ctx.printJson(report);
    else printDryRun(ctx.out, report);
    return ExitCode.Success;
  }
  if (args.force !== true) await confirmFresh(ctx, args.drop === true);
  const progress = new Progress(ctx);
  const result = await live(progress, async () =>
    (await runnerFor(ctx, args, progress)).fresh({ drop: args.drop === true }),
  );
  if (ctx.json) {
    ctx.printJson(result);
    return ExitCode.Success;
  }
  if (result.dropped.length > 0)
    ctx.out.line(
      `Dropped and recreated schema${result.dropped.length === 1 ? '' : 's'} ${result.dropped.join(', ')}.`,
    );
  if (result.rolledBack.length > 0) ctx.out.line(ranSummary(result.rolledBack, 'Rolled back'));
  if (result.applied.length > 0) ctx.out.line(ranSummary(result.applied, 'Applied'));
  else ctx.out.line('No migrations to apply.');
  return ExitCode.Success;
}

/** Asks before `migrate fresh` deletes data; throws `NOT_CONFIRMED` (exit 3) unless the answer is yes. */
async function confirmFresh(ctx: CommandContext, drop: boolean): Promise<void> {
  const { label } = await ctx.database();
  const what = drop
    ? `drops the managed schemas of ${label} with everything in them`
    : `rolls back every migration applied to ${label}`;
  const deleted = `${what}, then migrates from scratch: the rows of every table it drops are deleted`;
  const ask = ctx.json ? undefined : ctx.io.ask;
  if (ask === undefined) {
    throw new CliError(
      'NOT_CONFIRMED',
      `migrate fresh ${deleted}. It asks first, and nobody can answer here; nothing was changed.`,
      { exitCode: ExitCode.Hazards, hint: 'Pass --force to run it without asking.' },
    );
  }
  let answer: string;
  try {
    answer = await ask(`migrate fresh ${deleted}.\nGo on? [y/N] `, ctx.signal);
  } catch (error) {
    // Ctrl-C (or SIGTERM) at the question, or the terminal gone.
    throw new CliError('NOT_CONFIRMED', 'migrate fresh was stopped at its question; nothing was changed.', {
      exitCode: ExitCode.Hazards,
      cause: error,
    });
  }
  if (!/^\s*y(es)?\s*$/i.test(answer)) {
    throw new CliError('NOT_CONFIRMED', 'migrate fresh was not confirmed; nothing was changed.', {
      exitCode: ExitCode.Hazards,
    });
  }
}
