import {
  type Dependency,
  type Index,
  type ObjectRef,
  objectRef,
  type QualifiedName,
  refKey,
  type Snapshot,
  type Table,
  type TypeRef,
} from '@justscale/schema';
import { qkey, same } from '../util.js';
import { guessDependencies } from './guesses.js';
import { indexObjects, type ObjectIndex } from './objects.js';

/**
 * What each object of one side of a plan depends on, as data: the dependencies PostgreSQL recorded
 * when the snapshot was read from a database. A snapshot with none recorded (built from models, as
 * the `after` of a generated migration, whose `down` is `diff(after, before)`) gets them from three
 * sources, most certain first:
 * - **carried over**: an object that is the same in the other snapshot (read from the database)
 *   depends on what PostgreSQL recorded there, where that still exists;
 * - **structural**: what the snapshot's data says without reading SQL text: a column on its type
 *   and collation, a key, foreign key or index on its columns (a foreign key also on the referenced
 *   columns and the key that backs them), a default on its column, a trigger on its table and routine, a policy or rule on
 *   its table, a sequence on the column that owns it, a domain or composite attribute on its type,
 *   a partition or child on its parents;
 * - **guessed** from expression text (`guesses.ts`), for the objects not carried over: soft.
 */
export class Dependencies {
  /** Recorded, carried over, or structural: edges the plan must respect. */
  readonly hard: readonly Dependency[];
  /** Guessed from expression text: edges the plan respects unless they close a cycle. */
  readonly guessed: readonly Dependency[];
  #on: Map<string, ObjectRef[]> | undefined;

  constructor(hard: readonly Dependency[], guessed: readonly Dependency[]) {
    this.hard = hard;
    this.guessed = guessed;
  }

  /** What `from` depends on directly (hard and guessed). */
  on(from: ObjectRef): readonly ObjectRef[] {
    if (this.#on === undefined) {
      // Built on first use: many plans never ask.
      const map = new Map<string, ObjectRef[]>();
      for (const list of [this.hard, this.guessed]) {
        for (const d of list) {
          const k = refKey(d.from);
          const known = map.get(k);
          if (known === undefined) map.set(k, [d.on]);
          else known.push(d.on);
        }
      }
      this.#on = map;
    }
    return this.#on.get(refKey(from)) ?? [];
  }

  /** Every dependency, hard then guessed. */
  get all(): readonly Dependency[] {
    return [...this.hard, ...this.guessed];
  }
}

/**
 * The dependencies of `s`: its recorded ones, or else those carried over from `other`, structural
 * and guessed (see `Dependencies`).
 *
 * @example
 * const after = dependenciesOf(fromModels, introspected); // carried, structural, guessed
 * after.on(objectRef('default', 'public', 'users', { column: 'id' })); // [{ kind: 'sequence', ... }]
 */
export function dependenciesOf(s: Snapshot, other: Snapshot): Dependencies {
  if (s.dependencies !== undefined) return new Dependencies(s.dependencies, []);
  const mine = indexObjects(s);
  const unchanged = new Set<string>();
  const carried: Dependency[] = [];
  if (other.dependencies !== undefined) {
    const theirs = indexObjects(other);
    for (const [k, { ref, definition }] of mine.entries()) {
      const there = theirs.get(ref);
      if (there !== undefined && same(definition, there)) unchanged.add(k);
    }
    // A view's column stands or falls with its view (the snapshot does not list a view's columns).
    const owner = (r: ObjectRef): ObjectRef =>
      r.kind === 'column' && mine.get(r) === undefined ? objectRef('view', r.schema, r.name) : r;
    const broken = new Set<string>();
    for (const d of other.dependencies) {
      const k = refKey(owner(d.from));
      if (!unchanged.has(k)) continue;
      if (mine.has(d.on)) carried.push(d);
      // What it needs is gone or renamed (a routine whose parameters were renamed): its edges are
      // guessed too, so that it finds the new object (the ones carried still hold).
      else broken.add(k);
    }
    for (const k of broken) unchanged.delete(k);
  }
  const structural = structuralDependencies(s, mine);
  const hard = carried.length === 0 ? structural : dedupe([...carried, ...structural]);
  const guessed = guessDependencies(s, (r) => unchanged.size > 0 && unchanged.has(refKey(r)));
  return new Dependencies(hard, dedupe(guessed));
}

function dedupe(list: readonly Dependency[]): Dependency[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = `${refKey(d.from)}\u0001${refKey(d.on)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The dependencies a snapshot's data states without SQL text (see `Dependencies`), between objects
 * the snapshot has.
 */
export function structuralDependencies(s: Snapshot, index: ObjectIndex = indexObjects(s)): Dependency[] {
  const out: Dependency[] = [];
  const add = (from: ObjectRef, on: ObjectRef | null): void => {
    if (on !== null && index.has(on)) out.push(Object.freeze({ from, on }));
  };
  // What the snapshot lists itself (a table's own column) needs no look-up.
  const own = (from: ObjectRef, on: ObjectRef): void => {
    out.push(Object.freeze({ from, on }));
  };
  const column = (t: QualifiedName, c: string): ObjectRef =>
    objectRef('column', t.schema, t.name, { column: c });
  const typeOf = (t: TypeRef | QualifiedName): ObjectRef | null => {
    // Built-in types are not the snapshot's.
    if (t.schema === 'pg_catalog') return null;
    const asType = objectRef('type', t.schema, t.name);
    if (index.has(asType)) return asType;
    // A table's or view's row type is the relation.
    const asTable = objectRef('table', t.schema, t.name);
    return index.has(asTable) ? asTable : objectRef('view', t.schema, t.name);
  };
  const tables = new Map(s.tables.map((t) => [qkey(t), t]));
  const indexesOf = new Map<string, Index[]>();
  for (const i of s.indexes) {
    const k = qkey({ schema: i.schema, name: i.table });
    const list = indexesOf.get(k);
    if (list === undefined) indexesOf.set(k, [i]);
    else list.push(i);
  }
  const collation = (c: QualifiedName | null): ObjectRef | null =>
    c === null ? null : objectRef('collation', c.schema, c.name);
  for (const t of s.tables) {
    const self = objectRef('table', t.schema, t.name);
    for (const p of [...t.inherits, ...(t.partitionOf === null ? [] : [t.partitionOf.parent])]) {
      add(self, objectRef('table', p.schema, p.name));
    }
    for (const c of t.columns) {
      if (c.type.schema !== 'pg_catalog') add(column(t, c.name), typeOf(c.type));
      if (c.collation !== null) add(column(t, c.name), collation(c.collation));
      if (c.default !== null)
        own(objectRef('default', t.schema, t.name, { column: c.name }), column(t, c.name));
    }
    for (const k of t.constraints) {
      const from = objectRef('constraint', t.schema, k.name, { table: t.name });
      if (k.kind === 'check' || k.kind === 'exclusion') continue;
      for (const c of k.columns) own(from, column(t, c));
      if (k.kind !== 'foreignKey') continue;
      const target = k.references.table;
      for (const c of k.references.columns) add(from, column(target, c));
      add(from, keyOf(tables, indexesOf, target, k.references.columns));
    }
    for (const p of t.policies) add(objectRef('policy', t.schema, p.name, { table: t.name }), self);
  }
  for (const i of s.indexes) {
    const from = objectRef('index', i.schema, i.name);
    const table = { schema: i.schema, name: i.table };
    for (const k of i.keys) {
      if (k.column !== null) add(from, column(table, k.column));
      add(from, collation(k.collation));
    }
    for (const c of i.include) add(from, column(table, c));
  }
  for (const t of s.triggers) {
    const from = objectRef('trigger', t.schema, t.name, { table: t.table });
    add(from, relation(index, { schema: t.schema, name: t.table }));
    add(from, objectRef('function', t.function.schema, t.function.name, { arguments: '' }));
  }
  for (const r of s.rules ?? []) {
    add(
      objectRef('rule', r.schema, r.name, { table: r.table }),
      relation(index, { schema: r.schema, name: r.table }),
    );
  }
  for (const q of s.sequences) {
    if (q.ownedBy !== null)
      add(objectRef('sequence', q.schema, q.name), column(q.ownedBy.table, q.ownedBy.column));
  }
  for (const d of s.domains) {
    const from = objectRef('type', d.schema, d.name);
    add(from, typeOf(d.type));
    add(from, collation(d.collation));
  }
  for (const c of s.compositeTypes) {
    const from = objectRef('type', c.schema, c.name);
    for (const a of c.attributes) {
      add(from, typeOf(a.type));
      add(from, collation(a.collation));
    }
  }
  return out;
}

const relation = (index: ObjectIndex, t: QualifiedName): ObjectRef => {
  const table = objectRef('table', t.schema, t.name);
  return index.has(table) ? table : objectRef('view', t.schema, t.name);
};

/** The key (primary key or unique constraint, else unique index) a foreign key's columns reference. */
function keyOf(
  tables: ReadonlyMap<string, Table>,
  indexes: ReadonlyMap<string, readonly Index[]>,
  t: QualifiedName,
  columns: readonly string[],
): ObjectRef | null {
  const wanted = [...columns].sort();
  const k = tables
    .get(qkey(t))
    ?.constraints.find(
      (c) => (c.kind === 'primaryKey' || c.kind === 'unique') && same([...c.columns].sort(), wanted),
    );
  if (k !== undefined) return objectRef('constraint', t.schema, k.name, { table: t.name });
  const i = (indexes.get(qkey(t)) ?? []).find(
    (x) => x.unique && x.where === null && same(x.keys.map((y) => y.column).sort(), wanted),
  );
  return i === undefined ? null : objectRef('index', i.schema, i.name);
}
