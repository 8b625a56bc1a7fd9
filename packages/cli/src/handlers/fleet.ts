import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FleetProgress, FleetReport, FleetRunner, FleetTargets } from '@justscale/fleet';
import type { CommandContext } from '../context.js';
import { connectTimeoutSeconds } from '../database.js';
import { usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { formatDuration } from '../output/format.js';

/** Flags of `justscale fleet ...`. */
export interface FleetFlags {
  readonly targets?: string | undefined;
  readonly concurrency?: number | undefined;
  readonly canary?: number | undefined;
  readonly continueOnError?: boolean | undefined;
  readonly check?: boolean | undefined;
  readonly steps?: number | undefined;
  readonly all?: boolean | undefined;
}

/** The fleet's targets: `--targets FILE`, else `fleet` in the config. */
async function targetsOf(flags: FleetFlags, ctx: CommandContext): Promise<FleetTargets> {
  const { parseTargets } = await import('@justscale/fleet');
  if (flags.targets !== undefined) {
    const file = resolve(ctx.io.cwd, flags.targets);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw usageError(
        `--targets ${flags.targets}: cannot read the file (${(error as Error).message})`,
        'CONFIG_INVALID',
      );
    }
    const targets = parseTargets(text, flags.targets);
    if (targets.length === 0)
      throw usageError(`--targets ${flags.targets} lists no targets`, 'CONFIG_INVALID');
    return targets;
  }
  const config = await ctx.config();
  const fleet = config.fleet;
  if (fleet === null) {
    throw usageError(
      'No fleet targets: pass --targets FILE, or set fleet: { targets } or fleet: { query } in justscale.config.ts',
      'CONFIG_INVALID',
    );
  }
  if (fleet.targets !== null) return fleet.targets;
  const database =
    fleet.database ??
    (config.database.kind === 'url'
      ? config.database.url
      : config.database.kind === 'pglite'
        ? `pglite:${config.database.dataDir}`
        : null);
  if (database === null) {
    throw usageError('fleet.query needs fleet.database: a postgres:// URL or pglite:<dir>', 'CONFIG_INVALID');
  }
  return { query: fleet.query!, database };
}

async function fleetFor(flags: FleetFlags, ctx: CommandContext): Promise<FleetRunner> {
  const config = await ctx.config();
  const { createFleetRunner, defaultConnect } = await import('@justscale/fleet');
  const progress = progressLine(ctx);
  try {
    const targets = await targetsOf(flags, ctx);
    const fleet = createFleetRunner(targets, {
      directory: config.migrations.directory,
      table: config.migrations.table,
      schema: config.migrations.schema,
      concurrency: flags.concurrency ?? 4,
      canary: flags.canary ?? 0,
      continueOnError: flags.continueOnError === true,
      connect: defaultConnect({ connectTimeout: connectTimeoutSeconds('', ctx.io.env), cwd: ctx.io.cwd }),
      ...(progress === undefined ? {} : { onProgress: progress }),
      ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
    });
    return fleet;
  } catch (error) {
    // A bad target line (file and line in the message) is a usage error, like a bad flag.
    if ((error as { code?: unknown }).code === 'FLEET_TARGET_INVALID') {
      throw usageError((error as Error).message, 'CONFIG_INVALID');
    }
    throw error;
  }
}

/** On a terminal (and not with --json): one line on stderr, rewritten as targets settle. */
function progressLine(ctx: CommandContext): ((p: FleetProgress) => void) | undefined {
  if (ctx.json || ctx.io.stderr.isTTY !== true) return undefined;
  return (p) => {
    const settled = p.done + p.failed;
    const failed = p.failed > 0 ? ctx.err.colors.red(`, ${p.failed} failed`) : '';
    ctx.err.write(`\r\x1b[2K[${settled}/${p.total}] ${p.done} done${failed}, ${p.running} running`);
    if (settled === p.total && p.running === 0) ctx.err.write('\r\x1b[2K');
  };
}

const marks = {
  done: ['✓', 'green'],
  'up-to-date': ['✓', 'green'],
  pending: ['✗', 'yellow'],
  drift: ['!', 'red'],
  failed: ['✗', 'red'],
  skipped: ['-', 'dim'],
} as const;

/** The summary table: one row per target, then the totals. */
function printReport(ctx: CommandContext, report: FleetReport): void {
  if (ctx.json) {
    ctx.printJson(report);
    return;
  }
  const c = ctx.out.colors;
  const width = Math.min(70, Math.max(6, ...report.targets.map((t) => t.target.length)));
  const count = (names: readonly string[]) => String(names.length);
  const verb = report.command === 'rollback' ? 'rolled back' : 'applied';
  ctx.out.line(
    c.bold(
      `${'target'.padEnd(width)}  ${'status'.padEnd(12)}  ${verb.padStart(11)}  ${'pending'.padStart(7)}`,
    ),
  );
  for (const t of report.targets) {
    const [mark, color] = marks[t.status];
    const status = c[color](`${mark} ${t.status}`.padEnd(12));
    ctx.out.line(
      `${t.target.padEnd(width)}  ${status}  ${count(t.applied).padStart(11)}  ${count(t.pending).padStart(7)}` +
        (t.changed.length + t.missing.length > 0
          ? c.red(`  changed: ${[...t.changed, ...t.missing.map((m) => `${m} (file gone)`)].join(', ')}`)
          : ''),
    );
  }
  for (const t of report.targets) {
    if (t.error) ctx.err.line(`${c.red(c.bold(`error [${t.error.code}]`))} ${t.target}: ${t.error.message}`);
  }
  const s = report.summary;
  const parts = [
    `${s.targets} target${s.targets === 1 ? '' : 's'}`,
    `${s.done} ${report.command === 'status' || report.command === 'pending' ? 'read' : 'done'}`,
    ...(s.failed > 0 ? [c.red(`${s.failed} failed`)] : []),
    ...(s.skipped > 0 ? [`${s.skipped} skipped`] : []),
    ...(s.pending > 0 ? [c.yellow(`${s.pending} with pending migrations`)] : []),
    ...(s.drift > 0 ? [c.red(`${s.drift} drifted`)] : []),
    ...(report.command === 'migrate' || report.command === 'rollback'
      ? [`${s.migrations} migrations ${verb}`]
      : []),
    formatDuration(s.durationMs),
  ];
  ctx.out.line(parts.join(', '));
  if (s.stopped === 'canary') ctx.err.line(c.red('A canary target failed: no other target was started.'));
  if (s.stopped === 'failure' && s.skipped > 0)
    ctx.err.line(
      c.red(
        `A target failed: ${s.skipped} other${s.skipped === 1 ? ' was' : 's were'} not started (--continue-on-error goes on).`,
      ),
    );
  if (s.stopped === 'interrupted')
    ctx.err.line(
      c.red(
        'Interrupted: no new target was started; the migrations running were cancelled and rolled back. ' +
          'What committed stays: run the same command again to go on.',
      ),
    );
}

async function runFleet(
  flags: FleetFlags,
  ctx: CommandContext,
  command: (fleet: FleetRunner) => Promise<FleetReport>,
): Promise<ExitCode> {
  const fleet = await fleetFor(flags, ctx);
  let report: FleetReport;
  try {
    report = await command(fleet);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FLEET_NO_TARGETS' || code === 'FLEET_TARGET_INVALID')
      throw usageError((error as Error).message, 'CONFIG_INVALID');
    // FLEET_QUERY_FAILED, a failed connection to the query's database: exit 1 with the fleet's code.
    throw error;
  }
  printReport(ctx, report);
  if (report.summary.failed > 0 || report.summary.skipped > 0) return ExitCode.Failure;
  if (flags.check && report.summary.pending > 0) return ExitCode.Pending;
  return ExitCode.Success;
}

/** `justscale fleet migrate`. */
export const fleetMigrate = (flags: FleetFlags, ctx: CommandContext) =>
  runFleet(flags, ctx, (f) => f.migrate());

/** `justscale fleet status`: pending and drift per target; `--check` exits 4 when any is pending. */
export const fleetStatus = (flags: FleetFlags, ctx: CommandContext) =>
  runFleet(flags, ctx, (f) => f.status());

/** `justscale fleet pending`. */
export const fleetPending = (flags: FleetFlags, ctx: CommandContext) =>
  runFleet(flags, ctx, (f) => f.pending());

/** `justscale fleet rollback`. */
export const fleetRollback = (flags: FleetFlags, ctx: CommandContext) =>
  runFleet(flags, ctx, (f) =>
    f.rollback({ ...(flags.steps === undefined ? {} : { steps: flags.steps }), all: flags.all === true }),
  );
