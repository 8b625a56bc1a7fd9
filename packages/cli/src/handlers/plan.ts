import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { RenameHint } from '@justscale/diff';
import type { Driver } from '@justscale/driver';
import type { Catalog, IntrospectOptions } from '@justscale/introspect';
import type { ModelsPlan } from '@justscale/migrate';
import type { EnumDef, ModelLike } from '@justscale/models';
import type { Snapshot } from '@justscale/schema';
import type { ResolvedConfig } from '../config/resolve.js';
import { displayPath } from '../config/resolve.js';
import { CliError, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { importProjectModule } from '../project-module.js';

/**
 * Loads the models module: every exported model and enum. Exports that are neither (helpers,
 * constants) are ignored.
 */
export async function loadModels(path: string | null, cwd: string): Promise<(ModelLike | EnumDef)[]> {
  if (path === null) {
    throw usageError(
      'No models module: set models in justscale.config.ts (e.g. models: "./src/models.ts") or pass --models.',
      'MODELS_NOT_FOUND',
    );
  }
  if (!existsSync(path)) {
    throw usageError(
      `Cannot load models from ${displayPath(cwd, path)}: no such file (set models in justscale.config.ts or pass --models).`,
      'MODELS_NOT_FOUND',
    );
  }
  let namespace: Record<string, unknown>;
  try {
    namespace = await importProjectModule(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && reason.includes(path);
    throw new CliError(
      missing ? 'MODELS_NOT_FOUND' : 'MODELS_LOAD_FAILED',
      `Cannot load models from ${displayPath(cwd, path)}: ${reason}`,
      { exitCode: missing ? ExitCode.Usage : ExitCode.Failure, cause: error },
    );
  }
  const items = Object.values(namespace).filter(
    (value): value is { kind: 'model' | 'enum' } =>
      typeof value === 'object' &&
      value !== null &&
      ['model', 'enum'].includes((value as { kind?: string }).kind ?? ''),
  );
  if (items.length === 0) {
    throw usageError(
      `${displayPath(cwd, path)} exports no models (defineModel) or enums (defineEnum).`,
      'MODELS_NOT_FOUND',
    );
  }
  return items as unknown as (ModelLike | EnumDef)[];
}

/**
 * The database's schema, without the tracking table: the managed schemas (`schemas`, or the
 * config's), or every non-system schema when `schemas` is `null`, less `exclude`. `parallel` reads
 * the catalog over three connections (only for the CLI's own pool: see `OpenDatabase.pooled`).
 */
export async function databaseSnapshot(
  driver: Driver,
  config: ResolvedConfig,
  schemas?: readonly string[] | null,
  exclude: readonly string[] = [],
  privileges = false,
  parallel = false,
): Promise<Snapshot> {
  const { introspect } = await import('@justscale/introspect');
  return introspect(driver, introspectOptions(driver, config, schemas, exclude, privileges, parallel));
}

/**
 * `databaseSnapshot`, and in the same transaction (and round trip) the objects the snapshot leaves
 * out and the server's version: what `schema diff` prints and plans with besides the snapshots.
 */
export async function databaseCatalog(
  driver: Driver,
  config: ResolvedConfig,
  schemas: readonly string[] | null,
  exclude: readonly string[],
  privileges: boolean,
  parallel: boolean,
): Promise<Catalog> {
  const { introspectCatalog } = await import('@justscale/introspect');
  return introspectCatalog(driver, introspectOptions(driver, config, schemas, exclude, privileges, parallel));
}

function introspectOptions(
  driver: Driver,
  config: ResolvedConfig,
  schemas: readonly string[] | null | undefined,
  exclude: readonly string[],
  privileges: boolean,
  parallel: boolean,
): IntrospectOptions {
  const list = schemas === null ? undefined : (schemas ?? config.schemas);
  return {
    ...(list === undefined ? {} : { schemas: list }),
    excludeSchemas: exclude,
    privileges,
    parallel: parallel && driver.name !== 'pglite',
    migrationsTable: { schema: config.migrations.schema, name: config.migrations.table },
  };
}

/** The rename hints file named in the config, if any. */
export async function loadRenames(config: ResolvedConfig): Promise<RenameHint[] | undefined> {
  if (config.renames === null) return undefined;
  let text: string;
  try {
    text = await readFile(config.renames, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
  const { parseRenameHints } = await import('@justscale/diff');
  try {
    return parseRenameHints(text);
  } catch (error) {
    throw usageError(`${config.renames}: ${(error as Error).message}`, 'CONFIG_INVALID');
  }
}

/** Flags of the commands that plan from the models. */
export interface ModelsPlanFlags {
  readonly online?: boolean | undefined;
  readonly prune?: boolean | undefined;
}

/**
 * The plan from the database to the models, through `planFromModels` of `@justscale/migrate` (the
 * one pipeline `generateMigration` and `syncSchema` use too), with the config's schemas, tracking
 * table, migrations directory (its ownership record) and rename hints file.
 */
export async function planModels(
  driver: Driver,
  config: ResolvedConfig,
  cwd: string,
  flags: ModelsPlanFlags = {},
): Promise<ModelsPlan> {
  const models = await loadModels(config.models, cwd);
  const renames = await loadRenames(config);
  const { planFromModels } = await import('@justscale/migrate');
  return planFromModels(driver, models, {
    schemas: config.schemas,
    migrationsTable: { schema: config.migrations.schema, name: config.migrations.table },
    directory: config.migrations.directory,
    ...(renames ? { renames } : {}),
    ...(flags.online === undefined ? {} : { online: flags.online }),
    ...(flags.prune === undefined ? {} : { prune: flags.prune }),
  });
}
