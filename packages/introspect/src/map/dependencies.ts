import { type Dependency, type ObjectRef, type ObjectRefKind, objectRef, refKey } from '@justscale/schema';
import { optStr, type Row, str } from './rows.js';

const KINDS: ReadonlySet<string> = new Set<ObjectRefKind>([
  'table',
  'column',
  'view',
  'sequence',
  'type',
  'function',
  'index',
  'constraint',
  'policy',
  'trigger',
  'rule',
  'default',
  'collation',
]);

function ref(row: Row, side: 'from' | 'on', shared?: Map<string, ObjectRef>): ObjectRef {
  const kind = str(row, `${side}_kind`);
  if (!KINDS.has(kind)) throw new TypeError(`introspect: unexpected dependency kind '${kind}'`);
  const extra: { table?: string; column?: string; arguments?: string } = {};
  const table = optStr(row, `${side}_table`);
  const column = optStr(row, `${side}_column`);
  const args = optStr(row, `${side}_arguments`);
  if (table !== null) extra.table = table;
  if (column !== null) extra.column = column;
  if (args !== null) extra.arguments = args;
  const made = objectRef(kind as ObjectRefKind, str(row, `${side}_schema`), str(row, `${side}_name`), extra);
  if (shared === undefined) return made;
  // An object is named by many edges: equal references are one frozen object.
  const key = refKey(made);
  const known = shared.get(key);
  if (known !== undefined) return known;
  shared.set(key, made);
  return made;
}

/** The table a reference lives in, if any (for filtering out the migrations table's edges). */
export function tableOfRef(r: ObjectRef): string | null {
  if (r.kind === 'table' || r.kind === 'column' || r.kind === 'default') return r.name;
  return r.table ?? null;
}

/** One row of `dependencies.sql` as a dependency between two named objects. */
export function mapDependency(row: Row, refs?: Map<string, ObjectRef>): Dependency {
  return Object.freeze({ from: ref(row, 'from', refs), on: ref(row, 'on', refs) });
}
