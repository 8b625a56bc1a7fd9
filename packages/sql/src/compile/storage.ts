import type {
  ClusterOnOperation,
  QualifiedName,
  ReplicaIdentity,
  SetMaterializedViewOptionsOperation,
  SetReplicaIdentityOperation,
  Table,
} from '@justscale/schema';
import { H } from '../hazards.js';
import { quoteIdent, quoteQualified, renderOptionName, renderOptions } from '../quote.js';
import { type Statement, statement } from '../statement.js';

function replicaIdentitySql(identity: ReplicaIdentity): string {
  return typeof identity === 'string' ? identity : `USING INDEX ${quoteIdent(identity.index)}`;
}

function replicaIdentityStatement(table: QualifiedName, identity: ReplicaIdentity): Statement {
  const name = quoteQualified(table);
  return statement(`ALTER TABLE ${name} REPLICA IDENTITY ${replicaIdentitySql(identity)}`, [
    H.accessExclusive(name),
  ]);
}

function clusterStatement(table: QualifiedName, index: string | null): Statement {
  // SHARE UPDATE EXCLUSIVE only: it marks the index for a later CLUSTER, it reorders nothing.
  const name = quoteQualified(table);
  return statement(
    index === null
      ? `ALTER TABLE ${name} SET WITHOUT CLUSTER`
      : `ALTER TABLE ${name} CLUSTER ON ${quoteIdent(index)}`,
  );
}

/**
 * A new table's replica identity and clustering index, after its `CREATE TABLE`. `USING INDEX` and
 * `CLUSTER ON` need the index: here that is a key constraint created with the table; a differ
 * creating a standalone index orders `setReplicaIdentity` / `clusterOn` after it instead.
 */
export function tableStorageStatements(t: Table): Statement[] {
  const out: Statement[] = [];
  if (t.replicaIdentity !== undefined && t.replicaIdentity !== 'DEFAULT')
    out.push(replicaIdentityStatement(t, t.replicaIdentity));
  if (t.clusterOn !== undefined) out.push(clusterStatement(t, t.clusterOn));
  return out;
}

export function compileSetReplicaIdentity(op: SetReplicaIdentityOperation): Statement[] {
  return [replicaIdentityStatement(op.table, op.identity)];
}

export function compileClusterOn(op: ClusterOnOperation): Statement[] {
  return [clusterStatement(op.table, op.index)];
}

export function compileSetMaterializedViewOptions(op: SetMaterializedViewOptionsOperation): Statement[] {
  const name = quoteQualified(op.view);
  const out: Statement[] = [];
  if (Object.keys(op.set).length > 0)
    out.push(statement(`ALTER MATERIALIZED VIEW ${name} SET ${renderOptions(op.set)}`));
  if (op.reset.length > 0)
    out.push(
      statement(`ALTER MATERIALIZED VIEW ${name} RESET (${op.reset.map(renderOptionName).join(', ')})`),
    );
  return out;
}
