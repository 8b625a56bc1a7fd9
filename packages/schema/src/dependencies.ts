/**
 * Dependencies as data: what each object cannot live without, as PostgreSQL records it in
 * `pg_depend` (and `pg_rewrite` for views and rules), by qualified name — never by OID.
 *
 * Dependencies are derived facts: PostgreSQL computes them from the objects' definitions. They do
 * not take part in snapshot equality (`snapshotsEqual`, `snapshotHash`), so a snapshot built from
 * models (which has none) and one read from a database (which has them) compare equal when their
 * objects are equal. The differ uses them to order a plan (see DIFF-GRAPH.md).
 */

import type { QualifiedName } from './snapshot.js';

/** The kinds of object a dependency names. */
export type ObjectRefKind =
  | 'table'
  | 'column'
  | 'view'
  | 'sequence'
  | 'type'
  | 'function'
  | 'index'
  | 'constraint'
  | 'policy'
  | 'trigger'
  | 'rule'
  | 'default'
  | 'collation';

/**
 * One object, by name.
 * - `table`, `view`, `sequence`, `type` (enum, domain, composite), `index`, `collation`: `{ schema, name }`;
 * - `column` and `default` (a column's default): `name` is the table, `column` the column;
 * - `constraint`, `policy`, `trigger`, `rule`: `table` is the table (or view), `name` their own name;
 * - `function`: `arguments` are the identity arguments (`pg_get_function_identity_arguments`).
 */
export interface ObjectRef extends QualifiedName {
  readonly kind: ObjectRefKind;
  readonly table?: string;
  readonly column?: string;
  readonly arguments?: string;
}

/** `from` cannot exist without `on`: `on` is created first and dropped last. */
export interface Dependency {
  readonly from: ObjectRef;
  readonly on: ObjectRef;
}

/**
 * A map key for an object reference (never split again).
 *
 * @example
 * refKey({ kind: 'column', schema: 'public', name: 'users', column: 'email' }); // 'column\0public\0users\0\0email\0'
 */
export function refKey(r: ObjectRef): string {
  return [r.kind, r.schema, r.name, r.table ?? '', r.column ?? '', r.arguments ?? ''].join('\u0000');
}

/**
 * An object reference, frozen, with only the fields its kind uses.
 *
 * @example
 * objectRef('column', 'public', 'users', { column: 'email' });
 */
export function objectRef(
  kind: ObjectRefKind,
  schema: string,
  name: string,
  extra: { table?: string; column?: string; arguments?: string } = {},
): ObjectRef {
  const { table, column, arguments: args } = extra;
  // One literal per shape rather than fields added one by one: an object grown past its literal
  // keeps the extra fields in a separate array (thousands of references in a large schema).
  const r: ObjectRef =
    table === undefined
      ? column === undefined
        ? { kind, schema, name }
        : { kind, schema, name, column }
      : column === undefined
        ? { kind, schema, name, table }
        : { kind, schema, name, table, column };
  // Routines only (a few): the one shape built from another.
  return Object.freeze(args === undefined ? r : { ...r, arguments: args });
}
