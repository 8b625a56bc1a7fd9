import {
  type CheckConstraint,
  type Column,
  dropColumnDefault,
  type QualifiedName,
  type Snapshot,
  setColumnDefault,
  setColumnNotNull,
  type Table,
} from '@justscale/schema';
import { quoteIdent, quoteQualified } from '@justscale/sql';
import type { Adjust, Builder, PhaseNumber } from '../context.js';
import { qkey } from '../util.js';

/**
 * Table inheritance (`INHERITS`), as PostgreSQL keeps it: a child has every column of its parents,
 * either only from them (`attislocal = false`, the snapshot's `inherited`) or merged with its own
 * declaration; it has every inheritable check of its parents, listed in the snapshot only when it
 * declares it too (`conislocal`). `ALTER TABLE` on a parent reaches its children (types, defaults,
 * NOT NULL, added and dropped columns and checks), so the differ plans a child only for what
 * differs from what its parents' changes give it.
 *
 * Two states have no SQL that reaches them on an existing table: a column or check the child
 * declares itself cannot become one it has only from its parents (PostgreSQL never clears
 * `attislocal` / `conislocal`). The differ keeps them declared and says so in a note.
 */

/** The columns `t` gets from `parents` as `s` has them, by name (the first parent's wins). */
export function parentColumns(s: Snapshot, parents: readonly QualifiedName[]): Map<string, Column> {
  const out = new Map<string, Column>();
  for (const p of parents) {
    const parent = s.tables.find((x) => qkey(x) === qkey(p));
    for (const c of parent?.columns ?? []) if (!out.has(c.name)) out.set(c.name, c);
  }
  return out;
}

/** The checks a child gets from `parents` as `s` has them (`NO INHERIT` ones stay with the parent). */
export function parentChecks(s: Snapshot, parents: readonly QualifiedName[]): CheckConstraint[] {
  const out: CheckConstraint[] = [];
  for (const p of parents) {
    const parent = s.tables.find((x) => qkey(x) === qkey(p));
    for (const k of parent?.constraints ?? [])
      if (k.kind === 'check' && !k.noInherit && !out.some((x) => x.name === k.name)) out.push(k);
  }
  return out;
}

const sameParents = (a: readonly QualifiedName[], b: readonly QualifiedName[]): QualifiedName[] =>
  a.filter((p) => b.some((x) => qkey(x) === qkey(p)));

/** The parents `c` (current) and `d` (desired) share, those `d` leaves and those it gains. */
export function parentChanges(
  c: Table,
  d: Table,
): { kept: QualifiedName[]; removed: QualifiedName[]; added: QualifiedName[] } {
  const kept = sameParents(d.inherits, c.inherits);
  return {
    kept,
    removed: c.inherits.filter((p) => !kept.some((x) => qkey(x) === qkey(p))),
    added: d.inherits.filter((p) => !kept.some((x) => qkey(x) === qkey(p))),
  };
}

/**
 * The constraint lists to compare for a child. Current: the checks it had only from a parent it
 * leaves become its own (`NO INHERIT` makes them local). Desired: the parents' checks it declares
 * itself stay (PostgreSQL refuses to drop an inherited check), and those of a parent it gains are
 * added before `INHERIT`, which requires them.
 */
export function childConstraints(b: Builder, c: Table, d: Table): { current: Table; desired: Table } {
  const { kept, removed, added } = parentChanges(c, d);
  const has = (t: Table, name: string): boolean => t.constraints.some((k) => k.name === name);
  const fromRemoved = parentChecks(b.current, removed).filter(
    (k) => !has(c, k.name) && !parentChecks(b.current, kept).some((x) => x.name === k.name),
  );
  const keptDeclared = parentChecks(b.desired, kept).filter((k) => has(c, k.name) && !has(d, k.name));
  const fromAdded = parentChecks(b.desired, added).filter(
    (k) => !has(d, k.name) && !keptDeclared.some((x) => x.name === k.name),
  );
  const stay = [...keptDeclared, ...fromAdded];
  for (const k of stay) {
    b.note(
      'inherited-stays-local',
      `check ${JSON.stringify(k.name)} on ${quoteQualified(d)} stays declared by the table itself: PostgreSQL has no statement that makes a declared check one the table only inherits`,
    );
  }
  return {
    current: { ...c, constraints: [...c.constraints, ...fromRemoved] },
    desired: { ...d, constraints: [...d.constraints, ...stay] },
  };
}

/** Notes a column the desired child has only from its parents but declares itself today. */
export function noteStaysLocal(b: Builder, t: Table, column: string): void {
  b.note(
    'inherited-stays-local',
    `column ${quoteQualified(t)}.${quoteIdent(column)} stays declared by the table itself: PostgreSQL has no statement that makes a declared column one the table only inherits`,
  );
}

/** A table the plan has just created is empty and locks nobody out: its ALTERs carry no hazard. */
export const NEW_TABLE = {
  remove: ['access-exclusive-lock', 'may-fail-on-existing-data', 'validates-by-scan', 'rewrites-table'],
} as const satisfies Adjust;

/**
 * A new child's columns after `CREATE TABLE ... INHERITS`: one it has only from its parents takes
 * their default and NOT NULL; one it declares too takes the parent's default when it declares none,
 * and NOT NULL when either has it. What the child wants otherwise is set on it after.
 */
export function adjustCreatedChild(b: Builder, t: Table, phase: PhaseNumber): void {
  if (t.inherits.length === 0) return;
  const fromParents = parentColumns(b.desired, t.inherits);
  for (const col of t.columns) {
    const p = fromParents.get(col.name);
    if (p === undefined) continue;
    const inherited = col.inherited === true;
    const gotDefault = inherited ? p.default : (col.default ?? p.default);
    const gotNotNull = inherited ? p.notNull : col.notNull || p.notNull;
    if (col.default !== gotDefault) {
      const op =
        col.default === null ? dropColumnDefault(t, col.name) : setColumnDefault(t, col.name, col.default);
      b.add(phase, op, NEW_TABLE);
    }
    if (col.notNull && !gotNotNull) b.add(phase, setColumnNotNull(t, col.name), NEW_TABLE);
  }
}
