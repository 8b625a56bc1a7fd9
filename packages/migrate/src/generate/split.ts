import type { Plan, PlannedStatement } from '@justscale/diff';
import type { Operation } from '@justscale/schema';

/** One migration file's share of a plan. */
export interface PlanPart {
  /** A plan of its own: the part's operations and statements, in order; no notes, no hazards list. */
  readonly plan: Plan;
  /** The operations of the plan before this part (what `down` may need to know was created). */
  readonly earlier: readonly Operation[];
  /** Whether a statement of the part cannot run in a transaction. */
  readonly outside: boolean;
  /** The `lock_timeout` its statements run under (e.g. `'5s'`), for its `down` to use too. */
  readonly lockTimeout: string | null;
}

/**
 * Splits a plan into parts for migration files of their own: each statement that cannot run in a
 * transaction (`CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY`, ...) in a part of its own,
 * with the `ADD CONSTRAINT ... USING INDEX` that turns its index into a constraint; the statements
 * between them grouped, in order. Each statement keeps its timeouts (`lockTimeout`,
 * `statementTimeout`): a part printed as a file sets those for its statements and resets them at
 * its end, so no setting leaks from one file to the next. A plan with nothing to split is one part.
 *
 * @example
 * const parts = splitPlan(diff(before, after, { online: true }));
 * parts.map((p) => p.outside); // [false, true, false]
 */
export function splitPlan(plan: Plan): PlanPart[] {
  const parts: PlanPart[] = [];
  const done: Operation[] = [];
  let current: {
    ops: Operation[];
    statements: PlannedStatement[];
    outside: boolean;
    index: string | null;
    earlier: Operation[];
  } | null = null;

  const add = (op: Operation, statements: readonly PlannedStatement[]) => {
    current!.ops.push(op);
    current!.statements.push(...statements);
  };
  const close = () => {
    if (current === null) return;
    const statements = current.statements;
    parts.push({
      plan: { operations: current.ops, statements, notes: [], hazards: [] },
      earlier: current.earlier,
      outside: current.outside,
      lockTimeout: statements.find((s) => s.lockTimeout !== undefined)?.lockTimeout ?? null,
    });
    done.push(...current.ops);
    current = null;
  };
  const open = (outside: boolean, index: string | null) => {
    current = { ops: [], statements: [], outside, index, earlier: [...done] };
  };

  for (const op of runOrder(plan)) {
    const statements = plan.statements.filter((s) => s.operation === op);
    const outside = statements.some((s) => !s.transactional);
    const cur = current as { outside: boolean; index: string | null } | null;
    if (
      cur?.outside === true &&
      op.kind === 'addConstraintUsingIndex' &&
      cur.index !== null &&
      op.index === cur.index &&
      !outside
    ) {
      add(op, statements);
      continue;
    }
    if (outside || cur?.outside === true || cur === null) {
      close();
      open(outside, op.kind === 'createIndex' ? op.index.name : null);
    }
    add(op, statements);
  }
  close();
  return parts;
}

/**
 * A plan's operations in the order their statements run; operations with no statement follow, in
 * their own order.
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
