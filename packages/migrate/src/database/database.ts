import type { Queryable } from '@justscale/driver';
import { ColumnCatalog } from './columns.js';
import type { DatabaseContext } from './context.js';
import { type DataMethods, dataMethods } from './data.js';
import { type DdlMethods, ddlFamilies } from './ddl/index.js';
import { dryRunExecutor, type Executor, liveExecutor, type Statement } from './executor.js';
import { type InspectMethods, inspectMethods } from './inspect.js';
import { type RawMethods, rawMethods } from './raw.js';

/**
 * The Database API: `db` in a migration's `up` and `down`. It is assembled from families of
 * methods, one module each: raw SQL, inspection, data, and the DDL families in `./ddl/`.
 */
export interface Database extends RawMethods, InspectMethods, DataMethods, DdlMethods {}

/** The families, in one list: a new family is one more entry. */
const families = [rawMethods, inspectMethods, dataMethods, ...ddlFamilies] as const;

/**
 * Builds a Database API on an executor. Each migration gets its own, so the column cache lives as
 * long as the migration.
 *
 * @example
 * const db = createDatabase(liveExecutor(driver));
 * await db.createTable('users', { id: field.uuid().primaryKey(), email: field.string() });
 * await db.insert('users', { email: 'a@example.com' });
 */
export function createDatabase(executor: Executor): Database {
  const context: DatabaseContext = { executor, catalog: new ColumnCatalog(executor) };
  return Object.freeze(Object.assign({}, ...families.map((family) => family(context)))) as Database;
}

/**
 * A Database API that runs its statements on `queryable`, or, with `dryRun`, records them into
 * `recorded` and runs only reads. Once `signal` aborts, no further statement starts.
 */
export function databaseOn(
  queryable: Queryable,
  options: { dryRun?: Statement[]; signal?: AbortSignal | undefined } = {},
): Database {
  return createDatabase(
    options.dryRun ? dryRunExecutor(queryable, options.dryRun) : liveExecutor(queryable, options.signal),
  );
}
