import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { EnumDef, ModelLike } from '@justscale/models';
import { type DriverInput, toDriver } from '../connection/to-driver.js';
import { type GenerateOptions, generateMigration } from './generate.js';
import { writeOwnership } from './ownership.js';
import { assertNothingPending } from './pending.js';
import { viewsNoMigrationCreates, viewsRebuilt } from './view-guards.js';
import { migrationFileName, writeMigrationSources } from './write-source.js';

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
 * With `online`, a plan whose statements cannot all run in one transaction is written as several
 * files with the same timestamp, `<timestamp>_<name>_1.ts`, `_2.ts`, ... (see
 * `writeMigrationSources`); the path returned is the first one's, and the ownership record is the
 * last one's.
 *
 * @example
 * const path = await makeMigration({ client, models: [PgUser, PgPost], directory: './migrations', name: 'add_posts' });
 */
export async function makeMigration(options: MakeMigrationOptions): Promise<string | null> {
  const { client, models, directory, name, now, importFrom, ...generateOptions } = options;
  migrationFileName(name); // checks the name before anything else
  const stamp = now ?? (await nextMigrationTime(directory));
  await assertNothingPending(toDriver(client), directory, generateOptions.migrationsTable);
  const migration = await generateMigration(client, ...models, { ...generateOptions, directory });
  if (!migration.hasChanges) return null;
  // The way back is planned with the plan's own options (every rename hint, online): migration carries them.
  // A view the plan rebuilds that no migration creates was made by hand: rebuilt only where it exists.
  const guardViews = await viewsNoMigrationCreates(directory, viewsRebuilt(migration.plan));
  const { parts } = await writeMigrationSources(migration, {
    name,
    guardViews,
    split: generateOptions.online === true,
    ...(importFrom === undefined ? {} : { importFrom }),
  });
  await mkdir(directory, { recursive: true });
  const paths: string[] = [];
  for (const part of parts) {
    const file = migrationFileName(part.name, stamp);
    const path = join(directory, file);
    await writeFile(path, part.source, { flag: 'wx' });
    paths.push(path);
  }
  const last = migrationFileName(parts[parts.length - 1]!.name, stamp);
  await writeOwnership(directory, last.slice(0, -extname(last).length), migration.owned);
  return paths[0]!;
}

/**
 * The time to stamp a new migration of `directory` with: `now`, or one second after the newest
 * `YYYYMMDDHHMMSS_` stamp of a file there when that is not earlier. A migration made in the same
 * second as the last one (a script, a fast machine) still sorts after it, whatever its name.
 *
 * @example
 * const stamp = await nextMigrationTime('./migrations'); // then migrationFileName(name, stamp)
 */
export async function nextMigrationTime(directory: string, now: Date = new Date()): Promise<Date> {
  const names = await readdir(directory).catch(() => [] as string[]);
  let newest = Number.NEGATIVE_INFINITY;
  for (const name of names) {
    const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_/.exec(name);
    if (m !== null) newest = Math.max(newest, Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  }
  return newest >= Math.floor(now.getTime() / 1000) * 1000 ? new Date(newest + 1000) : now;
}
