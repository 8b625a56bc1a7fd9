import type { RenameHint } from '@justscale/diff';
import type { Column, QualifiedName, Snapshot, Table } from '@justscale/schema';

const key = (o: QualifiedName): string => `${o.schema}\u0000${o.name}`;

/**
 * The models' tables with what the database has and models do not describe: their columns'
 * statistics target, storage and compression, the comments on their constraints' indexes, and the
 * table-level state no model can express — row-level security and its policies, storage parameters,
 * `UNLOGGED`, `REPLICA IDENTITY`, `CLUSTER ON`, partitioning and inheritance, exclusion constraints.
 * A models plan leaves them as they are; a renamed table or column keeps its own.
 */
export function withDatabaseState(
  tables: readonly Table[],
  before: Snapshot,
  renames: readonly RenameHint[],
  indexes: readonly { schema: string; name: string; table: string }[] = [],
): Table[] {
  const tableFrom = new Map(
    renames.filter((h) => h.kind === 'table').map((h) => [key({ schema: h.schema, name: h.to }), h.from]),
  );
  const current = new Map(before.tables.map((t) => [key(t), t]));
  return tables.map((t) => {
    const was = current.get(key({ schema: t.schema, name: tableFrom.get(key(t)) ?? t.name }));
    if (was === undefined) return t;
    const columnFrom = new Map(
      renames.flatMap((h) =>
        h.kind === 'column' && h.schema === t.schema && (h.table === t.name || h.table === was.name)
          ? [[h.to, h.from] as const]
          : [],
      ),
    );
    const columns = t.columns.map((c): Column => {
      const old = was.columns.find((x) => x.name === (columnFrom.get(c.name) ?? c.name));
      if (old === undefined) return c;
      const { statistics: _s, storage: _t, compression: _c, ...rest } = c;
      return {
        ...rest,
        ...(old.statistics !== undefined ? { statistics: old.statistics } : {}),
        // A storage mode belongs to the type: kept while the column keeps its type.
        ...(old.storage !== undefined && sameType(old, c) ? { storage: old.storage } : {}),
        ...(old.compression !== undefined && sameType(old, c) ? { compression: old.compression } : {}),
      };
    });
    const constraints = t.constraints.map((k) => {
      const old = was.constraints.find((x) => x.name === k.name);
      if (old === undefined || !('indexComment' in old) || old.indexComment === undefined) return k;
      return k.kind === 'primaryKey' || k.kind === 'unique' || k.kind === 'exclusion'
        ? { ...k, indexComment: old.indexComment }
        : k;
    });
    // An index named by CLUSTER ON or REPLICA IDENTITY must still exist once the models have their way.
    const keys = new Set([
      ...constraints.map((k) => k.name),
      ...indexes.filter((i) => i.schema === t.schema && i.table === t.name).map((i) => i.name),
    ]);
    const replicaIdentity = was.replicaIdentity;
    const replicaKept =
      replicaIdentity === undefined || typeof replicaIdentity === 'string' || keys.has(replicaIdentity.index);
    const exclusions = was.constraints.filter(
      (k) => k.kind === 'exclusion' && !constraints.some((x) => x.name === k.name),
    );
    const { replicaIdentity: _r, clusterOn: _c, ...table } = t;
    return {
      ...table,
      columns,
      constraints: [...constraints, ...exclusions],
      policies: was.policies,
      rowSecurity: was.rowSecurity,
      forceRowSecurity: was.forceRowSecurity,
      unlogged: was.unlogged,
      options: was.options,
      partitionBy: was.partitionBy,
      partitionOf: was.partitionOf,
      inherits: was.inherits,
      ...(replicaIdentity !== undefined && replicaKept ? { replicaIdentity } : {}),
      ...(was.clusterOn !== undefined && keys.has(was.clusterOn) ? { clusterOn: was.clusterOn } : {}),
    };
  });
}

const sameType = (a: Column, b: Column): boolean => JSON.stringify(a.type) === JSON.stringify(b.type);
