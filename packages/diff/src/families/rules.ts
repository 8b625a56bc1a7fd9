import { createRule, dropRule, type ObjectRef, objectRef, type Rule, setComment } from '@justscale/schema';
import { type Builder, Phase } from '../context.js';
import { effects, refKeys } from '../graph/keys.js';
import { qkey } from '../util.js';

const rkey = (r: Rule): string => `${r.schema}\u0000${r.table}\u0000${r.name}`;
const tableOf = (r: Rule) => ({ schema: r.schema, name: r.table });

const ruleRef = (r: Rule): ObjectRef => objectRef('rule', r.schema, r.name, { table: r.table });

/**
 * Rewrite rules, after the views (run after `diffViews`): a changed rule is replaced in one
 * statement (`CREATE OR REPLACE RULE`); a rule that reads or writes something the plan drops or
 * reshapes (a retyped or dropped column, a dropped table, a recreated view or function) is dropped
 * before it and created again after, as views are; a rule on a dropped table or view goes with it.
 * What a rule reads and writes is what PostgreSQL recorded, or for a snapshot built from models what
 * `graph/derived.ts` carries over or guesses.
 */
export function diffRules(b: Builder): void {
  const current = b.current.rules ?? [];
  const desired = b.desired.rules ?? [];
  if (current.length === 0 && desired.length === 0) return;
  const cur = new Map(current.map((r) => [rkey(r), r]));
  const des = new Map(desired.map((r) => [rkey(r), r]));
  const gone = new Set(b.steps.flatMap((s) => effects(s.op, b.current).drops));
  const withTable = (r: Rule): boolean =>
    b.droppedTables.has(qkey(tableOf(r))) || b.droppedViews.has(qkey(tableOf(r)));
  const forced = (r: Rule): boolean =>
    b.currentDependencies(ruleRef(r)).some((on) => refKeys(on).some((k) => gone.has(k)));
  const dropped = new Set<string>();
  for (const c of current) {
    if (withTable(c)) {
      dropped.add(rkey(c));
      continue;
    }
    const d = des.get(rkey(c));
    if (d !== undefined && !forced(c)) continue;
    b.add(Phase.dropRules, dropRule(tableOf(c), c.name));
    dropped.add(rkey(c));
  }
  for (const d of desired) {
    const c = cur.get(rkey(d));
    if (c === undefined || dropped.has(rkey(d))) {
      b.add(Phase.createRules, createRule(d));
      if (c !== undefined && !withTable(c))
        b.note('recreated', `rule ${d.name} on ${d.schema}.${d.table} is dropped and created again`);
      continue;
    }
    if (c.definition !== d.definition) b.add(Phase.createRules, createRule(d, { orReplace: true }));
    // OR REPLACE keeps the comment, and the node sets a new one: only its removal needs a statement.
    const commented = c.definition !== d.definition && d.comment !== null;
    if (c.comment !== d.comment && !commented)
      b.add(Phase.comments, setComment({ objectKind: 'rule', table: tableOf(d), name: d.name }, d.comment));
  }
}
