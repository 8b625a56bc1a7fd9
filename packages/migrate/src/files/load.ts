import type { Database } from '../database/database.js';
import type { MigrationDefinition } from '../define-migration.js';
import { MigrationLoadError, StatementError, type StatementSource } from '../errors.js';
import { parseSqlMigration } from './sql-file.js';
import type { MigrationFile, MigrationModuleLoader } from './types.js';

/** A migration file, loaded and checked. */
export interface LoadedMigration {
  readonly file: MigrationFile;
  readonly up: MigrationDefinition['up'];
  readonly down: MigrationDefinition['down'] | undefined;
  /** Whether `up` runs in a transaction. */
  readonly transaction: boolean;
  /** Whether `down` runs in a transaction (the same as `up` unless the file says otherwise). */
  readonly downTransaction: boolean;
}

/**
 * Whether `migration` runs `direction` in a transaction.
 *
 * @example
 * runsInTransaction(migration, 'down'); // false for `transaction: { down: false }`
 */
export function runsInTransaction(migration: LoadedMigration, direction: 'up' | 'down'): boolean {
  return direction === 'up' ? migration.transaction : migration.downTransaction;
}

/**
 * Loads one migration: a `.sql` file is parsed from the bytes that were checksummed; a module is
 * imported with `loader` and its default export checked. Every failure is a `MigrationLoadError`
 * naming the file, with the loader's error as `cause`.
 *
 * @example
 * const [file] = await discoverMigrations(nodeFileSystem, './migrations');
 * const migration = await loadMigration(file, jitiLoader());
 * await migration.up({ db });
 */
export async function loadMigration(
  file: MigrationFile,
  loader: MigrationModuleLoader,
): Promise<LoadedMigration> {
  if (file.extension === '.sql') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(file.bytes);
    const source = parseSqlMigration(file.path, text);
    const down = source.down;
    const downLine = source.downLine ?? 1;
    return {
      file,
      up: ({ db }) => rawFrom(db, source.up, { file: file.path, firstLine: source.upLine }),
      down:
        down === null ? undefined : ({ db }) => rawFrom(db, down, { file: file.path, firstLine: downLine }),
      transaction: source.transaction,
      downTransaction: source.transaction,
    };
  }
  let namespace: unknown;
  try {
    namespace = await loader.import(file.path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationLoadError(file.path, reason, { cause: error });
  }
  const definition = defaultExport(namespace);
  if (typeof definition !== 'object' || definition === null) {
    throw new MigrationLoadError(
      file.path,
      'it has no default export; write `export default defineMigration({ up, down })`.',
    );
  }
  const { up, down, transaction } = definition as Record<string, unknown>;
  if (typeof up !== 'function') {
    throw new MigrationLoadError(file.path, 'its default export has no `up` function.');
  }
  if (down !== undefined && typeof down !== 'function') {
    throw new MigrationLoadError(file.path, 'its `down` is not a function.');
  }
  const perDirection = typeof transaction === 'object' && transaction !== null;
  const sides = perDirection ? (transaction as Record<string, unknown>) : {};
  if (
    (transaction !== undefined && typeof transaction !== 'boolean' && !perDirection) ||
    Object.keys(sides).some((k) => k !== 'up' && k !== 'down') ||
    [sides.up, sides.down].some((v) => v !== undefined && typeof v !== 'boolean')
  ) {
    throw new MigrationLoadError(
      file.path,
      'its `transaction` option must be true, false or { up: boolean, down: boolean }.',
    );
  }
  return {
    file,
    up: up as MigrationDefinition['up'],
    down: down as MigrationDefinition['down'],
    transaction: perDirection ? sides.up !== false : transaction !== false,
    downTransaction: perDirection ? sides.down !== false : transaction !== false,
  };
}

/** Runs a `.sql` section; a failure counts its lines from the top of the file. */
async function rawFrom(db: Database, sql: string, source: StatementSource): Promise<void> {
  try {
    await db.raw(sql);
  } catch (error) {
    throw error instanceof StatementError ? error.from(source) : error;
  }
}

function defaultExport(namespace: unknown): unknown {
  if (typeof namespace !== 'object' || namespace === null) return undefined;
  const value = (namespace as { default?: unknown }).default;
  // A CommonJS module transformed by the loader can nest the default one level deeper.
  if (typeof value === 'object' && value !== null && 'default' in value && !('up' in value)) {
    return (value as { default?: unknown }).default;
  }
  return value;
}
