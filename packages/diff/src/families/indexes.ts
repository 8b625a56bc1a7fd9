import {
  createIndex,
  dropIndex,
  type Index,
  objectRef,
  setComment,
  setIndexOptions,
} from '@justscale/schema';
import { type Builder, Phase } from '../context.js';
import { qkey, same, sameExcept, tkey } from '../util.js';
import { createOnPartitioned, keptOnDetach, nameSource, sameDefinition } from './partition-indexes.js';

/**
 * Indexes: changed ones dropped and created again (options alone are altered in place). Online,
 * indexes on existing plain tables are built and dropped `CONCURRENTLY`, outside a transaction, and
 * an index on an existing partitioned table with partitions is built partition by partition (see
 * `createOnPartitioned`). Dropping one online stays a plain `DROP INDEX`: PostgreSQL has no
 * `DROP INDEX CONCURRENTLY` for a partitioned table and does not let a partition's attached index
 * go on its own; the drop is quick but takes an ACCESS EXCLUSIVE lock on the parent and every
 * partition (bounded by `lock_timeout`). Indexes of a dropped table or a recreated materialized
 * view go with it and come back with it. A partition the plan detaches keeps its copies of the
 * parent's indexes as its own (`keptOnDetach`): they are compared with what the table wants like
 * any other index, and dropped after the detach if it wants none.
 */
export function diffIndexes(b: Builder): void {
  const des = new Map(b.desired.indexes.map((i) => [qkey(i), i]));
  const desiredTables = new Map(b.desired.tables.map((t) => [qkey(t), t]));
  const desiredViews = new Set(b.desired.views.map(qkey));
  const tableOf = (i: Index): string => qkey({ schema: i.schema, name: i.table });
  const goneWithTable = (i: Index): boolean =>
    b.droppedTables.has(tableOf(i)) || b.droppedViews.has(tableOf(i));
  // An index on a recreated column, or whose predicate or expressions cast to a rebuilt enum or call
  // a recreated function (which would block the change), is dropped and created again.
  const onRecreatedColumn = (i: Index): boolean =>
    i.keys.some(
      (k) => k.column !== null && b.recreatedColumns.has(tkey({ schema: i.schema, name: i.table }, k.column)),
    ) || b.dependsOnRecreated(objectRef('index', i.schema, i.name));
  // The current indexes with those a detached partition keeps: a parent index it was attached to
  // survives until the detach unless the plan drops it (index drops come before detaches).
  const kept = keptOnDetach(
    b,
    (p) =>
      !goneWithTable(p) &&
      (onRecreatedColumn(p) ||
        !(des.get(qkey(p)) !== undefined && sameExcept(p, des.get(qkey(p)) as Index, 'comment', 'options'))),
  );
  const keptKeys = new Set(kept.map(qkey));
  const currentIndexes = [...b.current.indexes, ...kept];
  const cur = new Map(currentIndexes.map((i) => [qkey(i), i]));
  const concurrently = (i: Index): boolean => {
    if (!b.options.online) return false;
    const t = desiredTables.get(tableOf(i));
    return t !== undefined && !b.createdTables.has(tableOf(i)) && t.partitionBy === null;
  };
  // Online, on an existing partitioned table: partition by partition.
  const partitioned = (i: Index): boolean => {
    if (!b.options.online || b.createdTables.has(tableOf(i))) return false;
    return (desiredTables.get(tableOf(i))?.partitionBy ?? null) !== null;
  };
  const names = nameSource(b.current, b.desired);
  const create = (i: Index, local: readonly Index[]): void => {
    if (partitioned(i) && createOnPartitioned(b, i, local, names)) return;
    const phase = desiredViews.has(tableOf(i)) ? Phase.createViewIndexes : Phase.createIndexes;
    b.add(phase, createIndex(i, { concurrently: concurrently(i) }));
  };
  const createdIndexes = new Set(
    b.desired.indexes
      .filter((i) => {
        const c = cur.get(qkey(i));
        return (
          c === undefined ||
          goneWithTable(c) ||
          onRecreatedColumn(c) ||
          !sameExcept(i, c, 'comment', 'options')
        );
      })
      .map(qkey),
  );
  const adopted = adoptedByParent(b, createdIndexes, currentIndexes);
  const local = currentIndexes.filter((i) => adopted.has(qkey(i)));
  const unchanged = new Set<string>();
  for (const i of currentIndexes) {
    const k = qkey(i);
    const d = des.get(k);
    if (d !== undefined && b.unchangedTables.has(tableOf(i)) && same(i, d) && !onRecreatedColumn(i)) {
      unchanged.add(k);
      continue;
    }
    if (goneWithTable(i) || adopted.has(k)) continue;
    if (d !== undefined && sameExcept(i, d, 'comment', 'options') && !onRecreatedColumn(i)) continue;
    // A kept index is attached until its table is detached: it can only be dropped after that.
    const phase = keptKeys.has(k) ? Phase.detachPartitions : Phase.dropIndexes;
    b.add(phase, dropIndex(i, { concurrently: concurrently(i) }));
  }
  for (const i of b.desired.indexes) {
    if (unchanged.has(qkey(i))) continue;
    const c = cur.get(qkey(i));
    if (
      c === undefined ||
      goneWithTable(c) ||
      onRecreatedColumn(c) ||
      !sameExcept(i, c, 'comment', 'options')
    ) {
      create(i, local);
      continue;
    }
    if (!same(c.options, i.options)) {
      const set: Record<string, string> = {};
      for (const [k, v] of Object.entries(i.options)) if (c.options[k] !== v) set[k] = v;
      const reset = Object.keys(c.options).filter((k) => !(k in i.options));
      b.add(Phase.createIndexes, setIndexOptions(i, { set, reset }));
    }
    if (c.comment !== i.comment)
      b.add(Phase.comments, setComment({ objectKind: 'index', object: i }, i.comment));
  }
}

/**
 * A partition's own index that PostgreSQL attaches to its parent's index (and leaves out of the
 * snapshot, see introspection) when the plan creates that parent index or attaches the table as a
 * partition: `CREATE INDEX` on a partitioned table and `ATTACH PARTITION` adopt a matching index
 * instead of building another. Such an index is not dropped: PostgreSQL keeps it, attached.
 */
function adoptedByParent(
  b: Builder,
  createdIndexes: ReadonlySet<string>,
  currentIndexes: readonly Index[],
): Set<string> {
  const adopted = new Set<string>();
  const desIdx = new Set(b.desired.indexes.map(qkey));
  const cur = new Map(b.current.tables.map((t) => [qkey(t), t]));
  for (const t of b.desired.tables) {
    const parent = t.partitionOf?.parent;
    const before = cur.get(qkey(t));
    if (parent === undefined || before === undefined || b.createdTables.has(qkey(t))) continue;
    const attached = before.partitionOf !== null && qkey(before.partitionOf.parent) === qkey(parent);
    const own = currentIndexes.filter(
      (i) => i.schema === t.schema && i.table === t.name && !desIdx.has(qkey(i)),
    );
    for (const p of b.desired.indexes) {
      if (p.schema !== parent.schema || p.table !== parent.name) continue;
      // Adopted when the parent index is new, or when the table becomes this parent's partition.
      if (attached && !createdIndexes.has(qkey(p))) continue;
      const match = own.find((i) => !adopted.has(qkey(i)) && sameDefinition(i, p));
      if (match !== undefined) adopted.add(qkey(match));
    }
  }
  return adopted;
}
