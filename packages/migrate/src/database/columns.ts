import { toColumnName } from '@justscale/models/core';
import { MigrateError } from '../errors.js';
import type { Executor } from './executor.js';
import { type TableName, tableLabel, tableSql } from './names.js';

/** A column as the data methods see it. */
export interface ColumnInfo {
  readonly name: string;
  /** `format_type` spelling, e.g. `character varying(200)`. */
  readonly type: string;
  /** `json` or `jsonb` for those columns (values are sent as JSON text), else null. */
  readonly json: 'json' | 'jsonb' | null;
}

const columnsSql = `SELECT r.oid IS NOT NULL AS found, a.attname AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
  CASE a.atttypid WHEN 'pg_catalog.json'::pg_catalog.regtype THEN 'json'
    WHEN 'pg_catalog.jsonb'::pg_catalog.regtype THEN 'jsonb' END AS json
FROM (SELECT pg_catalog.to_regclass($1::pg_catalog.text)::pg_catalog.oid AS oid) AS r
LEFT JOIN pg_catalog.pg_attribute AS a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum`;

/**
 * The columns of the tables a migration touches, read once per table from the catalog and cached
 * for the migration. Anything that may change the schema calls `invalidate()`.
 *
 * Column names follow the models' naming rule: a key is used as written when the table has that
 * column, else as `toColumnName(key)` (camelCase → snake_case), so `authorId` and `author_id` both
 * reach `author_id`.
 */
export class ColumnCatalog {
  readonly #executor: Executor;
  readonly #cache = new Map<string, Map<string, ColumnInfo> | null>();

  constructor(executor: Executor) {
    this.#executor = executor;
  }

  invalidate(): void {
    this.#cache.clear();
  }

  /** The table's columns, or null when it does not exist. */
  async columns(table: TableName): Promise<Map<string, ColumnInfo> | null> {
    const key = tableSql(table);
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    const { rows } = await this.#executor.read<{
      found: boolean;
      name: string | null;
      type: string;
      json: 'json' | 'jsonb' | null;
    }>(columnsSql, [key]);
    let columns: Map<string, ColumnInfo> | null = null;
    if (rows[0]?.found) {
      columns = new Map();
      for (const row of rows) {
        if (row.name !== null) columns.set(row.name, { name: row.name, type: row.type, json: row.json });
      }
    }
    this.#cache.set(key, columns);
    return columns;
  }

  /**
   * Resolves the API's column keys for `table`, in order. A table missing from the catalog is an
   * error, except in a dry run, where an earlier migration of the same run may be what creates it:
   * keys are then mapped by the naming rule alone. A key not found makes one fresh catalog read
   * (the cache may predate DDL run as raw SQL) before it is an error naming table and column.
   */
  async resolve(table: TableName, keys: readonly string[]): Promise<ColumnInfo[]> {
    let columns = await this.columns(table);
    const missing = (map: Map<string, ColumnInfo>) => keys.some((key) => lookup(map, key) === undefined);
    if (columns !== null && missing(columns)) {
      this.#cache.delete(tableSql(table));
      columns = await this.columns(table);
    }
    if (columns === null) {
      if (this.#executor.dryRun)
        return keys.map((key) => ({ name: toColumnName(key), type: 'unknown', json: null }));
      throw new MigrateError('UNKNOWN_TABLE', `Table ${tableLabel(table)} does not exist.`);
    }
    const known = columns;
    return keys.map((key) => {
      const found = lookup(known, key);
      if (found !== undefined) return found;
      const snake = toColumnName(key);
      const also = snake === key ? '' : ` (nor "${snake}")`;
      const list = [...known.keys()].map((c) => `"${c}"`).join(', ') || 'none';
      throw new MigrateError(
        'UNKNOWN_COLUMN',
        `Table ${tableLabel(table)} has no column "${key}"${also}; its columns are ${list}.`,
      );
    });
  }
}

function lookup(columns: Map<string, ColumnInfo>, key: string): ColumnInfo | undefined {
  return columns.get(key) ?? columns.get(toColumnName(key));
}
