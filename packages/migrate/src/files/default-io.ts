import { readdir, readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createJiti } from 'jiti';
import type { MigrationFileSystem, MigrationModuleLoader } from './types.js';

/** The default file system: `node:fs/promises`. */
export const nodeFileSystem: MigrationFileSystem = {
  readdir: (directory) => readdir(directory),
  readFile: async (path) => new Uint8Array(await readFile(path)),
};

/**
 * The default loader: jiti, so `.ts` and `.mts` files run with no build step. Caches are off so a
 * file edited between two runs in one process is read afresh.
 */
export function jitiLoader(): MigrationModuleLoader {
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false });
  return { import: (path) => jiti.import(pathToFileURL(path).href) };
}
