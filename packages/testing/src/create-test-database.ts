import { type Driver, redact } from '@justscale/driver';
import { containersInstalled, containerUrl } from './container.js';
import { pingDocker } from './docker.js';
import { createPgliteDatabase } from './pglite.js';
import { type SourceProbes, selectTestSource, type TestSource, type TestTarget } from './select-source.js';
import { createServerDatabase } from './server.js';

/** A fresh database for one test. */
export interface TestDatabase {
  readonly driver: Driver;
  readonly kind: 'server' | 'container' | 'pglite';
  /** Its connection URL; `null` for PGlite. */
  readonly url: string | null;
  /** Closes the driver and removes the database (drops it on a server, closes PGlite). */
  close(): Promise<void>;
}

/** Options of `createTestDatabase`. */
export interface TestDatabaseOptions {
  /** Default: `JUSTSCALE_TEST_TARGET`, else `'auto'`. */
  readonly target?: TestTarget;
  /** Extensions to create, e.g. `['citext', 'uuid-ossp']` (loaded from PGlite's contrib on PGlite). */
  readonly extensions?: readonly string[];
}

const defaultProbes: SourceProbes = {
  env: process.env,
  dockerAvailable: () => pingDocker(process.env),
  containersInstalled,
};

const announced = new Set<string>();

function announce(source: TestSource): void {
  const where =
    source.kind === 'server'
      ? `the PostgreSQL server at ${redact(source.url)}`
      : source.kind === 'container'
        ? 'a PostgreSQL container (testcontainers)'
        : 'PGlite (embedded PostgreSQL, in memory)';
  const line = `@justscale/testing: using ${where}, because ${source.reason}\n`;
  if (!announced.has(line)) {
    announced.add(line);
    process.stderr.write(line);
  }
}

/**
 * The source `createTestDatabase` takes databases from in this process (without creating one), so a
 * test can name what it runs on, or skip what needs a second connection, before it starts.
 *
 * @example
 * const source = await testDatabaseSource();
 * describe.skipIf(source.kind === 'pglite')('two sessions', () => { ... });
 */
export function testDatabaseSource(
  options: Pick<TestDatabaseOptions, 'target'> = {},
  probes: SourceProbes = defaultProbes,
): Promise<TestSource> {
  return selectTestSource(options.target, probes);
}

/**
 * A fresh, empty database and its `Driver`. From, in order: PGlite when `JUSTSCALE_TEST_TARGET` (or
 * `target`) is `'pglite'`; a new uniquely named database on the `DATABASE_URL` server; a database in a
 * testcontainers PostgreSQL when Docker answers; PGlite in memory otherwise. It says once per process
 * (on stderr) which one it uses. Always `close()` it.
 *
 * @example
 * const db = await createTestDatabase();
 * try {
 *   await db.driver.query('CREATE TABLE t (id int)');
 * } finally {
 *   await db.close();
 * }
 */
export async function createTestDatabase(
  options: TestDatabaseOptions = {},
  probes: SourceProbes = defaultProbes,
): Promise<TestDatabase> {
  const source = await selectTestSource(options.target, probes);
  announce(source);
  const extensions = options.extensions ?? [];
  if (source.kind === 'pglite') {
    const driver = await createPgliteDatabase(extensions);
    return { driver, kind: 'pglite', url: null, close: () => driver.close() };
  }
  const url = source.kind === 'server' ? source.url : await containerUrl();
  const database = await createServerDatabase(url, extensions);
  return { driver: database.driver, kind: source.kind, url: database.url, close: database.drop };
}
