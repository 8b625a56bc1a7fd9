import type { Row } from '@justscale/driver';
import type { DatabaseContext } from './context.js';

/** Raw SQL. Nothing here is checked: it is the way in for what the API does not model. */
export interface RawMethods {
  /**
   * Runs a script of one or more statements, with no parameters.
   *
   * @example
   * await db.raw('CREATE EXTENSION IF NOT EXISTS pgcrypto; CREATE SCHEMA app;');
   */
  raw(sql: string): Promise<void>;
  /**
   * Runs one statement with `$1`, `$2`, ... bound to `params`, and returns its rows.
   *
   * @example
   * const rows = await db.query<{ id: string }>('SELECT id FROM users WHERE status = $1', ['active']);
   */
  query<R = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

export function rawMethods({ executor, catalog }: DatabaseContext): RawMethods {
  return {
    async raw(sql) {
      catalog.invalidate();
      await executor.script(sql);
    },
    async query(sql, params = []) {
      // Raw SQL may change the schema: later column checks read the catalog again.
      catalog.invalidate();
      const { rows } = await executor.write(sql, params);
      return rows as never;
    },
  };
}
