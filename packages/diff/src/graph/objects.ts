import { type ObjectRef, objectRef, refKey, type Snapshot, type Table } from '@justscale/schema';

/**
 * Every object of a snapshot that a dependency can name, with the data that defines it: what is
 * compared to tell whether an object is the same on both sides of a plan (its recorded
 * dependencies then hold on both sides too).
 */
export interface ObjectIndex {
  /** The object's definition, or undefined when the snapshot has no such object. */
  get(r: ObjectRef): unknown;
  /** Whether the snapshot has the object (a column also when it belongs to a view). */
  has(r: ObjectRef): boolean;
  /** Every object's reference and `refKey`, with its definition. */
  entries(): Generator<[string, { ref: ObjectRef; definition: unknown }]>;
}

const NUL = '\u0000';
const byKey = <T>(list: readonly T[], key: (t: T) => string): Map<string, T> =>
  new Map(list.map((x) => [key(x), x]));

/**
 * The objects of `s`, looked up by kind (maps by name, built once; a table's parts are found in
 * the table), so that a large snapshot costs one map per kind rather than one entry per column.
 */
export function indexObjects(s: Snapshot): ObjectIndex {
  const tables = byKey(s.tables, (t) => `${t.schema}${NUL}${t.name}`);
  const views = byKey(s.views, (v) => `${v.schema}${NUL}${v.name}`);
  const indexes = byKey(s.indexes, (i) => `${i.schema}${NUL}${i.name}`);
  const functions = byKey(s.functions, (f) => `${f.schema}${NUL}${f.name}${NUL}${f.identityArguments}`);
  const sequences = byKey(s.sequences, (q) => `${q.schema}${NUL}${q.name}`);
  const types = byKey<{ schema: string; name: string }>(
    [...s.enums, ...s.domains, ...s.compositeTypes],
    (t) => `${t.schema}${NUL}${t.name}`,
  );
  const triggers = byKey(s.triggers, (t) => `${t.schema}${NUL}${t.table}${NUL}${t.name}`);
  const rules = byKey(s.rules ?? [], (r) => `${r.schema}${NUL}${r.table}${NUL}${r.name}`);
  const collations = byKey(s.collations ?? [], (c) => `${c.schema}${NUL}${c.name}`);
  const table = (schema: string, name: string | undefined): Table | undefined =>
    name === undefined ? undefined : tables.get(`${schema}${NUL}${name}`);
  const get = (r: ObjectRef): unknown => {
    const at = `${r.schema}${NUL}${r.name}`;
    switch (r.kind) {
      case 'table':
        return tables.get(at);
      case 'view':
        return views.get(at);
      case 'column':
        return table(r.schema, r.name)?.columns.find((c) => c.name === r.column);
      case 'default':
        return table(r.schema, r.name)?.columns.find((c) => c.name === r.column)?.default ?? undefined;
      case 'constraint':
        return table(r.schema, r.table)?.constraints.find((k) => k.name === r.name);
      case 'policy':
        return table(r.schema, r.table)?.policies.find((p) => p.name === r.name);
      case 'index':
        return indexes.get(at);
      case 'function':
        return functions.get(`${at}${NUL}${r.arguments ?? ''}`);
      case 'sequence':
        return sequences.get(at);
      case 'type':
        return types.get(at);
      case 'trigger':
        return triggers.get(`${r.schema}${NUL}${r.table ?? ''}${NUL}${r.name}`);
      case 'rule':
        return rules.get(`${r.schema}${NUL}${r.table ?? ''}${NUL}${r.name}`);
      case 'collation':
        return collations.get(at);
    }
  };
  function* entries(): Generator<[string, { ref: ObjectRef; definition: unknown }]> {
    const entry = (
      ref: ObjectRef,
      definition: unknown,
    ): [string, { ref: ObjectRef; definition: unknown }] => [refKey(ref), { ref, definition }];
    for (const t of s.tables) {
      yield entry(objectRef('table', t.schema, t.name), t);
      for (const c of t.columns) {
        yield entry(objectRef('column', t.schema, t.name, { column: c.name }), c);
        if (c.default !== null)
          yield entry(objectRef('default', t.schema, t.name, { column: c.name }), c.default);
      }
      for (const k of t.constraints)
        yield entry(objectRef('constraint', t.schema, k.name, { table: t.name }), k);
      for (const p of t.policies) yield entry(objectRef('policy', t.schema, p.name, { table: t.name }), p);
    }
    for (const v of s.views) yield entry(objectRef('view', v.schema, v.name), v);
    for (const i of s.indexes) yield entry(objectRef('index', i.schema, i.name), i);
    for (const f of s.functions) {
      yield entry(objectRef('function', f.schema, f.name, { arguments: f.identityArguments }), f);
    }
    for (const q of s.sequences) yield entry(objectRef('sequence', q.schema, q.name), q);
    for (const t of types.values()) yield entry(objectRef('type', t.schema, t.name), t);
    for (const t of s.triggers) yield entry(objectRef('trigger', t.schema, t.name, { table: t.table }), t);
    for (const r of s.rules ?? []) yield entry(objectRef('rule', r.schema, r.name, { table: r.table }), r);
    for (const c of s.collations ?? []) yield entry(objectRef('collation', c.schema, c.name), c);
  }
  return {
    get,
    has: (r) =>
      get(r) !== undefined ||
      // A view's columns are not listed: the view stands for them.
      (r.kind === 'column' && views.has(`${r.schema}${NUL}${r.name}`)),
    entries,
  };
}
