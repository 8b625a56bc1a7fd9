import { type ObjectRef, objectRef, refKey, type Snapshot } from '@justscale/schema';

/**
 * Every object of a snapshot that a dependency can name, by `refKey`, with the data that defines
 * it: what is compared to tell whether an object is the same on both sides of a plan (its recorded
 * dependencies then hold on both sides too).
 */
export interface ObjectIndex {
  /** The object's definition, or undefined when the snapshot has no such object. */
  get(r: ObjectRef): unknown;
  /** Whether the snapshot has the object (a column also when it belongs to a view). */
  has(r: ObjectRef): boolean;
  /** Every object's reference, with its definition. */
  entries(): IterableIterator<[string, { ref: ObjectRef; definition: unknown }]>;
}

/** The references of a table's or view's own objects, with their definitions. */
export function indexObjects(s: Snapshot): ObjectIndex {
  const map = new Map<string, { ref: ObjectRef; definition: unknown }>();
  const views = new Set<string>();
  const put = (ref: ObjectRef, definition: unknown): void => {
    map.set(refKey(ref), { ref, definition });
  };
  for (const t of s.tables) {
    put(objectRef('table', t.schema, t.name), t);
    for (const c of t.columns) {
      put(objectRef('column', t.schema, t.name, { column: c.name }), c);
      if (c.default !== null) put(objectRef('default', t.schema, t.name, { column: c.name }), c.default);
    }
    for (const k of t.constraints) put(objectRef('constraint', t.schema, k.name, { table: t.name }), k);
    for (const p of t.policies) put(objectRef('policy', t.schema, p.name, { table: t.name }), p);
  }
  for (const v of s.views) {
    put(objectRef('view', v.schema, v.name), v);
    views.add(refKey(objectRef('view', v.schema, v.name)));
  }
  for (const i of s.indexes) put(objectRef('index', i.schema, i.name), i);
  for (const f of s.functions)
    put(objectRef('function', f.schema, f.name, { arguments: f.identityArguments }), f);
  for (const q of s.sequences) put(objectRef('sequence', q.schema, q.name), q);
  for (const e of s.enums) put(objectRef('type', e.schema, e.name), e);
  for (const d of s.domains) put(objectRef('type', d.schema, d.name), d);
  for (const c of s.compositeTypes) put(objectRef('type', c.schema, c.name), c);
  for (const t of s.triggers) put(objectRef('trigger', t.schema, t.name, { table: t.table }), t);
  for (const r of s.rules ?? []) put(objectRef('rule', r.schema, r.name, { table: r.table }), r);
  for (const c of s.collations ?? []) put(objectRef('collation', c.schema, c.name), c);
  return {
    get: (r) => map.get(refKey(r))?.definition,
    has: (r) =>
      map.has(refKey(r)) ||
      // A view's columns are not listed: the view stands for them.
      (r.kind === 'column' && views.has(refKey(objectRef('view', r.schema, r.name)))),
    entries: () => map.entries(),
  };
}
