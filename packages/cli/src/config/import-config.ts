import { moduleLoader } from '@justscale/migrate/runner';

/**
 * A config module's default export (or its namespace, when it has none), loaded as migration files
 * are (`moduleLoader` of `@justscale/migrate`): transpiled once by esbuild into the project's
 * `node_modules/.cache/justscale`, then imported by Node, with `import { defineConfig } from
 * '@justscale/postgres'` pointed at the light `@justscale/postgres/config` (the main entry loads the
 * whole toolkit); a config with relative imports, CommonJS or no `node_modules` above it goes through
 * jiti. Each call evaluates the file afresh.
 *
 * @example
 * const raw = await importConfigFile('/app/justscale.config.ts');
 */
export async function importConfigFile(file: string): Promise<unknown> {
  const namespace = (await moduleLoader().import(file)) as Record<string, unknown> | null;
  if (namespace !== null && typeof namespace === 'object' && 'default' in namespace) return namespace.default;
  return namespace;
}
