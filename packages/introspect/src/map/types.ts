import type { CompositeType, Domain, DomainCheck, EnumType, TypeRef } from '@justscale/schema';
import { bool, json, optName, optStr, type Row, str } from './rows.js';

/**
 * A TypeRef from the `type_*` columns every query that reads a type returns: the element type's
 * schema and raw name, `format_type` of it with and without the modifier, and whether it is an array.
 * Built-in types (in `pg_catalog`) are named by `format_type` with modifiers; others keep their raw
 * name and their modifiers apart.
 */
export function typeRef(row: Row): TypeRef {
  const schema = str(row, 'type_schema');
  const array = bool(row, 'type_array');
  const formatted = str(row, 'type_format');
  if (schema === 'pg_catalog') return { schema, name: formatted, modifiers: null, array };
  const bare = optStr(row, 'type_bare');
  const modifiers =
    bare !== null && Number(row.type_mod) >= 0 && formatted.startsWith(bare) && formatted.length > bare.length
      ? formatted.slice(bare.length)
      : null;
  return { schema, name: str(row, 'type_name'), modifiers, array };
}

export function mapEnum(row: Row): EnumType {
  return {
    schema: str(row, 'schema'),
    name: str(row, 'name'),
    values: json<string[]>(row, 'values', []),
    comment: optStr(row, 'comment'),
  };
}

export function mapDomain(row: Row): Domain {
  return {
    schema: str(row, 'schema'),
    name: str(row, 'name'),
    type: typeRef(row),
    collation: optName(row, 'collation_schema', 'collation_name'),
    default: optStr(row, 'default'),
    notNull: bool(row, 'not_null'),
    checks: json<DomainCheck[]>(row, 'checks', []),
    comment: optStr(row, 'comment'),
  };
}

export function mapComposite(row: Row): CompositeType {
  return {
    schema: str(row, 'schema'),
    name: str(row, 'name'),
    attributes: json<Row[]>(row, 'attributes', []).map((a) => ({
      name: str(a, 'name'),
      type: typeRef(a),
      collation: optName(a, 'collation_schema', 'collation_name'),
    })),
    comment: optStr(row, 'comment'),
  };
}
