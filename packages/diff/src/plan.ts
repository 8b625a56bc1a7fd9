import type { Hazard, Operation } from '@justscale/schema';
import { compile, type Statement } from '@justscale/sql';
import type { Builder, Step } from './context.js';
import { enumValuesInTransaction } from './enum-values.js';
import type { Plan, PlannedStatement } from './types.js';

function adjusted(stmt: Statement, step: Step): { sql: string; transactional: boolean; hazards: Hazard[] } {
  const a = step.adjust;
  let hazards = [...stmt.hazards];
  let transactional = stmt.transactional;
  if (a !== undefined) {
    if (a.remove !== undefined) hazards = hazards.filter((h) => !a.remove?.includes(h.kind));
    for (const h of a.add ?? []) {
      hazards = hazards.filter((x) => x.kind !== h.kind);
      hazards.push(h);
    }
    if (a.transactional !== undefined) transactional = a.transactional;
  }
  return { sql: stmt.sql, transactional, hazards };
}

/** Long statements that block nobody: they run without `statement_timeout`. */
function nonBlocking(op: Operation, stmt: { transactional: boolean }): boolean {
  if (op.kind === 'validateConstraint' || op.kind === 'validateDomainCheck') return true;
  return !stmt.transactional && (op.kind === 'createIndex' || op.kind === 'dropIndex');
}

/**
 * Compiles the ordered steps into the plan. With timeouts, each statement carries its own
 * `lockTimeout` / `statementTimeout` (`'0'` for those that block nobody): the plan holds no `SET`
 * statements, and a runner applies the fields.
 */
export function assemble(b: Builder): Plan {
  const { serverVersion, lockTimeout, statementTimeout } = b.options;
  const compileOptions = serverVersion === undefined ? {} : { serverVersion };
  const operations: Operation[] = [];
  const statements: PlannedStatement[] = [];
  for (const step of b.ordered()) {
    operations.push(step.op);
    for (const stmt of compile(step.op, compileOptions)) {
      const s = adjusted(stmt, step);
      const statementLimit =
        statementTimeout === undefined ? undefined : nonBlocking(step.op, s) ? '0' : statementTimeout;
      statements.push(
        Object.freeze({
          ...s,
          hazards: Object.freeze(s.hazards),
          operation: step.op,
          ...(lockTimeout === undefined ? {} : { lockTimeout }),
          ...(statementLimit === undefined ? {} : { statementTimeout: statementLimit }),
        }),
      );
    }
  }
  const planned = enumValuesInTransaction(statements, serverVersion);
  return Object.freeze({
    operations: Object.freeze(operations),
    statements: Object.freeze(planned),
    notes: Object.freeze([...b.notes]),
    hazards: hazardsOf(planned),
  });
}

/** The plan of two snapshots whose objects are equal: no operation, statement, note or hazard. */
export function emptyPlan(): Plan {
  return Object.freeze({
    operations: Object.freeze([]),
    statements: Object.freeze([]),
    notes: Object.freeze([]),
    hazards: Object.freeze([]),
  });
}

/**
 * A plan's hazards: those of its statements, each kind and message once, in statement order (what
 * `Plan.hazards` holds; for a plan whose statements were narrowed after the diff, too).
 *
 * @example
 * hazardsOf(plan.statements).map((h) => h.kind); // ['access-exclusive-lock', 'deletes-data']
 */
export function hazardsOf(statements: readonly PlannedStatement[]): readonly Hazard[] {
  const seen = new Set<string>();
  const hazards: Hazard[] = [];
  for (const s of statements) {
    for (const h of s.hazards) {
      const k = `${h.kind}\u0000${h.message}`;
      if (!seen.has(k)) {
        seen.add(k);
        hazards.push(h);
      }
    }
  }
  return Object.freeze(hazards);
}
