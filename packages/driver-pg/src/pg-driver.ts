import {
  type Connection,
  type Driver,
  encodeParam,
  parserFor,
  pooledDriver,
  singleConnectionDriver,
  toDatabaseError,
} from '@justscale/driver';
import { isPgPool, type PgClientLike, type PgPoolLike, type PgResult } from './types.js';

/** Options of `pgDriver`. */
export interface PgDriverOptions {
  /** `close()` ends the client or pool too. Default `false`: the caller's client is the caller's to end. */
  readonly owned?: boolean;
  /** Strings to remove from error messages (a password the caller knows). */
  readonly secrets?: readonly (string | undefined)[];
}

// Every value arrives as text and goes through JustScale's parsers, whatever the user configured on pg.
const types = { getTypeParser: (oid: number) => parserFor(oid) };

const queues = new WeakMap<object, Promise<unknown>>();

/**
 * Runs `fn` after the client's previous query settled. pg 8 deprecates queueing a query on a busy
 * client (pg 9 will refuse), so concurrent queries of one session wait here. A Pool queues by itself.
 */
function serially<T>(client: PgClientLike, fn: () => Promise<T>): Promise<T> {
  if (isPgPool(client)) {
    return fn();
  }
  const previous = queues.get(client) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  queues.set(
    client,
    next.then(
      () => undefined,
      () => undefined,
    ),
  );
  return next;
}

function connectionOf(client: PgClientLike, secrets: readonly (string | undefined)[]): Connection {
  return {
    async query(sql, params = []) {
      let result: PgResult | PgResult[];
      try {
        const values = params.map(encodeParam);
        result = await serially(client, () => client.query({ text: sql, values, types }));
      } catch (error) {
        throw toDatabaseError(error, sql, secrets);
      }
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      const rows = (last?.rows ?? []) as never[];
      return { rows, rowCount: last?.rowCount ?? rows.length };
    },
    async run(sql) {
      let result: PgResult | PgResult[];
      try {
        result = await serially(client, () => client.query(sql));
      } catch (error) {
        throw toDatabaseError(error, sql, secrets);
      }
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return last?.command;
    },
  };
}

/**
 * A `Driver` over a `pg` Pool or Client.
 *
 * With a Pool, `query` uses any pooled connection and `session` / `transaction` each check one out
 * for their whole callback. With a Client, the driver has one connection: sessions and transactions
 * take turns on it. `close()` ends the pool or client only with `{ owned: true }`.
 *
 * @example
 * import pg from 'pg';
 * import { pgDriver } from '@justscale/driver-pg';
 * const driver = pgDriver(new pg.Pool({ connectionString: process.env.DATABASE_URL }), { owned: true });
 * const { rows } = await driver.query('SELECT $1::int AS n', [1]);
 * await driver.close();
 */
export function pgDriver(client: PgClientLike | PgPoolLike, options: PgDriverOptions = {}): Driver {
  const secrets = options.secrets ?? [];
  const close = async () => {
    if (options.owned) {
      await client.end();
    }
  };
  if (isPgPool(client)) {
    const pool = client;
    return pooledDriver({
      name: 'pg',
      pool: connectionOf(pool, secrets),
      close,
      acquire: async () => {
        let pinned: Awaited<ReturnType<PgPoolLike['connect']>>;
        try {
          pinned = await pool.connect();
        } catch (error) {
          throw toDatabaseError(error, undefined, secrets);
        }
        // A checked-out client whose server connection ends (pg_terminate_backend, a restart) emits
        // 'error' besides rejecting its query; unheard, that event would crash the process.
        const ignore = (): undefined => undefined;
        pinned.on?.('error', ignore);
        return {
          connection: connectionOf(pinned, secrets),
          release: (destroy) => {
            pinned.removeListener?.('error', ignore);
            pinned.release(destroy);
          },
        };
      },
    });
  }
  return singleConnectionDriver({ name: 'pg', client, connection: connectionOf(client, secrets), close });
}
