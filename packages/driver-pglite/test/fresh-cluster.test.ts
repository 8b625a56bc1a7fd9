import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { saveFreshCluster } from '../src/fresh-cluster.js';
import { createPgliteDriver } from '../src/index.js';

const dirs: string[] = [];
const scratch = async (prefix: string) => {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const tables = "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY 1";

describe('createPgliteDriver({ clusterCache })', () => {
  it('the first new cluster writes the cache; later new clusters, in memory or in a folder, start from it', async () => {
    const cache = await scratch('jst-cache-');
    const first = await createPgliteDriver({ clusterCache: cache });
    await first.close();
    expect((await readdir(cache)).filter((f) => f.endsWith('.tar.gz'))).toHaveLength(1);

    // Replace the image with one that has a marker table: a cluster made from the cache shows it.
    const marked = await PGlite.create();
    await marked.exec('CREATE TABLE from_the_cache (id int)');
    await saveFreshCluster(cache, marked);
    await marked.close();

    const inMemory = await createPgliteDriver({ clusterCache: cache });
    expect((await inMemory.query(tables)).rows).toEqual([{ tablename: 'from_the_cache' }]);
    await inMemory.close();

    const folder = join(await scratch('jst-folder-'), 'db');
    const onDisk = await createPgliteDriver({ dataDir: folder, clusterCache: cache });
    await onDisk.exec('CREATE TABLE mine (id int)');
    await onDisk.close();
    expect(existsSync(join(folder, 'PG_VERSION'))).toBe(true);

    // A folder that holds a cluster is opened as it is: the cache is not loaded over it.
    const reopened = await createPgliteDriver({ dataDir: folder, clusterCache: cache });
    expect((await reopened.query(tables)).rows).toEqual([
      { tablename: 'from_the_cache' },
      { tablename: 'mine' },
    ]);
    await reopened.close();
  });

  it('a cache folder that cannot be used is skipped: the cluster is made by initdb', async () => {
    const parent = await scratch('jst-badcache-');
    const notAFolder = join(parent, 'file');
    await writeFile(notAFolder, 'not a folder');
    const driver = await createPgliteDriver({ clusterCache: notAFolder });
    expect((await driver.query(tables)).rows).toEqual([]);
    await driver.close();
  });
});
