import { mkdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { EnumDef, ModelLike } from '@justscale/models';
import { type DriverInput, toDriver } from '../connection/to-driver.js';
import { type GenerateOptions, generateMigration } from './generate.js';
import { writeOwnership } from './ownership.js';
import { assertNothingPending } from './pending.js';
import { migrationFileName, writeMigrationSource } from './write-source.js';

/** Options of `makeMigration`. */
export interface MakeMigrationOptions extends GenerateOptions {
  readonly client: DriverInput;
  readonly models: readonly (ModelLike | EnumDef)[];
  /** The migrations directory (created when missing). */
  readonly directory: string;
  /** The name after the timestamp: `add_avatar_to_users`. */
  readonly name: string;
  /** The time in the file name; default now. */
  readonly now?: Date;
  /** See `writeMigrationSource`; default `'@justscale/postgres'`. */
  readonly importFrom?: string | null;
}

/**
 * Generates the migration from the models to the database and writes it as a TypeScript file in
 * `directory`, named `<UTC timestamp>_<name>.ts`, with its ownership record
 * (`.models/<migration>.json`: the tables and enums the models own, which later plans read to know
 * what a removed model dropped). Returns the file's path, or null (and writes nothing) when the
 * database already matches the models. Refuses with `PendingMigrationsError` while migrations of
 * `directory` are not applied: the new file would repeat their changes.
 *
 * @example
 * const path = await makeMigration({ client, models: [PgUser, PgPost], directory: './migrations', name: 'add_posts' });
 */
export async function makeMigration(options: MakeMigrationOptions): Promise<string | null> {
  const { client, models, directory, name, now, importFrom, ...generateOptions } = options;
  const file = migrationFileName(name, now ?? new Date());
  await assertNothingPending(toDriver(client), directory, generateOptions.migrationsTable);
  const migration = await generateMigration(client, ...models, { ...generateOptions, directory });
  if (!migration.hasChanges) return null;
  // The way back is planned with the plan's own options (every rename hint, online): migration carries them.
  const source = writeMigrationSource(migration, {
    name,
    ...(importFrom === undefined ? {} : { importFrom }),
  });
  await mkdir(directory, { recursive: true });
  const path = join(directory, file);
  await writeFile(path, source, { flag: 'wx' });
  await writeOwnership(directory, file.slice(0, -extname(file).length), migration.owned);
  return path;
}
