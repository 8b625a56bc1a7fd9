import { createHash } from 'node:crypto';
import { extname, join } from 'node:path';
import { MigrateError } from '../errors.js';
import {
  type MigrationExtension,
  type MigrationFile,
  type MigrationFileSystem,
  migrationExtensions,
} from './types.js';

/**
 * sha256 of `bytes`, hex: the checksum recorded for an applied migration.
 *
 * @example
 * checksum(new TextEncoder().encode('-- up\nSELECT 1;')); // 64 hex characters
 */
export function checksum(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** How many migration files are read at once. */
const READ_CONCURRENCY = 16;

/**
 * Lists the migration files in `directory`, ordered by name, with their checksums. Modules are not
 * imported here: that happens only for a migration about to run (see `loadMigration`).
 *
 * @example
 * const files = await discoverMigrations(nodeFileSystem, './migrations');
 * files.map((f) => f.name); // ['20250101T000000_create_users', ...]
 */
export async function discoverMigrations(
  fs: MigrationFileSystem,
  directory: string,
): Promise<MigrationFile[]> {
  let names: string[];
  try {
    names = await fs.readdir(directory);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      throw new MigrateError(
        'MIGRATION_DIRECTORY_MISSING',
        `The migrations directory ${directory} does not exist; create it or point \`directory\` at it.`,
        { cause: error },
      );
    }
    throw error;
  }
  const entries = names.filter(isMigrationFile).sort(compareNames);
  const found: { name: string; path: string; extension: MigrationExtension }[] = [];
  const byName = new Map<string, string>();
  for (const entry of entries) {
    const extension = extname(entry) as MigrationExtension;
    const name = entry.slice(0, -extension.length);
    const previous = byName.get(name);
    if (previous !== undefined) {
      throw new MigrateError(
        'MIGRATION_DUPLICATE_NAME',
        `Migration files ${previous} and ${entry} have the same name "${name}"; rename one of them.`,
      );
    }
    // The tracking table's name column is VARCHAR(255): characters, not bytes.
    if (Array.from(name).length > 255) {
      throw new MigrateError('INVALID_ARGUMENT', `Migration name "${name}" is longer than 255 characters.`);
    }
    byName.set(name, entry);
    found.push({ name, path: join(directory, entry), extension });
  }
  // Read a few files at a time rather than one after the other (a run with nothing pending reads
  // every file for its checksum); bounded, so a large directory does not exhaust file descriptors.
  const contents: Uint8Array[] = new Array(found.length);
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < found.length) {
      const i = next++;
      contents[i] = await fs.readFile(found[i]!.path);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, found.length) }, reader));
  const files: MigrationFile[] = found.map((f, i) => {
    const bytes = contents[i]!;
    return { ...f, checksum: checksum(bytes), bytes };
  });
  return files;
}

/** Plain code-unit order, the same on every machine (no locale). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isMigrationFile(entry: string): boolean {
  if (entry.startsWith('.') || /\.d\.m?ts$/.test(entry)) return false;
  return (migrationExtensions as readonly string[]).includes(extname(entry));
}
