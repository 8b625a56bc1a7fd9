import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { QualifiedName, Snapshot } from '@justscale/schema';
import { MigrateError } from '../errors.js';
import { migrationExtensions } from '../files/types.js';

/**
 * What the models owned when a migration was generated: the tables and enums they described. A
 * models plan drops a table or an enum only when a record says the models owned it.
 */
export interface OwnedObjects {
  readonly tables: readonly QualifiedName[];
  readonly enums: readonly QualifiedName[];
}

/** The folder, inside the migrations directory, that holds one ownership record per generated migration. */
export const OWNERSHIP_FOLDER = '.models';

/** Nothing owned: the record of a directory with no generated migration. */
export const NOTHING_OWNED: OwnedObjects = Object.freeze({ tables: [], enums: [] });

const byName = (a: QualifiedName, b: QualifiedName): number => {
  const x = `${a.schema}.${a.name}`;
  const y = `${b.schema}.${b.name}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The tables and enums a snapshot describes, as an ownership record.
 *
 * @example
 * ownedBy(modelsToSnapshot(PgUser, UserStatus)); // { tables: [{ schema: 'public', name: 'users' }], enums: [...] }
 */
export function ownedBy(snapshot: Pick<Snapshot, 'tables' | 'enums'>): OwnedObjects {
  const names = (list: readonly QualifiedName[]): QualifiedName[] =>
    list.map((o) => ({ schema: o.schema, name: o.name })).sort(byName);
  return { tables: names(snapshot.tables), enums: names(snapshot.enums) };
}

/**
 * Both records together: an object is owned when either says so.
 *
 * @example
 * unionOwned(await readOwnership('./migrations'), { tables: [{ schema: 'public', name: 'legacy' }], enums: [] });
 */
export function unionOwned(a: OwnedObjects, b: OwnedObjects): OwnedObjects {
  const merge = (x: readonly QualifiedName[], y: readonly QualifiedName[]): QualifiedName[] => {
    const seen = new Map<string, QualifiedName>();
    for (const o of [...x, ...y]) seen.set(`${o.schema}\u0000${o.name}`, o);
    return [...seen.values()].sort(byName);
  };
  return { tables: merge(a.tables, b.tables), enums: merge(a.enums, b.enums) };
}

/** Whether `list` names `object`. */
export function owns(list: readonly QualifiedName[], object: QualifiedName): boolean {
  return list.some((o) => o.schema === object.schema && o.name === object.name);
}

/**
 * Reads the ownership record of a migrations directory: the union of `.models/<migration>.json`
 * over the migrations still in the directory (the record of a migration whose file was deleted is
 * ignored). A missing directory or folder owns nothing.
 *
 * @example
 * const owned = await readOwnership('./migrations');
 * owned.tables; // [{ schema: 'public', name: 'users' }, ...]
 */
export async function readOwnership(directory: string): Promise<OwnedObjects> {
  const migrations = new Set(
    (await listOrEmpty(directory))
      .filter((f) => !f.startsWith('.') && (migrationExtensions as readonly string[]).includes(extname(f)))
      .map((f) => f.slice(0, -extname(f).length)),
  );
  const folder = join(directory, OWNERSHIP_FOLDER);
  let owned = NOTHING_OWNED;
  for (const file of (await listOrEmpty(folder)).sort()) {
    if (extname(file) !== '.json' || !migrations.has(file.slice(0, -'.json'.length))) continue;
    owned = unionOwned(owned, parseRecord(join(folder, file), await readFile(join(folder, file), 'utf8')));
  }
  return owned;
}

/**
 * Writes the ownership record of a generated migration (`.models/<migration>.json` in the
 * migrations directory): commit it with the migration file.
 *
 * @example
 * await writeOwnership('./migrations', '20260101T000000_create_users', ownedBy(migration.desiredModels));
 */
export async function writeOwnership(
  directory: string,
  migration: string,
  owned: OwnedObjects,
): Promise<string> {
  const folder = join(directory, OWNERSHIP_FOLDER);
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${migration}.json`);
  const text = `${JSON.stringify({ migration, tables: owned.tables, enums: owned.enums }, null, 2)}\n`;
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
  return path;
}

async function listOrEmpty(directory: string): Promise<string[]> {
  try {
    return await readdir(directory);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
}

function parseRecord(path: string, text: string): OwnedObjects {
  const invalid = (why: string): never => {
    throw new MigrateError('INVALID_ARGUMENT', `Ownership record ${path} is not valid: ${why}.`);
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    invalid((error as Error).message);
  }
  const list = (key: 'tables' | 'enums'): QualifiedName[] => {
    const items = (value as Record<string, unknown> | null)?.[key];
    if (!Array.isArray(items)) return invalid(`"${key}" must be an array`);
    return items.map((o: unknown, i) => {
      const { schema, name } = (o ?? {}) as Record<string, unknown>;
      if (typeof schema !== 'string' || typeof name !== 'string')
        return invalid(`${key}[${i}] must be { "schema": string, "name": string }`);
      return { schema, name };
    });
  };
  return { tables: list('tables'), enums: list('enums') };
}
