import type { Driver, Session } from '../types.js';
import {
  type Connection,
  queryableOf,
  readServerVersion,
  runTransaction,
  SESSION_RESET_SQL,
} from './connection.js';
import { mutexFor } from './mutex.js';

/** A connection borrowed from a pool, and how to give it back. */
export interface Lease {
  readonly connection: Connection;
  /** The connection's server process id, when the client library has it (see `Session.pid`). */
  readonly pid?: number | undefined;
  /** Returns the connection; `destroy` when it may be in an unknown state. */
  release(destroy: boolean): Promise<void> | void;
}

interface Common {
  readonly name: string;
  /** Called once by `close()`: ends what the driver owns (nothing, for a user's client). */
  readonly close: () => Promise<void>;
}

function guard(name: string, state: { closed: boolean }): void {
  if (state.closed) {
    throw new Error(`This ${name} driver is closed`);
  }
}

/** `connection`, and whether anything ran on it. */
function watched(connection: Connection): { connection: Connection; ran: () => boolean } {
  let ran = false;
  const watchedConnection: Connection = {
    query: (sql, params) => {
      ran = true;
      return connection.query(sql, params);
    },
    run: (sql) => {
      ran = true;
      return connection.run(sql);
    },
  };
  const stream = connection.forEachRow?.bind(connection);
  if (stream !== undefined)
    watchedConnection.forEachRow = (sql, params, onRow) => {
      ran = true;
      return stream(sql, params, onRow);
    };
  const script = connection.forEachRowOfScript?.bind(connection);
  if (script !== undefined)
    watchedConnection.forEachRowOfScript = (statements) => {
      ran = true;
      return script(statements);
    };
  return { connection: watchedConnection, ran: () => ran };
}

/**
 * A `Driver` over a pool: `query` and `exec` go to the pool, `transaction` and `session` each
 * borrow one connection with `acquire`. The session's state is reset before the connection goes back.
 * For adapter authors.
 *
 * @example
 * pooledDriver({ name: 'pg', pool, acquire: async () => { ... }, close: async () => {} });
 */
export function pooledDriver(
  options: Common & { pool: Connection; acquire(): Promise<Lease>; maxSessions?: number | undefined },
): Driver {
  const state = { closed: false };
  const { name, pool } = options;
  const lease = async <T>(
    fn: (connection: Connection, pid: number | undefined) => Promise<T>,
    reset: boolean,
  ): Promise<T> => {
    guard(name, state);
    const { connection, release, pid } = await options.acquire();
    let destroy = false;
    // A session that ran nothing left nothing to reset (opening a connection ahead of the work, as
    // the CLI does, costs no round trip).
    const used = reset ? watched(connection) : { connection, ran: () => true };
    try {
      return await fn(used.connection, pid);
    } finally {
      if (reset && used.ran()) {
        // A connection whose state cannot be reset (an aborted transaction left open) is not pooled.
        await connection.run(SESSION_RESET_SQL).catch(() => {
          destroy = true;
        });
      }
      await release(destroy);
    }
  };
  const driver: Driver = {
    name,
    maxSessions: options.maxSessions,
    query: async (sql, params) => {
      guard(name, state);
      return pool.query(sql, params);
    },
    exec: async (sql) => {
      guard(name, state);
      await pool.run(sql);
    },
    transaction: (fn) => lease((connection) => runTransaction(connection, 0, fn), false),
    session: (fn) =>
      lease((connection, pid) => {
        const session: Session = queryableOf(connection);
        return fn(pid === undefined ? session : { ...session, pid });
      }, true),
    serverVersion: () => readServerVersion(driver),
    close: async () => {
      if (!state.closed) {
        state.closed = true;
        await options.close();
      }
    },
  };
  return driver;
}

/**
 * A `Driver` over a client with a single connection (PGlite, one `pg` Client). Every call takes the
 * client's mutex, so that a session or transaction has the connection to itself until it ends:
 * a second session waits for the first, which is what makes an advisory lock mean something here.
 * Calls made inside a session run on it directly. For adapter authors.
 *
 * @example
 * singleConnectionDriver({ name: 'pglite', client: pglite, connection, close: async () => {} });
 */
export function singleConnectionDriver(options: Common & { client: object; connection: Connection }): Driver {
  const state = { closed: false };
  const { name, connection } = options;
  const mutex = mutexFor(options.client);
  const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
    guard(name, state);
    return mutex.run(fn);
  };
  const driver: Driver = {
    name,
    maxSessions: 1,
    query: (sql, params) => exclusive(() => connection.query(sql, params)),
    exec: (sql) =>
      exclusive(async () => {
        await connection.run(sql);
      }),
    transaction: (fn) => exclusive(() => runTransaction(connection, 0, fn)),
    session: async (fn) => {
      if (mutex.held) {
        // Called from inside a session or transaction on this connection: it is already pinned.
        guard(name, state);
        return fn(queryableOf(connection));
      }
      return exclusive(async () => {
        try {
          return await fn(queryableOf(connection));
        } finally {
          await connection.run(SESSION_RESET_SQL).catch(() => undefined);
        }
      });
    },
    serverVersion: () => readServerVersion(driver),
    close: async () => {
      if (!state.closed) {
        // Wait for running sessions, then let nothing else start.
        await mutex.run(async () => {
          state.closed = true;
        });
        await options.close();
      }
    },
  };
  return driver;
}
