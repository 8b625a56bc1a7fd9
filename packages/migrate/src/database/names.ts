import { quoteIdent } from '@justscale/sql';
import { MigrateError } from '../errors.js';

/**
 * A table for the Database API: a name resolved through `search_path`, or `{ schema, name }`.
 * A string is never split on `.`: `'a.b'` is the table named `a.b`.
 */
export type TableName = string | { readonly schema: string; readonly name: string };

/** The quoted SQL reference to `table`. */
export function tableSql(table: TableName): string {
  if (typeof table === 'string') return quoteIdent(checkName(table, 'table name'));
  return `${quoteIdent(checkName(table.schema, 'schema name'))}.${quoteIdent(checkName(table.name, 'table name'))}`;
}

/** How `table` reads in messages: `users`, `app.users`. */
export function tableLabel(table: TableName): string {
  return typeof table === 'string' ? table : `${table.schema}.${table.name}`;
}

function checkName(name: unknown, what: string): string {
  if (typeof name !== 'string' || name === '') {
    throw new MigrateError(
      'INVALID_ARGUMENT',
      `A ${what} must be a non-empty string, got ${JSON.stringify(name)}.`,
    );
  }
  return name;
}
