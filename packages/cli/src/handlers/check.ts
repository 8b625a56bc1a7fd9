import type { CommandContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { openScratch, printFailure, type ReplayArgs, replayProject } from './scratch.js';

/**
 * `justscale migrate check`, for CI: replays the migrations on a scratch database (in-memory
 * PGlite: no server needed) and diffs the result against the models. Exit 0 when they agree, 4
 * when the models hold changes no migration makes ("run `migrate make`"), 1 when a migration fails.
 */
export async function check(args: ReplayArgs, ctx: CommandContext): Promise<ExitCode> {
  const scratch = await openScratch(args, ctx.io.cwd, (await ctx.config()).migrations.directory);
  try {
    const { report } = await replayProject(ctx, scratch, 'check', () => undefined);
    const drift = report.changes !== null && report.changes.length > 0;
    const code = report.failed !== null ? ExitCode.Failure : drift ? ExitCode.Pending : ExitCode.Success;
    if (ctx.json) {
      ctx.printJson({ ok: code === ExitCode.Success, database: scratch.label, ...report });
      return code;
    }
    if (report.failed !== null) {
      printFailure(ctx, report.failed);
      return code;
    }
    const n = report.migrations.length;
    if (drift) {
      ctx.out.line(
        ctx.out.colors.yellow(
          `The models hold ${report.changes!.length} change(s) that none of the ${n} migration(s) makes: run \`justscale migrate make <name>\`.`,
        ),
      );
      for (const change of report.changes!) ctx.out.line(`  ${change.kind} ${change.object}`);
      return code;
    }
    ctx.out.line(`${ctx.out.colors.green('✓')} The ${n} migration(s) give the schema the models describe.`);
    return code;
  } finally {
    await scratch.close();
  }
}
