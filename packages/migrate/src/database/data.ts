import type { Row } from '@justscale/driver';
import { quoteIdent } from '@justscale/sql';
import { MigrateError } from '../errors.js';
import type { DatabaseContext } from './context.js';
import {
  checkObject,
  definedKeys,
  limitSql,
  type OrderBy,
  orderBySql,
  Params,
  type Where,
  whereSql,
} from './data-sql.js';
import { type TableName, tableLabel, tableSql } from './names.js';

export type { OrderBy, Where } from './data-sql.js';

/** Options of `find`. */
export interface FindOptions {
  readonly orderBy?: OrderBy;
  readonly limit?: number;
}

/**
 * Data methods, for seeders and data fixes. Every value is a bound parameter, never spliced into
 * SQL; every column is checked against the table (`authorId` and `author_id` both reach
 * `author_id`); rows come back keyed by the database's column names. In a dry run, writes are
 * recorded and return nothing (`insert` gives `{}`, counts are 0) while reads still run.
 */
export interface DataMethods {
  /**
   * Inserts one row and returns it as stored (`RETURNING *`).
   *
   * @example
   * const admin = await db.insert('users', { email: 'admin@example.com', name: 'Admin' });
   */
  insert<R = Row>(table: TableName, values: Readonly<Record<string, unknown>>): Promise<R>;
  /**
   * Inserts rows (in as few statements as PostgreSQL's parameter limit allows) and returns them.
   * A key missing from a row takes the column's default.
   *
   * @example
   * await db.insertMany('products', [{ name: 'A', price: '19.99' }, { name: 'B', price: '29.99' }]);
   */
  insertMany<R = Row>(table: TableName, rows: readonly Readonly<Record<string, unknown>>[]): Promise<R[]>;
  /**
   * Sets `values` on the rows matching `where`; returns how many rows changed. `{}` matches every row.
   *
   * @example
   * await db.update('users', { status: 'pending' }, { status: 'active' });
   */
  update(table: TableName, where: Where, values: Readonly<Record<string, unknown>>): Promise<number>;
  /**
   * Deletes the rows matching `where`; returns how many. `{}` matches every row.
   *
   * @example
   * await db.delete('users', { email: 'admin@example.com' });
   */
  delete(table: TableName, where: Where): Promise<number>;
  /**
   * Whether a row matches `where`.
   *
   * @example
   * if (await db.exists('users', { email: 'admin@example.com' })) return;
   */
  exists(table: TableName, where?: Where): Promise<boolean>;
  /**
   * The rows matching `where`.
   *
   * @example
   * await db.find('posts', { authorId: id }, { orderBy: { createdAt: 'desc' }, limit: 10 });
   */
  find<R = Row>(table: TableName, where?: Where, options?: FindOptions): Promise<R[]>;
  /**
   * The first row matching `where` (in `orderBy` order), or null.
   *
   * @example
   * const user = await db.findOne('users', { email: 'admin@example.com' });
   */
  findOne<R = Row>(
    table: TableName,
    where?: Where,
    options?: Pick<FindOptions, 'orderBy'>,
  ): Promise<R | null>;
}

/**
 * Parameters per statement. PostgreSQL allows 65,535, some clients fewer; half keeps every client
 * happy and statements a reasonable size.
 */
const maxParams = 32_767;

export function dataMethods({ executor, catalog }: DatabaseContext): DataMethods {
  const insertRows = async (
    table: TableName,
    rows: readonly Readonly<Record<string, unknown>>[],
  ): Promise<Row[]> => {
    const keys: string[] = [];
    for (const row of rows) {
      checkObject(row, 'row', table);
      for (const key of definedKeys(row)) if (!keys.includes(key)) keys.push(key);
    }
    const columns = await catalog.resolve(table, keys);
    const names = new Set<string>();
    columns.forEach((column, i) => {
      if (names.has(column.name)) {
        throw new MigrateError(
          'INVALID_ARGUMENT',
          `Two keys reach column "${column.name}" of ${tableLabel(table)} (one is "${keys[i]}"); give it once.`,
        );
      }
      names.add(column.name);
    });
    if (keys.length === 0) {
      const out: Row[] = [];
      for (const _ of rows) {
        const { rows: inserted } = await executor.write(
          `INSERT INTO ${tableSql(table)} DEFAULT VALUES RETURNING *`,
        );
        out.push(...inserted);
      }
      return out;
    }
    const perStatement = Math.max(1, Math.floor(maxParams / keys.length));
    const out: Row[] = [];
    for (let start = 0; start < rows.length; start += perStatement) {
      const params = new Params();
      const tuples = rows.slice(start, start + perStatement).map((row) => {
        const cells = keys.map((key, i) =>
          row[key] === undefined ? 'DEFAULT' : params.add(row[key], columns[i]!),
        );
        return `(${cells.join(', ')})`;
      });
      const sql = `INSERT INTO ${tableSql(table)} (${columns.map((c) => quoteIdent(c.name)).join(', ')}) VALUES ${tuples.join(', ')} RETURNING *`;
      const { rows: inserted } = await executor.write(sql, params.values);
      out.push(...inserted);
    }
    return out;
  };

  const select = async (table: TableName, where: Where | undefined, options: FindOptions): Promise<Row[]> => {
    if ((await catalog.columns(table)) === null && executor.dryRun) return [];
    const params = new Params();
    const conditions = await whereSql(catalog, table, where, params);
    const order = await orderBySql(catalog, table, options.orderBy);
    const limit = limitSql(options.limit, params);
    const { rows } = await executor.read(
      `SELECT * FROM ${tableSql(table)}${conditions}${order}${limit}`,
      params.values,
    );
    return rows;
  };

  return {
    async insert(table, values) {
      checkObject(values, 'values', table);
      const [row] = await insertRows(table, [values]);
      return (row ?? {}) as never;
    },
    async insertMany(table, rows) {
      if (!Array.isArray(rows))
        throw new MigrateError('INVALID_ARGUMENT', 'insertMany takes an array of rows.');
      if (rows.length === 0) return [];
      return (await insertRows(table, rows)) as never;
    },
    async update(table, where, values) {
      checkObject(values, 'values', table);
      const keys = definedKeys(values);
      if (keys.length === 0) {
        throw new MigrateError('INVALID_ARGUMENT', `update of ${tableLabel(table)} has no values to set.`);
      }
      const columns = await catalog.resolve(table, keys);
      const params = new Params();
      const set = keys.map(
        (key, i) => `${quoteIdent(columns[i]!.name)} = ${params.add(values[key], columns[i]!)}`,
      );
      const conditions = await whereSql(catalog, table, requireWhere(where, table, 'update'), params);
      const result = await executor.write(
        `UPDATE ${tableSql(table)} SET ${set.join(', ')}${conditions}`,
        params.values,
      );
      return result.rowCount;
    },
    async delete(table, where) {
      const params = new Params();
      const conditions = await whereSql(catalog, table, requireWhere(where, table, 'delete'), params);
      const result = await executor.write(`DELETE FROM ${tableSql(table)}${conditions}`, params.values);
      return result.rowCount;
    },
    async exists(table, where) {
      if ((await catalog.columns(table)) === null && executor.dryRun) return false;
      const params = new Params();
      const conditions = await whereSql(catalog, table, where, params);
      const { rows } = await executor.read<{ found: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${tableSql(table)}${conditions}) AS found`,
        params.values,
      );
      return rows[0]?.found === true;
    },
    async find(table, where, options = {}) {
      return (await select(table, where, options)) as never;
    },
    async findOne(table, where, options = {}) {
      const [row] = await select(table, where, { ...options, limit: 1 });
      return (row ?? null) as never;
    },
  };
}

/** update and delete take a condition object always, so that "every row" is written `{}` on purpose. */
function requireWhere(where: Where, table: TableName, method: string): Where {
  if (where === undefined || where === null) {
    throw new MigrateError(
      'INVALID_ARGUMENT',
      `${method} of ${tableLabel(table)} needs a where object; pass {} to mean every row.`,
    );
  }
  return where;
}
