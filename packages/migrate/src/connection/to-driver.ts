import type { Driver } from '@justscale/driver';
import { type PgClientLike, type PgPoolLike, pgDriver } from '@justscale/driver-pg';
import { type PgliteLike, pgliteDriver } from '@justscale/driver-pglite';
import { type PostgresSqlLike, postgresDriver } from '@justscale/driver-postgres';

/** What `toDriver` accepts: a `Driver`, or a `pg` Client or Pool, a postgres.js `sql`, a PGlite instance. */
export type DriverInput = Driver | PgClientLike | PgPoolLike | PostgresSqlLike | PgliteLike;

type Shape = Record<string, unknown>;

function fns(x: Shape, ...names: string[]): boolean {
  return names.every((name) => typeof x[name] === 'function');
}

/** A JustScale `Driver`: it has a `name` and every method of the interface. */
function isDriver(x: Shape): boolean {
  return (
    typeof x.name === 'string' && fns(x, 'query', 'exec', 'transaction', 'session', 'serverVersion', 'close')
  );
}

/** postgres.js's `sql` is a tagged-template function with `unsafe`, `begin` and `reserve`. */
function isPostgresJs(x: Shape): boolean {
  return fns(x, 'unsafe', 'begin', 'reserve', 'end');
}

/** PGlite has `exec`, `transaction`, `query` and a `waitReady` promise (no connection to open). */
function isPglite(x: Shape): boolean {
  return fns(x, 'query', 'exec', 'transaction', 'close') && x.waitReady instanceof Promise;
}

/** A `pg` Pool counts its clients. */
function isPgPool(x: Shape): boolean {
  return (
    fns(x, 'query', 'connect', 'end') && typeof x.totalCount === 'number' && typeof x.idleCount === 'number'
  );
}

/** A `pg` Client has its connection parameters and `connect`. */
function isPgClient(x: Shape): boolean {
  return fns(x, 'query', 'connect', 'end') && typeof x.connectionParameters === 'object';
}

function describe(x: unknown): string {
  if (x === null) {
    return 'null';
  }
  if (typeof x === 'object' || typeof x === 'function') {
    const name = (x as { constructor?: { name?: string } }).constructor?.name;
    return name && name !== 'Object' && name !== 'Function' ? `a ${name}` : `a ${typeof x}`;
  }
  return `${typeof x} ${JSON.stringify(x)}`;
}

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
  if ((typeof x === 'object' || typeof x === 'function') && x !== null) {
    const shape = x as Shape;
    if (isDriver(shape)) {
      return x as Driver;
    }
    if (isPostgresJs(shape)) {
      return postgresDriver(x as PostgresSqlLike);
    }
    if (isPglite(shape)) {
      return pgliteDriver(x as PgliteLike);
    }
    if (isPgPool(shape) || isPgClient(shape)) {
      return pgDriver(x as PgClientLike);
    }
  }
  throw new TypeError(
    `Expected a database client: a JustScale Driver, a pg Client or Pool, a postgres.js sql instance or a PGlite instance, but got ${describe(x)}`,
  );
}
