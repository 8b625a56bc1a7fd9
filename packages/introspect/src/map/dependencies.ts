import { type Dependency, type ObjectRef, type ObjectRefKind, objectRef } from '@justscale/schema';
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

function ref(row: Row, side: 'from' | 'on'): ObjectRef {
  const kind = str(row, `${side}_kind`);
  if (!KINDS.has(kind)) throw new TypeError(`introspect: unexpected dependency kind '${kind}'`);
  const extra: { table?: string; column?: string; arguments?: string } = {};
  const table = optStr(row, `${side}_table`);
  const column = optStr(row, `${side}_column`);
  const args = optStr(row, `${side}_arguments`);
  if (table !== null) extra.table = table;
  if (column !== null) extra.column = column;
  if (args !== null) extra.arguments = args;
  return objectRef(kind as ObjectRefKind, str(row, `${side}_schema`), str(row, `${side}_name`), extra);
}

/** The table a reference lives in, if any (for filtering out the migrations table's edges). */
export function tableOfRef(r: ObjectRef): string | null {
  if (r.kind === 'table' || r.kind === 'column' || r.kind === 'default') return r.name;
  return r.table ?? null;
}

/** One row of `dependencies.sql` as a dependency between two named objects. */
export function mapDependency(row: Row): Dependency {
  return Object.freeze({ from: ref(row, 'from'), on: ref(row, 'on') });
}
