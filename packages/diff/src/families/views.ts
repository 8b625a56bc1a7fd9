import { createView, dropView, type ObjectRef, setComment, type View } from '@justscale/schema';
import { type Builder, Phase } from '../context.js';
import { effects, refKeys, withOldNames } from '../graph/keys.js';
import { mentions, qkey, same, sameExcept, topoSort } from '../util.js';
import { diffViewOptions } from './storage.js';

/**
 * For a snapshot that was not introspected (built by hand, with no recorded dependencies): a view
 * depends on a table, view or function when its definition mentions the object's name. Snapshots
 * read from a database use the dependencies PostgreSQL recorded instead (`recordedDependencies`).
 */
function dependsOn(v: View, name: string): boolean {
  return mentions(v.definition, name);
}

/** What each view reads, as `pg_depend` recorded it in the current snapshot (by view key). */
function recordedDependencies(b: Builder): Map<string, ObjectRef[]> | null {
  if (b.current.dependencies === undefined) return null;
  const map = new Map<string, ObjectRef[]>();
  for (const d of b.current.dependencies) {
    if (d.from.kind !== 'view') continue;
    const k = qkey(d.from);
    const list = map.get(k) ?? [];
    if (list.length === 0) map.set(k, list);
    list.push(d.on);
  }
  return map;
}

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
  const recorded = recordedDependencies(b);
  const names = (list: readonly View[]) => (v: View) =>
    recorded === null
      ? list.filter((x) => x !== v && dependsOn(v, x.name)).map(qkey)
      : (recorded.get(qkey(v)) ?? []).filter((r) => r.kind === 'view' || r.kind === 'column').map(qkey);
  const curOrder = topoSort(b.current.views, qkey, names(b.current.views));
  const desOrder = topoSort(b.desired.views, qkey, names(b.desired.views));
  const changedTableNames = [...b.changedTables, ...b.droppedTables].map(
    (k) => k.split('\u0000')[1] as string,
  );
  const recreatedFunctionNames = [...b.recreatedFunctions].map((k) => k.split('\u0000')[1] as string);
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
  const forcedByRecord = (c: View): boolean =>
    (recorded?.get(qkey(c)) ?? []).some((r) => refKeys(r).some((k) => gone.has(k)));

  for (const c of curOrder) {
    const d = des.get(qkey(c));
    const forced =
      recorded !== null
        ? forcedByRecord(c)
        : changedTableNames.some((n) => dependsOn(c, n)) ||
          recreatedFunctionNames.some((n) => dependsOn(c, n)) ||
          b.current.views.some((x) => b.droppedViews.has(qkey(x)) && x !== c && dependsOn(c, x.name));
    if (d !== undefined && !forced) {
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
