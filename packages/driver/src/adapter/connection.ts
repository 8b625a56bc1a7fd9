import { DatabaseError } from '../errors.js';
import type { Queryable, QueryResult, Row, ScriptStatement, ServerVersion } from '../types.js';

/** What an adapter provides for one connection (or a pool): the rest is built on it here. */
export interface Connection {
  /** Runs one statement with bound parameters, returning normalised rows. */
  query<R = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs a script (simple query protocol) and returns the last statement's command tag. */
  run(sql: string): Promise<string | undefined>;
  /** Optional: `query`, row by row (see `Queryable.forEachRow`). */
  forEachRow?<R = Row>(sql: string, params: readonly unknown[], onRow: (row: R) => void): Promise<number>;
  /** Optional: several statements in one round trip (see `Queryable.forEachRowOfScript`). */
  forEachRowOfScript?(statements: readonly ScriptStatement[]): Promise<void>;
}

/**
 * Resets what a session may have left on a connection before it goes back to its pool (or to the
 * next session on a single-connection client). `DISCARD ALL` minus `DEALLOCATE ALL`, because client
 * libraries keep their own list of prepared statements on the connection.
 */
export const SESSION_RESET_SQL =
  'CLOSE ALL; RESET ALL; UNLISTEN *; SELECT pg_catalog.pg_advisory_unlock_all(); DISCARD PLANS; DISCARD TEMP; DISCARD SEQUENCES';

/**
 * A `Queryable` over `connection`, whose `transaction` opens a transaction (depth 0) or a savepoint
 * (depth > 0). For adapter authors.
 *
 * @example
 * const session = queryableOf({ query: ..., run: ... });
 * await session.transaction(async (tx) => tx.query('insert ...'));
 */
export function queryableOf(connection: Connection, depth = 0): Queryable {
  const queryable: Queryable = {
    query: (sql, params) => connection.query(sql, params),
    exec: async (sql) => {
      await connection.run(sql);
    },
    transaction: (fn) => runTransaction(connection, depth, fn),
  };
  const stream = connection.forEachRow?.bind(connection);
  if (stream !== undefined) queryable.forEachRow = stream;
  const script = connection.forEachRowOfScript?.bind(connection);
  if (script !== undefined) queryable.forEachRowOfScript = script;
  return queryable;
}

/**
 * Runs `fn` in a transaction (depth 0) or a savepoint (depth > 0) on `connection`: commits or
 * releases when it returns, rolls back when it throws and rethrows its error.
 */
export async function runTransaction<T>(
  connection: Connection,
  depth: number,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  const savepoint = `justscale_savepoint_${depth}`;
  await connection.run(depth === 0 ? 'BEGIN' : `SAVEPOINT ${savepoint}`);
  let result: T;
  try {
    result = await fn(queryableOf(connection, depth + 1));
  } catch (error) {
    try {
      await connection.run(
        depth === 0 ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`,
      );
    } catch {
      // The caller's error explains what went wrong; a failed rollback (a lost connection) does not.
    }
    throw error;
  }
  if (depth === 0) {
    const tag = await connection.run('COMMIT');
    if (tag === 'ROLLBACK') {
      throw new DatabaseError(
        'The transaction was rolled back instead of committed: an earlier statement in it failed',
        {
          code: '25P02',
          sql: 'COMMIT',
        },
      );
    }
  } else {
    await connection.run(`RELEASE SAVEPOINT ${savepoint}`);
  }
  return result;
}

/** Reads the server's version through `queryable`. */
export async function readServerVersion(queryable: Queryable): Promise<ServerVersion> {
  const { rows } = await queryable.query<{ num: string; text: string }>(
    "SELECT pg_catalog.current_setting('server_version_num') AS num, pg_catalog.version() AS text",
  );
  const row = rows[0];
  if (!row) {
    throw new Error('The server did not report its version');
  }
  const num = Number(row.num);
  return { num, major: Math.floor(num / 10000), text: row.text };
}
