import type { Driver } from '@justscale/driver';
import pg from 'pg';
import { pgDriver } from './pg-driver.js';
import type { PgPoolLike } from './types.js';

/**
 * A `Driver` that owns a new `pg` Pool for `config` (a connection string or a `pg.PoolConfig`),
 * and ends it on `close()`.
 *
 * @example
 * const driver = createPgDriver('postgres://postgres@127.0.0.1:5432/postgres');
 * await driver.query('SELECT 1');
 * await driver.close();
 */
export function createPgDriver(config: string | pg.PoolConfig): Driver {
  const options: pg.PoolConfig = typeof config === 'string' ? { connectionString: config } : config;
  const pool = new pg.Pool(options);
  // An idle connection the server closes (a restart, DROP DATABASE ... WITH (FORCE)) must not crash
  // the process: the next query reports the problem instead.
  pool.on('error', () => undefined);
  const password = typeof options.password === 'string' ? options.password : undefined;
  return pgDriver(pool as unknown as PgPoolLike, {
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
