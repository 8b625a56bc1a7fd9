import { toColumnName } from '@justscale/models/core';
import type { DatabaseContext } from './context.js';
import { type TableName, tableSql } from './names.js';

/** Questions about the live schema. They run in a dry run too: they change nothing. */
export interface InspectMethods {
  /**
   * Whether the table exists (a plain or partitioned table; a string resolves through `search_path`).
   *
   * @example
   * if (!(await db.hasTable('products'))) await db.raw('CREATE TABLE products (id int)');
   */
  hasTable(table: TableName): Promise<boolean>;
  /**
   * Whether the table has the column, named as written or by the naming rule (`authorId` → `author_id`).
   *
   * @example
   * await db.hasColumn('posts', 'authorId');
   */
  hasColumn(table: TableName, column: string): Promise<boolean>;
  /**
   * Whether the view (plain or materialized) exists. Generated migrations ask it before they rebuild
   * a view no migration creates (one made by hand), so they run where it is missing too.
   *
   * @example
   * if (await db.hasView({ schema: 'public', name: 'open_orders' })) await db.raw('DROP VIEW "public"."open_orders"');
   */
  hasView(view: TableName): Promise<boolean>;
}

const hasTableSql = `SELECT EXISTS (
  SELECT 1 FROM pg_catalog.pg_class AS c
  WHERE c.oid = pg_catalog.to_regclass($1::pg_catalog.text) AND c.relkind IN ('r', 'p')
) AS found`;

const hasViewSql = `SELECT EXISTS (
  SELECT 1 FROM pg_catalog.pg_class AS c
  WHERE c.oid = pg_catalog.to_regclass($1::pg_catalog.text) AND c.relkind IN ('v', 'm')
) AS found`;

export function inspectMethods({ executor, catalog }: DatabaseContext): InspectMethods {
  return {
    async hasTable(table) {
      const { rows } = await executor.read<{ found: boolean }>(hasTableSql, [tableSql(table)]);
      return rows[0]?.found === true;
    },
    async hasView(view) {
      const { rows } = await executor.read<{ found: boolean }>(hasViewSql, [tableSql(view)]);
      return rows[0]?.found === true;
    },
    async hasColumn(table, column) {
      catalog.invalidate();
      const columns = await catalog.columns(table);
      if (columns === null) return false;
      return columns.has(column) || columns.has(toColumnName(column));
    },
  };
}
