import {
  type AddColumnOperation,
  type AddConstraintOperation,
  type AddConstraintUsingIndexOperation,
  type AddIdentityOperation,
  type AddInheritOperation,
  type AlterColumnTypeOperation,
  type AlterIdentityOperation,
  type AttachPartitionOperation,
  addColumn,
  addConstraint,
  addIdentity,
  addInherit,
  alterColumnType,
  alterIdentity,
  attachPartition,
  type Constraint,
  type CreateTableOperation,
  createIndex,
  createRule,
  createTable,
  createTrigger,
  type DetachPartitionOperation,
  type DropColumnDefaultOperation,
  type DropColumnNotNullOperation,
  type DropColumnOperation,
  type DropConstraintOperation,
  type DropIdentityOperation,
  type DropInheritOperation,
  type DropTableOperation,
  detachPartition,
  dropColumn,
  dropColumnDefault,
  dropColumnNotNull,
  dropConstraint,
  dropIdentity,
  dropInherit,
  dropTable,
  type IdentityChanges,
  type Operation,
  type QualifiedName,
  type RenameColumnOperation,
  type RenameConstraintOperation,
  type RenameTableOperation,
  renameColumn,
  renameConstraint,
  renameTable,
  type SetColumnDefaultOperation,
  type SetColumnNotNullOperation,
  type SetTableLoggedOperation,
  type SetTableOptionsOperation,
  type Snapshot,
  setColumnDefault,
  setColumnNotNull,
  setTableLogged,
  setTableOptions,
  type ValidateConstraintOperation,
} from '@justscale/schema';
import { IrreversibleOperationError } from '../errors.js';
import { quoteIdent } from '../quote.js';
import { findColumn, findIndex, findTable, restored, sameName, tableIndexes, tableRules } from './lookup.js';
import { cascaded } from './objects.js';

type Invert<O> = (op: O, before: Snapshot) => Operation[];

function missing(op: Operation, what: string): never {
  throw new IrreversibleOperationError(op, `${what} is not in the snapshot before the change`);
}

function tableOf(op: Operation, before: Snapshot, t: QualifiedName) {
  return findTable(before, t) ?? missing(op, `table ${t.schema}.${t.name}`);
}

function columnOf(op: Operation, before: Snapshot, t: QualifiedName, column: string) {
  return findColumn(before, t, column) ?? missing(op, `column ${column} of ${t.schema}.${t.name}`);
}

const renamed = (t: QualifiedName, to: string): QualifiedName => ({ schema: t.schema, name: to });

export const invertCreateTable: Invert<CreateTableOperation> = (op, before) =>
  op.ifNotExists && findTable(before, op.table) ? [] : [dropTable(op.table)];

/** A table as the snapshot had it: the table, its indexes, triggers and rules, and its partitions. */
function recreateTable(before: Snapshot, t: QualifiedName): Operation[] {
  const table = findTable(before, t);
  if (table === undefined) return [];
  const partitions = before.tables.filter((p) => p.partitionOf !== null && sameName(p.partitionOf.parent, t));
  return [
    restored(createTable(table)),
    ...partitions.flatMap((p) => recreateTable(before, p)),
    ...tableIndexes(before, t).map((i) => createIndex(i)),
    ...before.triggers
      .filter((g) => g.schema === t.schema && g.table === t.name)
      .map((g) => createTrigger(g)),
    ...tableRules(before, t).map((r) => createRule(r)),
  ];
}

export const invertDropTable: Invert<DropTableOperation> = (op, before) => {
  cascaded(op);
  if (!findTable(before, op.table)) return op.ifExists ? [] : missing(op, 'the table');
  return recreateTable(before, op.table);
};

export const invertRenameTable: Invert<RenameTableOperation> = (op) => [
  renameTable(renamed(op.table, op.to), op.table.name),
];

export const invertSetTableLogged: Invert<SetTableLoggedOperation> = (op, before) => [
  setTableLogged(op.table, tableOf(op, before, op.table).unlogged),
];

export const invertSetTableOptions: Invert<SetTableOptionsOperation> = (op, before) => {
  const options = tableOf(op, before, op.table).options;
  const keys = [...Object.keys(op.set), ...op.reset];
  const set = Object.fromEntries(keys.filter((k) => k in options).map((k) => [k, options[k] as string]));
  const reset = keys.filter((k) => !(k in options));
  return [setTableOptions(op.table, { set, reset })];
};

export const invertAttachPartition: Invert<AttachPartitionOperation> = (op) => [
  detachPartition(op.parent, op.partition),
];

export const invertDetachPartition: Invert<DetachPartitionOperation> = (op, before) => {
  const bound = tableOf(op, before, op.partition).partitionOf?.bound ?? missing(op, 'the partition bound');
  return [attachPartition(op.parent, op.partition, bound)];
};

export const invertAddInherit: Invert<AddInheritOperation> = (op) => [dropInherit(op.table, op.parent)];
export const invertDropInherit: Invert<DropInheritOperation> = (op) => [addInherit(op.table, op.parent)];

export const invertAddColumn: Invert<AddColumnOperation> = (op, before) =>
  op.ifNotExists && findColumn(before, op.table, op.column.name)
    ? []
    : [dropColumn(op.table, op.column.name)];

function usesColumn(c: Constraint, column: string): boolean {
  switch (c.kind) {
    case 'primaryKey':
    case 'unique':
      return c.columns.includes(column) || c.include.includes(column);
    case 'foreignKey':
      return c.columns.includes(column);
    case 'check':
      return c.expression.includes(column) || c.expression.includes(quoteIdent(column));
    case 'exclusion':
      return c.definition.includes(column) || c.definition.includes(quoteIdent(column));
  }
}

export const invertDropColumn: Invert<DropColumnOperation> = (op, before) => {
  cascaded(op);
  const table = tableOf(op, before, op.table);
  const column = table.columns.find((c) => c.name === op.column);
  if (column === undefined) return op.ifExists ? [] : missing(op, `column ${op.column}`);
  // PostgreSQL drops the constraints and indexes that use the column along with it.
  return [
    restored(addColumn(op.table, column)),
    ...table.constraints.filter((c) => usesColumn(c, op.column)).map((c) => addConstraint(op.table, c)),
    ...tableIndexes(before, op.table)
      .filter((i) => i.keys.some((k) => k.column === op.column) || i.include.includes(op.column))
      .map((i) => createIndex(i)),
  ];
};

export const invertRenameColumn: Invert<RenameColumnOperation> = (op) => [
  renameColumn(op.table, op.to, op.from),
];

export const invertAlterColumnType: Invert<AlterColumnTypeOperation> = (op, before) => {
  const c = columnOf(op, before, op.table, op.column);
  return [alterColumnType(op.table, op.column, c.type, { collation: c.collation })];
};

function restoreDefault(op: Operation, before: Snapshot, t: QualifiedName, column: string): Operation[] {
  const d = columnOf(op, before, t, column).default;
  return [d === null ? dropColumnDefault(t, column) : setColumnDefault(t, column, d)];
}

export const invertSetColumnDefault: Invert<SetColumnDefaultOperation> = (op, before) =>
  restoreDefault(op, before, op.table, op.column);
export const invertDropColumnDefault: Invert<DropColumnDefaultOperation> = (op, before) =>
  restoreDefault(op, before, op.table, op.column);

export const invertSetColumnNotNull: Invert<SetColumnNotNullOperation> = (op, before) =>
  columnOf(op, before, op.table, op.column).notNull ? [] : [dropColumnNotNull(op.table, op.column)];
export const invertDropColumnNotNull: Invert<DropColumnNotNullOperation> = (op, before) =>
  columnOf(op, before, op.table, op.column).notNull ? [setColumnNotNull(op.table, op.column)] : [];

export const invertAddIdentity: Invert<AddIdentityOperation> = (op) => [dropIdentity(op.table, op.column)];

export const invertAlterIdentity: Invert<AlterIdentityOperation> = (op, before) => {
  if (op.changes.restart !== undefined) {
    throw new IrreversibleOperationError(op, "RESTART loses the identity sequence's current value");
  }
  const identity = columnOf(op, before, op.table, op.column).identity ?? missing(op, 'the identity');
  const back: Record<string, unknown> = {};
  for (const k of Object.keys(op.changes) as (keyof IdentityChanges)[]) {
    back[k] =
      k === 'generation' ? identity.generation : identity.sequence[k as keyof typeof identity.sequence];
  }
  return [alterIdentity(op.table, op.column, back as IdentityChanges)];
};

export const invertDropIdentity: Invert<DropIdentityOperation> = (op, before) => {
  const identity = columnOf(op, before, op.table, op.column).identity;
  if (identity === null) return op.ifExists ? [] : missing(op, 'the identity');
  return [addIdentity(op.table, op.column, identity)];
};

export const invertAddConstraint: Invert<AddConstraintOperation> = (op) => [
  dropConstraint(op.table, op.constraint.name),
];

export const invertAddConstraintUsingIndex: Invert<AddConstraintUsingIndexOperation> = (op, before) => {
  // The index became the constraint's; dropping the constraint drops it, so it is rebuilt.
  const index =
    findIndex(before, { schema: op.table.schema, name: op.index }) ?? missing(op, `index ${op.index}`);
  return [dropConstraint(op.table, op.name), createIndex(index)];
};

export const invertDropConstraint: Invert<DropConstraintOperation> = (op, before) => {
  cascaded(op);
  const c = tableOf(op, before, op.table).constraints.find((x) => x.name === op.name);
  if (c === undefined) return op.ifExists ? [] : missing(op, `constraint ${op.name}`);
  return [addConstraint(op.table, c)];
};

export const invertRenameConstraint: Invert<RenameConstraintOperation> = (op) => [
  renameConstraint(op.table, op.to, op.from),
];

/** Validation only checks existing rows: there is nothing to undo. */
export const invertValidateConstraint: Invert<ValidateConstraintOperation> = () => [];
