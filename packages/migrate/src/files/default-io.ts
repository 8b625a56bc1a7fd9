import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MigrationFileSystem, MigrationModuleLoader } from './types.js';

/** The default file system: `node:fs/promises`. */
export const nodeFileSystem: MigrationFileSystem = {
  readdir: (directory) => readdir(directory),
  readFile: async (path) => new Uint8Array(await readFile(path)),
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
  let dir = folder;
  for (;;) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'justscale');
    const parent = dirname(dir);
    if (parent === dir) return join(tmpdir(), 'justscale-cache');
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
