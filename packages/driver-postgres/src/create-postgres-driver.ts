import { createRequire } from 'node:module';
import type { Driver } from '@justscale/driver';
import { type PostgresSqlLike, postgresDriver } from './postgres-driver.js';

/** postgres.js options (`max`, `idle_timeout`, `onnotice`, `ssl`, ...). */
export type PostgresOptions = Readonly<Record<string, unknown>>;

const require = createRequire(import.meta.url);

/**
 * A `Driver` that owns a new postgres.js instance for `url` (and `options`), ending it on `close()`.
 * Notices are not printed unless `options.onnotice` says otherwise. postgres.js is loaded on the
 * first call, so that importing this package does not need it.
 *
 * @example
 * const driver = createPostgresDriver('postgres://postgres@127.0.0.1:5432/postgres');
 * await driver.query('SELECT 1');
 * await driver.close();
 */
export function createPostgresDriver(url: string, options: PostgresOptions = {}): Driver {
  const postgres = defaultExport(require('postgres')) as (
    url: string,
    options: PostgresOptions,
  ) => PostgresSqlLike;
  const sql = postgres(url, { onnotice: () => undefined, ...options });
  return postgresDriver(sql, { owned: true });
}

/** The module's default export, whether `require` gave the CommonJS value or an ES module namespace. */
function defaultExport(mod: unknown): unknown {
  return typeof mod === 'function' ? mod : (mod as { default?: unknown }).default;
}
