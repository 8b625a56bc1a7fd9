import {
  createFunction,
  createTrigger,
  dropFunction,
  dropTrigger,
  type FunctionDef,
  objectRef,
  routineRef,
  setComment,
  type Trigger,
} from '@justscale/schema';
import { type Builder, Phase } from '../context.js';
import { bodyReadsAny } from '../graph/bodies.js';
import { qkey, sameExcept } from '../util.js';
import { recreatedComposites } from './types.js';

const fkey = (f: FunctionDef): string => `${qkey(f)}\u0000${f.identityArguments}`;

/** Whether a function present on both sides must be dropped and created (kind, result or arguments change). */
function mustRecreate(c: FunctionDef, d: FunctionDef): boolean {
  return c.kind !== d.kind || c.returns !== d.returns || c.arguments !== d.arguments;
}

/**
 * Finds the functions the plan drops and creates again before the tables are diffed, so that the
 * defaults, checks, indexes and policies calling them can be recreated around them.
 */
export function classifyFunctions(b: Builder): void {
  const cur = new Map(b.current.functions.map((f) => [fkey(f), f]));
  for (const d of b.desired.functions) {
    const c = cur.get(fkey(d));
    if (c !== undefined && !sameExcept(c, d, 'comment') && mustRecreate(c, d))
      b.recreatedFunctions.add(qkey(d));
  }
  for (const [, d] of replacedOverloads(b)) b.recreatedFunctions.add(qkey(d));
  const desired = new Set(b.desired.functions.map(fkey));
  for (const f of typeBound(b)) {
    if (!desired.has(fkey(f))) continue;
    b.typeBoundFunctions.add(fkey(f));
    b.recreatedFunctions.add(qkey(f));
  }
}

/**
 * Routines that take or return a type the plan drops and creates again — a composite type recreated,
 * or an enum rebuilt without a value (`CREATE TYPE st__new`, convert, `DROP TYPE st`, rename):
 * PostgreSQL refuses `DROP TYPE` while they exist. A routine depends on its argument and result types
 * (recorded by PostgreSQL, or derived for a snapshot built from models: `graph/derived.ts`).
 */
function typeBound(b: Builder): FunctionDef[] {
  const types = [...recreatedComposites(b), ...rebuiltEnumTypes(b)];
  if (types.length === 0) return [];
  return boundTo(b, types);
}

/** The enums the plan rebuilds, as the desired snapshot has them. */
function rebuiltEnumTypes(b: Builder): { schema: string; name: string }[] {
  return b.desired.enums.filter((e) => b.rebuiltEnums.has(qkey(e)));
}

/** The current routines that take or return one of `types`. */
function boundTo(b: Builder, types: readonly { schema: string; name: string }[]): FunctionDef[] {
  const keys = new Set(types.map(qkey));
  return b.current.functions.filter((f) =>
    b.deps.current
      .on(objectRef('function', f.schema, f.name, { arguments: f.identityArguments }))
      .some((on) => on.kind === 'type' && keys.has(qkey(on))),
  );
}

/**
 * Current and desired routines of one name whose argument lists differ (a parameter renamed or
 * retyped: `identityArguments` carries the names), paired when each side has one left unmatched.
 * The old one is dropped before the new one is created: PostgreSQL refuses a second function with
 * the same argument types, and cannot rename a parameter with `CREATE OR REPLACE`.
 */
function replacedOverloads(b: Builder): Map<FunctionDef, FunctionDef> {
  const curKeys = new Set(b.current.functions.map(fkey));
  const desKeys = new Set(b.desired.functions.map(fkey));
  const gone = b.current.functions.filter((f) => !desKeys.has(fkey(f)));
  const added = b.desired.functions.filter((f) => !curKeys.has(fkey(f)));
  const pairs = new Map<FunctionDef, FunctionDef>();
  for (const d of added) {
    const candidates = gone.filter((c) => qkey(c) === qkey(d));
    const rivals = added.filter((x) => qkey(x) === qkey(d));
    if (candidates.length === 1 && rivals.length === 1) pairs.set(candidates[0]!, d);
  }
  return pairs;
}

/**
 * Functions and procedures: `CREATE OR REPLACE` when the signature and the result stay, else drop
 * and create (triggers and views that use the function are recreated around it). Functions come
 * before the tables (defaults and checks call them), except SQL-language ones whose body mentions a
 * table or view the plan creates: their bodies are checked at creation, so they come after it.
 */
export function diffFunctions(b: Builder): void {
  const cur = new Map(b.current.functions.map((f) => [fkey(f), f]));
  const des = new Map(b.desired.functions.map((f) => [fkey(f), f]));
  // SQL bodies are checked at creation: one that reads a table or view the plan creates waits for it.
  const created = [
    ...b.desired.tables.filter((t) => b.createdTables.has(qkey(t))).map((t) => t.name),
    ...b.desired.views.map((v) => v.name),
  ];
  const phase = (f: FunctionDef) => (bodyReadsAny(f, created) ? Phase.sqlFunctions : Phase.functions);
  const replaced = replacedOverloads(b);
  // A routine bound to a rebuilt enum is created again once the new type has the old name.
  const enumBound = new Set(boundTo(b, rebuiltEnumTypes(b)).map(fkey));
  const replacing = new Map([...replaced].map(([c, d]) => [d, c]));
  for (const d of b.desired.functions) {
    const c = cur.get(fkey(d));
    const old = replacing.get(d);
    if (old !== undefined) {
      b.add(Phase.dropRecreatedFunctions, dropFunction(routineRef(old)));
      b.add(phase(d), createFunction(d));
      b.note(
        'recreated',
        `${d.kind} ${d.schema}.${d.name}(${old.identityArguments}) is dropped and created as (${d.identityArguments}): its arguments change`,
      );
      continue;
    }
    if (c === undefined) {
      b.add(phase(d), createFunction(d));
      continue;
    }
    if (b.typeBoundFunctions.has(fkey(d))) {
      const enumType = enumBound.has(fkey(d));
      b.add(Phase.dropRecreatedFunctions, dropFunction(routineRef(c)));
      b.add(enumType ? Phase.afterEnumSwap : phase(d), createFunction(d));
      b.note(
        'recreated',
        `${d.kind} ${d.schema}.${d.name}(${d.identityArguments}) is dropped and created again around the ${enumType ? 'enum rebuilt' : 'composite type recreated'} that it takes or returns`,
      );
      continue;
    }
    if (!sameExcept(c, d, 'comment')) {
      if (mustRecreate(c, d)) {
        b.add(Phase.dropRecreatedFunctions, dropFunction(routineRef(c)));
        b.add(phase(d), createFunction(d));
        b.recreatedFunctions.add(qkey(d));
        b.note(
          'recreated',
          `${d.kind} ${d.schema}.${d.name}(${d.identityArguments}) is dropped and created again (its result or arguments change)`,
        );
        continue;
      }
      b.add(phase(d), createFunction(d, { orReplace: true }));
    }
    if (c.comment !== d.comment)
      b.add(Phase.comments, setComment({ objectKind: 'routine', routine: routineRef(d) }, d.comment));
  }
  for (const c of b.current.functions)
    if (!des.has(fkey(c)) && !replaced.has(c)) b.add(Phase.dropFunctions, dropFunction(routineRef(c)));
}

const trkey = (t: Trigger): string => `${t.schema}\u0000${t.table}\u0000${t.name}`;

/** Triggers: changed ones dropped and created; those on recreated views or functions come back too. */
export function diffTriggers(b: Builder): void {
  const cur = new Map(b.current.triggers.map((t) => [trkey(t), t]));
  const des = new Map(b.desired.triggers.map((t) => [trkey(t), t]));
  const tableOf = (t: Trigger): string => qkey({ schema: t.schema, name: t.table });
  const gone = (t: Trigger): boolean => b.droppedTables.has(tableOf(t)) || b.droppedViews.has(tableOf(t));
  const forced = (t: Trigger): boolean => b.recreatedFunctions.has(qkey(t.function));
  for (const c of b.current.triggers) {
    if (gone(c)) continue;
    const d = des.get(trkey(c));
    if (d !== undefined && sameExcept(c, d, 'comment') && !forced(c)) continue;
    b.add(Phase.dropTriggers, dropTrigger({ schema: c.schema, name: c.table }, c.name));
  }
  for (const d of b.desired.triggers) {
    const c = cur.get(trkey(d));
    if (c === undefined || gone(c) || forced(c) || !sameExcept(c, d, 'comment')) {
      b.add(Phase.createTriggers, createTrigger(d));
      continue;
    }
    if (c.comment !== d.comment) {
      b.add(
        Phase.comments,
        setComment(
          { objectKind: 'trigger', table: { schema: d.schema, name: d.table }, name: d.name },
          d.comment,
        ),
      );
    }
  }
}
