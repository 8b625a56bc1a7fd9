import type { Driver } from '@justscale/driver';
import { type PgClientLike, type PgPoolLike, pgDriver } from '@justscale/driver-pg';
import { type PgliteLike, pgliteDriver } from '@justscale/driver-pglite';
import { type PostgresSqlLike, postgresDriver } from '@justscale/driver-postgres';
import { clientKind } from './client-kind.js';

/** What `toDriver` accepts: a `Driver`, or a `pg` Client or Pool, a postgres.js `sql`, a PGlite instance. */
export type DriverInput = Driver | PgClientLike | PgPoolLike | PostgresSqlLike | PgliteLike;

/**
 * A `Driver` for whatever client the caller has: a `Driver` is returned as it is; a `pg` Client or
 * Pool, a postgres.js `sql` and a PGlite instance are wrapped in their adapter. Clients are recognised
 * by their shape, not their class, so any copy of the library works. The caller keeps ownership:
 * the driver's `close()` does not end the client.
 *
 * @example
 * import pg from 'pg';
 * const driver = toDriver(new pg.Pool({ connectionString: process.env.DATABASE_URL }));
 */
export function toDriver(x: DriverInput): Driver;
export function toDriver(x: unknown): Driver;
export function toDriver(x: unknown): Driver {
  switch (clientKind(x)) {
    case 'driver':
      return x as Driver;
    case 'postgres':
      return postgresDriver(x as PostgresSqlLike);
    case 'pglite':
      return pgliteDriver(x as PgliteLike);
    case 'pg':
      return pgDriver(x as PgClientLike);
  }
}
