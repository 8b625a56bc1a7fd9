import {
  createFunction,
  createTrigger,
  dropFunction,
  dropTrigger,
  type FunctionDef,
  routineRef,
  setComment,
  type Trigger,
} from '@justscale/schema';
import { type Builder, Phase } from '../context.js';
import { mentions, qkey, sameExcept } from '../util.js';

const fkey = (f: FunctionDef): string => `${qkey(f)}\u0000${f.identityArguments}`;

/**
 * Functions and procedures: `CREATE OR REPLACE` when the signature and the result stay, else drop
 * and create (triggers and views that use the function are recreated around it). Functions come
 * before the tables (defaults and checks call them), except SQL-language ones whose body mentions a
 * table or view the plan creates: their bodies are checked at creation, so they come after it.
 */
export function diffFunctions(b: Builder): void {
  const cur = new Map(b.current.functions.map((f) => [fkey(f), f]));
  const des = new Map(b.desired.functions.map((f) => [fkey(f), f]));
  // SQL bodies are checked at creation: one that mentions a table or view the plan creates waits for it.
  const created = [
    ...b.desired.tables.filter((t) => b.createdTables.has(qkey(t))).map((t) => t.name),
    ...b.desired.views.map((v) => v.name),
  ];
  const phase = (f: FunctionDef) =>
    f.language === 'sql' && created.some((n) => mentions(f.body, n)) ? Phase.sqlFunctions : Phase.functions;
  for (const d of b.desired.functions) {
    const c = cur.get(fkey(d));
    if (c === undefined) {
      b.add(phase(d), createFunction(d));
      continue;
    }
    if (!sameExcept(c, d, 'comment')) {
      if (c.kind !== d.kind || c.returns !== d.returns || c.arguments !== d.arguments) {
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
    if (!des.has(fkey(c))) b.add(Phase.dropFunctions, dropFunction(routineRef(c)));
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
