import {
  addColumn,
  addConstraint,
  addIdentity,
  alterColumnType,
  alterIdentity,
  type Column,
  dropColumn,
  dropColumnDefault,
  dropColumnNotNull,
  dropConstraint,
  dropIdentity,
  type IdentityChanges,
  objectRef,
  setColumnDefault,
  setColumnNotNull,
  setComment,
  type Table,
  validateConstraint,
} from '@justscale/schema';
import { quoteIdent, quoteQualified, renderType } from '@justscale/sql';
import { typeChange } from '../casts.js';
import { type Builder, Phase } from '../context.js';
import { conversion } from '../conversions.js';
import { NoCastError } from '../errors.js';
import { qkey, same, sameExcept, sameName, sameType, tempName, tkey } from '../util.js';
import { diffColumnAttributes } from './column-attributes.js';
import { H } from './hazards.js';
import { noteStaysLocal, parentChanges, parentColumns } from './inheritance.js';
import { partitionNotNull } from './partition-columns.js';

/**
 * Columns of a table present on both sides. Partitions take their columns from the parent, so
 * they are left alone but for a NOT NULL of their own (`partition-columns.ts`). A child's columns from parents it keeps follow the parents' changes
 * (PostgreSQL applies them to children): only what differs from that is planned on the child
 * (see `inheritance.ts`).
 */
export function diffColumns(b: Builder, c: Table, d: Table): void {
  if (c.partitionOf !== null && d.partitionOf !== null) {
    partitionNotNull(b, c, d, Phase.alterTables);
    return;
  }
  const { kept } = parentChanges(c, d);
  const fromParents = parentColumns(b.desired, d.inherits);
  const keptBefore = parentColumns(b.current, kept);
  const keptAfter = parentColumns(b.desired, kept);
  const cur = new Map(c.columns.map((x) => [x.name, x]));
  const des = new Map(d.columns.map((x) => [x.name, x]));
  const common = d.columns.filter((x) => cur.has(x.name)).map((x) => x.name);
  const currentOrder = c.columns.filter((x) => des.has(x.name)).map((x) => x.name);
  const lastCommon = d.columns.findLastIndex((x) => cur.has(x.name));
  if (!same(common, currentOrder) || d.columns.some((x, i) => i < lastCommon && !cur.has(x.name))) {
    b.note(
      'column-order',
      `table ${quoteQualified(d)}: PostgreSQL cannot reorder columns; new columns are appended`,
    );
  }
  const dropped: Column[] = [];
  for (const col of c.columns) {
    if (des.has(col.name)) continue;
    const parentDrops = keptBefore.has(col.name) && !keptAfter.has(col.name);
    // A column the child has only from a parent that drops it goes with the parent's DROP COLUMN.
    if (parentDrops && col.inherited === true) continue;
    dropped.push(col);
    // One the child declares too stays when the parent drops it: dropped after the parent's.
    b.add(parentDrops ? Phase.alterTables : Phase.dropColumns, dropColumn(d, col.name));
    b.droppedColumns.add(tkey(d, col.name));
  }
  for (const col of d.columns) {
    const old = cur.get(col.name);
    const parent = fromParents.get(col.name);
    const added = keptAfter.get(col.name);
    const propagated = old === undefined && added !== undefined && !keptBefore.has(col.name);
    if (parent !== undefined && col.inherited === true && old?.inherited !== true && !propagated) {
      noteStaysLocal(b, d, col.name);
    }
    if (old === undefined) {
      // Added to a parent the child keeps: the parent's ADD COLUMN adds it to the child too. One
      // the child declares itself is added to the child first: the parent's then merges with it.
      if (propagated) {
        if (col.inherited !== true) b.add(Phase.createTables, addColumn(d, col));
        else alterColumn(b, d, { ...added, identity: null, comment: null }, col);
        continue;
      }
      b.add(b.usesRebuiltEnum(col.type) ? Phase.afterEnumSwap : Phase.alterTables, addColumn(d, col));
      const twin = dropped.find((x) => sameExcept(x, col, 'name'));
      if (twin !== undefined) {
        b.note(
          'possible-rename',
          `table ${quoteQualified(d)}: column ${quoteIdent(twin.name)} is dropped and ${quoteIdent(col.name)} added with the same definition; if it is a rename, pass a rename hint { kind: 'column', schema: '${d.schema}', table: '${d.name}', from: '${twin.name}', to: '${col.name}' }`,
        );
      }
      continue;
    }
    const before = keptBefore.get(col.name);
    const after = keptAfter.get(col.name);
    if (before === undefined || after === undefined) {
      alterColumn(b, d, old, col);
      continue;
    }
    // The parent's ALTERs reach the child: its type, and its default and NOT NULL where they change.
    const expected: Column = {
      ...old,
      type: col.type,
      collation: col.collation,
      default: before.default !== after.default ? after.default : old.default,
      notNull: before.notNull !== after.notNull ? after.notNull : old.notNull,
    };
    alterColumn(b, d, expected, col);
  }
}

function alterColumn(b: Builder, t: Table, c: Column, d: Column): void {
  const name = quoteIdent(d.name);
  const key = tkey(t, d.name);
  if (c.generated !== d.generated) {
    // No ALTER for a generation expression before PostgreSQL 17: drop and add, labelled.
    b.add(Phase.dropColumns, dropColumn(t, c.name));
    b.add(Phase.alterTables, addColumn(t, d), { add: [H.recreatedColumn(`${quoteQualified(t)}.${name}`)] });
    b.recreatedColumns.add(key);
    b.note(
      'recreated',
      `column ${quoteQualified(t)}.${name} is dropped and added again: its generation expression changes`,
    );
    return;
  }
  const rebuilt = b.enumRebuildColumns.has(key);
  const retyped = !rebuilt && (!sameType(c.type, d.type) || !sameName(c.collation, d.collation));
  if (c.identity !== null && d.identity === null) b.add(Phase.alterTables, dropIdentity(t, d.name));
  if (retyped) {
    if (c.default !== null) b.add(Phase.alterTables, dropColumnDefault(t, d.name));
    const change = typeChange(c.type, d.type);
    const sameTypeOnly = sameType(c.type, d.type);
    const using = change.needsUsing && !sameTypeOnly ? usingFor(b, t, c, d) : null;
    const remove = [
      ...(!change.rewrites || sameTypeOnly ? (['rewrites-table'] as const) : []),
      ...(!change.mayFail || sameTypeOnly ? (['may-fail-on-existing-data'] as const) : []),
    ];
    // A column turned into a rebuilt enum waits until the new type carries the old name.
    const phase = b.usesRebuiltEnum(d.type) ? Phase.afterEnumSwap : Phase.alterTables;
    b.add(phase, alterColumnType(t, d.name, d.type, { using, collation: d.collation }), { remove });
    if (d.default !== null) b.add(phase, setColumnDefault(t, d.name, d.default));
  } else if (
    !rebuilt &&
    c.default !== null &&
    b.dependsOnRecreated(objectRef('default', t.schema, t.name, { column: c.name }))
  ) {
    // The default calls a recreated function or casts to a rebuilt enum: it would block dropping
    // that object. Dropped first, set again once the object exists anew.
    b.add(Phase.dropConstraints, dropColumnDefault(t, d.name));
    if (d.default !== null) b.add(Phase.afterEnumSwap, setColumnDefault(t, d.name, d.default));
  } else if (!rebuilt && c.default !== d.default) {
    if (d.default === null) b.add(Phase.alterTables, dropColumnDefault(t, d.name));
    else b.add(Phase.alterTables, setColumnDefault(t, d.name, d.default));
  }
  if (!c.notNull && d.notNull) setNotNull(b, t, d.name);
  if (c.notNull && !d.notNull) b.add(Phase.alterTables, dropColumnNotNull(t, d.name));
  if (c.identity === null && d.identity !== null)
    b.add(Phase.alterTables, addIdentity(t, d.name, d.identity));
  if (c.identity !== null && d.identity !== null && !same(c.identity, d.identity)) {
    const changes: Record<string, unknown> = {};
    if (c.identity.generation !== d.identity.generation) changes.generation = d.identity.generation;
    const cs = c.identity.sequence;
    const ds = d.identity.sequence;
    for (const k of ['start', 'increment', 'minValue', 'maxValue', 'cache', 'cycle'] as const) {
      if (cs[k] !== ds[k]) changes[k] = ds[k];
    }
    if (Object.keys(changes).length > 0)
      b.add(Phase.alterTables, alterIdentity(t, d.name, changes as IdentityChanges));
  }
  diffColumnAttributes(b, t, c, d, retyped);
  if (c.comment !== d.comment) {
    b.add(Phase.comments, setComment({ objectKind: 'column', table: t, column: d.name }, d.comment));
  }
}

/**
 * The `USING` of a type change PostgreSQL has no implicit or assignment cast for: the explicit cast
 * where one exists, through `text` from enum to enum; none at all is a `NoCastError` naming the
 * column, never SQL that fails when the plan runs.
 */
function usingFor(b: Builder, t: Table, c: Column, d: Column): string {
  const name = quoteIdent(d.name);
  const to = renderType(d.type);
  switch (conversion(c.type, d.type, b.current, b.desired)) {
    case 'cast':
    case 'unknown':
      return `${name}::${to}`;
    case 'via-text':
      return `${name}::text::${to}`;
    case 'none':
      throw new NoCastError(
        { schema: t.schema, name: t.name },
        d.name,
        renderType(c.type),
        to,
        `column ${quoteQualified(t)}.${name}`,
      );
  }
}

/**
 * `SET NOT NULL`. Online: a `CHECK (col IS NOT NULL) NOT VALID`, validated (a scan that blocks no
 * writes), then `SET NOT NULL` (which PostgreSQL 12+ proves from the check without a scan), then the
 * check dropped.
 */
export function setNotNull(b: Builder, t: Table, column: string): void {
  if (!b.options.online || b.createdTables.has(qkey(t))) {
    b.add(Phase.alterTables, setColumnNotNull(t, column));
    return;
  }
  const check = tempName(`${t.name}_${column}`, '_nn_check');
  b.add(
    Phase.alterTables,
    addConstraint(
      t,
      {
        kind: 'check',
        name: check,
        expression: `${quoteIdent(column)} IS NOT NULL`,
        noInherit: false,
        deferrable: false,
        initiallyDeferred: false,
        comment: null,
      },
      { notValid: true },
    ),
  );
  b.add(Phase.alterTables, validateConstraint(t, check));
  b.add(Phase.alterTables, setColumnNotNull(t, column), {
    remove: ['validates-by-scan', 'may-fail-on-existing-data'],
  });
  b.add(Phase.alterTables, dropConstraint(t, check));
}
