import { isDatabaseError, type Queryable, restated } from '@justscale/driver';

/**
 * A migration's tracking change and `COMMIT` left unsent (`defer`), for the next migration to send
 * ahead of its own `BEGIN`, in its first round trip. `state`: `pending` (not sent yet), `sent` (sent;
 * until `onCarried` is called, whether it committed is unknown).
 */
export interface Carry {
  readonly sql: string;
  state: 'pending' | 'sent';
}

/**
 * A migration that ran longer than this commits on its own rather than with the next one's first
 * statement: one round trip is nothing beside it, and should the server refuse to parse that
 * statement (which aborts the whole round trip, the carried commit with it), its work is not lost
 * and run again.
 */
export const CARRY_AT_MOST_MS = 1000;

/** How the runner opens one migration's transaction. */
export interface MigrationTransactionOptions {
  /**
   * False: `SET LOCAL synchronous_commit = off` in the `BEGIN` round trip, so the commit does not
   * wait for its WAL to reach disk. Safe only when a later synchronous commit follows (see
   * `flushCommits` and docs/runner.md).
   */
  readonly durable: boolean;
  /** The previous migration's unsent commit: sent ahead of this one's `BEGIN`, in the same round trip. */
  readonly carry?: Carry | undefined;
  /** Called as soon as the round trip that carried `carry` returned (the previous migration committed). */
  readonly onCarried?: (() => void) | undefined;
  /**
   * Leave this migration's tracking change and `COMMIT` unsent and return them (`deferred`), for the
   * next migration to carry. A migration that sent nothing before its commit, or that ran longer
   * than `CARRY_AT_MOST_MS`, commits at once.
   */
  readonly defer?: boolean | undefined;
}

/**
 * Runs `fn` in a transaction that the runner opens and ends itself, so its own statements share
 * round trips with the migration's: `BEGIN` (with `SET LOCAL synchronous_commit = off` unless
 * `durable`) goes in one simple query with the migration's first script (`db.raw`), or alone before
 * its first parameterised query or savepoint, behind the previous migration's `carry` when there is
 * one; `fn` ends the transaction by calling `commitWith(sql)`: `sql` and `COMMIT` go in one simple
 * query, now or (`defer`) in the next migration's first round trip. A migration of one statement
 * takes two round trips, or one when the commits are carried. A
 * position PostgreSQL reports in a script sent behind `BEGIN` is moved back by `BEGIN`'s length, so
 * the caret is under the script's own text. When `fn` throws (or `sql` fails: a statement in an
 * aborted transaction fails, so a swallowed error cannot be committed), the transaction is rolled
 * back and the error rethrown. Inside, `tx`'s own `transaction` uses savepoints.
 *
 * @example
 * await inMigrationTransaction(session, { durable: true }, async (tx, commitWith) => {
 *   await tx.exec('CREATE TABLE t (id int)'); // BEGIN;\nCREATE TABLE t (id int)
 *   await commitWith(`INSERT INTO _migrations (name, batch) VALUES ('001_t', 1)`);
 * });
 */
export async function inMigrationTransaction<T>(
  session: Queryable,
  options: MigrationTransactionOptions,
  fn: (tx: Queryable, commitWith: (sql: string) => Promise<void>) => Promise<T>,
): Promise<{ result: T; deferred: string | undefined }> {
  const begin = `${options.durable ? 'BEGIN' : 'BEGIN; SET LOCAL synchronous_commit = off'};\n`;
  const carry = options.carry?.state === 'pending' ? options.carry : undefined;
  const started = performance.now();
  /** Whether `BEGIN` was sent (alone or ahead of a script): from then on a rollback is due. */
  let begun = false;
  let open = true;
  let deferred: string | undefined;
  /** Sends `sql` behind `BEGIN` (and the carried commit ahead of it, the first time). */
  const sendFirst = async (sql: string): Promise<void> => {
    begun = true;
    const prefix = carry === undefined ? begin : `${carry.sql};\n${begin}`;
    if (carry !== undefined) carry.state = 'sent';
    try {
      await session.exec(`${prefix}${sql}`);
    } catch (error) {
      throw withoutPrefix(error, prefix, sql);
    }
    if (carry !== undefined) options.onCarried?.();
  };
  const beginAlone = async (): Promise<void> => {
    if (!begun) await sendFirst('');
  };
  const commitWith = async (sql: string): Promise<void> => {
    if (begun && options.defer && performance.now() - started <= CARRY_AT_MOST_MS)
      deferred = `${sql};\nCOMMIT`;
    else if (begun) await session.exec(`${sql};\nCOMMIT`);
    else await sendFirst(`${sql};\nCOMMIT`);
    open = false;
  };
  const inside = withSavepoints(session, 1);
  const tx: Queryable = {
    exec: async (sql) => {
      if (begun) return session.exec(sql);
      await sendFirst(sql);
    },
    query: async (sql, params) => {
      await beginAlone();
      return session.query(sql, params);
    },
    transaction: async (inner) => {
      await beginAlone();
      return inside.transaction(inner);
    },
  };
  try {
    const result = await fn(tx, commitWith);
    if (open) await commitWith('SELECT 1');
    return { result, deferred };
  } catch (error) {
    if (begun) {
      try {
        // After a failed `sql; COMMIT` the transaction is still open (the COMMIT was not reached).
        await session.exec('ROLLBACK');
      } catch {
        // The caller's error explains what went wrong; a failed rollback (a lost connection) does not.
      }
    }
    throw error;
  }
}

/**
 * `error` of a script sent as `prefix + sql`, as if `sql` had been sent alone: its position moved
 * back by the prefix's length (in characters, as PostgreSQL counts) and `sql` the script's own text.
 */
function withoutPrefix(error: unknown, prefix: string, sql: string): unknown {
  if (!isDatabaseError(error)) return error;
  const shift = [...prefix].length;
  const position =
    error.position !== undefined && error.position > shift ? error.position - shift : undefined;
  return restated(error, sql, position);
}

/**
 * Makes sure every commit made with `durable: false` on `session` is on disk: a transaction that
 * writes a commit record (`txid_current()` assigns it a transaction id) and commits synchronously
 * flushes the WAL up to its own record, and with it every earlier commit.
 *
 * @example
 * await flushCommits(session);
 */
export async function flushCommits(session: Queryable): Promise<void> {
  await session.exec('BEGIN; SET LOCAL synchronous_commit = on; SELECT pg_catalog.txid_current(); COMMIT');
}

/** `session` seen from inside an open transaction: `transaction` makes a savepoint. */
function withSavepoints(session: Queryable, depth: number): Queryable {
  return {
    query: (sql, params) => session.query(sql, params),
    exec: (sql) => session.exec(sql),
    transaction: async (fn) => {
      const name = `justscale_migration_savepoint_${depth}`;
      await session.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn(withSavepoints(session, depth + 1));
        await session.exec(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await session.exec(`ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`).catch(() => undefined);
        throw error;
      }
    },
  };
}
