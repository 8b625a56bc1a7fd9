import type { Extension } from '@electric-sql/pglite';
import type { Driver } from '@justscale/driver';
import { pgliteDriver } from '@justscale/driver-pglite';
import { pgliteTemplateDump } from './pglite-template.js';

/** PGlite's module and export name for an extension: `uuid-ossp` is `uuid_ossp`. */
export function pgliteExtensionModule(name: string): { module: string; exportName: string } {
  const exportName = name.replace(/-/g, '_');
  return { module: `@electric-sql/pglite/contrib/${exportName}`, exportName };
}

/**
 * An in-memory PGlite driver with `extensions` loaded and created. The cluster starts from a copy of
 * a fresh one (see pglite-template.ts), which spares an initdb per database.
 */
export async function createPgliteDatabase(extensions: readonly string[]): Promise<Driver> {
  const loaded: Record<string, Extension> = {};
  for (const name of extensions) {
    const { module, exportName } = pgliteExtensionModule(name);
    let mod: Record<string, unknown>;
    try {
      mod = (await import(module)) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`PGlite has no extension '${name}' (looked for ${module})`, { cause: error });
    }
    loaded[exportName] = mod[exportName] as Extension;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create({ loadDataDir: await pgliteTemplateDump(), extensions: loaded });
  const driver = pgliteDriver(pglite, { owned: true });
  try {
    for (const name of extensions) {
      await driver.exec(`CREATE EXTENSION IF NOT EXISTS "${name.replace(/"/g, '""')}"`);
    }
  } catch (error) {
    await driver.close();
    throw error;
  }
  return driver;
}
