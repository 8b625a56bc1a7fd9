import {
  addCompositeAttribute,
  addDomainCheck,
  addEnumValue,
  alterColumnType,
  alterCompositeAttribute,
  alterDomainDefault,
  alterDomainNotNull,
  type CompositeAttribute,
  type CompositeType,
  createCompositeType,
  createDomain,
  createEnum,
  dropColumnDefault,
  dropCompositeAttribute,
  dropDomainCheck,
  dropType,
  type EnumType,
  objectRef,
  type QualifiedName,
  renameType,
  type Snapshot,
  setColumnDefault,
  setComment,
  validateDomainCheck,
} from '@justscale/schema';
import { quoteIdent, quoteQualified } from '@justscale/sql';
import { type Builder, Phase } from '../context.js';
import { UnsafeChangeError } from '../errors.js';
import { qkey, same, sameExcept, tempName, tkey } from '../util.js';
import { H } from './hazards.js';

/** Columns, domains and composite attributes of `s` whose type is `type` (or an array of it). */
export function typeUsers(s: Snapshot, type: QualifiedName): string[] {
  const users: string[] = [];
  const hit = (t: QualifiedName): boolean => t.schema === type.schema && t.name === type.name;
  for (const t of s.tables)
    for (const c of t.columns)
      if (hit(c.type)) users.push(`column ${quoteQualified(t)}.${quoteIdent(c.name)}`);
  for (const d of s.domains) if (hit(d.type)) users.push(`domain ${quoteQualified(d)}`);
  for (const c of s.compositeTypes)
    for (const a of c.attributes) if (hit(a.type)) users.push(`type ${quoteQualified(c)}`);
  return users;
}

export function diffEnums(b: Builder): void {
  const des = new Map(b.desired.enums.map((e) => [qkey(e), e]));
  const cur = new Map(b.current.enums.map((e) => [qkey(e), e]));
  for (const e of b.desired.enums) {
    const c = cur.get(qkey(e));
    if (c === undefined) {
      b.add(Phase.enums, createEnum(e));
      continue;
    }
    if (!same(c.values, e.values)) alterEnum(b, c, e);
    if (c.comment !== e.comment)
      b.add(Phase.comments, setComment({ objectKind: 'type', object: e }, e.comment));
  }
  for (const e of b.current.enums) if (!des.has(qkey(e))) b.add(Phase.dropTypes, dropType('enum', e));
}

function alterEnum(b: Builder, c: EnumType, e: EnumType): void {
  const wanted = new Map(e.values.map((v, i) => [v, i]));
  let last = -1;
  const inOrder = c.values.every((v) => {
    const at = wanted.get(v);
    if (at === undefined || at < last) return false;
    last = at;
    return true;
  });
  if (inOrder) {
    const have = new Set(c.values);
    e.values.forEach((v, i) => {
      if (have.has(v)) return;
      const prev = e.values[i - 1];
      const next = e.values[i + 1];
      const position = prev !== undefined ? { after: prev } : next !== undefined ? { before: next } : {};
      // Planned outside a transaction: the value is committed before any later statement uses it.
      b.add(Phase.enumValues, addEnumValue(e, v, position), {
        transactional: false,
        add: [H.enumOutsideTransaction(v)],
      });
    });
    return;
  }
  rebuildEnum(b, c, e);
}

/**
 * Removed or reordered values: a new type, every column converted through text, the old type
 * dropped and the new one renamed. Rows holding a removed value make the conversion fail.
 */
function rebuildEnum(b: Builder, c: EnumType, e: EnumType): void {
  const name = quoteQualified(e);
  for (const d of b.current.domains) {
    if (d.type.schema === e.schema && d.type.name === e.name) {
      throw new UnsafeChangeError(
        `enum ${name}`,
        `values removed or reordered, and domain ${quoteQualified(d)} is based on it`,
      );
    }
  }
  for (const t of b.current.compositeTypes) {
    if (t.attributes.some((a) => a.type.schema === e.schema && a.type.name === e.name)) {
      throw new UnsafeChangeError(
        `enum ${name}`,
        `values removed or reordered, and type ${quoteQualified(t)} has an attribute of it`,
      );
    }
  }
  b.rebuiltEnums.add(qkey(e));
  const tmp = { schema: e.schema, name: tempName(e.name, '__new') };
  b.add(Phase.enums, createEnum({ ...e, ...tmp, comment: null }));
  const desiredTables = new Map(b.desired.tables.map((t) => [qkey(t), t]));
  const removed = c.values.filter((v) => !e.values.includes(v));
  const hazards = [H.enumRebuild(name, removed)];
  for (const t of b.current.tables) {
    if (t.partitionOf !== null) continue;
    const dt = desiredTables.get(qkey(t));
    if (dt === undefined) continue;
    for (const col of t.columns) {
      if (col.type.schema !== e.schema || col.type.name !== e.name) continue;
      const dc = dt.columns.find((x) => x.name === col.name);
      if (dc === undefined || dc.type.schema !== e.schema || dc.type.name !== e.name || dc.generated !== null)
        continue;
      if (col.type.array !== dc.type.array) continue;
      if (
        t.inherits.length > 0 &&
        b.current.tables.some(
          (p) => t.inherits.some((i) => qkey(i) === qkey(p)) && p.columns.some((x) => x.name === col.name),
        )
      )
        continue;
      b.enumRebuildColumns.add(tkey(t, col.name));
      if (col.default !== null) b.add(Phase.alterTables, dropColumnDefault(t, col.name));
      const using = col.type.array
        ? `${quoteIdent(col.name)}::text[]::${quoteQualified(tmp)}[]`
        : `${quoteIdent(col.name)}::text::${quoteQualified(tmp)}`;
      b.add(
        Phase.alterTables,
        alterColumnType(
          t,
          col.name,
          { ...tmp, modifiers: null, array: col.type.array },
          { using, collation: dc.collation },
        ),
        { add: hazards },
      );
      if (dc.default !== null) b.add(Phase.afterEnumSwap, setColumnDefault(t, col.name, dc.default));
    }
  }
  b.add(Phase.enumSwap, dropType('enum', e));
  b.add(Phase.enumSwap, renameType('enum', tmp, e.name));
  if (e.comment !== null && c.comment === e.comment)
    b.add(Phase.comments, setComment({ objectKind: 'type', object: e }, e.comment));
  b.note(
    'rebuilt',
    `enum ${name} is rebuilt (values removed or reordered): its columns are converted through text${removed.length > 0 ? `; rows holding ${removed.map((v) => `'${v}'`).join(', ')} make the conversion fail` : ''}`,
  );
}

/**
 * Tables holding something that depends on an object the plan drops and creates again (a rebuilt
 * enum, a recreated function): a converted column, a default, a check, an exclusion, a policy. They
 * are compared again, so that those are dropped before and created again after (run after
 * `diffEnums` and `classifyFunctions`, before the tables are diffed).
 */
export function releaseDependents(b: Builder): void {
  if (b.rebuiltEnums.size === 0 && b.recreatedFunctions.size === 0) return;
  for (const t of b.current.tables) {
    const k = qkey(t);
    if (!b.unchangedTables.has(k)) continue;
    const depends =
      t.columns.some(
        (c) =>
          b.enumRebuildColumns.has(tkey(t, c.name)) ||
          b.dependsOnRecreated(objectRef('default', t.schema, t.name, { column: c.name })),
      ) ||
      t.constraints.some((c) =>
        b.dependsOnRecreated(objectRef('constraint', t.schema, c.name, { table: t.name })),
      ) ||
      t.policies.some((p) => b.dependsOnRecreated(objectRef('policy', t.schema, p.name, { table: t.name })));
    if (depends) b.unchangedTables.delete(k);
  }
}

export function diffDomains(b: Builder): void {
  const des = new Map(b.desired.domains.map((d) => [qkey(d), d]));
  const cur = new Map(b.current.domains.map((d) => [qkey(d), d]));
  for (const d of b.desired.domains) {
    const c = cur.get(qkey(d));
    if (c === undefined) {
      b.add(Phase.domains, createDomain(d));
      continue;
    }
    if (!same(c.type, d.type) || !same(c.collation, d.collation)) {
      const users = typeUsers(b.current, c);
      if (users.length > 0) {
        throw new UnsafeChangeError(
          `domain ${quoteQualified(d)}`,
          `its base type or collation changes and it is used by ${users.join(', ')}`,
        );
      }
      b.add(Phase.dropRecreatedTypes, dropType('domain', c));
      b.add(Phase.domains, createDomain(d));
      b.note(
        'recreated',
        `domain ${quoteQualified(d)} is dropped and created again (base type or collation changed)`,
      );
      continue;
    }
    if (c.default !== d.default) b.add(Phase.domains, alterDomainDefault(d, d.default));
    if (c.notNull !== d.notNull) b.add(Phase.domains, alterDomainNotNull(d, d.notNull));
    const cc = new Map(c.checks.map((k) => [k.name, k]));
    const dc = new Map(d.checks.map((k) => [k.name, k]));
    for (const k of c.checks)
      if (!same(dc.get(k.name), k)) b.add(Phase.dropRecreatedTypes, dropDomainCheck(d, k.name));
    for (const k of d.checks) {
      if (same(cc.get(k.name), k)) continue;
      if (b.options.online) {
        b.add(Phase.domains, addDomainCheck(d, k, { notValid: true }));
        b.add(Phase.domains, validateDomainCheck(d, k.name));
      } else b.add(Phase.domains, addDomainCheck(d, k));
    }
    if (c.comment !== d.comment)
      b.add(Phase.comments, setComment({ objectKind: 'domain', object: d }, d.comment));
  }
  for (const d of b.current.domains) if (!des.has(qkey(d))) b.add(Phase.dropTypes, dropType('domain', d));
}

/**
 * How a composite type present on both sides changes in place: attributes kept by name, in order;
 * a retyped one is altered in place (ALTER ATTRIBUTE TYPE), so functions that take the type stay.
 * PostgreSQL refuses that while a table column has the type. Null when only a drop and a new
 * `CREATE TYPE` can express the change (attributes reordered, or retyped under a column).
 */
function inPlace(
  b: Builder,
  c: CompositeType,
  d: CompositeType,
): { dropped: string[]; retyped: CompositeAttribute[]; appended: CompositeAttribute[] } | null {
  const byName = new Map(d.attributes.map((a) => [a.name, a]));
  const kept = c.attributes.filter((a) => byName.has(a.name));
  const keptNames = new Set(kept.map((a) => a.name));
  const prefixOk = kept.every((a, i) => d.attributes[i]?.name === a.name);
  const appended = d.attributes.slice(kept.length);
  const retyped = kept.filter((a) => !same(byName.get(a.name), a));
  const columns = typeUsers(b.current, c).filter((u) => u.startsWith('column '));
  if (!prefixOk || appended.some((a) => keptNames.has(a.name)) || (retyped.length > 0 && columns.length > 0))
    return null;
  return {
    dropped: c.attributes.filter((a) => !keptNames.has(a.name)).map((a) => a.name),
    retyped: retyped.map((a) => byName.get(a.name) as CompositeAttribute),
    appended,
  };
}

/** Composite types present on both sides that the plan drops and creates again (by qkey). */
export function recreatedComposites(b: Builder): CompositeType[] {
  const des = new Map(b.desired.compositeTypes.map((t) => [qkey(t), t]));
  return b.current.compositeTypes.filter((c) => {
    const d = des.get(qkey(c));
    return d !== undefined && !sameExcept(c, d, 'comment') && inPlace(b, c, d) === null;
  });
}

export function diffComposites(b: Builder): void {
  const des = new Map(b.desired.compositeTypes.map((t) => [qkey(t), t]));
  const cur = new Map(b.current.compositeTypes.map((t) => [qkey(t), t]));
  for (const d of b.desired.compositeTypes) {
    const c = cur.get(qkey(d));
    if (c === undefined) {
      b.add(Phase.compositeTypes, createCompositeType(d));
      continue;
    }
    if (!sameExcept(c, d, 'comment')) {
      const change = inPlace(b, c, d);
      if (change !== null) {
        for (const name of change.dropped) b.add(Phase.compositeTypes, dropCompositeAttribute(d, name));
        for (const a of change.retyped) b.add(Phase.compositeTypes, alterCompositeAttribute(d, a));
        for (const a of change.appended) b.add(Phase.compositeTypes, addCompositeAttribute(d, a));
      } else {
        // Routines that take or return the type are dropped and created around it (typeBoundFunctions).
        const users = typeUsers(b.current, c);
        if (users.length > 0) {
          throw new UnsafeChangeError(
            `type ${quoteQualified(d)}`,
            `its attributes change in a way ALTER TYPE cannot express and it is used by ${users.join(', ')}`,
          );
        }
        b.add(Phase.dropRecreatedTypes, dropType('composite', c));
        b.add(Phase.compositeTypes, createCompositeType(d));
        b.note(
          'recreated',
          `type ${quoteQualified(d)} is dropped and created again (attributes reordered or retyped)`,
        );
        continue;
      }
    }
    if (c.comment !== d.comment)
      b.add(Phase.comments, setComment({ objectKind: 'type', object: d }, d.comment));
  }
  for (const t of b.current.compositeTypes)
    if (!des.has(qkey(t))) b.add(Phase.dropTypes, dropType('composite', t));
}
