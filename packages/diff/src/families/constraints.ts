import {
  addConstraint,
  addConstraintUsingIndex,
  alterPolicy,
  type Constraint,
  createIndex,
  createPolicy,
  dropConstraint,
  dropPolicy,
  index as indexNode,
  objectRef,
  type PolicyChanges,
  type QualifiedName,
  setComment,
  type Table,
  validateConstraint,
} from '@justscale/schema';
import { quoteQualified } from '@justscale/sql';
import { type Builder, Phase } from '../context.js';
import { qkey, same, sameExcept, tkey } from '../util.js';

const keyOf = (table: QualifiedName, columns: readonly string[]): string =>
  `${qkey(table)}\u0000${columns.join('\u0000')}`;

/** Whether a constraint names a column that is dropped and added again (it goes with the column). */
function onRecreatedColumn(b: Builder, t: Table, c: Constraint): boolean {
  const cols = 'columns' in c ? c.columns : [];
  return cols.some((col) => b.recreatedColumns.has(tkey(t, col)));
}

/**
 * Keys (primary keys, unique constraints and unique indexes) that the plan drops: foreign keys
 * that reference them must be dropped first and added again after. Also finds the columns dropped
 * and added again. Runs before the tables are diffed.
 */
export function collectDroppedKeys(b: Builder): void {
  const des = new Map(b.desired.tables.map((t) => [qkey(t), t]));
  for (const c of b.current.tables) {
    if (b.unchangedTables.has(qkey(c))) continue;
    const d = des.get(qkey(c));
    if (d === undefined || c.partitionOf !== null) continue;
    const cols = new Map(c.columns.map((x) => [x.name, x]));
    for (const x of d.columns) {
      const o = cols.get(x.name);
      if (o !== undefined && o.generated !== x.generated) b.recreatedColumns.add(tkey(c, x.name));
    }
  }
  for (const c of b.current.tables) {
    if (b.unchangedTables.has(qkey(c))) continue;
    const d = des.get(qkey(c));
    if (d === undefined) continue;
    const dc = new Map(d.constraints.map((k) => [k.name, k]));
    for (const k of c.constraints) {
      const n = dc.get(k.name);
      const changed = n === undefined || !sameExcept(k, n, 'comment', 'indexComment');
      if ((k.kind === 'primaryKey' || k.kind === 'unique') && (changed || onRecreatedColumn(b, c, k))) {
        b.droppedKeys.add(keyOf(c, k.columns));
      }
    }
  }
  const desIdx = new Map(b.desired.indexes.map((i) => [qkey(i), i]));
  for (const i of b.current.indexes) {
    if (!i.unique || i.keys.some((k) => k.column === null)) continue;
    const di = desIdx.get(qkey(i));
    if (di === undefined || !sameExcept(i, di, 'comment', 'options')) {
      b.droppedKeys.add(
        keyOf(
          { schema: i.schema, name: i.table },
          i.keys.map((k) => k.column as string),
        ),
      );
    }
  }
}

/** Constraints of a table present on both sides: changed ones dropped and added again. */
export function diffConstraints(b: Builder, c: Table, d: Table): void {
  const cur = new Map(c.constraints.map((k) => [k.name, k]));
  const des = new Map(d.constraints.map((k) => [k.name, k]));
  const recreate = (k: Constraint): boolean =>
    onRecreatedColumn(b, d, k) ||
    (k.kind === 'foreignKey' && b.droppedKeys.has(keyOf(k.references.table, k.references.columns))) ||
    // A check or exclusion casting to a rebuilt enum or calling a recreated function blocks the change.
    b.dependsOnRecreated(objectRef('constraint', d.schema, k.name, { table: d.name }));
  for (const k of c.constraints) {
    const n = des.get(k.name);
    // Valid → NOT VALID has no ALTER: the constraint is dropped and added again NOT VALID.
    const invalidated = n !== undefined && !notValid(k) && notValid(n);
    if (
      n !== undefined &&
      sameExcept(k, n, 'comment', 'notValid', 'indexComment') &&
      !recreate(k) &&
      !invalidated
    )
      continue;
    b.add(k.kind === 'foreignKey' ? Phase.dropForeignKeys : Phase.dropConstraints, dropConstraint(d, k.name));
  }
  for (const k of d.constraints) {
    const o = cur.get(k.name);
    if (o !== undefined && sameExcept(k, o, 'comment', 'notValid', 'indexComment') && !recreate(k)) {
      if (notValid(o) && !notValid(k)) {
        // NOT VALID → valid: VALIDATE checks the rows in place (SHARE UPDATE EXCLUSIVE), never a re-add.
        const phase = k.kind === 'foreignKey' ? Phase.addForeignKeys : Phase.addConstraints;
        b.add(phase, validateConstraint(d, k.name));
      } else if (!notValid(o) && notValid(k)) {
        b.note(
          'recreated',
          `constraint ${JSON.stringify(k.name)} on ${quoteQualified(d)} becomes NOT VALID: PostgreSQL cannot mark a validated constraint NOT VALID, so it is dropped and added again NOT VALID (rows are not checked)`,
        );
        addTableConstraint(b, d, k);
        continue;
      }
      if (o.comment !== k.comment)
        b.add(Phase.comments, setComment({ objectKind: 'constraint', table: d, name: k.name }, k.comment));
      diffIndexComment(b, d, o, k);
      continue;
    }
    addTableConstraint(b, d, k);
  }
}

/** The comment of a key or exclusion constraint's index (`c` null when the index is new). */
function diffIndexComment(b: Builder, t: Table, c: Constraint | null, d: Constraint): void {
  const of = (k: Constraint | null) => (k !== null && 'indexComment' in k ? (k.indexComment ?? null) : null);
  if (of(c) !== of(d))
    b.add(
      Phase.comments,
      setComment({ objectKind: 'index', object: { schema: t.schema, name: d.name } }, of(d)),
    );
}

/** A check or foreign key kept `NOT VALID`. */
function notValid(k: Constraint): boolean {
  return (k.kind === 'check' || k.kind === 'foreignKey') && k.notValid === true;
}

/** Adds a constraint to an existing table, the online way when asked. */
export function addTableConstraint(b: Builder, t: Table, k: Constraint): void {
  const online = b.options.online;
  if (k.kind === 'foreignKey' || k.kind === 'check') {
    const phase = k.kind === 'foreignKey' ? Phase.addForeignKeys : Phase.addConstraints;
    if (notValid(k)) {
      // Wanted NOT VALID: added so, and left so (existing rows are not checked).
      b.add(phase, addConstraint(t, k, { notValid: true }));
      return;
    }
    // PostgreSQL before 18 refuses a NOT VALID foreign key on a partitioned table: there, online
    // too, the key is added and checked at once (its hazards say so).
    if (!online || (k.kind === 'foreignKey' && t.partitionBy !== null)) {
      b.add(phase, addConstraint(t, k));
      return;
    }
    b.add(phase, addConstraint(t, k, { notValid: true }));
    b.add(phase, validateConstraint(t, k.name));
    return;
  }
  if (
    (k.kind === 'primaryKey' || k.kind === 'unique') &&
    online &&
    t.partitionBy === null &&
    t.partitionOf === null
  ) {
    // Build the index without blocking writes, then make it the constraint.
    const idx = indexNode({
      schema: t.schema,
      name: k.name,
      table: t.name,
      unique: true,
      keys: k.columns.map((column) => ({ column })),
      include: k.include,
      nullsNotDistinct: k.kind === 'unique' ? k.nullsNotDistinct : false,
    });
    b.add(Phase.addConstraints, createIndex(idx, { concurrently: true }));
    b.add(
      Phase.addConstraints,
      addConstraintUsingIndex(t, k.name, k.kind, k.name, {
        deferrable: k.deferrable,
        initiallyDeferred: k.initiallyDeferred,
      }),
    );
    if (k.comment !== null)
      b.add(Phase.comments, setComment({ objectKind: 'constraint', table: t, name: k.name }, k.comment));
    diffIndexComment(b, t, null, k);
    return;
  }
  b.add(Phase.addConstraints, addConstraint(t, k));
}

/**
 * Policies: `ALTER POLICY` for roles and expressions; drop and create when the command or
 * permissiveness changes or an expression goes away (ALTER POLICY cannot remove one).
 */
export function diffPolicies(b: Builder, c: Table, d: Table): void {
  const cur = new Map(c.policies.map((p) => [p.name, p]));
  const des = new Map(d.policies.map((p) => [p.name, p]));
  for (const p of c.policies) if (!des.has(p.name)) b.add(Phase.dropPolicies, dropPolicy(d, p.name));
  for (const p of d.policies) {
    const o = cur.get(p.name);
    if (o === undefined) {
      b.add(Phase.policies, createPolicy(d, p));
      continue;
    }
    if (b.dependsOnRecreated(objectRef('policy', d.schema, p.name, { table: d.name }))) {
      // A policy casting to a rebuilt enum or calling a recreated function: drop it, create it after.
      b.add(Phase.dropPolicies, dropPolicy(d, p.name));
      b.add(Phase.policies, createPolicy(d, p));
    } else if (!sameExcept(o, p, 'comment')) {
      const recreate =
        o.permissive !== p.permissive ||
        o.command !== p.command ||
        (o.using !== null && p.using === null) ||
        (o.withCheck !== null && p.withCheck === null);
      if (recreate) {
        b.add(Phase.dropPolicies, dropPolicy(d, p.name));
        b.add(Phase.policies, createPolicy(d, p));
        continue;
      }
      const changes: { -readonly [K in keyof PolicyChanges]: PolicyChanges[K] } = {};
      if (!same(o.roles, p.roles)) changes.roles = p.roles;
      if (o.using !== p.using && p.using !== null) changes.using = p.using;
      if (o.withCheck !== p.withCheck && p.withCheck !== null) changes.withCheck = p.withCheck;
      b.add(Phase.policies, alterPolicy(d, p.name, changes));
    }
    if (o.comment !== p.comment)
      b.add(Phase.comments, setComment({ objectKind: 'policy', table: d, name: p.name }, p.comment));
  }
}
