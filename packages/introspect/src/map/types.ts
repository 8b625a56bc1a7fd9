import type { CompositeType, Domain, DomainCheck, EnumType, TypeRef } from '@justscale/schema';
import { bool, json, optName, optStr, type Row, str } from './rows.js';

/**
 * A TypeRef from the `type_*` columns every query that reads a type returns: the element type's
 * schema and raw name, `format_type` of it with and without the modifier, and whether it is an array.
 * Built-in types (in `pg_catalog`) are named by `format_type` with modifiers; others keep their raw
 * name and their modifiers apart.
 */
export function typeRef(row: Row, shared?: Map<string, TypeRef>): TypeRef {
  const schema = str(row, 'type_schema');
  const array = bool(row, 'type_array');
  const formatted = str(row, 'type_format');
  let name = formatted;
  let modifiers: string | null = null;
  if (schema !== 'pg_catalog') {
    const bare = optStr(row, 'type_bare');
    if (
      bare !== null &&
      Number(row.type_mod) >= 0 &&
      formatted.startsWith(bare) &&
      formatted.length > bare.length
    )
      modifiers = formatted.slice(bare.length);
    name = str(row, 'type_name');
  }
  if (shared === undefined) return { schema, name, modifiers, array };
  // Equal type references are one frozen object: a large schema has few types and many columns.
  // Looked up before the reference is made: most columns find theirs.
  const key = `${schema}\u0000${name}\u0000${modifiers ?? '\u0001'}\u0000${array}`;
  const known = shared.get(key);
  if (known !== undefined) return known;
  const ref: TypeRef = Object.freeze({ schema, name, modifiers, array });
  shared.set(key, ref);
  return ref;
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
