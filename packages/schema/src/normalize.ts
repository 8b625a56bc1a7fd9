import { deepFreeze } from './freeze.js';
import type { QualifiedName, Snapshot, Table } from './snapshot.js';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => byString(key(a), key(b)));
}

const qn = (o: QualifiedName): string => `${o.schema}\u0000${o.name}`;

function sortKeys<V>(record: Readonly<Record<string, V>>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byString(a, b)));
}

function normalizeTable(t: Table): Table {
  return {
    ...t,
    // Column order is meaningful (it is the table's attribute order): kept as is.
    constraints: sortBy(t.constraints, (c) => c.name),
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
  return deepFreeze({
    schemas: sortBy(s.schemas, (x) => x.name),
    extensions: sortBy(s.extensions, (x) => x.name),
    enums: sortBy(s.enums, qn),
    domains: sortBy(s.domains, qn).map((d) => ({ ...d, checks: sortBy(d.checks, (c) => c.name) })),
    compositeTypes: sortBy(s.compositeTypes, qn),
    sequences: sortBy(s.sequences, qn),
    tables: sortBy(s.tables, qn).map(normalizeTable),
    indexes: sortBy(s.indexes, qn).map((i) => ({ ...i, options: sortKeys(i.options) })),
    views: sortBy(s.views, qn).map((v) => ({ ...v, columnComments: sortKeys(v.columnComments) })),
    functions: sortBy(s.functions, (f) => `${qn(f)}\u0000${f.identityArguments}`).map((f) => ({
      ...f,
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

/** Structural equality of two snapshots, after normalisation. */
export function snapshotsEqual(a: Snapshot, b: Snapshot): boolean {
  return stableStringify(normalizeSnapshot(a)) === stableStringify(normalizeSnapshot(b));
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
