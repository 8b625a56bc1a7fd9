import type { ColumnCatalog } from './columns.js';
import type { Executor } from './executor.js';

/** What every family of Database API methods is built from. */
export interface DatabaseContext {
  readonly executor: Executor;
  readonly catalog: ColumnCatalog;
}
