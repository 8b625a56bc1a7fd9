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
 * (`writeMigrationSources`), and its ownership record `.models/<timestamp>_<name>.json`. With
 * `--online`, each statement that cannot run in a transaction gets a file of its own
 * (`<timestamp>_<name>_1.ts`, `_2.ts`, ...; one ownership record, under the last). Refuses (exit 4)
 * while migrations are pending. `--empty` writes a blank migration without touching the database.
 */
export async function make(args: MakeArgs, ctx: CommandContext): Promise<ExitCode> {
  const config = await ctx.config();
  const name = fileSafeName(args.name);
  if (name === '') throw usageError(`Invalid migration name: ${JSON.stringify(args.name)}`);
  // Made in the same second as the newest migration, a file is stamped one second after it: two
  // files never sort by their names (`add_avatar` before `create_users`).
  const { nextMigrationTime } = await import('@justscale/migrate');
  const stamp = timestamp(await nextMigrationTime(config.migrations.directory));
  const fileOf = (part: string) => `${stamp}_${part}.ts`;

  let files: { name: string; source: string }[];
  let statements: { up: number; hazards: string[] } | null = null;
  let owned: OwnedObjects | null = null;
  if (args.empty) {
    files = [{ name, source: emptyMigrationSource(config.migrations.importFrom) }];
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
    // Through the Database API where a call compiles to exactly the planned statement, db.raw
    // otherwise; down is the differ's plan back to the schema before (with the plan's rename hints,
    // so renames reverse), or a throw naming why there is none. Online, a statement that cannot run
    // in a transaction gets a migration file of its own.
    const { guardComment, viewsNoMigrationCreates, viewsRebuilt, writeMigrationSources } = await import(
      '@justscale/migrate'
    );
    // A view the plan drops and creates again that no migration creates was made by hand: the file
    // rebuilds it only where it exists, so it also runs on a fresh database, where it is missing.
    const handMade = await viewsNoMigrationCreates(config.migrations.directory, viewsRebuilt(up));
    const written = await writeMigrationSources(up, {
      name,
      guardViews: handMade,
      before: planned.before,
      after: planned.desired,
      diffOptions: planned.diffOptions,
      serverVersion: planned.serverVersion,
      importFrom: config.migrations.importFrom,
      // Online, or when a statement cannot run in a transaction (an enum value the plan then uses):
      // each such statement gets a file of its own, so that the rest keeps its transaction.
      split: args.online === true || up.statements.some((s) => !s.transactional),
    });
    for (const note of written.notes.terminal) ctx.err.line(ctx.err.colors.yellow(`note: ${note.message}`));
    if (up.statements.length === 0 && !args.allowEmpty) {
      if (ctx.json) ctx.printJson({ file: null, hasChanges: false, statements: [] });
      else ctx.out.line('No changes: the database matches the models. No migration written.');
      return ExitCode.Success;
    }
    files = written.parts.map((p) => ({ name: p.name, source: p.source }));
    for (const view of handMade) {
      const where = written.parts
        .filter((p) => p.source.includes(guardComment(view)))
        .map((p) => displayPath(ctx.io.cwd, join(config.migrations.directory, fileOf(p.name))));
      ctx.err.line(
        ctx.err.colors.yellow(
          `warning: view ${view.schema}.${view.name} is dropped and created again around the change (${where.join(', ')}), ` +
            `but no migration in ${displayPath(ctx.io.cwd, config.migrations.directory)} creates it: it was made by hand. ` +
            'The migration rebuilds it only where it exists (db.hasView), so it also runs on a fresh database ' +
            "(migrate fresh, migrate check, a teammate's machine), which will not have the view. " +
            'To make the view part of the schema everywhere, add its CREATE VIEW to a migration (justscale migrate make NAME --empty).',
        ),
      );
    }
    statements = {
      // Split, the files hold the plan in stages (and each its own lock_timeout): count what they run.
      up: written.parts.reduce((n, p) => n + p.statements, 0),
      hazards: [...new Set(written.parts.flatMap((p) => p.hazards.map((h) => h.kind)))],
    };
    owned = planned.owned;
  }

  const paths = files.map((f) => join(config.migrations.directory, fileOf(f.name)));
  if (args.dryRun) {
    if (ctx.json) {
      ctx.printJson({
        file: paths[0],
        ...(paths.length > 1 ? { files: paths } : {}),
        dryRun: true,
        source: files.map((f) => f.source).join('\n'),
        ...(statements ? { statements } : {}),
      });
    } else {
      for (const [i, f] of files.entries()) {
        if (files.length > 1)
          ctx.out.write(`${i === 0 ? '' : '\n'}// ${displayPath(ctx.io.cwd, paths[i]!)}\n`);
        ctx.out.write(f.source);
      }
    }
    return ExitCode.Success;
  }
  await mkdir(config.migrations.directory, { recursive: true });
  for (const path of paths) {
    if (await exists(path))
      throw new CliError('FILE_EXISTS', `${displayPath(ctx.io.cwd, path)} already exists.`);
  }
  for (const [i, f] of files.entries()) await writeFile(paths[i]!, f.source, { flag: 'wx' });
  if (owned !== null) {
    // One record for the whole migration, under its last file: the models' state once all have run.
    const { writeOwnership } = await import('@justscale/migrate');
    const last = fileOf(files[files.length - 1]!.name);
    await writeOwnership(config.migrations.directory, last.slice(0, -'.ts'.length), owned);
  }
  if (ctx.json) {
    ctx.printJson({
      file: paths[0],
      ...(paths.length > 1 ? { files: paths } : {}),
      hasChanges: statements !== null,
      ...(statements ? { statements } : {}),
    });
  } else {
    const what =
      statements === null
        ? 'blank migration'
        : `migration (${statements.up} statement${statements.up === 1 ? '' : 's'})`;
    if (paths.length === 1) {
      ctx.out.line(`${ctx.out.colors.green('Created')} ${displayPath(ctx.io.cwd, paths[0]!)}: ${what}.`);
    } else {
      ctx.out.line(
        `${ctx.out.colors.green('Created')} ${paths.length} files: ${what}, split where a statement cannot run in a transaction:`,
      );
      for (const path of paths) ctx.out.line(`  ${displayPath(ctx.io.cwd, path)}`);
    }
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
