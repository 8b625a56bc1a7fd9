import type { QualifiedName, Table } from '../snapshot.js';
import { type DropOptions, dropOptions, node } from './node.js';

/**
 * `CREATE [UNLOGGED] TABLE [IF NOT EXISTS] name (columns, constraints) [INHERITS] [PARTITION BY] [WITH]`,
 * or `CREATE TABLE name PARTITION OF parent FOR VALUES ...`, followed by what else the `Table` holds:
 * comments (table, columns, constraints), row-level security and its policies.
 *
 * Every constraint in `table.constraints` is created inline. A differ that must order foreign keys
 * after the tables they reference leaves them out of the `Table` and adds them with `addConstraint`.
 */
export interface CreateTableOperation {
  readonly kind: 'createTable';
  readonly table: Table;
  readonly ifNotExists: boolean;
  /**
   * Set by `invert` when this node re-creates something a drop destroyed: the definition comes back,
   * the data does not, and the compiled statement carries a `deletes-data` hazard saying so.
   */
  readonly restoresDropped?: boolean;
}

/** `DROP TABLE [IF EXISTS] name [CASCADE]`. */
export interface DropTableOperation extends DropOptions {
  readonly kind: 'dropTable';
  readonly table: QualifiedName;
}

/** `ALTER TABLE name RENAME TO to` (the schema stays). */
export interface RenameTableOperation {
  readonly kind: 'renameTable';
  readonly table: QualifiedName;
  readonly to: string;
}

/** `ALTER TABLE name SET LOGGED` / `SET UNLOGGED`. */
export interface SetTableLoggedOperation {
  readonly kind: 'setTableLogged';
  readonly table: QualifiedName;
  readonly unlogged: boolean;
}

/** `ALTER TABLE name SET (k = v, ...)` and `RESET (k, ...)`. */
export interface SetTableOptionsOperation {
  readonly kind: 'setTableOptions';
  readonly table: QualifiedName;
  readonly set: Readonly<Record<string, string>>;
  readonly reset: readonly string[];
}

/** `ALTER TABLE parent ATTACH PARTITION partition FOR VALUES ... | DEFAULT`. */
export interface AttachPartitionOperation {
  readonly kind: 'attachPartition';
  readonly parent: QualifiedName;
  readonly partition: QualifiedName;
  /** As `pg_get_expr(relpartbound)` prints it: `FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')` or `DEFAULT`. */
  readonly bound: string;
}

/** `ALTER TABLE parent DETACH PARTITION partition [CONCURRENTLY]`. */
export interface DetachPartitionOperation {
  readonly kind: 'detachPartition';
  readonly parent: QualifiedName;
  readonly partition: QualifiedName;
  /** PostgreSQL 14+; cannot run in a transaction. */
  readonly concurrently: boolean;
}

/** `ALTER TABLE name INHERIT parent`. */
export interface AddInheritOperation {
  readonly kind: 'addInherit';
  readonly table: QualifiedName;
  readonly parent: QualifiedName;
}

/** `ALTER TABLE name NO INHERIT parent`. */
export interface DropInheritOperation {
  readonly kind: 'dropInherit';
  readonly table: QualifiedName;
  readonly parent: QualifiedName;
}

/** @example createTable(table({ schema: 'public', name: 'users', columns: [...] })) */
export function createTable(table: Table, options: { ifNotExists?: boolean } = {}): CreateTableOperation {
  return node({ kind: 'createTable', table, ifNotExists: options.ifNotExists ?? false });
}

/** @example dropTable({ schema: 'public', name: 'users' }, { cascade: true }) */
export function dropTable(table: QualifiedName, options?: Partial<DropOptions>): DropTableOperation {
  return node({ kind: 'dropTable', table, ...dropOptions(options) });
}

/** @example renameTable({ schema: 'public', name: 'users' }, 'accounts') */
export function renameTable(table: QualifiedName, to: string): RenameTableOperation {
  return node({ kind: 'renameTable', table, to });
}

/** @example setTableLogged({ schema: 'public', name: 'cache' }, true) // SET UNLOGGED */
export function setTableLogged(table: QualifiedName, unlogged: boolean): SetTableLoggedOperation {
  return node({ kind: 'setTableLogged', table, unlogged });
}

/** @example setTableOptions(t, { set: { fillfactor: '70' }, reset: ['autovacuum_enabled'] }) */
export function setTableOptions(
  table: QualifiedName,
  options: { set?: Readonly<Record<string, string>>; reset?: readonly string[] },
): SetTableOptionsOperation {
  return node({ kind: 'setTableOptions', table, set: options.set ?? {}, reset: options.reset ?? [] });
}

/** @example attachPartition(events, events2024, "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')") */
export function attachPartition(
  parent: QualifiedName,
  partition: QualifiedName,
  bound: string,
): AttachPartitionOperation {
  return node({ kind: 'attachPartition', parent, partition, bound });
}

/** @example detachPartition(events, events2024, { concurrently: true }) */
export function detachPartition(
  parent: QualifiedName,
  partition: QualifiedName,
  options: { concurrently?: boolean } = {},
): DetachPartitionOperation {
  return node({ kind: 'detachPartition', parent, partition, concurrently: options.concurrently ?? false });
}

/** @example addInherit(child, parent) */
export function addInherit(table: QualifiedName, parent: QualifiedName): AddInheritOperation {
  return node({ kind: 'addInherit', table, parent });
}

/** @example dropInherit(child, parent) */
export function dropInherit(table: QualifiedName, parent: QualifiedName): DropInheritOperation {
  return node({ kind: 'dropInherit', table, parent });
}
