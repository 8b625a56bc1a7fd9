import { readdir, readFile } from 'node:fs/promises';
import type { MigrationFileSystem, MigrationModuleLoader } from '@justscale/migrate/runner';

/**
 * The migration files, read once per fleet run however many targets use them: every runner of the
 * run gets this file system and loader, so the directory is listed once, each file read (and
 * checksummed from the same bytes) once, and each module imported once.
 *
 * @example
 * const shared = sharedMigrationFiles();
 * createMigrationRunner(driver, { directory, fs: shared.fs, loader: shared.loader });
 */
export function sharedMigrationFiles(
  fs: MigrationFileSystem = {
    readdir: (d) => readdir(d),
    readFile: async (p) => new Uint8Array(await readFile(p)),
  },
  loader?: MigrationModuleLoader,
): { fs: MigrationFileSystem; loader: MigrationModuleLoader; reads(): number } {
  const listings = new Map<string, Promise<string[]>>();
  const files = new Map<string, Promise<Uint8Array>>();
  const modules = new Map<string, Promise<unknown>>();
  let reads = 0;
  let inner = loader;
  return {
    fs: {
      readdir(directory) {
        let listing = listings.get(directory);
        if (listing === undefined) {
          listing = fs.readdir(directory);
          listings.set(directory, listing);
          // A failure (a missing directory) is reported by each target, not remembered.
          listing.catch(() => listings.delete(directory));
        }
        return listing.then((names) => [...names]);
      },
      readFile(path) {
        let bytes = files.get(path);
        if (bytes === undefined) {
          reads++;
          bytes = fs.readFile(path);
          files.set(path, bytes);
          bytes.catch(() => files.delete(path));
        }
        return bytes;
      },
    },
    loader: {
      async import(path) {
        let module = modules.get(path);
        if (module === undefined) {
          module = (async () => {
            // The default loader (native ES modules from the transpile cache, jiti for the rest) comes
            // with the Database API, needed only when something runs.
            inner ??= (await import('@justscale/migrate')).moduleLoader();
            return inner.import(path);
          })();
          modules.set(path, module);
        }
        return module;
      },
    },
    reads: () => reads,
  };
}
