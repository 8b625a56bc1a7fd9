import { refKey } from './dependencies.js';
import { deepFreeze } from './freeze.js';
import type { Constraint, QualifiedName, Snapshot, Table } from './snapshot.js';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => byString(key(a), key(b)));
}

const qn = (o: QualifiedName): string => `${o.schema}\u0000${o.name}`;

function sortKeys<V>(record: Readonly<Record<string, V>>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byString(a, b)));
}

/** `notValid: false` is the same as no `notValid`: the canonical form leaves it out. */
function withoutValid(c: Constraint): Constraint {
  if (!('notValid' in c) || c.notValid === true) return c;
  const { notValid: _, ...rest } = c;
  return rest;
}

/** Optional states at their default are left out, so a snapshot that never sets them compares equal. */
function withoutDefaults<T extends object>(
  o: T,
  defaults: Partial<Record<keyof T, (v: unknown) => boolean>>,
): T {
  const out = { ...o } as Record<string, unknown>;
  for (const [k, isDefault] of Object.entries(defaults) as [string, (v: unknown) => boolean][]) {
    if (k in out && (out[k] === undefined || isDefault(out[k]))) delete out[k];
  }
  return out as T;
}

function normalizeTable(t: Table): Table {
  return {
    ...withoutDefaults(t, { replicaIdentity: (v) => v === 'DEFAULT', clusterOn: (v) => v === null }),
    // Column order is meaningful (it is the table's attribute order): kept as is.
    columns: t.columns.map((c) => withoutDefaults(c, { inherited: (v) => v === false })),
    constraints: sortBy(t.constraints, (c) => c.name).map(withoutValid),
    policies: sortBy(t.policies, (p) => p.name).map((p) => ({ ...p, roles: [...p.roles].sort(byString) })),
    options: sortKeys(t.options),
  };
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
    domains: sortBy(s.domains, qn).map((d) => ({ ...d, checks: sortBy(d.checks, (c) => c.name) })),
    compositeTypes: sortBy(s.compositeTypes, qn),
    sequences: sortBy(s.sequences, qn),
    tables: sortBy(s.tables, qn).map(normalizeTable),
    indexes: sortBy(s.indexes, qn).map((i) => ({ ...i, options: sortKeys(i.options) })),
    views: sortBy(s.views, qn).map((v) => ({
      ...withoutDefaults(v, { options: (o) => Object.keys(o as object).length === 0 }),
      columnComments: sortKeys(v.columnComments),
      ...(v.options !== undefined && Object.keys(v.options).length > 0
        ? { options: sortKeys(v.options) }
        : {}),
    })),
    functions: sortBy(s.functions, (f) => `${qn(f)}\u0000${f.identityArguments}`).map((f) => ({
      ...withoutDefaults(f, { sqlStandard: (v) => v === false }),
      config: [...f.config].sort(byString),
    })),
    triggers: sortBy(s.triggers, (t) => `${t.schema}\u0000${t.table}\u0000${t.name}`),
    grants: sortBy(
      s.grants,
      (g) =>
        `${g.objectKind}\u0000${qn(g.object)}\u0000${g.object.arguments ?? ''}\u0000${g.grantee}\u0000${g.grantable}`,
    ).map((g) => ({ ...g, privileges: [...g.privileges].sort(byString) })),
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
