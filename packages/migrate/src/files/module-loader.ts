import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jitiLoader, nearestNodeModules } from './default-io.js';
import { bundleModules, transpileModules } from './transpile.js';
import type { MigrationFile, MigrationModuleLoader } from './types.js';

/** What loading one module gave: its namespace, or the error to report for its file. */
type Outcome =
  | { readonly ok: true; readonly namespace: unknown }
  | { readonly ok: false; readonly error: unknown };

/** Node's errors for an import it could not resolve or link: nothing of the module ran. */
const unresolved = new Set([
  'ERR_MODULE_NOT_FOUND',
  'ERR_PACKAGE_PATH_NOT_EXPORTED',
  'ERR_PACKAGE_IMPORT_NOT_DEFINED',
  'ERR_UNSUPPORTED_DIR_IMPORT',
  'ERR_UNKNOWN_FILE_EXTENSION',
  'ERR_INVALID_MODULE_SPECIFIER',
]);

/**
 * Whether `error` is Node's for an import it could not resolve or link (nothing of the module ran),
 * which jiti may still load: a TypeScript path alias, an `.mjs` file importing a `.ts` one.
 *
 * @example
 * try { await import(url); } catch (error) { if (!isUnresolvedImport(error)) throw error; }
 */
export function isUnresolvedImport(error: unknown): boolean {
  return unresolved.has((error as { code?: unknown } | null)?.code as string);
}

let loads = 0;

/**
 * The default loader: migration modules run as native ES modules. `.ts`, `.mts` and `.js` files are
 * transpiled by esbuild once, into `node_modules/.cache/justscale/migrations` keyed by a hash of
 * their bytes (see `transpileModules`), then imported by Node; `.mjs` files are imported as they are.
 * `prepare` loads a whole batch through one generated module, so Node links them in one pass instead
 * of one import after the other. A file the cached copy cannot stand in for (relative imports,
 * `require`, CommonJS, `import.meta.resolve`, an import Node cannot resolve from the cache folder), a
 * file esbuild refuses (jiti reports its syntax error with the line), and every file of a project
 * without `node_modules`, are loaded by jiti as before. Every load evaluates the module afresh.
 *
 * @example
 * const loader = moduleLoader();
 * await loader.prepare?.(files); // every pending file, before the first runs
 * const module = await loader.import('/app/migrations/001_init.ts');
 */
export function moduleLoader(): MigrationModuleLoader & {
  prepare(files: readonly Pick<MigrationFile, 'path' | 'bytes'>[]): Promise<void>;
} {
  const jiti = jitiLoader();
  /** Loaded by `prepare` and not yet taken by `import`. */
  const ready = new Map<string, Outcome>();

  const prepare = async (files: readonly Pick<MigrationFile, 'path' | 'bytes'>[]): Promise<void> => {
    const modules = files.filter((file) => !file.path.endsWith('.sql'));
    const load = ++loads;
    const originals = new Map<string, string>();
    const byCache = new Map<string, Pick<MigrationFile, 'path' | 'bytes'>[]>();
    const cacheOf = new Map<string, string | null>();
    for (const file of modules) {
      if (file.path.endsWith('.mjs')) {
        originals.set(file.path, `${pathToFileURL(file.path).href}?justscale-load=${load}`);
        continue;
      }
      const folder = dirname(file.path);
      let cache = cacheOf.get(folder);
      if (cache === undefined) {
        const nodeModules = nearestNodeModules(folder);
        cache = nodeModules === null ? null : join(nodeModules, '.cache', 'justscale', 'migrations');
        cacheOf.set(folder, cache);
      }
      if (cache === null) continue;
      const group = byCache.get(cache) ?? [];
      if (group.length === 0) byCache.set(cache, group);
      group.push(file);
    }
    const outcomes = new Map<string, Outcome>();
    for (const [cache, group] of byCache) {
      const transpiled = await transpileModules(group, cache);
      const cached = new Map<string, string>();
      for (const { path } of group) {
        const module = transpiled.get(path);
        if (module?.kind === 'native') cached.set(path, module.file);
      }
      for (const [path, outcome] of await importCached(cached, cache, load)) outcomes.set(path, outcome);
    }
    for (const [path, url] of originals) {
      outcomes.set(path, await settle(import(/* @vite-ignore */ url)));
    }
    for (const file of modules) {
      let outcome = outcomes.get(file.path);
      if (outcome === undefined) outcome = await settle(jiti.import(file.path));
      ready.set(file.path, outcome);
    }
  };

  return {
    prepare,
    async import(path) {
      if (!ready.has(path)) await prepare([{ path, bytes: new Uint8Array(await readFile(path)) }]);
      const outcome = ready.get(path)!;
      ready.delete(path);
      if (!outcome.ok) throw outcome.error;
      return outcome.namespace;
    },
  };
}

/**
 * Imports the cached copies `files` (migration path → cached file) of one cache folder: all at once
 * through one bundle of them (see `bundleModules`), or one by one when that fails, to tell which
 * file failed and how (the modules before the failing one then run a second time, each in a module
 * of its own). A module Node cannot resolve or link is left out, for jiti to load: its code never ran.
 */
async function importCached(
  files: ReadonlyMap<string, string>,
  cacheDir: string,
  load: number,
): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const entries = [...files];
  if (entries.length > 1) {
    try {
      const bundle = await bundleModules(
        entries.map(([, file]) => file),
        cacheDir,
      );
      const url = `${pathToFileURL(bundle).href}?justscale-load=${load}`;
      const namespace = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
      for (const [i, [path]] of entries.entries())
        outcomes.set(path, { ok: true, namespace: namespace[`m${i}`] });
      return outcomes;
    } catch {
      // One by one below.
    }
  }
  for (const [path, file] of entries) {
    const outcome = await settle(
      import(/* @vite-ignore */ `${pathToFileURL(file).href}?justscale-load=${load}`),
    );
    // Our copies are valid JavaScript: a SyntaxError is a link error (a missing named export).
    if (!outcome.ok && (isUnresolvedImport(outcome.error) || outcome.error instanceof SyntaxError)) continue;
    outcomes.set(path, outcome);
  }
  return outcomes;
}

async function settle(promise: Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, namespace: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}
