import {
  alterColumnType,
  type Collation,
  type Column,
  createCollation,
  dropCollation,
  type QualifiedName,
  renameCollation,
  type Snapshot,
  setComment,
  type Table,
} from '@justscale/schema';
import { hazard, quoteIdent, quoteQualified } from '@justscale/sql';
import { type Builder, Phase } from '../context.js';
import { UnsafeChangeError } from '../errors.js';
import { qkey, sameExcept, sameType, tempName } from '../util.js';

const uses = (c: QualifiedName | null, o: QualifiedName): boolean =>
  c !== null && c.schema === o.schema && c.name === o.name;

/**
 * What in `s` names collation `o`: columns, domains, composite attributes and index keys, each
 * with a key to find it again in the other snapshot.
 */
export function collationUsers(s: Snapshot, o: QualifiedName): Map<string, string> {
  const users = new Map<string, string>();
  for (const t of s.tables)
    for (const c of t.columns)
      if (uses(c.collation, o))
        users.set(
          `column\u0000${qkey(t)}\u0000${c.name}`,
          `column ${quoteQualified(t)}.${quoteIdent(c.name)}`,
        );
  for (const d of s.domains)
    if (uses(d.collation, o)) users.set(`domain\u0000${qkey(d)}`, `domain ${quoteQualified(d)}`);
  for (const t of s.compositeTypes)
    for (const a of t.attributes)
      if (uses(a.collation, o))
        users.set(
          `type\u0000${qkey(t)}\u0000${a.name}`,
          `type ${quoteQualified(t)} (attribute ${quoteIdent(a.name)})`,
        );
  for (const i of s.indexes)
    if (i.keys.some((k) => uses(k.collation, o)))
      users.set(`index\u0000${qkey(i)}`, `index ${quoteQualified(i)}`);
  return users;
}

/**
 * Collations (`CREATE COLLATION`): created before the columns, domains, types and indexes that use
 * them, dropped after those let go of them (the dependency graph orders both from `pg_depend`). A
 * collation whose definition changes is dropped and created again (PostgreSQL has no `ALTER` for
 * that); when table columns keep using it, it is rebuilt around them (see `rebuild`).
 */
export function diffCollations(b: Builder): void {
  const cur = new Map((b.current.collations ?? []).map((c) => [qkey(c), c]));
  const des = new Map((b.desired.collations ?? []).map((c) => [qkey(c), c]));
  for (const d of des.values()) {
    const c = cur.get(qkey(d));
    if (c === undefined) {
      b.add(Phase.collations, createCollation(d));
      continue;
    }
    if (!sameExcept(c, d, 'comment')) {
      recreate(b, c, d);
      continue;
    }
    if (c.comment !== d.comment)
      b.add(Phase.comments, setComment({ objectKind: 'collation', object: d }, d.comment));
  }
  for (const c of cur.values()) if (!des.has(qkey(c))) b.add(Phase.dropCollations, dropCollation(c));
}

/** A column of `current` that keeps using the collation, with its table and its desired self. */
interface KeptColumn {
  readonly table: Table;
  readonly column: Column;
  readonly desired: Column;
}

function recreate(b: Builder, c: Collation, d: Collation): void {
  const before = collationUsers(b.current, c);
  const after = collationUsers(b.desired, d);
  const kept = [...before].filter(([k]) => after.has(k));
  if (kept.length === 0) {
    b.add(Phase.dropRecreatedTypes, dropCollation(c));
    b.add(Phase.collations, createCollation(d));
    b.note(
      'recreated',
      `collation ${quoteQualified(d)} is dropped and created again (its definition changes)`,
    );
    return;
  }
  const columns = keptColumns(b, c);
  const others = kept.filter(([k]) => !k.startsWith('column\u0000')).map(([, label]) => label);
  const retyped = columns.filter((x) => !sameType(x.column.type, x.desired.type));
  const unreachable = kept
    .filter(([k]) => k.startsWith('column\u0000') && !columns.some((x) => columnKey(x) === k))
    .map(([, label]) => label);
  // New users would be created before the rebuilt collation has its name back.
  const added = [...after].filter(([k]) => !before.has(k)).map(([, label]) => label);
  const blockers = [...others, ...retyped.map((x) => columnLabel(x)), ...unreachable, ...added];
  if (blockers.length > 0) {
    throw new UnsafeChangeError(
      `collation ${quoteQualified(d)}`,
      `its definition changes (PostgreSQL can only drop and create it again) and ${blockers.join(', ')} keep using it ` +
        'in a way no ALTER can move to a new collation; move them to another collation first, or give the new definition a new name',
    );
  }
  rebuild(b, c, d, columns);
}

const columnKey = (x: KeptColumn): string => `column\u0000${qkey(x.table)}\u0000${x.column.name}`;
const columnLabel = (x: KeptColumn): string =>
  `column ${quoteQualified(x.table)}.${quoteIdent(x.column.name)}`;

/**
 * The columns an `ALTER COLUMN ... TYPE ... COLLATE` can move: on tables that are not partitions
 * (the parent's change reaches them), declared rather than only inherited, and present in `desired`
 * with the collation's name.
 */
function keptColumns(b: Builder, c: Collation): KeptColumn[] {
  const desired = new Map(b.desired.tables.map((t) => [qkey(t), t]));
  const out: KeptColumn[] = [];
  for (const t of b.current.tables) {
    if (t.partitionOf !== null) continue;
    const dt = desired.get(qkey(t));
    if (dt === undefined) continue;
    for (const col of t.columns) {
      if (col.inherited === true || !uses(col.collation, c)) continue;
      const dc = dt.columns.find((x) => x.name === col.name);
      if (dc !== undefined && uses(dc.collation, c)) out.push({ table: t, column: col, desired: dc });
    }
  }
  return out;
}

/** Whether a unique key or index of the table covers the column: it is rebuilt under the new collation. */
function uniqueOver(b: Builder, t: Table, column: string): boolean {
  return (
    t.constraints.some(
      (k) => (k.kind === 'primaryKey' || k.kind === 'unique') && k.columns.includes(column),
    ) ||
    b.current.indexes.some(
      (i) =>
        i.schema === t.schema && i.table === t.name && i.unique && i.keys.some((k) => k.column === column),
    )
  );
}

/**
 * The new definition under a temporary name, each column moved to it (`ALTER COLUMN ... TYPE ...
 * COLLATE`: no rewrite, but the column's indexes are rebuilt, and a unique one fails where values
 * now compare equal), the old collation dropped, the new one renamed to the old name. Views and
 * rules over the columns are recreated around them, as for any retyped column.
 */
function rebuild(b: Builder, c: Collation, d: Collation, columns: readonly KeptColumn[]): void {
  const name = quoteQualified(d);
  const tmp = { schema: d.schema, name: tempName(d.name, '__new') };
  b.add(Phase.collations, createCollation({ ...d, ...tmp, comment: null }));
  for (const x of columns) {
    const unique = uniqueOver(b, x.table, x.column.name);
    b.add(
      Phase.alterTables,
      alterColumnType(x.table, x.column.name, x.column.type, { using: null, collation: tmp }),
      {
        remove: ['rewrites-table', ...(unique ? [] : (['may-fail-on-existing-data'] as const))],
        ...(unique
          ? {
              add: [
                hazard(
                  'may-fail-on-existing-data',
                  `${columnLabel(x)} moves to the new definition of collation ${name}: its unique index is rebuilt and fails where values now compare equal`,
                ),
              ],
            }
          : {}),
      },
    );
  }
  b.add(Phase.alterTables, dropCollation(c));
  b.add(Phase.alterTables, renameCollation(tmp, d.name));
  if (d.comment !== null)
    b.add(Phase.comments, setComment({ objectKind: 'collation', object: d }, d.comment));
  b.note(
    'rebuilt',
    `collation ${name} is rebuilt (its definition changes): created under a temporary name, ${columns.map(columnLabel).join(', ')} moved to it, the old one dropped and the new one renamed`,
  );
}
