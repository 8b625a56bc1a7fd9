import { quoteIdent } from '@justscale/sql';
import { MigrateError } from '../errors.js';
import type { ColumnCatalog, ColumnInfo } from './columns.js';
import { type TableName, tableLabel } from './names.js';

/** Column = value conditions, joined with AND. `null` matches NULL (`IS NULL`). */
export type Where = Readonly<Record<string, unknown>>;

/** Ordering for `find`: a column, several, or columns with directions. */
export type OrderBy = string | readonly string[] | Readonly<Record<string, 'asc' | 'desc' | 'ASC' | 'DESC'>>;

/** Collects parameters and hands out their `$n` placeholders. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, column: ColumnInfo): string {
    if (column.json !== null && value !== null) {
      // JSON goes over the wire as text and is cast by the server, so that every driver sends the
      // same thing (left to themselves, some serialise a string parameter a second time).
      this.values.push(typeof value === 'string' ? value : JSON.stringify(value));
      return `$${this.values.length}::pg_catalog.text::pg_catalog.${column.json}`;
    }
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The keys of `values` whose value is not `undefined` (an absent value, as in an optional field). */
export function definedKeys(values: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(values).filter((key) => values[key] !== undefined);
}

/** `WHERE a = $1 AND b IS NULL`, or '' for no conditions. */
export async function whereSql(
  catalog: ColumnCatalog,
  table: TableName,
  where: Where | undefined,
  params: Params,
): Promise<string> {
  if (where === undefined) return '';
  checkObject(where, 'where', table);
  const keys = Object.keys(where);
  for (const key of keys) {
    if (where[key] === undefined) {
      throw new MigrateError(
        'INVALID_ARGUMENT',
        `The condition on "${key}" for ${tableLabel(table)} is undefined; use null to match NULL, or leave the key out.`,
      );
    }
  }
  if (keys.length === 0) return '';
  const columns = await catalog.resolve(table, keys);
  const terms = keys.map((key, i) => {
    const column = columns[i]!;
    const value = where[key];
    return value === null
      ? `${quoteIdent(column.name)} IS NULL`
      : `${quoteIdent(column.name)} = ${params.add(value, column)}`;
  });
  return ` WHERE ${terms.join(' AND ')}`;
}

export async function orderBySql(
  catalog: ColumnCatalog,
  table: TableName,
  orderBy: OrderBy | undefined,
): Promise<string> {
  if (orderBy === undefined) return '';
  const entries: [string, 'ASC' | 'DESC'][] =
    typeof orderBy === 'string'
      ? [[orderBy, 'ASC']]
      : Array.isArray(orderBy)
        ? (orderBy as readonly string[]).map((key) => [key, 'ASC'])
        : Object.entries(orderBy as Record<string, string>).map(([key, direction]) => {
            const upper = direction.toUpperCase();
            if (upper !== 'ASC' && upper !== 'DESC') {
              throw new MigrateError(
                'INVALID_ARGUMENT',
                `orderBy direction for "${key}" must be 'asc' or 'desc'.`,
              );
            }
            return [key, upper];
          });
  if (entries.length === 0) return '';
  const columns = await catalog.resolve(
    table,
    entries.map(([key]) => key),
  );
  return ` ORDER BY ${entries.map(([, direction], i) => `${quoteIdent(columns[i]!.name)} ${direction}`).join(', ')}`;
}

export function limitSql(limit: number | undefined, params: Params): string {
  if (limit === undefined) return '';
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new MigrateError('INVALID_ARGUMENT', `limit must be a non-negative integer, got ${String(limit)}.`);
  }
  params.values.push(limit);
  return ` LIMIT $${params.values.length}`;
}

export function checkObject(
  value: unknown,
  what: string,
  table: TableName,
): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MigrateError(
      'INVALID_ARGUMENT',
      `The ${what} for ${tableLabel(table)} must be an object of column values.`,
    );
  }
}
