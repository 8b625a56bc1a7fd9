import { hazardsOf, type Plan, type PlannedStatement } from '@justscale/diff';
import type { Hazard, HazardKind, Operation, QualifiedName } from '@justscale/schema';

/**
 * Hazards about locks, scans and rewrites: they concern the rows and the traffic of a table that
 * already exists. On a table created earlier in the same migration there are neither.
 */
const TRAFFIC: ReadonlySet<HazardKind> = new Set<HazardKind>([
  'access-exclusive-lock',
  'blocks-writes',
  'builds-index',
  'rewrites-table',
  'validates-by-scan',
  'may-fail-on-existing-data',
]);

const key = (t: QualifiedName) => `${t.schema}\u0000${t.name}`;

/** The table an operation works on, when it works on one (its columns, constraints, indexes). */
function subjectTable(op: Operation): QualifiedName | null {
  if (op.kind === 'createIndex') return { schema: op.index.schema, name: op.index.table };
  if (op.kind === 'createTable') return null;
  const table = (op as { table?: unknown }).table;
  if (typeof table === 'object' && table !== null && 'schema' in table && 'name' in table)
    return table as QualifiedName;
  return null;
}

/**
 * Tracks the tables a migration creates, step by step, and keeps of each step's hazards only
 * those that apply: no lock, scan or rewrite warnings for a table created earlier in the same
 * migration (its indexes, constraints and columns included). Data-loss hazards always stay.
 */
export class CreatedTables {
  readonly #created = new Set<string>();

  /** The hazards of `op` worth a comment, given the tables created before it. */
  relevant(op: Operation, hazards: readonly Hazard[]): Hazard[] {
    const table = subjectTable(op);
    if (table === null || !this.#created.has(key(table))) return [...hazards];
    // A foreign key locks the table it references too (SHARE ROW EXCLUSIVE: writes wait): that
    // warning stays when the referenced table already existed.
    const referenced =
      op.kind === 'addConstraint' && op.constraint.kind === 'foreignKey'
        ? op.constraint.references.table
        : null;
    const locksOther = referenced !== null && !this.#created.has(key(referenced));
    return hazards.filter((h) => !TRAFFIC.has(h.kind) || (locksOther && h.kind === 'blocks-writes'));
  }

  /** Records what `op` creates (call after `relevant`). */
  record(op: Operation): void {
    if (op.kind === 'createTable') this.#created.add(key(op.table));
    else if (op.kind === 'renameTable' && this.#created.has(key(op.table)))
      this.#created.add(key({ schema: op.table.schema, name: op.to }));
    else if (op.kind === 'dropTable') this.#created.delete(key(op.table));
  }
}

/**
 * The plan with each statement's hazards narrowed to those that apply (see `CreatedTables`): a
 * foreign key or index on a table the same plan creates neither locks traffic nor scans rows. What
 * every models plan reports, so that `schema push` on an empty database is not refused for hazards
 * that cannot happen.
 */
export function withRelevantHazards(plan: Plan): Plan {
  const created = new CreatedTables();
  const statements: PlannedStatement[] = [];
  let last: Operation | undefined;
  for (const s of plan.statements) {
    // `record` once an operation's statements are done: one operation may compile to several.
    if (last !== undefined && last !== s.operation) created.record(last);
    last = s.operation;
    const hazards = created.relevant(s.operation, s.hazards);
    statements.push(
      hazards.length === s.hazards.length ? s : Object.freeze({ ...s, hazards: Object.freeze(hazards) }),
    );
  }
  return Object.freeze({ ...plan, statements: Object.freeze(statements), hazards: hazardsOf(statements) });
}
