import type { Driver } from '@justscale/driver';
import { type PgliteLike, pgliteDriver } from './pglite-driver.js';

/** Options of `createPgliteDriver`. */
export interface CreatePgliteDriverOptions {
  /** A directory to keep the database in; in memory when absent. */
  readonly dataDir?: string;
  /** PGlite extensions to load, e.g. `{ citext }` from `@electric-sql/pglite/contrib/citext`. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

interface PgliteModule {
  PGlite: { create(options: Record<string, unknown>): Promise<PgliteLike> };
}

/**
 * A `Driver` that owns a new PGlite instance and closes it on `close()`. PGlite is loaded on the
 * first call, so that importing this package does not need it.
 *
 * @example
 * const driver = await createPgliteDriver({ dataDir: '.justscale/pglite' });
 * await driver.query('SELECT 1');
 * await driver.close();
 */
export async function createPgliteDriver(options: CreatePgliteDriverOptions = {}): Promise<Driver> {
  const { PGlite } = (await import('@electric-sql/pglite')) as unknown as PgliteModule;
  const pglite = await PGlite.create({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.extensions === undefined ? {} : { extensions: options.extensions }),
  });
  return pgliteDriver(pglite, { owned: true });
}
