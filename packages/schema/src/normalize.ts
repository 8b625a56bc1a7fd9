import { refKey } from './dependencies.js';
import { deepFreeze } from './freeze.js';
import type { ColumnStorage, Constraint, QualifiedName, Snapshot, Table } from './snapshot.js';

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

/** `items` sorted by `key`: the same array when it is frozen and sorted already. */
function sortBy<T>(items: readonly T[], key: (item: T) => string): readonly T[] {
  if (reusable(items)) {
    let sorted = true;
    for (let i = 1; i < items.length && sorted; i++)
      sorted = byString(key(items[i - 1]!), key(items[i]!)) <= 0;
    if (sorted) return items;
  }
  return [...items].sort((a, b) => byString(key(a), key(b)));
}

/** `items.map(f)`, or `items` itself when it is frozen and `f` returned every item unchanged. */
function mapSame<T>(items: readonly T[], f: (item: T) => T): readonly T[] {
  const out = items.map(f);
  return reusable(items) && out.every((x, i) => x === items[i]) ? items : out;
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

/**
 * Optional states at their default are left out, so a snapshot that never sets them compares equal.
 * `overrides` replace fields; the node itself comes back when it is frozen and nothing changes.
 */
function withoutDefaults<T extends object>(
  o: T,
  defaults: Partial<Record<keyof T, (v: unknown) => boolean>>,
  overrides: Partial<T> = {},
): T {
  const record = o as Record<string, unknown>;
  const drop = (Object.entries(defaults) as [string, (v: unknown) => boolean][])
    .filter(([k, isDefault]) => k in record && (record[k] === undefined || isDefault(record[k])))
    .map(([k]) => k);
  const changed = Object.keys(overrides).some((k) => (overrides as Record<string, unknown>)[k] !== record[k]);
  if (drop.length === 0 && !changed && reusable(o)) return o;
  return copy(o, overrides, drop);
}

function normalizeTable(t: Table): Table {
  return withoutDefaults(
    t,
    { replicaIdentity: (v) => v === 'DEFAULT', clusterOn: (v) => v === null },
    {
      // Column order is meaningful (it is the table's attribute order): kept as is.
      columns: mapSame(t.columns, (c) =>
        withoutDefaults(c, {
          inherited: (v) => v === false,
          statistics: (v) => v === -1 || v === null,
          storage: (v) => v === null || (v as ColumnStorage).mode === (v as ColumnStorage).typeDefault,
          compression: (v) => v === null,
        }),
      ),
      constraints: mapSame(
        sortBy(t.constraints, (c) => c.name),
        withoutValid,
      ),
      policies: mapSame(
        sortBy(t.policies, (p) => p.name),
        (p) => withoutDefaults(p, {}, { roles: sortStrings(p.roles) }),
      ),
      options: sortKeys(t.options),
    },
  );
}

/**
 * The canonical form of a snapshot: every keyed list sorted by its key, unordered sets sorted,
 * record keys sorted. Order that PostgreSQL gives meaning to (columns, enum values, index keys,
 * function arguments) is kept. The result is frozen.
 */
export function normalizeSnapshot(s: Snapshot): Snapshot {
  const dependencies =
    s.dependencies === undefined
      ? {}
      : { dependencies: sortBy(s.dependencies, (d) => `${refKey(d.from)}\u0001${refKey(d.on)}`) };
  const { collations, rules, ...rest } = s;
  return deepFreeze({
    // Lists this function does not know yet are kept as they are rather than lost.
    ...rest,
    ...dependencies,
    // Optional lists: absent when empty, so that snapshots that never had them compare equal.
    ...(collations !== undefined && collations.length > 0 ? { collations: sortBy(collations, qn) } : {}),
    ...(rules !== undefined && rules.length > 0
      ? { rules: sortBy(rules, (r) => `${r.schema}\u0000${r.table}\u0000${r.name}`) }
      : {}),
    schemas: sortBy(s.schemas, (x) => x.name),
    extensions: sortBy(s.extensions, (x) => x.name),
    enums: sortBy(s.enums, qn),
    domains: mapSame(sortBy(s.domains, qn), (d) =>
      withoutDefaults(d, {}, { checks: sortBy(d.checks, (c) => c.name) }),
    ),
    compositeTypes: sortBy(s.compositeTypes, qn),
    sequences: mapSame(sortBy(s.sequences, qn), (q) => withoutDefaults(q, { unlogged: (v) => v === false })),
    tables: mapSame(sortBy(s.tables, qn), normalizeTable),
    indexes: mapSame(sortBy(s.indexes, qn), (i) => withoutDefaults(i, {}, { options: sortKeys(i.options) })),
    views: mapSame(sortBy(s.views, qn), (v) =>
      withoutDefaults(
        v,
        { options: (o) => Object.keys(o as object).length === 0 },
        {
          columnComments: sortKeys(v.columnComments),
          ...(v.options !== undefined && Object.keys(v.options).length > 0
            ? { options: sortKeys(v.options) }
            : {}),
        },
      ),
    ),
    functions: mapSame(
      sortBy(s.functions, (f) => `${qn(f)}\u0000${f.identityArguments}`),
      (f) => withoutDefaults(f, { sqlStandard: (v) => v === false }, { config: sortStrings(f.config) }),
    ),
    triggers: sortBy(s.triggers, (t) => `${t.schema}\u0000${t.table}\u0000${t.name}`),
    grants: mapSame(
      sortBy(
        s.grants,
        (g) =>
          `${g.objectKind}\u0000${qn(g.object)}\u0000${g.object.arguments ?? ''}\u0000${g.grantee}\u0000${g.grantable}`,
      ),
      (g) => withoutDefaults(g, {}, { privileges: sortStrings(g.privileges) }),
    ),
  });
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
  return objects;
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
