import {
  type QualifiedName,
  renameColumn,
  renameConstraint,
  renameEnumValue,
  renameFunction,
  renameIndex,
  renameSequence,
  renameTable,
  renameType,
  renameView,
  routineRef,
  type Snapshot,
  type TypeRef,
} from '@justscale/schema';
import { type Builder, Phase } from './context.js';
import { InvalidRenameHintError } from './errors.js';
import type { RenameHint } from './types.js';

// biome-ignore lint/suspicious/noExplicitAny: a private mutable copy of the snapshot, rewritten in place
type Mutable = any;

const is = (o: QualifiedName, schema: string, name: string): boolean =>
  o.schema === schema && o.name === name;

function missing(h: RenameHint, what: string, where: 'current' | 'desired'): never {
  const side = where === 'current' ? 'the current schema' : 'the desired schema';
  const table = h.table === undefined ? '' : ` of "${h.table}"`;
  throw new InvalidRenameHintError(
    `rename hint ${h.kind} "${h.schema}"."${where === 'current' ? h.from : h.to}"${table}: no such ${what} in ${side}`,
  );
}

/**
 * Applies the rename hints to a copy of `current`, emitting the renames, so that the rest of the
 * diff compares objects under their new names. References by name (index tables, foreign keys,
 * triggers, rules, type references, sequence owners) follow; SQL text does not need to, since PostgreSQL
 * rewrites it and the desired snapshot already has the new spelling.
 */
export function applyRenames(b: Builder, current: Snapshot, desired: Snapshot): Snapshot {
  const hints = b.options.renames;
  if (hints.length === 0) return current;
  const s: Mutable = structuredClone(current);
  const order: RenameHint['kind'][] = [
    'table',
    'view',
    'type',
    'sequence',
    'function',
    'column',
    'constraint',
    'index',
    'enumValue',
  ];
  // A column's or constraint's table, and an enum value's type, named as they are after the table
  // and type renames before them: a hint may name its owner by either name.
  const ownerRenames = { table: new Map<string, string>(), type: new Map<string, string>() };
  for (const kind of order) {
    for (const h of hints.filter((x) => x.kind === kind)) {
      const renamed = kind === 'enumValue' ? ownerRenames.type : ownerRenames.table;
      let tableName = h.table;
      if (tableName !== undefined) tableName = renamed.get(`${h.schema}\u0000${tableName}`) ?? tableName;
      apply(b, s, desired, h, tableName);
      if (kind === 'table' || kind === 'type') ownerRenames[kind].set(`${h.schema}\u0000${h.from}`, h.to);
    }
  }
  return s as Snapshot;
}

/** Whether the object a hint names exists under `name` in the (partly renamed) current schema. */
function exists(s: Mutable, h: RenameHint, name: string, tableName: string | undefined): boolean {
  const named = (x: QualifiedName): boolean => is(x, h.schema, name);
  const owner = (list: QualifiedName[]): Mutable => list.find((x) => is(x, h.schema, tableName as string));
  switch (h.kind) {
    case 'table':
      return s.tables.some(named);
    case 'view':
      return s.views.some(named);
    case 'type':
      return [s.enums, s.domains, s.compositeTypes].some((l: QualifiedName[]) => l.some(named));
    case 'sequence':
      return s.sequences.some(named);
    case 'function':
      return s.functions.some(named);
    case 'index':
      return s.indexes.some(named);
    case 'column':
      return owner(s.tables)?.columns.some((c: { name: string }) => c.name === name) ?? false;
    case 'constraint':
      return owner(s.tables)?.constraints.some((c: { name: string }) => c.name === name) ?? false;
    case 'enumValue':
      return owner(s.enums)?.values.includes(name) ?? false;
  }
}

/**
 * Whether what holds the hint's object is in the (partly renamed) current schema: the table of a
 * column or constraint, the enum of a value. A top-level object (table, view, type, ...) has none.
 */
function ownerExists(s: Mutable, h: RenameHint, tableName: string | undefined): boolean {
  switch (h.kind) {
    case 'column':
    case 'constraint':
      return s.tables.some((x: QualifiedName) => is(x, h.schema, tableName as string));
    case 'enumValue':
      return s.enums.some((x: QualifiedName) => is(x, h.schema, tableName as string));
    default:
      return false;
  }
}

function apply(
  b: Builder,
  s: Mutable,
  desired: Snapshot,
  h: RenameHint,
  tableName: string | undefined,
): void {
  const { schema, from, to } = h;
  // A hint whose rename already happened (the old name is gone, the new one is there) is satisfied.
  if (!exists(s, h, from, tableName) && exists(s, h, to, tableName)) return;
  // A hint about something the current schema does not have yet (a fresh database, a table the
  // plan creates) has nothing to rename: the object is created under its new name.
  if (!exists(s, h, from, tableName) && !ownerExists(s, h, tableName) && exists(desired, h, to, tableName)) {
    return;
  }
  const add = (op: Parameters<Builder['add']>[1]): void => b.add(Phase.renames, op);
  switch (h.kind) {
    case 'table': {
      const t = s.tables.find((x: QualifiedName) => is(x, schema, from)) ?? missing(h, 'table', 'current');
      if (!desired.tables.some((x) => is(x, schema, to))) missing(h, 'table', 'desired');
      add(renameTable({ schema, name: from }, to));
      t.name = to;
      for (const x of s.tables) {
        for (const c of x.constraints)
          if (c.kind === 'foreignKey' && is(c.references.table, schema, from))
            c.references.table = { schema, name: to };
        if (x.partitionOf !== null && is(x.partitionOf.parent, schema, from))
          x.partitionOf.parent = { schema, name: to };
        x.inherits = x.inherits.map((p: QualifiedName) => (is(p, schema, from) ? { schema, name: to } : p));
      }
      for (const i of s.indexes) if (i.schema === schema && i.table === from) i.table = to;
      for (const tr of s.triggers) if (tr.schema === schema && tr.table === from) tr.table = to;
      for (const r of s.rules ?? []) if (r.schema === schema && r.table === from) r.table = to;
      for (const q of s.sequences)
        if (q.ownedBy !== null && is(q.ownedBy.table, schema, from)) q.ownedBy.table = { schema, name: to };
      for (const g of s.grants)
        if (g.objectKind === 'table' && is(g.object, schema, from)) g.object = { ...g.object, name: to };
      return;
    }
    case 'view': {
      const v = s.views.find((x: QualifiedName) => is(x, schema, from)) ?? missing(h, 'view', 'current');
      if (!desired.views.some((x) => is(x, schema, to))) missing(h, 'view', 'desired');
      add(renameView({ schema, name: from }, to, { materialized: v.materialized }));
      v.name = to;
      for (const i of s.indexes) if (i.schema === schema && i.table === from) i.table = to;
      for (const tr of s.triggers) if (tr.schema === schema && tr.table === from) tr.table = to;
      for (const r of s.rules ?? []) if (r.schema === schema && r.table === from) r.table = to;
      for (const g of s.grants)
        if (g.objectKind === 'table' && is(g.object, schema, from)) g.object = { ...g.object, name: to };
      return;
    }
    case 'type': {
      const lists: [string, 'enum' | 'domain' | 'composite'][] = [
        ['enums', 'enum'],
        ['domains', 'domain'],
        ['compositeTypes', 'composite'],
      ];
      const found = lists.find(([list]) => s[list].some((x: QualifiedName) => is(x, schema, from)));
      if (found === undefined) missing(h, 'type', 'current');
      const [list, typeKind] = found;
      if (!(desired[list as 'enums'] as readonly QualifiedName[]).some((x) => is(x, schema, to)))
        missing(h, 'type', 'desired');
      add(renameType(typeKind, { schema, name: from }, to));
      s[list].find((x: QualifiedName) => is(x, schema, from)).name = to;
      const retype = (t: TypeRef): TypeRef => (is(t, schema, from) ? { ...t, name: to } : t);
      for (const t of s.tables) for (const c of t.columns) c.type = retype(c.type);
      for (const d of s.domains) d.type = retype(d.type);
      for (const c of s.compositeTypes) for (const a of c.attributes) a.type = retype(a.type);
      return;
    }
    case 'sequence': {
      const q =
        s.sequences.find((x: QualifiedName) => is(x, schema, from)) ?? missing(h, 'sequence', 'current');
      if (!desired.sequences.some((x) => is(x, schema, to))) missing(h, 'sequence', 'desired');
      add(renameSequence({ schema, name: from }, to));
      q.name = to;
      return;
    }
    case 'function': {
      const fns = s.functions.filter((x: QualifiedName) => is(x, schema, from));
      if (fns.length === 0) missing(h, 'function', 'current');
      if (!desired.functions.some((x) => is(x, schema, to))) missing(h, 'function', 'desired');
      for (const f of fns) {
        add(renameFunction(routineRef(f), to));
        f.name = to;
      }
      for (const tr of s.triggers) if (is(tr.function, schema, from)) tr.function = { schema, name: to };
      return;
    }
    case 'column': {
      const t =
        s.tables.find((x: QualifiedName) => is(x, schema, tableName as string)) ??
        missing(h, 'table', 'current');
      const c = t.columns.find((x: { name: string }) => x.name === from) ?? missing(h, 'column', 'current');
      const dt = desired.tables.find((x) => is(x, schema, tableName as string));
      if (dt === undefined || !dt.columns.some((x) => x.name === to)) missing(h, 'column', 'desired');
      add(renameColumn({ schema, name: t.name }, from, to));
      c.name = to;
      const ren = (n: string): string => (n === from ? to : n);
      for (const k of t.constraints) {
        if ('columns' in k) k.columns = k.columns.map(ren);
        if ('include' in k) k.include = k.include.map(ren);
        if (k.kind === 'foreignKey' && k.onDeleteColumns !== null)
          k.onDeleteColumns = k.onDeleteColumns.map(ren);
      }
      for (const x of s.tables) {
        for (const k of x.constraints) {
          if (k.kind === 'foreignKey' && is(k.references.table, schema, t.name))
            k.references.columns = k.references.columns.map(ren);
        }
      }
      for (const i of s.indexes) {
        if (i.schema !== schema || i.table !== t.name) continue;
        for (const key of i.keys) if (key.column !== null) key.column = ren(key.column);
        i.include = i.include.map(ren);
      }
      for (const tr of s.triggers)
        if (tr.schema === schema && tr.table === t.name) tr.updateColumns = tr.updateColumns.map(ren);
      for (const q of s.sequences)
        if (q.ownedBy !== null && is(q.ownedBy.table, schema, t.name) && q.ownedBy.column === from)
          q.ownedBy.column = to;
      return;
    }
    case 'constraint': {
      const t =
        s.tables.find((x: QualifiedName) => is(x, schema, tableName as string)) ??
        missing(h, 'table', 'current');
      const c =
        t.constraints.find((x: { name: string }) => x.name === from) ?? missing(h, 'constraint', 'current');
      add(renameConstraint({ schema, name: t.name }, from, to));
      c.name = to;
      return;
    }
    case 'index': {
      const i = s.indexes.find((x: QualifiedName) => is(x, schema, from)) ?? missing(h, 'index', 'current');
      if (!desired.indexes.some((x) => is(x, schema, to))) missing(h, 'index', 'desired');
      add(renameIndex({ schema, name: from }, to));
      i.name = to;
      return;
    }
    case 'enumValue': {
      const e =
        s.enums.find((x: QualifiedName) => is(x, schema, tableName as string)) ??
        missing(h, 'enum', 'current');
      const at = e.values.indexOf(from);
      if (at < 0) missing(h, 'enum value', 'current');
      add(renameEnumValue({ schema, name: e.name }, from, to));
      e.values[at] = to;
      return;
    }
  }
}
