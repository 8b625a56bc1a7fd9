import {
  clusterOn,
  type ReplicaIdentity,
  setMaterializedViewOptions,
  setReplicaIdentity,
  type Table,
  type View,
} from '@justscale/schema';
import { type Builder, Phase } from '../context.js';
import { same, sameExcept } from '../util.js';

const identityOf = (t: Table): ReplicaIdentity => t.replicaIdentity ?? 'DEFAULT';

/** Whether the plan drops and creates again the index `name` of table `t` (it loses its flags). */
function indexRecreated(b: Builder, t: Table, name: string): boolean {
  const find = (list: typeof b.current.indexes) =>
    list.find((i) => i.schema === t.schema && i.name === name && i.table === t.name);
  const c = find(b.current.indexes);
  const d = find(b.desired.indexes);
  return c !== undefined && d !== undefined && !sameExcept(c, d, 'comment', 'options');
}

/**
 * A table's replica identity and `CLUSTER ON` index (`c` null for a new table). Both run after
 * the indexes are built (they name one), in the sequence-ownership phase; a flag on an index the
 * plan recreates is set again.
 */
export function diffTableStorage(b: Builder, c: Table | null, d: Table): void {
  const want = identityOf(d);
  const had = c === null ? 'DEFAULT' : identityOf(c);
  const onRecreated = typeof want === 'object' && c !== null && indexRecreated(b, d, want.index);
  if (!same(had, want) || onRecreated) b.add(Phase.sequenceOwnership, setReplicaIdentity(d, want));
  const cluster = d.clusterOn ?? null;
  const clustered = c === null ? null : (c.clusterOn ?? null);
  const reCluster = cluster !== null && c !== null && indexRecreated(b, d, cluster);
  if (cluster !== clustered || reCluster) {
    // Dropping the marked index unmarks the table: nothing to undo then.
    const gone =
      clustered !== null && !b.desired.indexes.some((i) => i.schema === d.schema && i.name === clustered);
    if (cluster !== null || !gone) b.add(Phase.sequenceOwnership, clusterOn(d, cluster));
  }
}

/** A new table as `CREATE TABLE` makes it: replica identity and clustering come after its indexes. */
export function withoutStorage(t: Table): Table {
  const { replicaIdentity: _r, clusterOn: _c, ...rest } = t;
  return rest;
}

/** A materialized view's storage parameters, altered in place. */
export function diffViewOptions(b: Builder, c: View, d: View): void {
  const from = c.options ?? {};
  const to = d.options ?? {};
  if (same(from, to)) return;
  const set: Record<string, string> = {};
  for (const [k, v] of Object.entries(to)) if (from[k] !== v) set[k] = v;
  const reset = Object.keys(from).filter((k) => !(k in to));
  b.add(Phase.createViews, setMaterializedViewOptions(d, { set, reset }));
}
