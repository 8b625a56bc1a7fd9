import type { Driver } from '@justscale/driver';
import { type PgliteLike, pgliteDriver } from './pglite-driver.js';

/** Options of `createPgliteDriver`. */
export interface CreatePgliteDriverOptions {
  /** A directory to keep the database in; in memory when absent. */
  readonly dataDir?: string;
  /** PGlite extensions to load, e.g. `{ citext }` from `@electric-sql/pglite/contrib/citext`. */
  readonly extensions?: Readonly<Record<string, unknown>>;
  /**
   * A folder (Node.js only) for a dump of a fresh cluster: a new cluster (in memory, or a `dataDir`
   * that holds none yet) starts from it instead of running initdb, which takes seconds; the first
   * one made writes it. Absent: no cache.
   */
  readonly clusterCache?: string;
}

interface PgliteModule {
  PGlite: {
    create(
      options: Record<string, unknown>,
    ): Promise<PgliteLike & { dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob> }>;
  };
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
  const cacheDir = options.clusterCache;
  const cache = cacheDir === undefined ? undefined : await import('./fresh-cluster.js');
  const fresh = cache?.isNewCluster(options.dataDir) === true;
  const image = fresh && cache && cacheDir ? await cache.readFreshCluster(cacheDir) : undefined;
  const pglite = await PGlite.create({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.extensions === undefined ? {} : { extensions: options.extensions }),
    ...(image === undefined ? {} : { loadDataDir: image }),
  });
  // The first new cluster of this PGlite build, before anything ran in it, becomes the cache.
  if (fresh && image === undefined && cache && cacheDir) await cache.saveFreshCluster(cacheDir, pglite);
  return pgliteDriver(pglite, { owned: true });
}
