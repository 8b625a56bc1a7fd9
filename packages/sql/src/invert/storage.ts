import {
  type ClusterOnOperation,
  clusterOn,
  type Operation,
  type SetMaterializedViewOptionsOperation,
  type SetReplicaIdentityOperation,
  type Snapshot,
  setMaterializedViewOptions,
  setReplicaIdentity,
} from '@justscale/schema';
import { IrreversibleOperationError } from '../errors.js';
import { findTable, findView } from './lookup.js';

type Invert<O> = (op: O, before: Snapshot) => Operation[];

function missing(op: Operation, what: string): never {
  throw new IrreversibleOperationError(op, `${what} is not in the snapshot before the change`);
}

export const invertSetReplicaIdentity: Invert<SetReplicaIdentityOperation> = (op, before) => [
  setReplicaIdentity(
    op.table,
    (findTable(before, op.table) ?? missing(op, 'the table')).replicaIdentity ?? 'DEFAULT',
  ),
];

export const invertClusterOn: Invert<ClusterOnOperation> = (op, before) => [
  clusterOn(op.table, (findTable(before, op.table) ?? missing(op, 'the table')).clusterOn ?? null),
];

export const invertSetMaterializedViewOptions: Invert<SetMaterializedViewOptionsOperation> = (op, before) => {
  const options = (findView(before, op.view) ?? missing(op, 'the materialized view')).options ?? {};
  const keys = [...Object.keys(op.set), ...op.reset];
  const set = Object.fromEntries(keys.filter((k) => k in options).map((k) => [k, options[k] as string]));
  const reset = keys.filter((k) => !(k in options));
  return [setMaterializedViewOptions(op.view, { set, reset })];
};
