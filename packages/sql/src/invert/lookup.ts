import type { Column, Grant, QualifiedName, Snapshot, Table } from '@justscale/schema';

export const sameName = (a: QualifiedName, b: QualifiedName): boolean =>
  a.schema === b.schema && a.name === b.name;

export function findTable(s: Snapshot, t: QualifiedName): Table | undefined {
  return s.tables.find((x) => sameName(x, t));
}

export function findColumn(s: Snapshot, t: QualifiedName, column: string): Column | undefined {
  return findTable(s, t)?.columns.find((c) => c.name === column);
}

export function findIndex(s: Snapshot, i: QualifiedName) {
  return s.indexes.find((x) => sameName(x, i));
}

/** Indexes of a table in the snapshot. */
export function tableIndexes(s: Snapshot, t: QualifiedName) {
  return s.indexes.filter((i) => i.schema === t.schema && i.table === t.name);
}

export function findView(s: Snapshot, v: QualifiedName) {
  return s.views.find((x) => sameName(x, v));
}

export function findGrants(s: Snapshot, g: Grant): Grant[] {
  return s.grants.filter(
    (x) =>
      x.objectKind === g.objectKind &&
      sameName(x.object, g.object) &&
      (x.object.arguments ?? '') === (g.object.arguments ?? '') &&
      x.grantee === g.grantee,
  );
}

/** The node, marked as re-creating something a drop destroyed (its compiled SQL then says the data is lost). */
export function restored<T extends object>(op: T): T {
  return Object.freeze({ ...op, restoresDropped: true });
}

/** The rules on a table or view in the snapshot. */
export function tableRules(s: Snapshot, t: QualifiedName) {
  return (s.rules ?? []).filter((r) => r.schema === t.schema && r.table === t.name);
}

export function findRule(s: Snapshot, t: QualifiedName, name: string) {
  return tableRules(s, t).find((r) => r.name === name);
}

export function findCollation(s: Snapshot, c: QualifiedName) {
  return (s.collations ?? []).find((x) => sameName(x, c));
}
