import {
  DiffError,
  type DiffOptions,
  downPlan,
  type Plan,
  settingsSql,
  type Timeouts,
  timeoutsOf,
} from '@justscale/diff';
import type { Hazard, Operation, Snapshot } from '@justscale/schema';
import { compile, IrreversibleOperationError, invert } from '@justscale/sql';
import { apiCall } from './api-calls.js';
import { describeOperation } from './describe.js';
import type { CreatedTables } from './hazard-filter.js';
import { comment, lit, template } from './literal.js';
import { recordCall } from './recording.js';
import { render, type Src, uses } from './source-tree.js';
import { runOrder } from './split.js';
import { guardDeclarations, guardOf, type ViewGuards } from './view-guards.js';

/** The lines of one direction of a migration, and what its header must say. */
export interface Emitted {
  readonly lines: string[];
  /** The first line of each statement that cannot run in a transaction. */
  readonly nonTransactional: string[];
  /** The hazards left after filtering (what the comments say). */
  readonly hazards: Hazard[];
  /** Names the lines use besides `db`: `field`, `sql`. */
  readonly uses: Set<string>;
}

/** How to write calls. */
export interface EmitOptions {
  /** The target server; the recording Database compiles for it. */
  readonly serverVersion: number | undefined;
  /** Whether calls may use `field` and `sql` (the file can import them). */
  readonly fields: boolean;
  /** The tables created so far in this migration (lock hazards on them are left out). */
  readonly created: CreatedTables;
  /** Views rebuilt only where they exist (see `ViewGuards`). */
  readonly guards?: ViewGuards;
}

export interface EmittedStatement {
  readonly sql: string;
  readonly transactional: boolean;
  readonly hazards: readonly Hazard[];
}

export const indent = '    ';

export function newEmitted(): Emitted {
  return { lines: [], nonTransactional: [], hazards: [], uses: new Set() };
}

/**
 * Each operation of a plan (its hazards as comments, then its call), in order. The statements'
 * timeouts are printed as `db.raw` `SET` lines where they change, and `RESET` at the end: a
 * migration's statements run in its own session settings, and none leaks into the next file.
 */
export async function emitPlan(plan: Plan, current: Snapshot, options: EmitOptions): Promise<Emitted> {
  const out = newEmitted();
  out.lines.push(...guardDeclarations(plan.operations, options.guards, indent));
  let now = current;
  let session: Timeouts = {};
  const settle = (to: Timeouts): void => {
    for (const sql of settingsSql(session, to)) out.lines.push(`${indent}await db.raw(${template(sql)});`);
    session = to;
  };
  for (const op of runOrder(plan)) {
    const statements = plan.statements.filter((s) => s.operation === op);
    if (statements[0] !== undefined) settle(timeoutsOf(statements[0]));
    await emit(out, op, statements, now, options);
    // A constraint the plan added (online mode's temporary NOT NULL check) may be dropped later.
    if (op.kind === 'addConstraint' || op.kind === 'createIndex') now = withCreated(now, [op]);
  }
  settle({});
  return out;
}

/** `down` as the differ plans it from `after` back to `before`; a throw naming why when it cannot. */
export async function planDown(
  before: Snapshot,
  after: Snapshot,
  diffOptions: DiffOptions,
  name: string,
  options: EmitOptions,
): Promise<Emitted> {
  let plan: Plan;
  try {
    plan = downPlan(before, after, diffOptions);
  } catch (error) {
    if (!(error instanceof DiffError)) throw error;
    return { ...newEmitted(), lines: cannotReverse(name, [error.message]) };
  }
  return emitPlan(plan, after, options);
}

/**
 * `down` as the inverse of each step, last first. `earlier` are the operations that ran before
 * `steps` in the same plan (a drop of something they created is inverted against them too).
 * `simplify` may replace the inverse of a step (see `splitOnline`).
 */
export async function invertSteps(
  steps: readonly Operation[],
  earlier: readonly Operation[],
  before: Snapshot,
  name: string,
  options: EmitOptions,
  label: (i: number) => string = (i) => `step ${i + 1}`,
): Promise<Emitted> {
  const down = newEmitted();
  const irreversible: string[] = [];
  const inverses: Operation[][] = [];
  const temporary = temporaryConstraints(steps);
  for (let i = steps.length - 1; i >= 0; i--) {
    const op = steps[i]!;
    // A constraint the steps add and drop again (online mode's NOT NULL check) needs no undoing.
    if (
      (op.kind === 'addConstraint' && temporary.has(constraintKey(op.table, op.constraint.name))) ||
      ((op.kind === 'dropConstraint' || op.kind === 'validateConstraint') &&
        temporary.has(constraintKey(op.table, op.name)))
    )
      continue;
    try {
      inverses.push(
        invertInPlan(op, before, [...earlier, ...steps.slice(0, i)], steps.slice(0, i), steps.slice(i + 1)),
      );
    } catch (error) {
      if (!(error instanceof IrreversibleOperationError)) throw error;
      irreversible.push(`${label(i)} (${op.kind} ${describeOperation(op)}): ${error.reason}`);
    }
  }
  if (irreversible.length > 0) return { ...newEmitted(), lines: cannotReverse(name, irreversible) };
  const compileOptions = options.serverVersion === undefined ? {} : { serverVersion: options.serverVersion };
  const current = withCreated(before, [...earlier, ...steps]);
  down.lines.push(...guardDeclarations(inverses.flat(), options.guards, indent));
  for (const inverse of inverses)
    for (const inv of inverse) await emit(down, inv, compile(inv, compileOptions), current, options);
  return down;
}

const constraintKey = (table: { schema: string; name: string }, name: string) =>
  `${table.schema}\u0000${table.name}\u0000${name}`;

/** The constraints `steps` add and then drop. */
function temporaryConstraints(steps: readonly Operation[]): Set<string> {
  const added = new Set<string>();
  const out = new Set<string>();
  for (const op of steps) {
    if (op.kind === 'addConstraint') added.add(constraintKey(op.table, op.constraint.name));
    else if (op.kind === 'dropConstraint' && added.has(constraintKey(op.table, op.name)))
      out.add(constraintKey(op.table, op.name));
  }
  return out;
}

export function cannotReverse(name: string, reasons: readonly string[]): string[] {
  return [
    `${indent}throw new Error(`,
    `${indent}  ${lit(`Migration ${name} cannot be reversed: ${reasons.join('; ')}.`)},`,
    `${indent});`,
  ];
}

/**
 * `invert(op, before)`, where `before` is the schema before the whole plan. A plan may create an
 * object and drop it again (online mode's temporary `CHECK (col IS NOT NULL)`): such a drop is
 * inverted against `before` plus the constraints and indexes the earlier steps created. An index
 * built and turned into a constraint in the same steps (`USING INDEX`) goes with the constraint.
 */
function invertInPlan(
  op: Operation,
  before: Snapshot,
  earlier: readonly Operation[],
  sameEarlier: readonly Operation[],
  later: readonly Operation[],
): Operation[] {
  const becomesConstraint = (schema: string, index: string) =>
    later.some((o) => o.kind === 'addConstraintUsingIndex' && o.table.schema === schema && o.index === index);
  // Dropping the constraint drops its index: nothing is left to drop or to build again.
  if (op.kind === 'createIndex' && becomesConstraint(op.index.schema, op.index.name)) return [];
  try {
    const inverse = invert(op, op.kind === 'addConstraintUsingIndex' ? withCreated(before, earlier) : before);
    return op.kind === 'addConstraintUsingIndex' &&
      sameEarlier.some(
        (o) => o.kind === 'createIndex' && o.index.name === op.index && o.index.schema === op.table.schema,
      )
      ? inverse.slice(0, 1)
      : inverse;
  } catch (error) {
    if (!(error instanceof IrreversibleOperationError)) throw error;
    if (op.kind !== 'dropConstraint' && op.kind !== 'dropIndex') throw error;
    return invert(op, withCreated(before, earlier));
  }
}

function withCreated(before: Snapshot, earlier: readonly Operation[]): Snapshot {
  let tables = before.tables;
  let indexes = before.indexes;
  for (const op of earlier) {
    if (op.kind === 'addConstraint') {
      tables = tables.map((t) =>
        t.schema === op.table.schema &&
        t.name === op.table.name &&
        !t.constraints.some((c) => c.name === op.constraint.name)
          ? { ...t, constraints: [...t.constraints, op.constraint] }
          : t,
      );
    } else if (
      op.kind === 'createIndex' &&
      !indexes.some((i) => i.schema === op.index.schema && i.name === op.index.name)
    ) {
      indexes = [...indexes, op.index];
    }
  }
  return { ...before, tables, indexes };
}

/**
 * One operation: its hazards that apply, as comments; then the Database API call that builds it
 * when that call, run against a recording Database, gives exactly the planned statements; else
 * `db.raw` with each planned statement, under a comment naming the step.
 */
export async function emit(
  out: Emitted,
  op: Operation,
  statements: readonly EmittedStatement[],
  current: Snapshot,
  options: EmitOptions,
): Promise<void> {
  const guard = guardOf(op, options.guards);
  if (guard === null) return emitUnguarded(out, op, statements, current, options);
  const inner: Emitted = { ...out, lines: [] };
  await emitUnguarded(inner, op, statements, current, options);
  out.lines.push(`${indent}if (${guard}) {`, ...inner.lines.map((l) => `  ${l}`), `${indent}}`);
}

async function emitUnguarded(
  out: Emitted,
  op: Operation,
  statements: readonly EmittedStatement[],
  current: Snapshot,
  options: EmitOptions,
): Promise<void> {
  for (const s of statements) if (!s.transactional) out.nonTransactional.push(firstLine(s.sql));
  const seen = new Set<string>();
  const hazards = options.created.relevant(
    op,
    statements.flatMap((s) => s.hazards),
  );
  options.created.record(op);
  for (const h of hazards) {
    const key = `${h.kind}\u0000${h.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.hazards.push(h);
    out.lines.push(`${indent}${comment(`hazard ${h.kind}: ${h.message}`)}`);
  }
  const call = await exactCall(op, statements, current, options);
  if (call !== null) {
    for (const name of ['field', 'sql']) if (uses(call, name)) out.uses.add(name);
    const text = render(call, indent);
    out.lines.push(`${indent}await ${text};`);
    return;
  }
  out.lines.push(`${indent}${comment(`${op.kind} ${describeOperation(op)}`)}`);
  for (const s of statements) out.lines.push(`${indent}await db.raw(${template(s.sql)});`);
}

/** The API call for `op` when it runs exactly `statements`, else null. */
async function exactCall(
  op: Operation,
  statements: readonly EmittedStatement[],
  current: Snapshot,
  options: EmitOptions,
): Promise<Src | null> {
  const call = apiCall(op, current);
  if (call === null) return null;
  if (!options.fields && (uses(call, 'field') || uses(call, 'sql'))) return null;
  const recorded = await recordCall(call, options.serverVersion ?? Number.POSITIVE_INFINITY);
  if (recorded === null || recorded.length !== statements.length) return null;
  return recorded.every((sql, i) => sql === statements[i]!.sql) ? call : null;
}

function firstLine(sql: string): string {
  const line = sql.split('\n', 1)[0] ?? sql;
  return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}
