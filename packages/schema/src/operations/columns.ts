import type { Column, Identity, QualifiedName, SequenceOptions, TypeRef } from '../snapshot.js';
import { type DropOptions, dropOptions, node } from './node.js';

/** `ALTER TABLE t ADD COLUMN [IF NOT EXISTS] c type ...` (and the column's comment). */
export interface AddColumnOperation {
  readonly kind: 'addColumn';
  readonly table: QualifiedName;
  readonly column: Column;
  readonly ifNotExists: boolean;
  /**
   * Set by `invert` when this node re-creates something a drop destroyed: the definition comes back,
   * the data does not, and the compiled statement carries a `deletes-data` hazard saying so.
   */
  readonly restoresDropped?: boolean;
}

/** `ALTER TABLE t DROP COLUMN [IF EXISTS] c [CASCADE]`. */
export interface DropColumnOperation extends DropOptions {
  readonly kind: 'dropColumn';
  readonly table: QualifiedName;
  readonly column: string;
}

/** `ALTER TABLE t RENAME COLUMN from TO to`. */
export interface RenameColumnOperation {
  readonly kind: 'renameColumn';
  readonly table: QualifiedName;
  readonly from: string;
  readonly to: string;
}

/** `ALTER TABLE t ALTER COLUMN c TYPE type [COLLATE coll] [USING expr]`. */
export interface AlterColumnTypeOperation {
  readonly kind: 'alterColumnType';
  readonly table: QualifiedName;
  readonly column: string;
  readonly type: TypeRef;
  readonly collation: QualifiedName | null;
  /** The `USING` expression, or null for PostgreSQL's implicit cast. */
  readonly using: string | null;
}

/** `ALTER TABLE t ALTER COLUMN c SET DEFAULT expr`. */
export interface SetColumnDefaultOperation {
  readonly kind: 'setColumnDefault';
  readonly table: QualifiedName;
  readonly column: string;
  readonly default: string;
}

/** `ALTER TABLE t ALTER COLUMN c DROP DEFAULT`. */
export interface DropColumnDefaultOperation {
  readonly kind: 'dropColumnDefault';
  readonly table: QualifiedName;
  readonly column: string;
}

/** `ALTER TABLE t ALTER COLUMN c SET NOT NULL`. */
export interface SetColumnNotNullOperation {
  readonly kind: 'setColumnNotNull';
  readonly table: QualifiedName;
  readonly column: string;
}

/** `ALTER TABLE t ALTER COLUMN c DROP NOT NULL`. */
export interface DropColumnNotNullOperation {
  readonly kind: 'dropColumnNotNull';
  readonly table: QualifiedName;
  readonly column: string;
}

/** `ALTER TABLE t ALTER COLUMN c ADD GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY (sequence options)`. */
export interface AddIdentityOperation {
  readonly kind: 'addIdentity';
  readonly table: QualifiedName;
  readonly column: string;
  readonly identity: Identity;
}

/** What `alterIdentity` changes; absent keys stay as they are. */
export interface IdentityChanges extends Partial<SequenceOptions> {
  readonly generation?: Identity['generation'];
  /** `RESTART [WITH n]`. */
  readonly restart?: string;
}

/** `ALTER TABLE t ALTER COLUMN c SET GENERATED ... | SET INCREMENT BY ... | RESTART ...`. */
export interface AlterIdentityOperation {
  readonly kind: 'alterIdentity';
  readonly table: QualifiedName;
  readonly column: string;
  readonly changes: IdentityChanges;
}

/** `ALTER TABLE t ALTER COLUMN c DROP IDENTITY [IF EXISTS]`. */
export interface DropIdentityOperation {
  readonly kind: 'dropIdentity';
  readonly table: QualifiedName;
  readonly column: string;
  readonly ifExists: boolean;
}

/** @example addColumn(users, column({ name: 'age', type: builtinType('integer') })) */
export function addColumn(
  table: QualifiedName,
  column: Column,
  options: { ifNotExists?: boolean } = {},
): AddColumnOperation {
  return node({ kind: 'addColumn', table, column, ifNotExists: options.ifNotExists ?? false });
}

/** @example dropColumn(users, 'age', { ifExists: true }) */
export function dropColumn(
  table: QualifiedName,
  column: string,
  options?: Partial<DropOptions>,
): DropColumnOperation {
  return node({ kind: 'dropColumn', table, column, ...dropOptions(options) });
}

/** @example renameColumn(users, 'mail', 'email') */
export function renameColumn(table: QualifiedName, from: string, to: string): RenameColumnOperation {
  return node({ kind: 'renameColumn', table, from, to });
}

/** @example alterColumnType(users, 'age', builtinType('bigint'), { using: 'age::bigint' }) */
export function alterColumnType(
  table: QualifiedName,
  column: string,
  type: TypeRef,
  options: { using?: string | null; collation?: QualifiedName | null } = {},
): AlterColumnTypeOperation {
  return node({
    kind: 'alterColumnType',
    table,
    column,
    type,
    collation: options.collation ?? null,
    using: options.using ?? null,
  });
}

/** @example setColumnDefault(users, 'status', "'active'::text") */
export function setColumnDefault(
  table: QualifiedName,
  column: string,
  expr: string,
): SetColumnDefaultOperation {
  return node({ kind: 'setColumnDefault', table, column, default: expr });
}

/** @example dropColumnDefault(users, 'status') */
export function dropColumnDefault(table: QualifiedName, column: string): DropColumnDefaultOperation {
  return node({ kind: 'dropColumnDefault', table, column });
}

/** @example setColumnNotNull(users, 'email') */
export function setColumnNotNull(table: QualifiedName, column: string): SetColumnNotNullOperation {
  return node({ kind: 'setColumnNotNull', table, column });
}

/** @example dropColumnNotNull(users, 'email') */
export function dropColumnNotNull(table: QualifiedName, column: string): DropColumnNotNullOperation {
  return node({ kind: 'dropColumnNotNull', table, column });
}

/** @example addIdentity(users, 'id', { generation: 'ALWAYS', sequence: { name: 'users_id_seq', ...defaultSequenceOptions('integer') } }) */
export function addIdentity(table: QualifiedName, column: string, identity: Identity): AddIdentityOperation {
  return node({ kind: 'addIdentity', table, column, identity });
}

/** @example alterIdentity(users, 'id', { generation: 'BY DEFAULT', restart: '1000' }) */
export function alterIdentity(
  table: QualifiedName,
  column: string,
  changes: IdentityChanges,
): AlterIdentityOperation {
  return node({ kind: 'alterIdentity', table, column, changes });
}

/** @example dropIdentity(users, 'id') */
export function dropIdentity(
  table: QualifiedName,
  column: string,
  options: { ifExists?: boolean } = {},
): DropIdentityOperation {
  return node({ kind: 'dropIdentity', table, column, ifExists: options.ifExists ?? false });
}
