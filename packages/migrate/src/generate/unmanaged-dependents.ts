import type { RenameHint } from '@justscale/diff';
import type { ObjectRef, QualifiedName, Snapshot } from '@justscale/schema';
import { MigrateError } from '../errors.js';

/** A table or column the models plan drops, and an object the models do not manage that needs it. */
export interface BlockedDrop {
  /** What the plan drops: `table public.tags`, `column public.orgs.legacy`. */
  readonly dropped: string;
  /** What depends on it: `view public.tag_labels`. */
  readonly dependent: string;
}

/**
 * Raised by `planFromModels` when the models drop a table or column that an object they do not
 * manage (a view, a function, a policy, a rule, or a constraint, index or default of a table no model
 * describes) depends on. PostgreSQL would refuse the drop; dropping the dependent too would delete
 * something the models never owned. The user changes or drops it in a hand-written migration first.
 */
export class UnmanagedDependentError extends MigrateError {
  override name = 'UnmanagedDependentError';
  readonly blocked: readonly BlockedDrop[];

  constructor(blocked: readonly BlockedDrop[]) {
    const lines = blocked.map((b) => `  ${b.dependent} depends on ${b.dropped}`);
    super(
      'UNMANAGED_DEPENDENT',
      `The models drop what objects they do not manage depend on:\n${lines.join('\n')}\n` +
        'Change or drop those objects in a hand-written migration first (`justscale migrate make NAME --empty`, ' +
        'then `db.raw(...)` in it), apply it, and generate again.',
    );
    this.blocked = blocked;
  }
}

const tableKey = (schema: string, name: string): string => `${schema}\u0000${name}`;

function describe(ref: ObjectRef): string {
  switch (ref.kind) {
    case 'column':
    case 'default':
      return `${ref.kind} ${ref.schema}.${ref.name}.${ref.column ?? ''}`;
    case 'constraint':
    case 'policy':
    case 'trigger':
    case 'rule':
      return `${ref.kind} ${ref.name} on ${ref.schema}.${ref.table ?? ''}`;
    case 'function':
      return `function ${ref.schema}.${ref.name}(${ref.arguments ?? ''})`;
    default:
      return `${ref.kind} ${ref.schema}.${ref.name}`;
  }
}

/**
 * The drops of a models plan that something the models do not manage depends on, from the
 * database's recorded dependencies (`before.dependencies`): a table of `before` that `desired` lacks,
 * or a column of a table both have that `desired`'s table lacks, neither renamed by `renames`.
 * A dependent counts when the plan would not drop it anyway with what the models own: views,
 * functions, policies and rules always; constraints, indexes, defaults and triggers when their table
 * is one no model describes.
 */
export function blockedDrops(
  before: Snapshot,
  desired: Snapshot,
  models: readonly QualifiedName[],
  renames: readonly RenameHint[],
): BlockedDrop[] {
  const renamedTables = new Map(
    renames.filter((h) => h.kind === 'table').map((h) => [tableKey(h.schema, h.from), h.to]),
  );
  const desiredTables = new Map(desired.tables.map((t) => [tableKey(t.schema, t.name), t]));
  const droppedTables = new Set<string>();
  const droppedColumns = new Set<string>();
  for (const t of before.tables) {
    const k = tableKey(t.schema, t.name);
    const now = desiredTables.get(tableKey(t.schema, renamedTables.get(k) ?? t.name));
    if (now === undefined) {
      droppedTables.add(k);
      continue;
    }
    const renamedColumns = new Set(
      renames
        .filter(
          (h) => h.kind === 'column' && h.schema === t.schema && (h.table === t.name || h.table === now.name),
        )
        .map((h) => h.from),
    );
    const kept = new Set(now.columns.map((c) => c.name));
    for (const c of t.columns) {
      if (!kept.has(c.name) && !renamedColumns.has(c.name)) droppedColumns.add(`${k}\u0000${c.name}`);
    }
  }
  if (droppedTables.size === 0 && droppedColumns.size === 0) return [];

  // A table no model describes and the plan keeps: what hangs on it is not the models' to drop.
  const modelTables = new Set(models.map((t) => tableKey(t.schema, t.name)));
  const unmanagedTable = (schema: string, table: string | undefined): boolean =>
    table !== undefined &&
    !modelTables.has(tableKey(schema, table)) &&
    !droppedTables.has(tableKey(schema, table));
  const unmanaged = (ref: ObjectRef): boolean => {
    switch (ref.kind) {
      case 'view':
      case 'function':
      case 'policy':
      case 'rule':
        return true;
      case 'constraint':
      case 'trigger':
        return unmanagedTable(ref.schema, ref.table);
      case 'default':
      case 'column':
        return unmanagedTable(ref.schema, ref.name);
      default:
        return false;
    }
  };
  const blocked: BlockedDrop[] = [];
  const seen = new Set<string>();
  for (const d of before.dependencies ?? []) {
    const on = d.on;
    // A view records the columns it reads: a column of a dropped table is that table.
    const table = on.kind === 'table' || on.kind === 'column' ? tableKey(on.schema, on.name) : undefined;
    const dropped =
      table !== undefined && droppedTables.has(table)
        ? `table ${on.schema}.${on.name}`
        : on.kind === 'column' && droppedColumns.has(`${table}\u0000${on.column ?? ''}`)
          ? `column ${on.schema}.${on.name}.${on.column ?? ''}`
          : undefined;
    if (dropped === undefined || !unmanaged(d.from)) continue;
    const entry = { dropped, dependent: describe(d.from) };
    const id = `${entry.dependent}\u0001${entry.dropped}`;
    if (seen.has(id)) continue;
    seen.add(id);
    blocked.push(entry);
  }
  return blocked.sort((a, b) => (a.dependent < b.dependent ? -1 : a.dependent > b.dependent ? 1 : 0));
}
