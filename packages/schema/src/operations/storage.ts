import type { QualifiedName, ReplicaIdentity } from '../snapshot.js';
import { node } from './node.js';

/** `ALTER TABLE t REPLICA IDENTITY {DEFAULT | FULL | NOTHING | USING INDEX i}`. */
export interface SetReplicaIdentityOperation {
  readonly kind: 'setReplicaIdentity';
  readonly table: QualifiedName;
  readonly identity: ReplicaIdentity;
}

/** `ALTER TABLE t CLUSTER ON i`, or `SET WITHOUT CLUSTER` when `index` is null. */
export interface ClusterOnOperation {
  readonly kind: 'clusterOn';
  readonly table: QualifiedName;
  /** An index of `table` (in its schema), or null for `SET WITHOUT CLUSTER`. */
  readonly index: string | null;
}

/** `ALTER MATERIALIZED VIEW v SET (k = v, ...)` and `RESET (k, ...)`: storage parameters. */
export interface SetMaterializedViewOptionsOperation {
  readonly kind: 'setMaterializedViewOptions';
  readonly view: QualifiedName;
  readonly set: Readonly<Record<string, string>>;
  readonly reset: readonly string[];
}

/** @example setReplicaIdentity(orders, { index: 'orders_code_key' }) // REPLICA IDENTITY USING INDEX */
export function setReplicaIdentity(
  table: QualifiedName,
  identity: ReplicaIdentity,
): SetReplicaIdentityOperation {
  return node({ kind: 'setReplicaIdentity', table, identity });
}

/** @example clusterOn(orders, 'orders_created_idx'); clusterOn(orders, null) // SET WITHOUT CLUSTER */
export function clusterOn(table: QualifiedName, index: string | null): ClusterOnOperation {
  return node({ kind: 'clusterOn', table, index });
}

/** @example setMaterializedViewOptions(totals, { set: { fillfactor: '70' }, reset: ['autovacuum_enabled'] }) */
export function setMaterializedViewOptions(
  view: QualifiedName,
  options: { set?: Readonly<Record<string, string>>; reset?: readonly string[] },
): SetMaterializedViewOptionsOperation {
  return node({
    kind: 'setMaterializedViewOptions',
    view,
    set: options.set ?? {},
    reset: options.reset ?? [],
  });
}
