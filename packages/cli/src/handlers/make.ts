import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OwnedObjects } from '@justscale/migrate';
import { displayPath } from '../config/resolve.js';
import type { CommandContext } from '../context.js';
import { CliError, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { emptyMigrationSource, fileSafeName, timestamp } from './migration-source.js';
import { planModels } from './plan.js';

export interface MakeArgs {
  readonly name: string;
  readonly empty?: boolean | undefined;
  readonly dryRun?: boolean | undefined;
  readonly allowEmpty?: boolean | undefined;
  readonly models?: string | undefined;
  readonly prune?: boolean | undefined;
  /** `--online`: the lock-safe recipe (indexes CONCURRENTLY, NOT VALID then VALIDATE, lock_timeout). */
  readonly online?: boolean | undefined;
}

/**
 * `justscale migrate make NAME`: plans from the database to the models (`planFromModels`), and
 * writes `<timestamp>_<name>.ts` with the plan as `up` and its undoing as `down`
 * (`writeMigrationSource`), and its ownership record `.models/<timestamp>_<name>.json`. Refuses
 * (exit 4) while migrations are pending. `--empty` writes a blank migration without touching the
 * database.
 */
export async function make(args: MakeArgs, ctx: CommandContext): Promise<ExitCode> {
  const config = await ctx.config();
  const name = fileSafeName(args.name);
  if (name === '') throw usageError(`Invalid migration name: ${JSON.stringify(args.name)}`);
  const fileName = `${timestamp(new Date())}_${name}.ts`;
  const path = join(config.migrations.directory, fileName);

  let source: string;
  let statements: { up: number; hazards: string[] } | null = null;
  let owned: OwnedObjects | null = null;
  if (args.empty) {
    source = emptyMigrationSource(config.migrations.importFrom);
  } else {
    const db = await ctx.database();
    const { assertNothingPending, PendingMigrationsError } = await import('@justscale/migrate');
    try {
      await assertNothingPending(db.driver, config.migrations.directory, {
        schema: config.migrations.schema,
        name: config.migrations.table,
      });
    } catch (error) {
      if (!(error instanceof PendingMigrationsError)) throw error;
      throw new CliError('MIGRATIONS_PENDING', error.message, { exitCode: ExitCode.Pending, cause: error });
    }
    const planned = await planModels(db.driver, config, ctx.io.cwd, {
      prune: args.prune,
      online: args.online === true,
    });
    const up = planned.plan;
    if (up.statements.length === 0 && !args.allowEmpty) {
      for (const note of up.notes) ctx.err.line(ctx.err.colors.yellow(`note: ${note.message}`));
      if (ctx.json) ctx.printJson({ file: null, hasChanges: false, statements: [] });
      else ctx.out.line('No changes: the database matches the models. No migration written.');
      return ExitCode.Success;
    }
    // Through the Database API where a method builds exactly the statement, db.raw otherwise; down is
    // the differ's plan back to the schema before (with the plan's rename hints, so renames reverse),
    // or a throw naming why there is none.
    const { writeMigrationSource } = await import('@justscale/migrate');
    source = writeMigrationSource(up, {
      name,
      before: planned.before,
      after: planned.desired,
      diffOptions: planned.diffOptions,
      serverVersion: planned.serverVersion,
      importFrom: config.migrations.importFrom,
    });
    statements = {
      up: up.statements.length,
      hazards: [...new Set(up.hazards.map((h) => h.kind))],
    };
    owned = planned.owned;
    for (const note of up.notes) ctx.err.line(ctx.err.colors.yellow(`note: ${note.message}`));
  }

  if (args.dryRun) {
    if (ctx.json) ctx.printJson({ file: path, dryRun: true, source, ...(statements ? { statements } : {}) });
    else ctx.out.write(source);
    return ExitCode.Success;
  }
  await mkdir(config.migrations.directory, { recursive: true });
  if (await exists(path))
    throw new CliError('FILE_EXISTS', `${displayPath(ctx.io.cwd, path)} already exists.`);
  await writeFile(path, source, { flag: 'wx' });
  if (owned !== null) {
    const { writeOwnership } = await import('@justscale/migrate');
    await writeOwnership(config.migrations.directory, fileName.slice(0, -'.ts'.length), owned);
  }
  if (ctx.json) {
    ctx.printJson({ file: path, hasChanges: statements !== null, ...(statements ? { statements } : {}) });
  } else {
    const what = statements === null ? 'blank migration' : `migration (${statements.up} statements)`;
    ctx.out.line(`${ctx.out.colors.green('Created')} ${displayPath(ctx.io.cwd, path)}: ${what}.`);
    if (statements && statements.hazards.length > 0) {
      ctx.out.line(
        ctx.out.colors.yellow(`Hazards: ${statements.hazards.join(', ')}: read the comments in the file.`),
      );
    }
  }
  return ExitCode.Success;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
