import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EnumDef, ModelLike } from '@justscale/models';
import type { DriverInput } from '../connection/to-driver.js';
import { type GenerateOptions, generateMigration } from './generate.js';
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
 * `directory`, named `<UTC timestamp>_<name>.ts`. Returns the file's path, or null (and writes
 * nothing) when the database already matches the models.
 *
 * @example
 * const path = await makeMigration({ client, models: [PgUser, PgPost], directory: './migrations', name: 'add_posts' });
 */
export async function makeMigration(options: MakeMigrationOptions): Promise<string | null> {
  const { client, models, directory, name, now, importFrom, ...generateOptions } = options;
  const file = migrationFileName(name, now ?? new Date());
  const migration = await generateMigration(client, ...models, generateOptions);
  if (!migration.hasChanges) return null;
  const { online, renames, lockTimeout, statementTimeout } = generateOptions;
  const source = writeMigrationSource(migration, {
    name,
    diffOptions: {
      ...(online === undefined ? {} : { online }),
      ...(renames === undefined ? {} : { renames }),
      ...(lockTimeout === undefined ? {} : { lockTimeout }),
      ...(statementTimeout === undefined ? {} : { statementTimeout }),
    },
    ...(importFrom === undefined ? {} : { importFrom }),
  });
  await mkdir(directory, { recursive: true });
  const path = join(directory, file);
  await writeFile(path, source, { flag: 'wx' });
  return path;
}
