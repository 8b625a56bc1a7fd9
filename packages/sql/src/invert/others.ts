import {
  type AlterPolicyOperation,
  type AttachIndexOperation,
  type CommentTarget,
  type CreateFunctionOperation,
  type CreateIndexOperation,
  type CreatePolicyOperation,
  type CreateTriggerOperation,
  type CreateViewOperation,
  createFunction,
  createIndex,
  createPolicy,
  createRule,
  createTrigger,
  createView,
  type DropFunctionOperation,
  type DropIndexOperation,
  type DropPolicyOperation,
  type DropTriggerOperation,
  type DropViewOperation,
  dropFunction,
  dropIndex,
  dropPolicy,
  dropTrigger,
  dropView,
  type GrantOperation,
  grant,
  type Operation,
  type QualifiedName,
  type RenameFunctionOperation,
  type RenameIndexOperation,
  type RenamePolicyOperation,
  type RenameTriggerOperation,
  type RenameViewOperation,
  type RevokeOperation,
  type RoutineRef,
  renameFunction,
  renameIndex,
  renamePolicy,
  renameTrigger,
  renameView,
  revoke,
  routineRef,
  type SetCommentOperation,
  type SetForceRowSecurityOperation,
  type SetIndexOptionsOperation,
  type SetRowSecurityOperation,
  type Snapshot,
  setComment,
  setForceRowSecurity,
  setIndexOptions,
  setRowSecurity,
} from '@justscale/schema';
import { IrreversibleOperationError } from '../errors.js';
import {
  findCollation,
  findColumn,
  findGrants,
  findIndex,
  findRule,
  findTable,
  findView,
  restored,
  sameName,
  tableIndexes,
  tableRules,
} from './lookup.js';
import { cascaded } from './objects.js';

type Invert<O> = (op: O, before: Snapshot) => Operation[];

function missing(op: Operation, what: string): never {
  throw new IrreversibleOperationError(op, `${what} is not in the snapshot before the change`);
}

const renamed = (t: QualifiedName, to: string): QualifiedName => ({ schema: t.schema, name: to });

export const invertCreateIndex: Invert<CreateIndexOperation> = (op, before) =>
  op.ifNotExists && findIndex(before, op.index)
    ? []
    : [dropIndex(op.index, { concurrently: op.concurrently })];

/** PostgreSQL cannot detach a partition's index: only dropping the parent's index undoes it. */
export const invertAttachIndex: Invert<AttachIndexOperation> = (op) => {
  throw new IrreversibleOperationError(
    op,
    "a partition's index cannot be detached from its parent's index; drop the parent's index instead",
  );
};

export const invertDropIndex: Invert<DropIndexOperation> = (op, before) => {
  cascaded(op);
  const i = findIndex(before, op.index);
  if (i === undefined) return op.ifExists ? [] : missing(op, 'the index');
  return [createIndex(i, { concurrently: op.concurrently })];
};

export const invertRenameIndex: Invert<RenameIndexOperation> = (op) => [
  renameIndex(renamed(op.index, op.to), op.index.name),
];

export const invertSetIndexOptions: Invert<SetIndexOptionsOperation> = (op, before) => {
  const options = (findIndex(before, op.index) ?? missing(op, 'the index')).options;
  const keys = [...Object.keys(op.set), ...op.reset];
  const set = Object.fromEntries(keys.filter((k) => k in options).map((k) => [k, options[k] as string]));
  return [setIndexOptions(op.index, { set, reset: keys.filter((k) => !(k in options)) })];
};

export const invertCreateView: Invert<CreateViewOperation> = (op, before) => {
  const old = findView(before, op.view);
  if (old === undefined) return [dropView(op.view, { materialized: op.view.materialized })];
  // OR REPLACE cannot drop the columns a replacement added: the old view comes back by drop and create.
  return [dropView(op.view, { materialized: op.view.materialized }), createView(old)];
};

export const invertDropView: Invert<DropViewOperation> = (op, before) => {
  cascaded(op);
  const v = findView(before, op.view);
  if (v === undefined) return op.ifExists ? [] : missing(op, 'the view');
  const create = v.materialized ? restored(createView(v)) : createView(v);
  return [
    create,
    ...tableIndexes(before, op.view).map((i) => createIndex(i)),
    ...tableRules(before, op.view).map((r) => createRule(r)),
  ];
};

export const invertRenameView: Invert<RenameViewOperation> = (op) => [
  renameView(renamed(op.view, op.to), op.view.name, { materialized: op.materialized }),
];

const sameRoutine = (r: RoutineRef, f: Snapshot['functions'][number]): boolean =>
  sameName(r, f) && r.identityArguments === f.identityArguments;

export const invertCreateFunction: Invert<CreateFunctionOperation> = (op, before) => {
  const ref = routineRef(op.function);
  const old = before.functions.find((f) => sameRoutine(ref, f));
  return old === undefined ? [dropFunction(ref)] : [createFunction(old, { orReplace: true })];
};

export const invertDropFunction: Invert<DropFunctionOperation> = (op, before) => {
  cascaded(op);
  const f = before.functions.find((x) => sameRoutine(op.function, x));
  if (f === undefined) return op.ifExists ? [] : missing(op, 'the routine');
  return [createFunction(f)];
};

export const invertRenameFunction: Invert<RenameFunctionOperation> = (op) => [
  renameFunction({ ...op.function, name: op.to }, op.function.name),
];

const findTrigger = (before: Snapshot, t: QualifiedName, name: string) =>
  before.triggers.find((g) => g.schema === t.schema && g.table === t.name && g.name === name);

export const invertCreateTrigger: Invert<CreateTriggerOperation> = (op, before) => {
  const t = op.trigger;
  const table = { schema: t.schema, name: t.table };
  const old = findTrigger(before, table, t.name);
  return old === undefined ? [dropTrigger(table, t.name)] : [createTrigger(old, { orReplace: true })];
};

export const invertDropTrigger: Invert<DropTriggerOperation> = (op, before) => {
  cascaded(op);
  const g = findTrigger(before, op.table, op.name);
  if (g === undefined) return op.ifExists ? [] : missing(op, 'the trigger');
  return [createTrigger(g)];
};

export const invertRenameTrigger: Invert<RenameTriggerOperation> = (op) => [
  renameTrigger(op.table, op.to, op.name),
];

function tableOf(op: Operation, before: Snapshot, t: QualifiedName) {
  return findTable(before, t) ?? missing(op, `table ${t.schema}.${t.name}`);
}

export const invertSetRowSecurity: Invert<SetRowSecurityOperation> = (op, before) => [
  setRowSecurity(op.table, tableOf(op, before, op.table).rowSecurity),
];

export const invertSetForceRowSecurity: Invert<SetForceRowSecurityOperation> = (op, before) => [
  setForceRowSecurity(op.table, tableOf(op, before, op.table).forceRowSecurity),
];

const findPolicy = (op: Operation, before: Snapshot, t: QualifiedName, name: string) =>
  tableOf(op, before, t).policies.find((p) => p.name === name);

export const invertCreatePolicy: Invert<CreatePolicyOperation> = (op) => [
  dropPolicy(op.table, op.policy.name),
];

export const invertAlterPolicy: Invert<AlterPolicyOperation> = (op, before) => {
  // ALTER POLICY cannot take an expression away: the old policy comes back whole.
  const p = findPolicy(op, before, op.table, op.name) ?? missing(op, `policy ${op.name}`);
  return [dropPolicy(op.table, op.name), createPolicy(op.table, p)];
};

export const invertDropPolicy: Invert<DropPolicyOperation> = (op, before) => {
  const p = findPolicy(op, before, op.table, op.name);
  if (p === undefined) return op.ifExists ? [] : missing(op, `policy ${op.name}`);
  return [createPolicy(op.table, p)];
};

export const invertRenamePolicy: Invert<RenamePolicyOperation> = (op) => [
  renamePolicy(op.table, op.to, op.name),
];

function commentOf(op: Operation, before: Snapshot, t: CommentTarget): string | null {
  const q = (o: QualifiedName) => (x: QualifiedName) => sameName(x, o);
  const none = (what: string): never => missing(op, what);
  switch (t.objectKind) {
    case 'schema':
      return (before.schemas.find((s) => s.name === t.name) ?? none('the schema')).comment;
    case 'extension':
      throw new IrreversibleOperationError(op, 'the snapshot does not keep extension comments');
    case 'table':
      return (findTable(before, t.object) ?? none('the table')).comment;
    case 'view':
    case 'materializedView':
      return (findView(before, t.object) ?? none('the view')).comment;
    case 'sequence':
      return (before.sequences.find(q(t.object)) ?? none('the sequence')).comment;
    case 'index': {
      const index = findIndex(before, t.object);
      if (index !== undefined) return index.comment;
      // The index of a key or exclusion constraint: its comment is kept on the constraint.
      const k = before.tables
        .filter((x) => x.schema === t.object.schema)
        .flatMap((x) => x.constraints)
        .find((c) => c.name === t.object.name && c.kind !== 'check' && c.kind !== 'foreignKey');
      if (k === undefined || k.kind === 'check' || k.kind === 'foreignKey') return none('the index');
      return k.indexComment ?? null;
    }
    case 'type':
      return (before.enums.find(q(t.object)) ?? before.compositeTypes.find(q(t.object)) ?? none('the type'))
        .comment;
    case 'domain':
      return (before.domains.find(q(t.object)) ?? none('the domain')).comment;
    case 'column': {
      const column = findColumn(before, t.table, t.column);
      if (column !== undefined) return column.comment;
      const view = findView(before, t.table) ?? none('the column');
      return view.columnComments[t.column] ?? null;
    }
    case 'constraint':
      return (
        tableOf(op, before, t.table).constraints.find((c) => c.name === t.name) ?? none('the constraint')
      ).comment;
    case 'domainConstraint':
      throw new IrreversibleOperationError(op, 'the snapshot does not keep domain constraint comments');
    case 'trigger':
      return (findTrigger(before, t.table, t.name) ?? none('the trigger')).comment;
    case 'rule':
      return (findRule(before, t.table, t.name) ?? none('the rule')).comment;
    case 'collation':
      return (findCollation(before, t.object) ?? none('the collation')).comment;
    case 'policy':
      return (findPolicy(op, before, t.table, t.name) ?? none('the policy')).comment;
    case 'routine':
      return (before.functions.find((f) => sameRoutine(t.routine, f)) ?? none('the routine')).comment;
  }
}

export const invertSetComment: Invert<SetCommentOperation> = (op, before) => [
  setComment(op.target, commentOf(op, before, op.target)),
];

export const invertGrant: Invert<GrantOperation> = (op, before) => {
  const g = op.grant;
  const had = findGrants(before, g).filter((x) => x.grantable || !g.grantable);
  const held = new Set(had.flatMap((x) => x.privileges));
  const added = g.privileges.filter((p) => !held.has(p));
  return added.length === 0 ? [] : [revoke({ ...g, privileges: added, grantable: false })];
};

export const invertRevoke: Invert<RevokeOperation> = (op, before) => {
  cascaded(op);
  const g = op.grant;
  const had = findGrants(before, g).filter((x) => !g.grantable || x.grantable);
  const lost = g.privileges.filter((p) => had.some((x) => x.privileges.includes(p)));
  return lost.length === 0 ? [] : [grant({ ...g, privileges: lost })];
};
