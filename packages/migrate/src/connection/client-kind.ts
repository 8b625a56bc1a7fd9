/**
 * What kind of database client a value is, by its shape (not its class, so any copy of the library
 * works). No adapter is imported here: the runner asks this first, and loads the adapter only for a
 * raw client (a `Driver`, which the CLI hands it, needs none).
 */

/** A JustScale `Driver`, a postgres.js `sql`, a PGlite instance, or a `pg` Pool or Client. */
export type ClientKind = 'driver' | 'postgres' | 'pglite' | 'pg';

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
 * The kind of client `x` is; a `TypeError` naming what it got for anything else.
 *
 * @example
 * clientKind(new pg.Pool()) // 'pg'
 */
export function clientKind(x: unknown): ClientKind {
  if ((typeof x === 'object' || typeof x === 'function') && x !== null) {
    const shape = x as Shape;
    if (isDriver(shape)) return 'driver';
    if (isPostgresJs(shape)) return 'postgres';
    if (isPglite(shape)) return 'pglite';
    if (isPgPool(shape) || isPgClient(shape)) return 'pg';
  }
  throw new TypeError(
    `Expected a database client: a JustScale Driver, a pg Client or Pool, a postgres.js sql instance or a PGlite instance, but got ${describe(x)}`,
  );
}
