import { type Dependency, type ObjectRef, type ObjectRefKind, objectRef } from '@justscale/schema';
import { optStr, type Row, str } from './rows.js';

// Each kind by its name: a row's `*_kind` text is looked up here, so a reference keeps this one
// string rather than the row's copy.
const KINDS: ReadonlyMap<string, ObjectRefKind> = new Map(
  (
    [
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
    ] as const
  ).map((k) => [k, k]),
);

/** One side's column names, spelt once: a name built per row (`${side}_kind`) is a new string each time. */
interface SideColumns {
  readonly kind: string;
  readonly schema: string;
  readonly name: string;
  readonly table: string;
  readonly column: string;
  readonly arguments: string;
}

const columnsOf = (side: 'from' | 'on'): SideColumns => ({
  kind: `${side}_kind`,
  schema: `${side}_schema`,
  name: `${side}_name`,
  table: `${side}_table`,
  column: `${side}_column`,
  arguments: `${side}_arguments`,
});
const FROM = columnsOf('from');
const ON = columnsOf('on');

/** Where equal references become one object, and the strings of new ones one instance. */
export interface RefCache {
  readonly refs: Map<string, ObjectRef>;
  readonly intern: (s: string) => string;
}

function ref(row: Row, c: SideColumns, cache?: RefCache): ObjectRef {
  const kind = str(row, c.kind);
  const schema = str(row, c.schema);
  const name = str(row, c.name);
  const table = optStr(row, c.table);
  const column = optStr(row, c.column);
  const args = optStr(row, c.arguments);
  // An object is named by many edges: equal references are one frozen object, found by the key
  // `refKey` would give it, built from the row without making the reference first (joined: a flat
  // string, hashed faster than a concatenation's rope).
  const key =
    cache === undefined ? '' : [kind, schema, name, table ?? '', column ?? '', args ?? ''].join('\u0000');
  const known = cache?.refs.get(key);
  if (known !== undefined) return known;
  const canonicalKind = KINDS.get(kind);
  if (canonicalKind === undefined) throw new TypeError(`introspect: unexpected dependency kind '${kind}'`);
  const i = cache?.intern ?? ((s: string) => s);
  const extra: { table?: string; column?: string; arguments?: string } = {};
  if (table !== null) extra.table = i(table);
  if (column !== null) extra.column = i(column);
  if (args !== null) extra.arguments = args;
  const made = objectRef(canonicalKind, i(schema), i(name), extra);
  cache?.refs.set(key, made);
  return made;
}

/** The table a reference lives in, if any (for filtering out the migrations table's edges). */
export function tableOfRef(r: ObjectRef): string | null {
  if (r.kind === 'table' || r.kind === 'column' || r.kind === 'default') return r.name;
  return r.table ?? null;
}

/** One row of `dependencies.sql` as a dependency between two named objects. */
export function mapDependency(row: Row, cache?: RefCache): Dependency {
  return Object.freeze({ from: ref(row, FROM, cache), on: ref(row, ON, cache) });
}
