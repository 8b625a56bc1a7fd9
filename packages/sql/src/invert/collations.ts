import {
  type CreateCollationOperation,
  type CreateRuleOperation,
  createCollation,
  createRule,
  type DropCollationOperation,
  type DropRuleOperation,
  dropCollation,
  dropRule,
  type Operation,
  type RenameCollationOperation,
  renameCollation,
  type Snapshot,
} from '@justscale/schema';
import { IrreversibleOperationError } from '../errors.js';
import { findCollation, findRule } from './lookup.js';
import { cascaded } from './objects.js';

type Invert<O> = (op: O, before: Snapshot) => Operation[];

function missing(op: Operation, what: string): never {
  throw new IrreversibleOperationError(op, `${what} is not in the snapshot before the change`);
}

export const invertCreateCollation: Invert<CreateCollationOperation> = (op) => [dropCollation(op.collation)];

export const invertDropCollation: Invert<DropCollationOperation> = (op, before) => {
  cascaded(op);
  const c = findCollation(before, op.collation);
  if (c === undefined) return op.ifExists ? [] : missing(op, 'the collation');
  return [createCollation(c)];
};

export const invertCreateRule: Invert<CreateRuleOperation> = (op, before) => {
  const r = op.rule;
  const table = { schema: r.schema, name: r.table };
  const old = findRule(before, table, r.name);
  return old === undefined ? [dropRule(table, r.name)] : [createRule(old, { orReplace: true })];
};

export const invertDropRule: Invert<DropRuleOperation> = (op, before) => {
  cascaded(op);
  const r = findRule(before, op.table, op.name);
  if (r === undefined) return op.ifExists ? [] : missing(op, 'the rule');
  return [createRule(r)];
};

export const invertRenameCollation: Invert<RenameCollationOperation> = (op) => [
  renameCollation({ schema: op.collation.schema, name: op.to }, op.collation.name),
];
