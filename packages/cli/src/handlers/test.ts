import { displayPath } from '../config/resolve.js';
import type { CommandContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { openScratch, printFailure, type ReplayArgs, replayProject } from './scratch.js';

/**
 * `justscale migrate test`: on a scratch database (in-memory PGlite, or a new database on the
 * server `--database-url` names), applies the migrations one at a time; after each runs its
 * `down`, requires the schema before it, and runs `up` again. At the end the models must hold no
 * change the migrations lack. A line per migration; exit 1 at the first failure.
 */
export async function test(args: ReplayArgs, ctx: CommandContext): Promise<ExitCode> {
  const config = await ctx.config();
  const scratch = await openScratch(args, ctx.io.cwd, config.migrations.directory);
  try {
    if (!ctx.json)
      ctx.err.line(
        ctx.err.colors.dim(
          `Testing ${displayPath(ctx.io.cwd, config.migrations.directory)} on ${scratch.label}: up, down, up for each migration…`,
        ),
      );
    const { report, models } = await replayProject(ctx, scratch, 'test', (v) => {
      if (ctx.json) return;
      if (v.ok) ctx.out.line(`${ctx.out.colors.green('✓')} ${v.name} ${ctx.out.colors.dim('up, down, up')}`);
      else ctx.out.line(`${ctx.out.colors.red('✗')} ${v.name} ${ctx.out.colors.dim(`(${v.stage})`)}`);
    });
    const drift = report.changes !== null && report.changes.length > 0;
    const ok = report.failed === null && !drift;
    if (ctx.json) {
      ctx.printJson({ ok, database: scratch.label, ...report });
      return ok ? ExitCode.Success : ExitCode.Failure;
    }
    if (report.failed !== null) {
      printFailure(ctx, report.failed);
      return ExitCode.Failure;
    }
    if (drift) {
      ctx.err.line(
        ctx.err.colors.red(
          `The models hold ${report.changes!.length} change(s) no migration makes: run \`justscale migrate make <name>\`.`,
        ),
      );
      for (const line of report.sql.split('\n')) ctx.err.line(`  ${line}`);
      return ExitCode.Failure;
    }
    const n = report.migrations.length;
    ctx.out.line(
      `${n} migration${n === 1 ? '' : 's'} run up, down and up again${models ? '; the models match them' : ' (no models configured: not compared)'}.`,
    );
    return ExitCode.Success;
  } finally {
    await scratch.close();
  }
}
