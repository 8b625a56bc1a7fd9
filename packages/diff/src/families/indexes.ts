import { createIndex, dropIndex, type Index, setComment, setIndexOptions } from '@justscale/schema';
import { type Builder, Phase } from '../context.js';
import { qkey, same, sameExcept, tkey } from '../util.js';

/**
 * Indexes: changed ones dropped and created again (options alone are altered in place). Online,
 * indexes on existing plain tables are built and dropped `CONCURRENTLY`, outside a transaction.
 * Indexes of a dropped table or a recreated materialized view go with it and come back with it.
 */
export function diffIndexes(b: Builder): void {
  const cur = new Map(b.current.indexes.map((i) => [qkey(i), i]));
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
    ) ||
    b.dependsOnRecreated(i.where, ...i.keys.map((k) => k.expression)) ||
    b.dependsOnRecreated(
      des.get(qkey(i))?.where ?? null,
      ...(des.get(qkey(i))?.keys ?? []).map((k) => k.expression),
    );
  const concurrently = (i: Index): boolean => {
    if (!b.options.online) return false;
    const t = desiredTables.get(tableOf(i));
    return t !== undefined && !b.createdTables.has(tableOf(i)) && t.partitionBy === null;
  };
  const create = (i: Index): void => {
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
  const adopted = adoptedByParent(b, createdIndexes);
  const unchanged = new Set<string>();
  for (const i of b.current.indexes) {
    const k = qkey(i);
    const d = des.get(k);
    if (d !== undefined && b.unchangedTables.has(tableOf(i)) && same(i, d) && !onRecreatedColumn(i)) {
      unchanged.add(k);
      continue;
    }
    if (goneWithTable(i) || adopted.has(k)) continue;
    if (d !== undefined && sameExcept(i, d, 'comment', 'options') && !onRecreatedColumn(i)) continue;
    b.add(Phase.dropIndexes, dropIndex(i, { concurrently: concurrently(i) }));
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
      create(i);
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
function adoptedByParent(b: Builder, createdIndexes: ReadonlySet<string>): Set<string> {
  const adopted = new Set<string>();
  const desIdx = new Set(b.desired.indexes.map(qkey));
  const cur = new Map(b.current.tables.map((t) => [qkey(t), t]));
  for (const t of b.desired.tables) {
    const parent = t.partitionOf?.parent;
    const before = cur.get(qkey(t));
    if (parent === undefined || before === undefined || b.createdTables.has(qkey(t))) continue;
    const attached = before.partitionOf !== null && qkey(before.partitionOf.parent) === qkey(parent);
    const own = b.current.indexes.filter(
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

/** Two indexes PostgreSQL counts as the same for attaching: all but name, table, options, comment. */
function sameDefinition(a: Index, b: Index): boolean {
  return sameExcept(
    { ...a, schema: '', name: '', table: '' },
    { ...b, schema: '', name: '', table: '' },
    'comment',
    'options',
  );
}
