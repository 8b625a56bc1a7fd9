import type { Driver } from '@justscale/driver';
import { requirePg } from './load-pg.js';
import { pgDriver } from './pg-driver.js';
import type { PgPoolLike } from './types.js';

/** A `pg.PoolConfig`: `connectionString`, `host`, `password`, `max`, ... (see node-postgres). */
export interface PgPoolConfig {
  readonly connectionString?: string;
  readonly password?: string | (() => string | Promise<string>);
  readonly [option: string]: unknown;
}

/** How `createPgDriver` makes its Pool. */
export interface CreatePgDriverOptions {
  /**
   * Loads the `pg` module to make the Pool with, synchronously (default: `require('pg')` from this
   * package). The `justscale` binary passes the copy of pg it bundles in one file, which loads in a
   * fraction of the time of pg's forty modules.
   */
  readonly loadPg?: () => unknown;
}

/**
 * A `Driver` that owns a new `pg` Pool for `config` (a connection string or a `pg.PoolConfig`),
 * and ends it on `close()`. `pg` is loaded on the first call, so that importing this package does
 * not need it.
 *
 * @example
 * const driver = createPgDriver('postgres://postgres@127.0.0.1:5432/postgres');
 * await driver.query('SELECT 1');
 * await driver.close();
 */
export function createPgDriver(config: string | PgPoolConfig, create: CreatePgDriverOptions = {}): Driver {
  if (typeof (config as { query?: unknown }).query === 'function') {
    // A Client or Pool has the fields of a PoolConfig: taken as one, it would open broken connections.
    throw new TypeError(
      'createPgDriver takes a connection string or a pg.PoolConfig; for a pg Client or Pool of your own, use pgDriver(client)',
    );
  }
  const options: PgPoolConfig = typeof config === 'string' ? { connectionString: config } : config;
  const loaded = requirePg(create.loadPg) as { default?: unknown; Pool?: unknown };
  // `require` gives an ES module namespace when Node resolves pg's `import` condition.
  const pg = (loaded.Pool ? loaded : loaded.default) as {
    Pool: new (options: PgPoolConfig) => PgPoolLike & { on(e: 'error', l: () => void): unknown };
  };
  const pool = new pg.Pool(options);
  // An idle connection the server closes (a restart, DROP DATABASE ... WITH (FORCE)) must not crash
  // the process: the next query reports the problem instead.
  pool.on('error', () => undefined);
  const password = typeof options.password === 'string' ? options.password : undefined;
  return pgDriver(pool, {
    owned: true,
    secrets: [password, options.connectionString ? passwordOf(options.connectionString) : undefined],
  });
}

function passwordOf(connectionString: string): string | undefined {
  try {
    return decodeURIComponent(new URL(connectionString).password) || undefined;
  } catch {
    return undefined;
  }
}
