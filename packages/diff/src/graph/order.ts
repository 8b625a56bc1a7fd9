import type { Dependency, Operation, Snapshot } from '@justscale/schema';
import { DependencyCycleError } from '../errors.js';
import { describeOperation } from './describe.js';
import { type Effects, effects, refKeys } from './keys.js';

/** A vertex of the plan's graph: one operation, with its tie-breaking phase and emission order. */
export interface Vertex {
  readonly op: Operation;
  readonly phase: number;
  readonly seq: number;
}

/** Why one operation runs before another: the recorded dependency, or the object both touch. */
export interface Edge {
  readonly before: number;
  readonly after: number;
  readonly reason: string;
}

/**
 * The vertices that create (or drop) each key. A vertex that both drops and creates a key (a default
 * set to a new expression, a column retyped) stands for both ends only when no other vertex does
 * one of them alone: after a `DROP DEFAULT`, the `SET DEFAULT` only creates.
 */
function index(all: readonly Effects[], side: keyof Effects): Map<string, number[]> {
  const other: keyof Effects = side === 'creates' ? 'drops' : 'creates';
  const map = new Map<string, number[]>();
  all.forEach((e, i) => {
    for (const k of e[side]) {
      const list = map.get(k) ?? [];
      if (list.length === 0) map.set(k, list);
      if (list[list.length - 1] !== i) list.push(i);
    }
  });
  for (const [k, list] of map) {
    const pure = list.filter((i) => !all[i]?.[other].includes(k));
    if (pure.length > 0 && pure.length < list.length) map.set(k, pure);
  }
  return map;
}

const lookup = (map: Map<string, number[]>, keys: readonly string[]): number[] => {
  for (const k of keys) {
    const found = map.get(k);
    if (found !== undefined) return found;
  }
  return [];
};

const text = (d: Dependency): string => {
  const name = (r: Dependency['from']) =>
    `${r.kind} ${[r.schema, r.table, r.name, r.column].filter((x) => x !== undefined).join('.')}`;
  return `${name(d.from)} depends on ${name(d.on)}`;
};

/**
 * Left to the families: a column's default on its own column, and a sequence on the column that
 * owns it (`OWNED BY` is set after both exist, by its own operation).
 */
const ownDefault = (d: Dependency): boolean =>
  d.from.kind === 'sequence' ||
  (d.from.kind === 'default' &&
    d.on.kind === 'column' &&
    d.from.schema === d.on.schema &&
    d.from.name === d.on.name &&
    d.from.column === d.on.column);

/**
 * The edges between the vertices, each read "runs before":
 * - a dependency of `desired`: what creates it runs before what creates its dependent;
 * - a dependency of `current`: what drops the dependent runs before what drops it;
 * - an object dropped and created again (or retyped): the drop runs before the creation.
 * `vertices` come in phase order. The dependencies are the snapshots' recorded ones unless `deps`
 * gives others (the Builder's, derived for snapshots built from models: `derived.ts`).
 */
export function buildEdges(
  vertices: readonly Vertex[],
  current: Snapshot,
  desired: Snapshot,
  deps: { readonly current: readonly Dependency[]; readonly desired: readonly Dependency[] } = {
    current: current.dependencies ?? [],
    desired: desired.dependencies ?? [],
  },
): Edge[] {
  const all = vertices.map((v) => effects(v.op, current));
  const creators = index(all, 'creates');
  const droppers = index(all, 'drops');
  // A foreign key dropped on its own (to break a cycle of references between tables the plan drops)
  // is gone before its table is: the table's DROP no longer drops it, nor waits for what it needs.
  for (const [key, list] of droppers) {
    if (!key.startsWith('con\u0000') || list.length < 2) continue;
    const own = list.filter((i) => vertices[i]?.op.kind !== 'dropTable');
    if (own.length > 0) droppers.set(key, own);
  }
  const edges: Edge[] = [];
  const add = (before: number, after: number, reason: string): void => {
    if (before !== after) edges.push({ before, after, reason });
  };
  for (const d of deps.desired) {
    if (ownDefault(d)) continue;
    const on = lookup(creators, refKeys(d.on));
    if (on.length === 0) continue;
    for (const after of lookup(creators, refKeys(d.from)))
      for (const before of on) add(before, after, text(d));
  }
  for (const d of deps.current) {
    if (ownDefault(d)) continue;
    const on = lookup(droppers, refKeys(d.on));
    if (on.length === 0) continue;
    for (const before of lookup(droppers, refKeys(d.from)))
      for (const after of on) add(before, after, text(d));
  }
  // A drop listed before a creation of the same name makes room for it. (A creation listed first,
  // then a drop, is a temporary object, like the check that backs an online SET NOT NULL.)
  for (const [key, drops] of droppers) {
    for (const after of creators.get(key) ?? []) {
      for (const before of drops) if (before < after) add(before, after, 'recreated');
    }
  }
  return edges;
}

/**
 * The vertices in an order that respects every edge. Ties go to the phase list (`Phase`), so a plan
 * reads top to bottom as before; a vertex that an earlier phase waits for inherits that phase, so a
 * drop that must precede another runs just before it rather than at the end of the plan.
 * Throws `DependencyCycleError` naming the operations of a cycle.
 *
 * @example
 * const ordered = sortVertices(steps, buildEdges(steps, current, desired));
 */
export function sortVertices<V extends Vertex>(vertices: readonly V[], edges: readonly Edge[]): V[] {
  const n = vertices.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  const indegree = new Array<number>(n).fill(0);
  for (const e of edges) {
    out[e.before]?.push(e.after);
    indegree[e.after] = (indegree[e.after] ?? 0) + 1;
  }
  // Effective phase: the lowest phase of the vertex and everything that waits for it.
  const effective = vertices.map((v) => v.phase);
  // Input order is the phase order (the caller sorts by phase, then emission): the final tie-breaker.
  const order = kahn(
    n,
    out,
    [...indegree],
    (i) => i,
    () => 0,
  );
  if (order.length < n) throw cycleError(vertices, edges, order);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k] as number;
    for (const j of out[i] ?? []) effective[i] = Math.min(effective[i] as number, effective[j] as number);
  }
  const ranked = kahn(
    n,
    out,
    [...indegree],
    (i) => i,
    (i) => effective[i] as number,
  );
  return ranked.map((i) => vertices[i] as V);
}

/** Kahn's algorithm: among the ready vertices, the one with the smallest (primary, secondary, seq). */
function kahn(
  n: number,
  out: readonly number[][],
  indegree: number[],
  seq: (i: number) => number,
  primary: (i: number) => number,
  secondary: (i: number) => number = () => 0,
): number[] {
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) ready.push(i);
  const less = (a: number, b: number): boolean =>
    primary(a) - primary(b) < 0 ||
    (primary(a) === primary(b) &&
      (secondary(a) < secondary(b) || (secondary(a) === secondary(b) && seq(a) < seq(b))));
  const result: number[] = [];
  while (ready.length > 0) {
    let best = 0;
    for (let k = 1; k < ready.length; k++) if (less(ready[k] as number, ready[best] as number)) best = k;
    const i = ready.splice(best, 1)[0] as number;
    result.push(i);
    for (const j of out[i] ?? []) {
      indegree[j] = (indegree[j] ?? 0) - 1;
      if (indegree[j] === 0) ready.push(j);
    }
  }
  return result;
}

function cycleError(
  vertices: readonly Vertex[],
  edges: readonly Edge[],
  done: readonly number[],
): DependencyCycleError {
  const finished = new Set(done);
  const prev = new Map<number, Edge>();
  for (const e of edges) {
    if (!finished.has(e.before) && !finished.has(e.after) && !prev.has(e.after)) prev.set(e.after, e);
  }
  // Every vertex left waits for another one left: walking back from any of them closes a cycle.
  const path: number[] = [];
  let at = vertices.findIndex((_, i) => !finished.has(i));
  while (!path.includes(at)) {
    path.push(at);
    at = prev.get(at)?.before ?? at;
  }
  const cycle = path.slice(path.indexOf(at)).reverse();
  const name = (i: number): string => describeOperation((vertices[i] as Vertex).op);
  const reasons = cycle.map((i) => {
    const e = edges.find((x) => x.before === i && cycle.includes(x.after));
    return e === undefined ? name(i) : `${name(e.before)} before ${name(e.after)} (${e.reason})`;
  });
  return new DependencyCycleError(cycle.map(name), reasons);
}
