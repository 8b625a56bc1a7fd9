import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Driver } from '@justscale/driver';
import type { Snapshot } from '@justscale/schema';
import { createJiti } from 'jiti';
import type { ResolvedConfig } from '../config/resolve.js';
import { displayPath } from '../config/resolve.js';
import { CliError, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';

/**
 * Loads the models module and turns every exported model and enum into the desired snapshot.
 * Exports that are neither (helpers, constants) are ignored.
 */
export async function loadModelsSnapshot(path: string | null, cwd: string): Promise<Snapshot> {
  const items = await loadModels(path, cwd);
  const { modelsToSnapshot } = await import('@justscale/models');
  return modelsToSnapshot(...(items as never[]));
}

/** Every model (defineModel) and enum (defineEnum) the models module exports. */
export async function loadModels(path: string | null, cwd: string): Promise<{ kind: 'model' | 'enum' }[]> {
  if (path === null) {
    throw usageError(
      'No models module: set models in justscale.config.ts (e.g. models: "./src/models.ts") or pass --models.',
      'MODELS_NOT_FOUND',
    );
  }
  let namespace: Record<string, unknown>;
  try {
    const jiti = createJiti(pathToFileURL(path).href, { moduleCache: false, fsCache: false });
    namespace = (await jiti.import(pathToFileURL(path).href)) as Record<string, unknown>;
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
  return items;
}

/** The database's schema, for the managed schemas, without the tracking table. */
export async function databaseSnapshot(
  driver: Driver,
  config: ResolvedConfig,
  schemas?: readonly string[],
): Promise<Snapshot> {
  const { introspect } = await import('@justscale/introspect');
  return introspect(driver, {
    schemas: schemas ?? config.schemas,
    migrationsTable: { schema: config.migrations.schema, name: config.migrations.table },
  });
}

/** The schemas to read from the database: the configured ones and every one the models use. */
export function managedSchemas(config: ResolvedConfig, desired?: Snapshot): string[] {
  const schemas = new Set(config.schemas);
  for (const table of desired?.tables ?? []) schemas.add(table.schema);
  for (const type of desired?.enums ?? []) schemas.add(type.schema);
  return [...schemas];
}

/** The rename hints file named in the config, if any. */
export async function loadRenames(config: ResolvedConfig): Promise<unknown[] | undefined> {
  if (config.renames === null) return undefined;
  let text: string;
  try {
    text = await readFile(config.renames, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  const list = Array.isArray(parsed) ? parsed : (parsed as { renames?: unknown[] }).renames;
  if (!Array.isArray(list))
    throw usageError(`${config.renames}: expected an array of rename hints`, 'CONFIG_INVALID');
  return list;
}

/**
 * The desired snapshot as the models give it, plus what models do not describe but the database
 * has in the managed schemas: the schemas themselves and the extensions. Models never declare
 * `public`, and a plan from models must not drop a schema (or an extension) because of that.
 */
export function withUnmanaged(desired: Snapshot, current: Snapshot): Snapshot {
  const schemas = new Map(desired.schemas.map((s) => [s.name, s]));
  for (const s of current.schemas) if (!schemas.has(s.name)) schemas.set(s.name, s);
  const extensions = new Map(desired.extensions.map((e) => [e.name, e]));
  for (const e of current.extensions) if (!extensions.has(e.name)) extensions.set(e.name, e);
  return { ...desired, schemas: [...schemas.values()], extensions: [...extensions.values()] };
}

/**
 * The models' snapshot in PostgreSQL's own spelling (through `canonicalizeSnapshot`, which builds
 * the tables in a rolled-back scratch schema), with the unmanaged parts of `current` kept: what
 * the database is diffed against, so that `price > 0` and `(price > (0)::numeric)` are one check.
 */
export async function desiredSnapshot(
  driver: Driver,
  models: Snapshot,
  current: Snapshot,
): Promise<Snapshot> {
  const { canonicalizeSnapshot } = await import('@justscale/models');
  return withUnmanaged(await canonicalizeSnapshot(driver, models), current);
}
