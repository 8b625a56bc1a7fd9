import type { Index, IndexKey, View } from '@justscale/schema';
import type { CatalogNames } from './names.js';
import { bool, json, num, numbers, options, optStr, type Row, str } from './rows.js';

// pg_index.indoption bits (INDOPTION_DESC, INDOPTION_NULLS_FIRST).
const DESC = 1;
const NULLS_FIRST = 2;

/**
 * `pg_get_indexdef(oid, n, true)` wraps every expression that does not look like a function call in
 * one pair of parentheses (a function call starts with its name, never with `(`): strip that pair.
 */
export function unwrapIndexExpression(expression: string | null): string | null {
  return expression?.startsWith('(') && expression.endsWith(')') ? expression.slice(1, -1) : expression;
}

// The database's default collation: an expression key using it has no explicit collation.
const DEFAULT_COLLATION = 100;

/** An index from its row: keys from the pg_index arrays, named through `names`. */
export function mapIndex(row: Row, names: CatalogNames): Index {
  const table = num(row, 'table_oid');
  const keyCount = num(row, 'key_count');
  const attnums = numbers(row, 'attnums');
  const opclasses = numbers(row, 'opclasses');
  const collations = numbers(row, 'collations');
  const options_ = numbers(row, 'key_options');
  const expressions = json<string[]>(row, 'expressions', []);
  let nextExpression = 0;
  const keys: IndexKey[] = [];
  for (let k = 0; k < keyCount; k++) {
    const attnum = attnums[k] ?? 0;
    const collation = collations[k] ?? 0;
    const option = options_[k] ?? 0;
    const usual = attnum === 0 ? DEFAULT_COLLATION : names.columnCollation(table, attnum);
    keys.push({
      column: attnum === 0 ? null : names.column(table, attnum),
      expression: attnum === 0 ? unwrapIndexExpression(expressions[nextExpression++] ?? null) : null,
      collation: collation === 0 || collation === usual ? null : names.collation(collation),
      opclass: names.opclass(opclasses[k] ?? 0),
      descending: (option & DESC) !== 0,
      nullsFirst: (option & NULLS_FIRST) !== 0,
    });
  }
  return {
    schema: str(row, 'schema'),
    name: str(row, 'name'),
    table: str(row, 'table'),
    unique: bool(row, 'unique'),
    method: str(row, 'method'),
    keys,
    include: attnums.slice(keyCount).map((n) => names.column(table, n)),
    where: optStr(row, 'where'),
    nullsNotDistinct: bool(row, 'nulls_not_distinct'),
    options: options(row, 'options'),
    comment: optStr(row, 'comment'),
  };
}

/**
 * A view or materialized view. `check_option`, `security_barrier` and `security_invoker` are
 * storage parameters of the view; `columns` stays empty because the catalog does not record
 * whether names were given explicitly: `pg_get_viewdef` prints them as aliases in the body.
 */
export function mapView(row: Row): View {
  const opts = options(row, 'options');
  const check = opts.check_option?.toUpperCase();
  return {
    schema: str(row, 'schema'),
    name: str(row, 'name'),
    materialized: bool(row, 'materialized'),
    definition: str(row, 'definition'),
    columns: [],
    checkOption: check === 'LOCAL' || check === 'CASCADED' ? check : null,
    securityBarrier: opts.security_barrier === 'true' || opts.security_barrier === 'on',
    securityInvoker: opts.security_invoker === 'true' || opts.security_invoker === 'on',
    columnComments: Object.fromEntries(json<[string, string][]>(row, 'column_comments', [])),
    comment: optStr(row, 'comment'),
    // A materialized view's reloptions are storage parameters (fillfactor, autovacuum_*).
    ...(bool(row, 'materialized') && Object.keys(opts).length > 0 ? { options: opts } : {}),
  };
}
