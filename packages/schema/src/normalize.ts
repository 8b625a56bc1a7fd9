import { type Dependency, type ObjectRef, refKey } from './dependencies.js';
import { deepFreeze } from './freeze.js';
import type { Column, ColumnStorage, Constraint, QualifiedName, Snapshot, Table } from './snapshot.js';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A node that is frozen already is reused as it is when it is already in canonical form, so that
 * normalising an introspected (or already normalised) snapshot copies nothing. A node that is not
 * frozen is copied, as before: the caller's mutable objects are never frozen in place.
 */
const reusable = (o: object): boolean => Object.isFrozen(o);

/**
 * A copy of `o` with `overrides` applied and `drop` left out, built key by key. Not `{ ...o }`:
 * V8 gives every frozen object spread-cloned that way a map of its own (about 300 bytes each).
 */
function copy<T extends object>(o: T, overrides: Partial<T> = {}, drop: readonly string[] = []): T {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    if (!drop.includes(k)) out[k] = (o as Record<string, unknown>)[k];
  }
  for (const k of Object.keys(overrides)) out[k] = (overrides as Record<string, unknown>)[k];
  return out as T;
}

/**
 * `items` sorted by `key`: the same array when it is frozen and sorted already. The check builds each
 * key once and keeps only the last; a list that must be sorted has its keys built once, not in the
 * comparator (a composite key is a new string: n log n of them).
 */
function sortBy<T>(items: readonly T[], key: (item: T) => string): readonly T[] {
  if (items.length === 0) return reusable(items) ? items : [];
  if (reusable(items)) {
    let sorted = true;
    let previous = key(items[0]!);
    for (let i = 1; i < items.length && sorted; i++) {
      const k = key(items[i]!);
      sorted = byString(previous, k) <= 0;
      previous = k;
    }
    if (sorted) return items;
  }
  const keys = items.map(key);
  // Indices break ties, as the stable sort of the items themselves did.
  const order = keys.map((_, i) => i).sort((a, b) => byString(keys[a]!, keys[b]!) || a - b);
  return order.map((i) => items[i]!);
}

/** `items` sorted by `compare`: the same array when it is frozen and sorted already. */
function sortWith<T>(items: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  if (reusable(items)) {
    let sorted = true;
    for (let i = 1; i < items.length && sorted; i++) sorted = compare(items[i - 1]!, items[i]!) <= 0;
    if (sorted) return items;
  }
  return [...items].sort(compare);
}

const dependencyKey = (d: Dependency): string => `${refKey(d.from)}\u0001${refKey(d.on)}`;

/**
 * Dependencies in the order of `dependencyKey`, compared field by field without building it (tens
 * of thousands of edges in a large schema: their keys were most of the time and memory of sorting
 * them). Fields hold no NUL, so where two references first differ their fields compare as their
 * keys do; the one exception is a `from` whose arguments are a prefix of the other's (the key then
 * compares `\u0001` with the next character), compared by the keys themselves.
 */
function compareDependencies(a: Dependency, b: Dependency): number {
  const from = compareRefs(a.from, b.from);
  if (from === PREFIX_ARGUMENTS) return byString(dependencyKey(a), dependencyKey(b));
  if (from !== 0) return from;
  const on = compareRefs(a.on, b.on);
  return on === PREFIX_ARGUMENTS ? byString(dependencyKey(a), dependencyKey(b)) : on;
}

const PREFIX_ARGUMENTS = 2;

/** `byString(refKey(a), refKey(b))`, or `PREFIX_ARGUMENTS` when only the arguments differ and one is a prefix of the other. */
function compareRefs(a: ObjectRef, b: ObjectRef): number {
  if (a === b) return 0;
  const c =
    byString(a.kind, b.kind) ||
    byString(a.schema, b.schema) ||
    byString(a.name, b.name) ||
    byString(a.table ?? '', b.table ?? '') ||
    byString(a.column ?? '', b.column ?? '');
  if (c !== 0) return c;
  const x = a.arguments ?? '';
  const y = b.arguments ?? '';
  if (x === y) return 0;
  return x.startsWith(y) || y.startsWith(x) ? PREFIX_ARGUMENTS : byString(x, y);
}

/**
 * `items.map(f)`, or `items` itself when it is frozen and `f` returned every item unchanged (no
 * array is built until an item changes).
 */
function mapSame<T>(items: readonly T[], f: (item: T) => T): readonly T[] {
  if (!reusable(items)) return items.map(f);
  for (let i = 0; i < items.length; i++) {
    const x = f(items[i]!);
    if (x !== items[i]) {
      const out = items.slice(0, i);
      out.push(x);
      for (let j = i + 1; j < items.length; j++) out.push(f(items[j]!));
      return out;
    }
  }
  return items;
}

const sortStrings = (items: readonly string[]): readonly string[] => sortBy(items, (s) => s);

const qn = (o: QualifiedName): string => `${o.schema}\u0000${o.name}`;

function sortKeys<V>(record: Readonly<Record<string, V>>): Readonly<Record<string, V>> {
  const keys = Object.keys(record);
  if (reusable(record) && keys.every((k, i) => i === 0 || byString(keys[i - 1]!, k) < 0)) return record;
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byString(a, b)));
}

/** `notValid: false` is the same as no `notValid`: the canonical form leaves it out. */
function withoutValid(c: Constraint): Constraint {
  const drop = [
    ...('notValid' in c && c.notValid !== true ? ['notValid'] : []),
    // No comment on a constraint's index is the same as none.
    ...('indexComment' in c && (c.indexComment === undefined || c.indexComment === null)
      ? ['indexComment']
      : []),
  ];
  if (drop.length === 0) return reusable(c) ? c : copy(c);
  return copy(c, {}, drop);
}

type Defaults = Readonly<Record<string, (v: unknown) => boolean>>;

/**
 * Optional states at their default are left out, so a snapshot that never sets them compares equal.
 * `overrides` replace fields; the node itself comes back when it is frozen and nothing changes.
 */
function withoutDefaults<T extends object>(o: T, defaults: Defaults, overrides: Partial<T> = {}): T {
  const record = o as Record<string, unknown>;
  let drop: string[] | null = null;
  for (const k in defaults) {
    if (!(k in record)) continue;
    const v = record[k];
    if (v !== undefined && !defaults[k]!(v)) continue;
    if (drop === null) drop = [k];
    else drop.push(k);
  }
  let changed = false;
  for (const k in overrides) {
    if ((overrides as Record<string, unknown>)[k] !== record[k]) {
      changed = true;
      break;
    }
  }
  if (drop === null && !changed && reusable(o)) return o;
  return copy(o, overrides, drop ?? []);
}

// The defaults of each kind of node, built once rather than per node.
const TABLE_DEFAULTS: Defaults = {
  replicaIdentity: (v) => v === 'DEFAULT',
  clusterOn: (v) => v === null,
};
const COLUMN_DEFAULTS: Defaults = {
  inherited: (v) => v === false,
  statistics: (v) => v === -1 || v === null,
  storage: (v) => v === null || (v as ColumnStorage).mode === (v as ColumnStorage).typeDefault,
  compression: (v) => v === null,
};
const NO_DEFAULTS: Defaults = {};
const SEQUENCE_DEFAULTS: Defaults = { unlogged: (v) => v === false };
const VIEW_DEFAULTS: Defaults = { options: (o) => Object.keys(o as object).length === 0 };
const FUNCTION_DEFAULTS: Defaults = { sqlStandard: (v) => v === false };

const normalizeColumn = (c: Column): Column => withoutDefaults(c, COLUMN_DEFAULTS);
const byName = (x: { readonly name: string }): string => x.name;

function normalizeTable(t: Table): Table {
  return withoutDefaults(t, TABLE_DEFAULTS, {
    // Column order is meaningful (it is the table's attribute order): kept as is.
    columns: mapSame(t.columns, normalizeColumn),
    constraints: mapSame(sortBy(t.constraints, byName), withoutValid),
    policies: mapSame(sortBy(t.policies, byName), (p) =>
      withoutDefaults(p, NO_DEFAULTS, { roles: sortStrings(p.roles) }),
    ),
    options: sortKeys(t.options),
  });
}

/** What `normalizeSnapshot` returned: frozen and canonical, so normalising it again gives it back. */
const canonical = new WeakSet<Snapshot>();

/**
 * The canonical form of a snapshot: every keyed list sorted by its key, unordered sets sorted,
 * record keys sorted. Order that PostgreSQL gives meaning to (columns, enum values, index keys,
 * function arguments) is kept. The result is frozen.
 */
export function normalizeSnapshot(s: Snapshot): Snapshot {
  if (canonical.has(s)) return s;
  const dependencies =
    s.dependencies === undefined ? {} : { dependencies: sortWith(s.dependencies, compareDependencies) };
  const { collations, rules, ...rest } = s;
  const out: Snapshot = deepFreeze({
    // Lists this function does not know yet are kept as they are rather than lost.
    ...rest,
    ...dependencies,
    // Optional lists: absent when empty, so that snapshots that never had them compare equal.
    ...(collations !== undefined && collations.length > 0 ? { collations: sortBy(collations, qn) } : {}),
    ...(rules !== undefined && rules.length > 0
      ? { rules: sortBy(rules, (r) => `${r.schema}\u0000${r.table}\u0000${r.name}`) }
      : {}),
    schemas: sortBy(s.schemas, byName),
    extensions: sortBy(s.extensions, byName),
    enums: sortBy(s.enums, qn),
    domains: mapSame(sortBy(s.domains, qn), (d) =>
      withoutDefaults(d, NO_DEFAULTS, { checks: sortBy(d.checks, byName) }),
    ),
    compositeTypes: sortBy(s.compositeTypes, qn),
    sequences: mapSame(sortBy(s.sequences, qn), (q) => withoutDefaults(q, SEQUENCE_DEFAULTS)),
    tables: mapSame(sortBy(s.tables, qn), normalizeTable),
    indexes: mapSame(sortBy(s.indexes, qn), (i) =>
      withoutDefaults(i, NO_DEFAULTS, { options: sortKeys(i.options) }),
    ),
    views: mapSame(sortBy(s.views, qn), (v) =>
      withoutDefaults(v, VIEW_DEFAULTS, {
        columnComments: sortKeys(v.columnComments),
        ...(v.options !== undefined && Object.keys(v.options).length > 0
          ? { options: sortKeys(v.options) }
          : {}),
      }),
    ),
    functions: mapSame(
      sortBy(s.functions, (f) => `${qn(f)}\u0000${f.identityArguments}`),
      (f) => withoutDefaults(f, FUNCTION_DEFAULTS, { config: sortStrings(f.config) }),
    ),
    triggers: sortBy(s.triggers, (t) => `${t.schema}\u0000${t.table}\u0000${t.name}`),
    grants: mapSame(
      sortBy(
        s.grants,
        (g) =>
          `${g.objectKind}\u0000${qn(g.object)}\u0000${g.object.arguments ?? ''}\u0000${g.grantee}\u0000${g.grantable}`,
      ),
      (g) => withoutDefaults(g, NO_DEFAULTS, { privileges: sortStrings(g.privileges) }),
    ),
  });
  canonical.add(out);
  return out;
}

/** JSON with object keys sorted, so that equal values serialise to identical text. */
export function stableStringify(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v) ? sortKeys(v as Record<string, unknown>) : v,
    indent,
  );
}

/**
 * The snapshot without its recorded dependencies: what equality and hashes compare. Dependencies
 * are derived from the objects by PostgreSQL, and a models snapshot has none.
 *
 * @example
 * stableStringify(objectsOnly(await introspect(driver)));
 */
export function objectsOnly(s: Snapshot): Snapshot {
  if (s.dependencies === undefined) return s;
  const { dependencies: _, ...objects } = s;
  if (!canonical.has(s)) return objects;
  // Leaving a list out of a canonical snapshot leaves it canonical: no need to normalise it again.
  const out = Object.freeze(objects);
  canonical.add(out);
  return out;
}

/** Structural equality of two snapshots' objects, after normalisation (dependencies are not compared). */
export function snapshotsEqual(a: Snapshot, b: Snapshot): boolean {
  return (
    stableStringify(normalizeSnapshot(objectsOnly(a))) === stableStringify(normalizeSnapshot(objectsOnly(b)))
  );
}

/**
 * The snapshot with each table's columns in name order, for comparisons where column order does
 * not count: PostgreSQL cannot put a column back where it was, so a `down` that re-adds a dropped
 * column appends it.
 *
 * @example
 * snapshotsEqual(columnsByName(afterDown), columnsByName(before)); // true when only the order differs
 */
export function columnsByName(snapshot: Snapshot): Snapshot {
  return {
    ...snapshot,
    tables: snapshot.tables.map((t) => ({
      ...t,
      columns: [...t.columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    })),
  };
}
