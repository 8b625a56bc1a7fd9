import type { QualifiedName, TypeRef } from '@justscale/schema';

/** A map key for a qualified name (never split again). */
export const qkey = (o: QualifiedName): string => `${o.schema}\u0000${o.name}`;

/** A map key for a name inside a table. */
export const tkey = (table: QualifiedName, name: string): string =>
  `${table.schema}\u0000${table.name}\u0000${name}`;

/** Structural equality of plain data, whatever the key order of objects. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  return sameExcept(a, b);
}

/** `same` on two objects, ignoring the listed top-level keys (without copying them). */
export function sameExcept(a: object, b: object, ...ignore: string[]): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let n = 0;
  for (const k in ra) {
    const v = ra[k];
    if (v === undefined || (ignore.length > 0 && ignore.includes(k))) continue;
    if (!same(v, rb[k])) return false;
    n++;
  }
  let m = 0;
  for (const k in rb) if (rb[k] !== undefined && !(ignore.length > 0 && ignore.includes(k))) m++;
  return n === m;
}

export const sameType = (a: TypeRef, b: TypeRef): boolean =>
  a.schema === b.schema && a.name === b.name && a.modifiers === b.modifiers && a.array === b.array;

export const sameName = (a: QualifiedName | null, b: QualifiedName | null): boolean =>
  a === b || (a !== null && b !== null && a.schema === b.schema && a.name === b.name);

const encoder = new TextEncoder();

/**
 * A temporary name `<base><suffix>` that fits PostgreSQL's 63 bytes: the base is cut (on a character
 * boundary) when needed, never the suffix.
 */
export function tempName(base: string, suffix: string): string {
  let cut = base;
  while (encoder.encode(cut + suffix).length > 63) cut = [...cut].slice(0, -1).join('');
  return cut + suffix;
}

/** `text` as a regular expression that matches exactly it. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Orders `items` so that each comes after those it depends on (stable; cycles keep input order). */
export function topoSort<T>(
  items: readonly T[],
  key: (t: T) => string,
  deps: (t: T) => Iterable<string>,
): T[] {
  const byKey = new Map(items.map((t) => [key(t), t]));
  const state = new Map<string, 1 | 2>();
  const out: T[] = [];
  const visit = (t: T): void => {
    const k = key(t);
    if (state.get(k) !== undefined) return;
    state.set(k, 1);
    for (const d of deps(t)) {
      const dep = byKey.get(d);
      if (dep !== undefined && d !== k && state.get(d) === undefined) visit(dep);
    }
    state.set(k, 2);
    out.push(t);
  };
  for (const t of items) visit(t);
  return out;
}
