import type { Plan, PlannedStatement } from '@justscale/diff';
import { type Operation, raw } from '@justscale/schema';
import { isSessionSetting } from './generate.js';

/** One migration file's share of a plan. */
export interface PlanPart {
  /** A plan of its own: the part's operations and statements, in order; no notes, no hazards list. */
  readonly plan: Plan;
  /** The operations of the plan before this part (what `down` may need to know was created). */
  readonly earlier: readonly Operation[];
  /** Whether a statement of the part cannot run in a transaction. */
  readonly outside: boolean;
  /** The `SET lock_timeout` statement in force in the part, for its `down` to use too. */
  readonly lockTimeout: string | null;
}

const setting = /^SET (\w+)\s*=/;
const reset = /^RESET (\w+)/;

/**
 * Splits a plan into parts for migration files of their own: each statement that cannot run in a
 * transaction (`CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY`, ...) in a part of its own,
 * with the `ADD CONSTRAINT ... USING INDEX` that turns its index into a constraint; the statements
 * between them grouped, in order. Session settings (`lock_timeout`, `statement_timeout`) follow the
 * statements: each part sets those in force for its statements and resets them at its end, so no
 * setting leaks from one file to the next. A plan with nothing to split is one part.
 *
 * @example
 * const parts = splitPlan(diff(before, after, { online: true }));
 * parts.map((p) => p.outside); // [false, true, false]
 */
export function splitPlan(plan: Plan): PlanPart[] {
  const parts: PlanPart[] = [];
  const active = new Map<string, PlannedStatement>();
  const done: Operation[] = [];
  let current: {
    ops: Operation[];
    statements: PlannedStatement[];
    applied: Map<string, string>;
    outside: boolean;
    index: string | null;
    lockTimeout: string | null;
    earlier: Operation[];
  } | null = null;

  const add = (op: Operation, statements: readonly PlannedStatement[]) => {
    current!.ops.push(op);
    current!.statements.push(...statements);
  };
  const resetOp = (name: string) => {
    const op = raw(`RESET ${name}`);
    add(op, [{ sql: op.sql, transactional: true, hazards: [], operation: op }]);
  };
  const sync = () => {
    const c = current!;
    for (const [name, s] of active) {
      if (c.applied.get(name) === s.sql) continue;
      add(s.operation, [s]);
      c.applied.set(name, s.sql);
      if (name === 'lock_timeout') c.lockTimeout = s.sql;
    }
    for (const name of [...c.applied.keys()]) {
      if (active.has(name)) continue;
      resetOp(name);
      c.applied.delete(name);
    }
  };
  const close = () => {
    if (current === null) return;
    for (const name of current.applied.keys()) resetOp(name);
    const statements = current.statements;
    parts.push({
      plan: { operations: current.ops, statements, notes: [], hazards: [] },
      earlier: current.earlier,
      outside: current.outside,
      lockTimeout: current.lockTimeout,
    });
    done.push(...current.ops.filter((op) => !isSessionSetting(op)));
    current = null;
  };
  const open = (outside: boolean, index: string | null) => {
    current = {
      ops: [],
      statements: [],
      applied: new Map(),
      outside,
      index,
      lockTimeout: null,
      earlier: [...done],
    };
  };

  for (const op of runOrder(plan)) {
    const statements = plan.statements.filter((s) => s.operation === op);
    if (op.kind === 'raw' && isSessionSetting(op)) {
      const set = setting.exec(op.sql);
      const unset = reset.exec(op.sql);
      if (set) active.set(set[1]!, statements[0]!);
      else if (unset) active.delete(unset[1]!);
      continue;
    }
    const outside = statements.some((s) => !s.transactional);
    const cur = current as { outside: boolean; index: string | null } | null;
    if (
      cur?.outside === true &&
      op.kind === 'addConstraintUsingIndex' &&
      cur.index !== null &&
      op.index === cur.index &&
      !outside
    ) {
      sync();
      add(op, statements);
      continue;
    }
    if (outside || cur?.outside === true || cur === null) {
      close();
      open(outside, op.kind === 'createIndex' ? op.index.name : null);
    }
    sync();
    add(op, statements);
  }
  close();
  return parts;
}

/**
 * A plan's operations in the order their statements run (the differ lists `SET lock_timeout` where
 * it applies among the statements); operations with no statement follow, in their own order.
 */
export function runOrder(plan: Plan): Operation[] {
  const seen = new Set<Operation>();
  const out: Operation[] = [];
  for (const s of plan.statements) {
    if (seen.has(s.operation)) continue;
    seen.add(s.operation);
    out.push(s.operation);
  }
  for (const op of plan.operations) if (!seen.has(op)) out.push(op);
  return out;
}
