import type { Driver } from '@justscale/driver';
import postgres from 'postgres';
import { type PostgresSqlLike, postgresDriver } from './postgres-driver.js';

/**
 * A `Driver` that owns a new postgres.js instance for `url` (and `options`), ending it on `close()`.
 * Notices are not printed unless `options.onnotice` says otherwise.
 *
 * @example
 * const driver = createPostgresDriver('postgres://postgres@127.0.0.1:5432/postgres');
 * await driver.query('SELECT 1');
 * await driver.close();
 */
export function createPostgresDriver(
  url: string,
  options: postgres.Options<Record<string, never>> = {},
): Driver {
  const sql = postgres(url, { onnotice: () => undefined, ...options });
  return postgresDriver(sql as unknown as PostgresSqlLike, { owned: true });
}
