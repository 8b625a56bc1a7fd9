import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MigrationFileSystem, MigrationModuleLoader } from './types.js';

/**
 * The default file system: `node:fs`. Files are read synchronously: a migration file is small, and
 * a run with nothing pending reads every one for its checksum, where an asynchronous read costs a
 * trip through libuv's thread pool each (500 files: 9 ms of CPU against 45 ms, see apps/bench).
 */
export const nodeFileSystem: MigrationFileSystem = {
  readdir: (directory) => readdir(directory),
  readFile: async (path) => readFileSync(path),
};

let loads = 0;

/**
 * The project's cache folder for `folder`: `node_modules/.cache/justscale` of the nearest folder at
 * or above it that has a `node_modules`, else `justscale-cache` in the system's temporary folder.
 * Transpiled migration files and the embedded database's fresh-cluster image are kept there.
 *
 * @example
 * projectCacheDir('/app/migrations') // '/app/node_modules/.cache/justscale'
 */
export function projectCacheDir(folder: string): string {
  const modules = nearestNodeModules(folder);
  return modules === null ? join(tmpdir(), 'justscale-cache') : join(modules, '.cache', 'justscale');
}

/** The `node_modules` of the nearest folder at or above `folder` that has one, or null. */
export function nearestNodeModules(folder: string): string | null {
  let dir = folder;
  for (;;) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules');
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Where transpiled migration files are kept between runs: the project's cache folder (see
 * `projectCacheDir`) of the migration's folder.
 *
 * @example
 * transpileCacheDir('/app/migrations/001_init.ts') // '/app/node_modules/.cache/justscale'
 */
export function transpileCacheDir(migrationPath: string): string {
  return projectCacheDir(dirname(migrationPath));
}

/**
 * The default loader: jiti, so `.ts` and `.mts` files run with no build step. The module cache is
 * off so a file edited between two runs in one process is read afresh; the transpiled code is kept
 * on disk (see `transpileCacheDir`) under a hash of the file's source, so an unchanged file is not
 * transpiled again by the next run and an edited one always is. jiti hands `.mjs` files to Node's
 * own `import()`, whose cache cannot be cleared, so those are imported with a query string of their own.
 *
 * @example
 * const module = await jitiLoader().import('/app/migrations/001_init.ts');
 */
export function jitiLoader(): MigrationModuleLoader {
  // jiti itself loads on the first TypeScript file, not with the runner.
  let jiti: Promise<{ import(id: string): Promise<unknown> }> | undefined;
  return {
    async import(path) {
      const url = pathToFileURL(path).href;
      if (path.endsWith('.mjs')) return import(/* @vite-ignore */ `${url}?justscale-load=${++loads}`);
      jiti ??= import('jiti').then(({ createJiti }) =>
        createJiti(import.meta.url, {
          moduleCache: false,
          fsCache: transpileCacheDir(path),
          interopDefault: false,
        }),
      );
      return (await jiti).import(url);
    },
  };
}
