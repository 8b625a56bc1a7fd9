import type { Queryable } from '@justscale/driver';

/** How the runner opens one migration's transaction. */
export interface MigrationTransactionOptions {
  /**
   * False: `SET LOCAL synchronous_commit = off` in the `BEGIN` round trip, so the commit does not
   * wait for its WAL to reach disk. Safe only when a later synchronous commit follows (see
   * `flushCommits` and docs/runner.md).
   */
  readonly durable: boolean;
}

/**
 * Runs `fn` in a transaction that the runner opens and ends itself, so its own statements share
 * round trips with the transaction's: `BEGIN` (with `SET LOCAL synchronous_commit = off` unless
 * `durable`), then `fn`, which ends the transaction by calling `commitWith(sql)`: `sql` and `COMMIT`
 * go in one simple query. A migration of one statement takes three round trips, as with psql. When
 * `fn` throws (or `sql` fails: a statement in an aborted transaction fails, so a swallowed error
 * cannot be committed), the transaction is rolled back and the error rethrown. Inside, `tx`'s own
 * `transaction` uses savepoints.
 *
 * @example
 * await inMigrationTransaction(session, { durable: true }, async (tx, commitWith) => {
 *   await tx.query('CREATE TABLE t (id int)');
 *   await commitWith(`INSERT INTO _migrations (name, batch) VALUES ('001_t', 1)`);
 * });
 */
export async function inMigrationTransaction<T>(
  session: Queryable,
  options: MigrationTransactionOptions,
  fn: (tx: Queryable, commitWith: (sql: string) => Promise<void>) => Promise<T>,
): Promise<T> {
  await session.exec(options.durable ? 'BEGIN' : 'BEGIN; SET LOCAL synchronous_commit = off');
  let open = true;
  const commitWith = async (sql: string): Promise<void> => {
    await session.exec(`${sql};\nCOMMIT`);
    open = false;
  };
  try {
    const result = await fn(withSavepoints(session, 1), commitWith);
    if (open) await commitWith('SELECT 1');
    return result;
  } catch (error) {
    try {
      // After a failed `sql; COMMIT` the transaction is still open (the COMMIT was not reached).
      await session.exec('ROLLBACK');
    } catch {
      // The caller's error explains what went wrong; a failed rollback (a lost connection) does not.
    }
    throw error;
  }
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
