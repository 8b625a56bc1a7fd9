import { createView, dropView, type ObjectRef, objectRef, setComment, type View } from '@justscale/schema';
import { type Builder, Phase } from '../context.js';
import type { Dependencies } from '../graph/derived.js';
import { effects, refKeys, withOldNames } from '../graph/keys.js';
import { qkey, same, sameExcept, topoSort } from '../util.js';
import { diffViewOptions } from './storage.js';

const viewRef = (v: View): ObjectRef => objectRef('view', v.schema, v.name);

/** The top-level select list of a pretty-printed view query, and the rest (`FROM ...`). */
function split(definition: string): { items: string[]; rest: string } | null {
  const m = /^\s*SELECT ([\s\S]*?)(\n {3}FROM [\s\S]*)?$/.exec(definition);
  if (m === null || m[1] === undefined) return null;
  return { items: m[1].split(/,\n {4}(?! )/), rest: m[2] ?? '' };
}

/** `CREATE OR REPLACE VIEW` keeps every old column (same name, same expression) and only appends. */
function replaceable(c: View, d: View): boolean {
  if (c.materialized || d.materialized) return false;
  if (c.definition === d.definition) return same(c.columns, d.columns);
  const a = split(c.definition);
  const z = split(d.definition);
  if (a === null || z === null || a.rest !== z.rest || z.items.length < a.items.length) return false;
  const lastOld = a.items.length - 1;
  for (let i = 0; i < lastOld; i++) if (a.items[i] !== z.items[i]) return false;
  // The last old item may have been followed by a newline-joined `FROM` only in the old text.
  if (a.items[lastOld] !== z.items[lastOld]) return false;
  return c.columns.length === 0
    ? d.columns.length === 0
    : same(c.columns, d.columns.slice(0, c.columns.length)) && d.columns.length === z.items.length;
}

export function diffViews(b: Builder): void {
  const des = new Map(b.desired.views.map((v) => [qkey(v), v]));
  const cur = new Map(b.current.views.map((v) => [qkey(v), v]));
  // What each view reads: recorded by PostgreSQL, or derived for a snapshot built from models.
  const reads = (deps: Dependencies) => (v: View) =>
    deps
      .on(viewRef(v))
      .filter((r) => r.kind === 'view' || r.kind === 'column')
      .map(qkey);
  const curOrder = topoSort(b.current.views, qkey, reads(b.deps.current));
  const desOrder = topoSort(b.desired.views, qkey, reads(b.deps.desired));
  const replaced = new Set<string>();
  // What the plan so far drops or reshapes (a retyped column, a recreated function, a rebuilt type).
  // Under the names the database has now too: the recorded dependencies are read from it.
  const ops = b.steps.map((s) => s.op);
  const gone = new Set(
    withOldNames(
      ops.flatMap((op) => effects(op, b.current).drops),
      ops,
    ),
  );
  const forced = (c: View): boolean =>
    b.currentDependencies(viewRef(c)).some((r) => refKeys(r).some((k) => gone.has(k)));

  for (const c of curOrder) {
    const d = des.get(qkey(c));
    if (d !== undefined && !forced(c)) {
      if (sameExcept(c, d, 'comment', 'columnComments', 'options')) continue;
      if (replaceable(c, d)) {
        replaced.add(qkey(d));
        continue;
      }
    }
    b.droppedViews.add(qkey(c));
    for (const k of refKeys({ kind: 'view', schema: c.schema, name: c.name })) gone.add(k);
  }
  for (const c of [...curOrder].reverse()) {
    if (b.droppedViews.has(qkey(c))) b.add(Phase.dropViews, dropView(c, { materialized: c.materialized }));
  }
  for (const d of desOrder) {
    const k = qkey(d);
    const c = cur.get(k);
    if (c === undefined || b.droppedViews.has(k)) {
      b.add(Phase.createViews, createView(d));
      if (c !== undefined) b.note('recreated', `view ${d.schema}.${d.name} is dropped and created again`);
      continue;
    }
    if (replaced.has(k)) b.add(Phase.createViews, createView(d, { orReplace: true }));
    if (d.materialized) diffViewOptions(b, c, d);
    if (c.comment !== d.comment) {
      b.add(
        Phase.comments,
        setComment({ objectKind: d.materialized ? 'materializedView' : 'view', object: d }, d.comment),
      );
    }
    if (!same(c.columnComments, d.columnComments)) {
      const cols = new Set([...Object.keys(c.columnComments), ...Object.keys(d.columnComments)]);
      for (const col of cols) {
        const text = d.columnComments[col] ?? null;
        if ((c.columnComments[col] ?? null) !== text) {
          b.add(Phase.comments, setComment({ objectKind: 'column', table: d, column: col }, text));
        }
      }
    }
  }
}
