import { randomBytes } from 'node:crypto';
import { cancellable } from '@justscale/driver';
import type { MigrationVerdict, ReplayOptions, ReplayReport } from '@justscale/migrate';
import type { CommandContext } from '../context.js';
import type { OpenDatabase } from '../database.js';
import { CliError } from '../errors.js';
import { extensionsCreatedIn } from '../pglite-extensions.js';
import { redactUrl } from '../redact.js';
import { loadModels } from './plan.js';

/** Flags of `migrate test` and `migrate check`. */
export interface ReplayArgs {
  readonly databaseUrl?: string | undefined;
}

/**
 * The scratch database `migrate test` / `migrate check` replay the migrations on: an in-memory
 * PGlite, or, with `--database-url postgres://...`, a new database on that server (created with a
 * random name and dropped at the end). Never the configured database itself.
 */
export async function openScratch(args: ReplayArgs, cwd: string, migrations?: string): Promise<OpenDatabase> {
  const url = args.databaseUrl;
  if (url === undefined || url.startsWith('pglite:')) {
    const [{ contribExtensions, createPgliteDriver }, { projectCacheDir }, created] = await Promise.all([
      import('@justscale/driver-pglite'),
      import('@justscale/migrate'),
      migrations === undefined ? [] : extensionsCreatedIn(migrations),
    ]);
    // The contrib extensions the migrations create, loaded at construction as PGlite needs them.
    const extensions = await contribExtensions(created);
    const { driver, cancel } = cancellable(
      await createPgliteDriver({ clusterCache: projectCacheDir(cwd), extensions }),
    );
    return { driver, label: 'an in-memory PGlite', cancel, close: () => driver.close() };
  }
  const { createPgDriver } = await import('@justscale/driver-pg');
  const admin = createPgDriver({ connectionString: url, connectionTimeoutMillis: 10_000 });
  const name = `justscale_test_${randomBytes(6).toString('hex')}`;
  try {
    await admin.exec(`CREATE DATABASE "${name}"`);
  } catch (error) {
    await admin.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    // 42501 insufficient_privilege: the server answered, the role may not create databases.
    const privilege = (error as { code?: unknown }).code === '42501';
    throw new CliError(
      'CONNECTION_FAILED',
      `Cannot create a scratch database on ${redactUrl(url)}: ${reason}${privilege ? ' (the role needs CREATEDB)' : ''}`,
      { cause: error },
    );
  }
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  const { driver, cancel } = cancellable(
    createPgDriver({ connectionString: scratchUrl.toString(), connectionTimeoutMillis: 10_000 }),
  );
  return {
    driver,
    cancel,
    label: `scratch database ${name} on ${redactUrl(url)}`,
    close: async () => {
      await driver.close().catch(() => undefined);
      try {
        await admin.exec(`DROP DATABASE IF EXISTS "${name}"`);
      } finally {
        await admin.close();
      }
    },
  };
}

/** Runs `testMigrations` or `checkMigrations` with the project's migrations and models. */
export async function replayProject(
  ctx: CommandContext,
  scratch: OpenDatabase,
  what: 'test' | 'check',
  onMigration: (verdict: MigrationVerdict) => void,
): Promise<{ report: ReplayReport; models: boolean }> {
  const config = await ctx.config();
  const models =
    config.models === null && what === 'test' ? null : await loadModels(config.models, ctx.io.cwd);
  const migrate = await import('@justscale/migrate');
  const options: ReplayOptions = {
    client: scratch.driver,
    directory: config.migrations.directory,
    table: config.migrations.table,
    schema: config.migrations.schema,
    onMigration,
    ...(models === null ? {} : { models: models as never }),
  };
  const report =
    what === 'test' ? await migrate.testMigrations(options) : await migrate.checkMigrations(options);
  return { report, models: models !== null };
}

/** The failure of a migration, with the SQL that separates the schema found from the one expected. */
export function printFailure(ctx: CommandContext, verdict: MigrationVerdict): void {
  ctx.err.line(ctx.err.colors.red(`${verdict.name}: ${verdict.stage} failed: ${verdict.message ?? ''}`));
  if (verdict.hint !== undefined) ctx.err.line(ctx.err.colors.yellow(`hint: ${verdict.hint}`));
  if (verdict.difference !== undefined && verdict.difference.length > 0) {
    ctx.err.line(
      'The schema it left differs from the expected one; this would turn it into the expected one:',
    );
    for (const sql of verdict.difference) ctx.err.line(`  ${sql.replaceAll('\n', '\n  ')}`);
  }
}
