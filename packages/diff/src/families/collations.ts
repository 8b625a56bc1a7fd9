import {
  type Collation,
  createCollation,
  dropCollation,
  type QualifiedName,
  type Snapshot,
  setComment,
} from '@justscale/schema';
import { quoteIdent, quoteQualified } from '@justscale/sql';
import { type Builder, Phase } from '../context.js';
import { UnsafeChangeError } from '../errors.js';
import { qkey, sameExcept } from '../util.js';

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
 * collation whose definition changes is dropped and created again; PostgreSQL has no `ALTER` for
 * that, and refuses the drop while anything uses it, so a change under objects that keep using it
 * is refused by name: their sort order and indexes would change under them.
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

function recreate(b: Builder, c: Collation, d: Collation): void {
  const before = collationUsers(b.current, c);
  const after = collationUsers(b.desired, d);
  const kept = [...before].filter(([k]) => after.has(k)).map(([, label]) => label);
  if (kept.length > 0) {
    throw new UnsafeChangeError(
      `collation ${quoteQualified(d)}`,
      `its definition changes (PostgreSQL can only drop and create it again) and ${kept.join(', ')} keep using it; ` +
        'move them to another collation first, or give the new definition a new name',
    );
  }
  b.add(Phase.dropRecreatedTypes, dropCollation(c));
  b.add(Phase.collations, createCollation(d));
  b.note('recreated', `collation ${quoteQualified(d)} is dropped and created again (its definition changes)`);
}
