import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A fresh PGlite cluster costs an initdb inside WASM: about 5 s of CPU, where opening an existing
// one takes about 1 s. Like PostgreSQL's template databases, one fresh cluster is made once per
// PGlite build and copied for every test database after it: as a data directory on disk (for the
// CLI, which opens a folder) and as PGlite's own dump of it (`loadDataDir`, for in-memory databases).
// Both live in the system's temporary folder, keyed by the PGlite build, so that the test files
// (each its own process) share them; each is written under a temporary name and renamed into place,
// so a reader never sees half of one.

interface PgliteInstance {
  query(sql: string): Promise<unknown>;
  dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob>;
  close(): Promise<void>;
}
interface PgliteModule {
  PGlite: { create(options?: Record<string, unknown>): Promise<PgliteInstance> };
}

/** The folder that holds the templates of this PGlite build. */
async function templateRoot(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const { size, mtimeMs } = await stat(entry);
  const key = createHash('sha256').update(`${entry}\0${size}\0${mtimeMs}`).digest('hex').slice(0, 16);
  const root = join(tmpdir(), `justscale-pglite-template-${key}`);
  await mkdir(root, { recursive: true });
  return root;
}

/** Moves `from` to `to` unless another process got there first (then `from` is removed). */
async function publish(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch {
    await rm(from, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

let dataDirTemplate: Promise<string> | undefined;

/** The template data directory (a fresh, closed cluster), made on first use. */
function templateDataDir(): Promise<string> {
  dataDirTemplate ??= (async () => {
    const root = await templateRoot();
    const target = join(root, 'datadir');
    if (await exists(target)) return target;
    const scratch = await mkdtemp(join(root, 'datadir-'));
    const { PGlite } = (await import('@electric-sql/pglite')) as unknown as PgliteModule;
    const pglite = await PGlite.create({ dataDir: scratch });
    await pglite.query('SELECT 1');
    await pglite.close();
    await publish(scratch, target);
    return target;
  })();
  return dataDirTemplate;
}

let dumpTemplate: Promise<Blob> | undefined;

/** PGlite's dump of a fresh cluster, for `PGlite.create({ loadDataDir })`; made on first use. */
export function pgliteTemplateDump(): Promise<Blob> {
  dumpTemplate ??= (async () => {
    const root = await templateRoot();
    const target = join(root, 'dump.tar');
    if (!(await exists(target))) {
      const { PGlite } = (await import('@electric-sql/pglite')) as unknown as PgliteModule;
      const pglite = await PGlite.create();
      await pglite.query('SELECT 1');
      const dump = await pglite.dumpDataDir('none');
      await pglite.close();
      const scratch = join(root, `dump-${process.pid}-${Date.now()}.tar`);
      await writeFile(scratch, new Uint8Array(await dump.arrayBuffer()));
      await publish(scratch, target);
    }
    return new Blob([await readFile(target)]);
  })();
  return dumpTemplate;
}

/**
 * Makes `dir` a fresh PGlite data directory, as PGlite's first start would, by copying a template
 * cluster made once per PGlite build: opening it then takes about a second instead of an initdb's
 * five. `dir` must not exist or be empty.
 *
 * @example
 * const dir = await mkdtemp(join(tmpdir(), 'app-'));
 * await createPgliteDataDir(dir);
 * // justscale migrate --database-url pglite:<dir>
 */
export async function createPgliteDataDir(dir: string): Promise<void> {
  await cp(await templateDataDir(), dir, { recursive: true });
}
