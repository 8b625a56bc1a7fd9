import type { Index, IndexKey, View } from '@justscale/schema';
import { bool, json, options, optName, optStr, type Row, str } from './rows.js';

// pg_index.indoption bits (INDOPTION_DESC, INDOPTION_NULLS_FIRST).
const DESC = 1;
const NULLS_FIRST = 2;

/**
 * `pg_get_indexdef(oid, n, true)` wraps every expression that does not look like a function call in
 * one pair of parentheses (a function call starts with its name, never with `(`): strip that pair.
 */
export function unwrapIndexExpression(expression: string | null): string | null {
  return expression !== null && expression.startsWith('(') && expression.endsWith(')')
    ? expression.slice(1, -1)
    : expression;
}

function mapKey(key: Row): IndexKey {
  const option = Number(key.option ?? 0);
  return {
    column: optStr(key, 'column'),
    expression: unwrapIndexExpression(optStr(key, 'expression')),
    collation: optName(key, 'collation_schema', 'collation_name'),
    opclass: optName(key, 'opclass_schema', 'opclass_name'),
    descending: (option & DESC) !== 0,
    nullsFirst: (option & NULLS_FIRST) !== 0,
  };
}

export function mapIndex(row: Row): Index {
  return {
    schema: str(row, 'schema'),
    name: str(row, 'name'),
    table: str(row, 'table'),
    unique: bool(row, 'unique'),
    method: str(row, 'method'),
    keys: json<Row[]>(row, 'keys', []).map(mapKey),
    include: json<string[]>(row, 'include', []),
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
  };
}
