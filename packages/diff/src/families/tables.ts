import {
  addConstraint,
  addInherit,
  attachPartition,
  createPolicy,
  createTable,
  detachPartition,
  dropConstraint,
  dropInherit,
  dropTable,
  setComment,
  setForceRowSecurity,
  setRowSecurity,
  setTableLogged,
  setTableOptions,
  type Table,
} from '@justscale/schema';
import { quoteQualified } from '@justscale/sql';
import { type Builder, Phase } from '../context.js';
import { qkey, same, topoSort } from '../util.js';
import { diffColumns } from './columns.js';
import { diffConstraints, diffPolicies } from './constraints.js';
import { adjustCreatedChild, childConstraints, parentChanges } from './inheritance.js';
import { partitionNotNull } from './partition-columns.js';
import { diffTableStorage, withoutStorage } from './storage.js';

const parents = (t: Table): string[] => [
  ...(t.partitionOf === null ? [] : [qkey(t.partitionOf.parent)]),
  ...t.inherits.map(qkey),
];

/** Which tables the plan creates and drops: the other families need to know before they start. */
export function classifyTables(b: Builder): void {
  const cur = new Map(b.current.tables.map((t) => [qkey(t), t]));
  const des = new Set(b.desired.tables.map(qkey));
  // Parents first: a child of a changed parent is not unchanged (the parent's ALTERs reach it).
  for (const t of topoSort(b.desired.tables, qkey, parents)) {
    const k = qkey(t);
    const c = cur.get(k);
    if (c === undefined) b.createdTables.add(k);
    else if (same(c, t) && t.inherits.every((p) => b.unchangedTables.has(qkey(p)))) b.unchangedTables.add(k);
  }
  for (const t of b.current.tables) if (!des.has(qkey(t))) b.droppedTables.add(qkey(t));
  markRecreated(b, cur);
}

/**
 * A table whose partitioning changes (plain ↔ partitioned, or another partition key) cannot be
 * altered: it is dropped and created again, with its partitions and inheriting children (DROP TABLE
 * takes them along), as Stripe's pg-schema-diff plans it. The rows are lost: the drop carries its
 * `deletes-data` hazard, and a note says why. Keys on it count as dropped, so foreign keys that
 * reference them are dropped first and added again after.
 */
function markRecreated(b: Builder, cur: ReadonlyMap<string, Table>): void {
  const recreated = new Set<string>();
  for (const d of b.desired.tables) {
    const c = cur.get(qkey(d));
    if (c !== undefined && c.partitionBy !== d.partitionBy) recreated.add(qkey(d));
  }
  if (recreated.size === 0) return;
  // Children of a recreated table go with it (transitively).
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of b.current.tables) {
      const k = qkey(c);
      if (!recreated.has(k) && parents(c).some((p) => recreated.has(p))) {
        if (!b.droppedTables.has(k)) {
          recreated.add(k);
          grew = true;
        }
      }
    }
  }
  for (const k of recreated) {
    const c = cur.get(k);
    if (c === undefined || !b.desired.tables.some((t) => qkey(t) === k)) continue;
    b.droppedTables.add(k);
    b.createdTables.add(k);
    b.unchangedTables.delete(k);
    for (const x of c.constraints)
      if (x.kind === 'primaryKey' || x.kind === 'unique')
        b.droppedKeys.add(`${k}\u0000${x.columns.join('\u0000')}`);
    for (const i of b.current.indexes)
      if (i.unique && i.schema === c.schema && i.table === c.name && i.keys.every((x) => x.column !== null))
        b.droppedKeys.add(`${k}\u0000${i.keys.map((x) => x.column).join('\u0000')}`);
    const d = b.desired.tables.find((t) => qkey(t) === k);
    b.note(
      'recreated',
      c.partitionBy !== (d?.partitionBy ?? null)
        ? `table ${quoteQualified(c)} is dropped and created again: its partitioning changes (${c.partitionBy ?? 'not partitioned'} → ${d?.partitionBy ?? 'not partitioned'}), which PostgreSQL cannot alter; its rows are lost unless you copy them`
        : `table ${quoteQualified(c)} is dropped and created again with its parent, whose partitioning changes; its rows are lost unless you copy them`,
    );
  }
}

/**
 * Tables: new ones created (parents before partitions and children) without their foreign keys,
 * which come once every table exists; removed ones dropped (children first) after the foreign keys
 * pointing at them; the others altered in place.
 */
export function diffTables(b: Builder): void {
  const cur = new Map(b.current.tables.map((t) => [qkey(t), t]));
  const created = b.desired.tables.filter((t) => b.createdTables.has(qkey(t)));
  // A new table with a column of a rebuilt enum (or a parent that has one) waits for the swap.
  const late = new Set<string>();
  for (const t of topoSort(created, qkey, parents)) {
    const isLate = t.columns.some((c) => b.usesRebuiltEnum(c.type)) || parents(t).some((p) => late.has(p));
    if (isLate) late.add(qkey(t));
    b.add(
      isLate ? Phase.afterEnumSwap : Phase.createTables,
      createTable({
        ...withoutStorage(t),
        constraints: t.constraints.filter((c) => c.kind !== 'foreignKey'),
        policies: [],
      }),
    );
    adjustCreatedChild(b, t, isLate ? Phase.afterEnumSwap : Phase.createTables);
    partitionNotNull(b, null, t, isLate ? Phase.afterEnumSwap : Phase.createTables);
    diffTableStorage(b, null, t);
    for (const c of t.constraints)
      if (c.kind === 'foreignKey') b.add(Phase.addForeignKeys, addConstraint(t, c));
    for (const p of t.policies) b.add(Phase.policies, createPolicy(t, p));
  }
  const dropped = b.current.tables.filter((t) => b.droppedTables.has(qkey(t)));
  const recreated = (t: Table): boolean => b.createdTables.has(qkey(t)) && cur.has(qkey(t));
  // Referencing tables drop before the tables they reference (children before parents): DROP
  // TABLE takes a table's own foreign keys with it. Only a key that the order cannot honour (a cycle
  // of references between dropped tables) is dropped on its own first.
  // A key that references a partitioned table references each of its partitions too: PostgreSQL
  // refuses to drop a partition while a key still references its parent.
  const partitions = partitionsByParent(dropped);
  const referencedBy = (c: Table['constraints'][number], t: Table): string[] =>
    c.kind === 'foreignKey' && qkey(c.references.table) !== qkey(t)
      ? withPartitions(qkey(c.references.table), partitions).filter(
          (k) => k !== qkey(t) && b.droppedTables.has(k),
        )
      : [];
  const references = (t: Table): string[] => t.constraints.flatMap((c) => referencedBy(c, t));
  let order = topoSort(dropped, qkey, (t) => [...parents(t), ...references(t)]).reverse();
  let position = new Map(order.map((t, i) => [qkey(t), i]));
  // A cycle of references the walk broke at a partition's link to its parent: order by the links
  // alone, and drop on its own each key that references a table dropped earlier.
  const childFirst = (t: Table): boolean =>
    parents(t).every((p) => (position.get(p) ?? Number.POSITIVE_INFINITY) > (position.get(qkey(t)) ?? 0));
  if (!order.every(childFirst)) {
    order = topoSort(dropped, qkey, parents).reverse();
    position = new Map(order.map((t, i) => [qkey(t), i]));
  }
  for (const t of order) {
    for (const c of t.constraints) {
      const own = position.get(qkey(t)) ?? 0;
      if (referencedBy(c, t).some((k) => (position.get(k) ?? own) < own))
        b.add(Phase.dropForeignKeys, dropConstraint(t, c.name));
    }
    b.add(Phase.dropTables, dropTable(t));
  }
  noteLikelyRenames(
    b,
    dropped.filter((t) => !recreated(t)),
    created.filter((t) => !recreated(t)),
  );
  // Parents before children: a child's own changes come after what its parents' changes give it.
  for (const d of topoSort(b.desired.tables, qkey, parents)) {
    if (recreated(d)) continue;
    // An unchanged table is skipped, unless one of its foreign keys references a key the plan drops.
    const c = cur.get(qkey(d));
    if (b.unchangedTables.has(qkey(d)) && !referencesDroppedKey(b, d)) {
      // Its replica identity or clustering index may still be recreated by the plan.
      if (c !== undefined) diffTableStorage(b, c, d);
      continue;
    }
    if (c !== undefined) alterTable(b, c, d);
  }
}

function alterTable(b: Builder, c: Table, d: Table): void {
  if (!same(c.partitionOf, d.partitionOf)) {
    // Online too, the plain DETACH (a short ACCESS EXCLUSIVE lock on the parent, bounded by
    // lock_timeout): `DETACH PARTITION ... CONCURRENTLY` (PostgreSQL 14+) leaves a CHECK constraint
    // copying the partition bound on the table, named by PostgreSQL, which the plan would have to
    // guess to drop; it cannot run in a transaction, nor at all when the parent has a default
    // partition, and an interrupted one leaves the partition half-detached (`FINALIZE`).
    if (c.partitionOf !== null) b.add(Phase.detachPartitions, detachPartition(c.partitionOf.parent, d));
    if (d.partitionOf !== null)
      b.add(Phase.alterTables, attachPartition(d.partitionOf.parent, d, d.partitionOf.bound));
  }
  const { removed, added } = parentChanges(c, d);
  // NO INHERIT first: what the child had from the parent becomes its own, to drop or keep.
  for (const p of removed) b.add(Phase.dropForeignKeys, dropInherit(d, p));
  if (c.unlogged !== d.unlogged) b.add(Phase.alterTables, setTableLogged(d, d.unlogged));
  if (!same(c.options, d.options)) {
    const set: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.options)) if (c.options[k] !== v) set[k] = v;
    const reset = Object.keys(c.options).filter((k) => !(k in d.options));
    b.add(Phase.alterTables, setTableOptions(d, { set, reset }));
  }
  if (c.rowSecurity !== d.rowSecurity) b.add(Phase.alterTables, setRowSecurity(d, d.rowSecurity));
  if (c.forceRowSecurity !== d.forceRowSecurity)
    b.add(Phase.alterTables, setForceRowSecurity(d, d.forceRowSecurity));
  if (c.comment !== d.comment)
    b.add(Phase.comments, setComment({ objectKind: 'table', object: d }, d.comment));
  diffColumns(b, c, d);
  const child = childConstraints(b, c, d);
  diffConstraints(b, child.current, child.desired);
  // INHERIT last: PostgreSQL requires the child to have the parent's columns and checks already.
  for (const p of added) b.add(Phase.addConstraints, addInherit(d, p));
  diffPolicies(b, c, d);
  diffTableStorage(b, c, d);
}

/** A dropped and a created table with the same definition but the name: a rename without a hint. */
function noteLikelyRenames(b: Builder, dropped: readonly Table[], created: readonly Table[]): void {
  if (dropped.length === 0 || created.length === 0) return;
  const shape = (t: Table): string => JSON.stringify([t.schema, t.columns, t.partitionBy, t.unlogged]);
  const byShape = new Map(dropped.map((t) => [shape(t), t]));
  for (const t of created) {
    const twin = byShape.get(shape(t));
    if (twin === undefined) continue;
    b.note(
      'possible-rename',
      `table ${quoteQualified(twin)} is dropped and ${quoteQualified(t)} created with the same columns; if it is a rename, pass a rename hint { kind: 'table', schema: '${t.schema}', from: '${twin.name}', to: '${t.name}' }`,
    );
  }
}

function referencesDroppedKey(b: Builder, t: Table): boolean {
  if (b.droppedKeys.size === 0) return false;
  return t.constraints.some(
    (c) =>
      c.kind === 'foreignKey' &&
      b.droppedKeys.has(`${qkey(c.references.table)}\u0000${c.references.columns.join('\u0000')}`),
  );
}

/** The dropped partitions of each partitioned table, by the parent's key. */
function partitionsByParent(tables: readonly Table[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const t of tables) {
    if (t.partitionOf === null) continue;
    const parent = qkey(t.partitionOf.parent);
    map.set(parent, [...(map.get(parent) ?? []), qkey(t)]);
  }
  return map;
}

/** A table's key with the keys of its partitions, at every level. */
function withPartitions(key: string, partitions: ReadonlyMap<string, readonly string[]>): string[] {
  const out = [key];
  for (let i = 0; i < out.length; i++) out.push(...(partitions.get(out[i] ?? '') ?? []));
  return out;
}
