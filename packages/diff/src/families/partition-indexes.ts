import {
  attachIndex,
  createIndex,
  type Index,
  type QualifiedName,
  type Snapshot,
  type Table,
} from '@justscale/schema';
import { type Builder, Phase } from '../context.js';
import { qkey, sameExcept } from '../util.js';

/**
 * A partition's index attached to its parent's index. The snapshot's `indexes` leave these out
 * (PostgreSQL makes and names them); introspection records them as dependencies (deptypes `P` and
 * `S` in `pg_depend`), which is where a plan that detaches the partition finds the index the
 * table keeps as its own.
 */
export interface PartitionIndex extends QualifiedName {
  readonly table: string;
  /** The parent's index it is attached to. */
  readonly parent: QualifiedName;
}

/** The attached partition indexes a snapshot's recorded dependencies name (none for models). */
export function partitionIndexes(s: Snapshot): PartitionIndex[] {
  const parents = new Map<string, QualifiedName>();
  const tables = new Map<string, string>();
  for (const d of s.dependencies ?? []) {
    if (d.from.kind !== 'index') continue;
    if (d.on.kind === 'index') parents.set(qkey(d.from), { schema: d.on.schema, name: d.on.name });
    else if (d.on.kind === 'table' && d.on.schema === d.from.schema) tables.set(qkey(d.from), d.on.name);
  }
  const out: PartitionIndex[] = [];
  for (const [key, parent] of parents) {
    const table = tables.get(key);
    const ref = s.dependencies?.find((d) => d.from.kind === 'index' && qkey(d.from) === key)?.from;
    if (table === undefined || ref === undefined) continue;
    out.push({ schema: ref.schema, name: ref.name, table, parent });
  }
  return out;
}

/**
 * The indexes a partition keeps as its own when the plan detaches it (or moves it to another
 * parent): a copy of each parent index it was attached to, under the partition index's name, unless
 * `droppedFirst` says the plan drops that parent index before the detach (which drops the
 * partition's copy with it). A partition the plan drops or recreates keeps nothing.
 */
export function keptOnDetach(b: Builder, droppedFirst: (parentIndex: Index) => boolean): Index[] {
  const desired = new Map(b.desired.tables.map((t) => [qkey(t), t]));
  const parentIndexes = new Map(b.current.indexes.map((i) => [qkey(i), i]));
  const kept: Index[] = [];
  for (const p of partitionIndexes(b.current)) {
    const table = { schema: p.schema, name: p.table };
    const before = b.current.tables.find((t) => qkey(t) === qkey(table));
    const after = desired.get(qkey(table));
    if (before?.partitionOf == null || after === undefined || b.droppedTables.has(qkey(table))) continue;
    if (after.partitionOf !== null && qkey(after.partitionOf.parent) === qkey(before.partitionOf.parent))
      continue;
    const parent = parentIndexes.get(qkey(p.parent));
    if (parent === undefined || droppedFirst(parent)) continue;
    kept.push({ ...parent, schema: p.schema, name: p.name, table: p.table, comment: null });
  }
  return kept;
}

/** Two indexes PostgreSQL counts as the same for attaching: all but name, table, options, comment. */
export function sameDefinition(a: Index, b: Index): boolean {
  return sameExcept(
    { ...a, schema: '', name: '', table: '' },
    { ...b, schema: '', name: '', table: '' },
    'comment',
    'options',
  );
}

/**
 * The online recipe for an index on a partitioned table that has partitions: a plain `CREATE
 * INDEX` on it would build every partition's index under a SHARE lock, blocking writes to all of
 * them. Instead: `CREATE INDEX ... ON ONLY parent` (the parent's index alone, invalid, built at
 * once), then for each partition `CREATE INDEX CONCURRENTLY` (outside a transaction) and `ALTER
 * INDEX parent_index ATTACH PARTITION partition_index`; the last attach makes the parent's index
 * valid. A partition's local index with the same definition (`local`, which `adoptedByParent` keeps)
 * is attached, not built again; a partition that is partitioned itself gets the recipe in turn.
 * Returns false (nothing added) when the table has no partitions: a plain `CREATE INDEX` on an
 * empty partitioned table builds nothing.
 */
export function createOnPartitioned(
  b: Builder,
  i: Index,
  local: readonly Index[],
  names: NameSource,
): boolean {
  const partitions = partitionsOf(b, { schema: i.schema, name: i.table });
  if (partitions.length === 0) return false;
  const used = new Set<string>();
  const recipe = (index: Index, parts: readonly Table[]): void => {
    b.add(Phase.createIndexes, createIndex(index, { only: true }));
    for (const p of parts) {
      const own = local.find(
        (l) => l.schema === p.schema && l.table === p.name && !used.has(qkey(l)) && sameDefinition(l, index),
      );
      if (own !== undefined) {
        used.add(qkey(own));
        b.add(Phase.createIndexes, attachIndex(index, own));
        continue;
      }
      const child: Index = {
        ...index,
        schema: p.schema,
        table: p.name,
        name: names.fresh(p, index),
        comment: null,
      };
      const grandchildren = partitionsOf(b, p);
      if (p.partitionBy !== null && grandchildren.length > 0) recipe(child, grandchildren);
      else b.add(Phase.createIndexes, createIndex(child, { concurrently: p.partitionBy === null }));
      b.add(Phase.createIndexes, attachIndex(index, child));
    }
  };
  recipe(i, partitions);
  return true;
}

function partitionsOf(b: Builder, parent: QualifiedName): Table[] {
  return b.desired.tables.filter(
    (t) => t.partitionOf !== null && qkey(t.partitionOf.parent) === qkey(parent),
  );
}

/** Names for the partition indexes a plan creates, as PostgreSQL would choose them. */
export interface NameSource {
  fresh(table: QualifiedName, index: Index): string;
}

const MAX = 63;

/** Clips `s` to `bytes` UTF-8 bytes without splitting a character. */
function clip(s: string, bytes: number): string {
  let out = '';
  let n = 0;
  for (const ch of s) {
    const len = Buffer.byteLength(ch);
    if (n + len > bytes) break;
    out += ch;
    n += len;
  }
  return out;
}

/**
 * PostgreSQL's `ChooseRelationName`: `table_columns_idx`, the longer part clipped to fit 63
 * bytes, and a number after `idx` until the name is free in the schema. Taken: every relation
 * name of both snapshots (tables, views, sequences, types, indexes, key constraints' indexes), the
 * partition indexes that exist now and the names this plan chose.
 */
export function nameSource(current: Snapshot, desired: Snapshot): NameSource {
  const taken = new Set<string>();
  const take = (schema: string, name: string): void => {
    taken.add(qkey({ schema, name }));
  };
  for (const s of [current, desired]) {
    for (const t of s.tables) {
      take(t.schema, t.name);
      for (const c of t.constraints)
        if (c.kind !== 'check' && c.kind !== 'foreignKey') take(t.schema, c.name);
    }
    for (const x of [...s.views, ...s.sequences, ...s.indexes, ...s.compositeTypes]) take(x.schema, x.name);
  }
  // The desired side's partition indexes are PostgreSQL's names for the very indexes the plan makes.
  for (const p of partitionIndexes(current)) take(p.schema, p.name);
  return {
    fresh(table, index) {
      const columns = index.keys.map((k) => k.column ?? 'expr').join('_');
      for (let pass = 0; ; pass++) {
        const label = pass === 0 ? 'idx' : `idx${pass}`;
        let a = Buffer.byteLength(table.name);
        let c = Buffer.byteLength(columns);
        const room = MAX - label.length - 2;
        while (a + c > room) {
          if (a > c) a--;
          else c--;
        }
        const name = `${clip(table.name, a)}_${clip(columns, c)}_${label}`;
        if (!taken.has(qkey({ schema: table.schema, name }))) {
          take(table.schema, name);
          return name;
        }
      }
    },
  };
}
