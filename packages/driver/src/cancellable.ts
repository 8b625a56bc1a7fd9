import type { Driver, Queryable } from './types.js';

/** A driver whose pinned sessions can be cancelled from outside (on Ctrl-C). */
export interface CancellableDriver {
  readonly driver: Driver;
  /**
   * Asks PostgreSQL to cancel what each open session is running (`pg_cancel_backend`, sent on
   * another connection of the driver's pool). The cancelled statement fails with SQLSTATE 57014,
   * so the migration's transaction rolls back and the runner releases its lock as for any failure.
   */
  cancel(): Promise<void>;
}

/**
 * Wraps `driver` so that every session records its backend pid, for `cancel()`. The runner does
 * its work (the advisory lock, every migration) on one session, so cancelling the sessions
 * cancels the running statement, or the wait for the lock.
 *
 * PGlite runs in this process: a statement holds the thread until it ends, so there is nothing to
 * send a cancel to; there the run stops before its next statement (the runner's `signal`). PGlite
 * answers without giving the event loop a turn, so a migration of many statements would never let
 * the signal handler run: before each statement the wrapped driver yields one turn.
 * A single `pg` Client handed over in the config has no second connection to send the cancel on:
 * the statement runs to its end, then the run stops the same way.
 *
 * @example
 * const { driver, cancel } = cancellable(createPgDriver(url));
 * process.once('SIGINT', () => void cancel());
 */
export function cancellable(driver: Driver): CancellableDriver {
  if (driver.name === 'pglite') return { driver: yielding(driver), cancel: async () => {} };
  const pids = new Set<number>();
  const wrapped: Driver = {
    name: driver.name,
    maxSessions: driver.maxSessions,
    query: (sql, params) => driver.query(sql, params),
    exec: (sql) => driver.exec(sql),
    transaction: (fn) => driver.transaction(fn),
    serverVersion: () => driver.serverVersion(),
    close: () => driver.close(),
    session: (fn) =>
      driver.session(async (session) => {
        // pg knows its backend's pid from the connection's start: no round trip then.
        const pid =
          session.pid ??
          (await session.query<{ pid: number }>('SELECT pg_catalog.pg_backend_pid() AS pid')).rows[0]?.pid;
        if (typeof pid === 'number') pids.add(pid);
        try {
          return await fn(session);
        } finally {
          if (typeof pid === 'number') pids.delete(pid);
        }
      }),
  };
  return {
    driver: wrapped,
    async cancel() {
      if (pids.size === 0) return;
      await driver.query(
        'SELECT pg_catalog.pg_cancel_backend(pid) FROM pg_catalog.unnest($1::int4[]) AS pid',
        [[...pids]],
      );
    },
  };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function yieldingQueryable(q: Queryable): Queryable {
  return {
    query: async (sql, params) => {
      await turn();
      return q.query(sql, params);
    },
    exec: async (sql) => {
      await turn();
      return q.exec(sql);
    },
    transaction: (fn) => q.transaction((tx) => fn(yieldingQueryable(tx))),
  };
}

/** `driver`, letting the event loop take a turn (signals, timers) before each statement. */
function yielding(driver: Driver): Driver {
  return {
    ...yieldingQueryable(driver),
    name: driver.name,
    maxSessions: driver.maxSessions,
    session: (fn) => driver.session((session) => fn(yieldingQueryable(session))),
    serverVersion: () => driver.serverVersion(),
    close: () => driver.close(),
  };
}
