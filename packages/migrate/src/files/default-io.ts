import { readdir, readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { MigrationFileSystem, MigrationModuleLoader } from './types.js';

/** The default file system: `node:fs/promises`. */
export const nodeFileSystem: MigrationFileSystem = {
  readdir: (directory) => readdir(directory),
  readFile: async (path) => new Uint8Array(await readFile(path)),
};

let loads = 0;

/**
 * The default loader: jiti, so `.ts` and `.mts` files run with no build step. Caches are off so a
 * file edited between two runs in one process is read afresh. jiti hands `.mjs` files to Node's own
 * `import()`, whose cache cannot be cleared, so those are imported with a query string of their own.
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
        createJiti(import.meta.url, { moduleCache: false, fsCache: false, interopDefault: false }),
      );
      return (await jiti).import(url);
    },
  };
}
