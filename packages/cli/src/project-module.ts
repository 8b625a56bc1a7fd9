import { pathToFileURL } from 'node:url';
import { isUnresolvedImport, moduleLoader } from '@justscale/migrate/runner';

/**
 * The namespace of a project's own module (the config, the models), loaded as migration files are
 * (`moduleLoader` of `@justscale/migrate`): transpiled once by esbuild into the project's
 * `node_modules/.cache/justscale`, then imported by Node, with `import { defineConfig } from
 * '@justscale/postgres'` (or `defineModel`, `field`, ...) pointed at a light entry of the same package
 * (the main entry loads the whole toolkit); a module with relative imports, CommonJS or no
 * `node_modules` above it, or one whose imports Node cannot load, goes through jiti. Each call
 * evaluates the file afresh.
 *
 * @example
 * const { posts } = await importProjectModule('/app/src/models.ts');
 */
export async function importProjectModule(file: string): Promise<Record<string, unknown>> {
  try {
    return (await moduleLoader().import(file)) as Record<string, unknown>;
  } catch (error) {
    // What Node cannot resolve or load, jiti may: an `.mjs` config importing a `.ts` file, a
    // TypeScript path alias. Its error, if it fails too, is the one reported (as before).
    if (!isUnresolvedImport(error)) throw error;
    const { createJiti } = await import('jiti');
    const jiti = createJiti(pathToFileURL(file).href, { moduleCache: false, fsCache: false });
    return (await jiti.import(pathToFileURL(file).href)) as Record<string, unknown>;
  }
}

/**
 * A config module's default export (or its namespace, when it has none): see `importProjectModule`.
 *
 * @example
 * const raw = await importConfigFile('/app/justscale.config.ts');
 */
export async function importConfigFile(file: string): Promise<unknown> {
  const namespace = await importProjectModule(file);
  return namespace !== null && typeof namespace === 'object' && 'default' in namespace
    ? namespace.default
    : namespace;
}
