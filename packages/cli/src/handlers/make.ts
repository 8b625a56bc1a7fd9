import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { displayPath } from '../config/resolve.js';
import type { CommandContext } from '../context.js';
import { CliError, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { emptyMigrationSource, fileSafeName, timestamp } from './migration-source.js';
import {
  databaseSnapshot,
  desiredSnapshot,
  loadModelsSnapshot,
  loadRenames,
  managedSchemas,
} from './plan.js';

export interface MakeArgs {
  readonly name: string;
  readonly empty?: boolean | undefined;
  readonly dryRun?: boolean | undefined;
  readonly allowEmpty?: boolean | undefined;
  readonly models?: string | undefined;
  /** `--online`: the lock-safe recipe (indexes CONCURRENTLY, NOT VALID then VALIDATE, lock_timeout). */
  readonly online?: boolean | undefined;
}

/**
 * `justscale migrate make NAME`: introspects the database, diffs it against the models, and writes
 * `<timestamp>_<name>.ts` with the plan as `up` and its undoing as `down` (`writeMigrationSource`). `--empty` writes a
 * blank migration without touching the database.
 */
export async function make(args: MakeArgs, ctx: CommandContext): Promise<ExitCode> {
  const config = await ctx.config();
  const name = fileSafeName(args.name);
  if (name === '') throw usageError(`Invalid migration name: ${JSON.stringify(args.name)}`);
  const fileName = `${timestamp(new Date())}_${name}.ts`;
  const path = join(config.migrations.directory, fileName);

  let source: string;
  let statements: { up: number; hazards: string[] } | null = null;
  if (args.empty) {
    source = emptyMigrationSource(config.migrations.importFrom);
  } else {
    const models = await loadModelsSnapshot(config.models, ctx.io.cwd);
    const db = await ctx.database();
    const current = await databaseSnapshot(db.driver, config, managedSchemas(config, models));
    const desired = await desiredSnapshot(db.driver, models, current);
    const { diff } = await import('@justscale/diff');
    const renames = await loadRenames(config);
    const version = (await db.driver.serverVersion()).num;
    const online = args.online === true ? { online: true } : {};
    const options = { serverVersion: version, ...online, ...(renames ? { renames: renames as never } : {}) };
    const up = diff(current, desired, options);
    if (up.statements.length === 0 && !args.allowEmpty) {
      if (ctx.json) ctx.printJson({ file: null, hasChanges: false, statements: [] });
      else ctx.out.line('No changes: the database matches the models. No migration written.');
      return ExitCode.Success;
    }
    // Through the Database API where a method builds exactly the statement, db.raw otherwise; down
    // undoes each step against the schema before, or throws naming the step that cannot be undone.
    const { writeMigrationSource } = await import('@justscale/migrate');
    source = writeMigrationSource(up, {
      name,
      before: current,
      after: desired,
      diffOptions: { ...online, ...(renames ? { renames: renames as never } : {}) },
      serverVersion: version,
      importFrom: config.migrations.importFrom,
    });
    statements = {
      up: up.statements.length,
      hazards: [...new Set(up.hazards.map((h) => h.kind))],
    };
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
