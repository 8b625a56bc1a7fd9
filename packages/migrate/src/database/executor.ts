import type { Queryable, QueryResult, Row } from '@justscale/driver';
import { MigrationInterruptedError, StatementError } from '../errors.js';

/** One statement with its bound parameters, as run (or, in a dry run, as it would run). */
export interface Statement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * Every statement the Database API runs goes through an executor. The live one runs it on a
 * connection; the dry-run one records it and returns no rows.
 *
 * - `write` is a statement that may change the database: run, or recorded in a dry run.
 * - `script` is raw SQL of one or more statements with no parameters (simple query protocol).
 * - `read` is a read-only statement built by the API itself (catalog lookups, `exists`, `find`):
 *   it runs in a dry run too, since the migration's logic may depend on its answer.
 */
export interface Executor {
  readonly dryRun: boolean;
  write<R = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  script(sql: string): Promise<void>;
  read<R = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

/**
 * Runs every statement on `queryable`. A failure becomes a `StatementError` carrying the statement,
 * its parameters and PostgreSQL's fields, with the driver's error as `cause`. Once `signal` aborts,
 * no further statement starts: each rejects with a `MigrationInterruptedError`.
 *
 * @example
 * const db = createDatabase(liveExecutor(driver));
 */
export function liveExecutor(queryable: Queryable, signal?: AbortSignal): Executor {
  const checkSignal = () => {
    if (signal?.aborted) throw new MigrationInterruptedError(signal.reason);
  };
  const run = async <R>(sql: string, params: readonly unknown[]): Promise<QueryResult<R>> => {
    checkSignal();
    try {
      return await queryable.query<R>(sql, params);
    } catch (error) {
      throw new StatementError(sql, params, error);
    }
  };
  return {
    dryRun: false,
    write: (sql, params = []) => run(sql, params),
    read: (sql, params = []) => run(sql, params),
    async script(sql) {
      checkSignal();
      try {
        await queryable.exec(sql);
      } catch (error) {
        throw new StatementError(sql, [], error);
      }
    },
  };
}

/**
 * Records writes and scripts into `recorded` instead of running them; reads run on `queryable`
 * (a read-only lookup changes nothing). Writes return no rows and a row count of 0.
 *
 * @example
 * const recorded: Statement[] = [];
 * await createDatabase(dryRunExecutor(driver, recorded)).insert('users', { email: 'a@b.c' });
 * // recorded: [{ sql: 'INSERT INTO "users" ("email") VALUES ($1) RETURNING *', params: ['a@b.c'] }]
 */
export function dryRunExecutor(queryable: Queryable, recorded: Statement[]): Executor {
  const live = liveExecutor(queryable);
  return {
    dryRun: true,
    async write(sql, params = []) {
      recorded.push({ sql, params: [...params] });
      return { rows: [], rowCount: 0 };
    },
    async script(sql) {
      recorded.push({ sql, params: [] });
    },
    read: live.read,
  };
}
