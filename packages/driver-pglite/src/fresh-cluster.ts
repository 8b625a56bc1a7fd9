import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// A new PGlite cluster runs initdb inside WebAssembly: seconds of CPU, where loading PGlite's dump
// of a fresh cluster (`loadDataDir`) takes about one. The first new cluster of a PGlite build is
// dumped into a cache folder right after it starts, before anything runs in it; every later new
// cluster (an in-memory database, an empty data directory) starts from that dump. The cache is an
// optimisation only: a cache that cannot be read or written is skipped.

/** What this module needs of a PGlite instance. */
interface Dumpable {
  dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob | File>;
}

/** The file, in `cacheDir`, that holds the fresh cluster of the installed PGlite build. */
async function imagePath(cacheDir: string): Promise<string | undefined> {
  try {
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const { size, mtimeMs } = await stat(entry);
    const key = createHash('sha256').update(`${entry}\0${size}\0${mtimeMs}`).digest('hex').slice(0, 16);
    return join(cacheDir, `pglite-fresh-cluster-${key}.tar.gz`);
  } catch {
    return undefined;
  }
}

/** True when `dataDir` holds no cluster yet: PGlite would run initdb there. */
export function isNewCluster(dataDir: string | undefined): boolean {
  return dataDir === undefined || !existsSync(join(dataDir, 'PG_VERSION'));
}

/** The cached dump of a fresh cluster, or undefined when there is none (or it cannot be read). */
export async function readFreshCluster(cacheDir: string): Promise<Blob | undefined> {
  const path = await imagePath(cacheDir);
  if (path === undefined) return undefined;
  try {
    return new Blob([await readFile(path)]);
  } catch {
    return undefined;
  }
}

/**
 * Dumps `pglite`, which must have just started on a new cluster, into the cache. Written under a
 * name of its own and renamed into place, so that a reader never sees half of it.
 */
export async function saveFreshCluster(cacheDir: string, pglite: Dumpable): Promise<void> {
  const path = await imagePath(cacheDir);
  if (path === undefined) return;
  const scratch = `${path}.${process.pid}.${Date.now()}`;
  try {
    const dump = await pglite.dumpDataDir('gzip');
    await mkdir(cacheDir, { recursive: true });
    await writeFile(scratch, new Uint8Array(await dump.arrayBuffer()));
    await rename(scratch, path);
  } catch {
    await rm(scratch, { force: true }).catch(() => undefined);
  }
}
