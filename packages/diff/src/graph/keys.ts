import type { ObjectRef, Operation, QualifiedName, Snapshot } from '@justscale/schema';

/**
 * Keys of the objects an operation creates (or alters into their new shape) and drops (or alters
 * away from their old shape), in one namespace shared with the recorded dependencies (`refKeys`).
 * Tables and views share `rel` keys, as they share PostgreSQL's relation namespace.
 */
export interface Effects {
  readonly creates: readonly string[];
  readonly drops: readonly string[];
}

const NUL = '\u0000';
const rel = (o: QualifiedName): string => ['rel', o.schema, o.name].join(NUL);
const col = (t: QualifiedName, c: string): string => ['col', t.schema, t.name, c].join(NUL);
const def = (t: QualifiedName, c: string): string => ['def', t.schema, t.name, c].join(NUL);
const inTable = (kind: string, t: QualifiedName, name: string): string =>
  [kind, t.schema, t.name, name].join(NUL);
const named = (kind: string, o: QualifiedName): string => [kind, o.schema, o.name].join(NUL);
const fn = (o: QualifiedName, args: string): string => ['fn', o.schema, o.name, args].join(NUL);

/**
 * The keys that stand for a recorded dependency's end: its own key first, then the relation it
 * lives in (a view's columns are created with the view; a default with its table).
 */
export function refKeys(r: ObjectRef): string[] {
  const table = { schema: r.schema, name: r.table ?? r.name };
  switch (r.kind) {
    case 'table':
    case 'view':
      return [rel(r)];
    case 'column':
      return [col(r, r.column ?? ''), rel(r)];
    case 'default':
      return [def(r, r.column ?? ''), rel(r)];
    case 'constraint':
      return [inTable('con', table, r.name), rel(table)];
    case 'policy':
      return [inTable('pol', table, r.name), rel(table)];
    case 'trigger':
      return [inTable('trg', table, r.name), rel(table)];
    case 'rule':
      return [inTable('rule', table, r.name), rel(table)];
    case 'function':
      return [fn(r, r.arguments ?? '')];
    case 'sequence':
      return [named('seq', r)];
    case 'index':
      return [named('idx', r)];
    case 'type':
      return [named('type', r)];
    case 'collation':
      return [named('coll', r)];
  }
}

const none: Effects = { creates: [], drops: [] };

/** The rules on a table or view, which go with it when it is dropped. */
const rulesOn = (s: Snapshot, t: QualifiedName): string[] =>
  (s.rules ?? [])
    .filter((r) => r.schema === t.schema && r.table === t.name)
    .map((r) => inTable('rule', t, r.name));

/**
 * What an operation does to the named objects. `current` gives the parts of what a drop removes
 * that the operation does not list (a dropped table's columns). Renames have no effects: they run
 * first, and the rest of the plan is computed on the renamed schema.
 */
export function effects(op: Operation, current: Snapshot): Effects {
  switch (op.kind) {
    case 'createTable': {
      const t = op.table;
      return {
        creates: [
          rel(t),
          ...t.columns.flatMap((c) => [col(t, c.name), def(t, c.name)]),
          ...t.constraints.map((c) => inTable('con', t, c.name)),
          ...t.policies.map((p) => inTable('pol', t, p.name)),
        ],
        drops: [],
      };
    }
    case 'dropTable': {
      const t = current.tables.find((x) => x.schema === op.table.schema && x.name === op.table.name);
      return {
        creates: [],
        drops: [
          rel(op.table),
          ...(t?.columns ?? []).flatMap((c) => [col(op.table, c.name), def(op.table, c.name)]),
          ...(t?.constraints ?? []).map((c) => inTable('con', op.table, c.name)),
          ...(t?.policies ?? []).map((p) => inTable('pol', op.table, p.name)),
          ...rulesOn(current, op.table),
          // Its indexes and triggers go with it too.
          ...current.indexes
            .filter((i) => i.schema === op.table.schema && i.table === op.table.name)
            .map((i) => named('idx', i)),
          ...current.triggers
            .filter((x) => x.schema === op.table.schema && x.table === op.table.name)
            .map((x) => inTable('trg', op.table, x.name)),
        ],
      };
    }
    case 'addColumn':
      return { creates: [col(op.table, op.column.name), def(op.table, op.column.name)], drops: [] };
    case 'dropColumn':
      return { creates: [], drops: [col(op.table, op.column), def(op.table, op.column)] };
    case 'alterColumnType':
      // The column changes shape: what reads it goes before and comes back after.
      return { creates: [col(op.table, op.column)], drops: [col(op.table, op.column)] };
    case 'setColumnDefault':
      return { creates: [def(op.table, op.column)], drops: [def(op.table, op.column)] };
    case 'dropColumnDefault':
      return { creates: [], drops: [def(op.table, op.column)] };
    case 'addConstraint':
      return { creates: [inTable('con', op.table, op.constraint.name)], drops: [] };
    case 'addConstraintUsingIndex':
      return {
        creates: [inTable('con', op.table, op.name)],
        drops: [named('idx', { schema: op.table.schema, name: op.index })],
      };
    case 'dropConstraint':
      return { creates: [], drops: [inTable('con', op.table, op.name)] };
    case 'createIndex':
      return { creates: [named('idx', op.index)], drops: [] };
    case 'dropIndex':
      return { creates: [], drops: [named('idx', op.index)] };
    case 'createView':
      // OR REPLACE keeps what depends on the view: nothing is dropped.
      return { creates: [rel(op.view)], drops: [] };
    case 'dropView':
      return { creates: [], drops: [rel(op.view), ...rulesOn(current, op.view)] };
    case 'createFunction':
      return { creates: [fn(op.function, op.function.identityArguments)], drops: [] };
    case 'dropFunction':
      return { creates: [], drops: [fn(op.function, op.function.identityArguments)] };
    case 'createTrigger': {
      const t = { schema: op.trigger.schema, name: op.trigger.table };
      return { creates: [inTable('trg', t, op.trigger.name)], drops: [] };
    }
    case 'dropTrigger':
      return { creates: [], drops: [inTable('trg', op.table, op.name)] };
    case 'createPolicy':
      return { creates: [inTable('pol', op.table, op.policy.name)], drops: [] };
    case 'alterPolicy':
      return { creates: [inTable('pol', op.table, op.name)], drops: [inTable('pol', op.table, op.name)] };
    case 'dropPolicy':
      return { creates: [], drops: [inTable('pol', op.table, op.name)] };
    case 'createSequence':
      return { creates: [named('seq', op.sequence)], drops: [] };
    case 'dropSequence':
      return { creates: [], drops: [named('seq', op.sequence)] };
    case 'createEnum':
      return { creates: [named('type', op.enum)], drops: [] };
    case 'createDomain':
      return { creates: [named('type', op.domain)], drops: [] };
    case 'createCompositeType':
      return { creates: [named('type', op.type)], drops: [] };
    case 'dropType':
      return { creates: [], drops: [named('type', op.type)] };
    case 'createCollation':
      return { creates: [named('coll', op.collation)], drops: [] };
    case 'dropCollation':
      return { creates: [], drops: [named('coll', op.collation)] };
    case 'createRule': {
      const t = { schema: op.rule.schema, name: op.rule.table };
      return { creates: [inTable('rule', t, op.rule.name)], drops: [] };
    }
    case 'dropRule':
      return { creates: [], drops: [inTable('rule', op.table, op.name)] };
    default:
      return none;
  }
}

/**
 * `keys` with, beside each, the same key under the names it had before the plan's renames: the
 * recorded dependencies are read from the database as it is, so a view reading `t.title` depends
 * on the column that a rename turns into `t.name` (PostgreSQL follows the column, not its name).
 */
export function withOldNames(keys: readonly string[], ops: readonly Operation[]): string[] {
  const oldTable = new Map<string, string>();
  const oldColumn = new Map<string, string>();
  for (const op of ops) {
    if (op.kind === 'renameTable') oldTable.set([op.table.schema, op.to].join(NUL), op.table.name);
    if (op.kind === 'renameColumn') {
      oldColumn.set([op.table.schema, op.table.name, op.to].join(NUL), op.from);
    }
  }
  if (oldTable.size === 0 && oldColumn.size === 0) return [...keys];
  const out = new Set(keys);
  for (const key of keys) {
    const [kind, schema, table, column] = key.split(NUL) as [string, string, string, string?];
    const tables = [table, oldTable.get([schema, table].join(NUL))].filter((t) => t !== undefined);
    if (kind === 'rel') {
      for (const t of tables) out.add([kind, schema, t].join(NUL));
    } else if ((kind === 'col' || kind === 'def') && column !== undefined) {
      for (const t of tables) {
        // A column renamed on the table under either of its names.
        const from = tables
          .map((n) => oldColumn.get([schema, n, column].join(NUL)))
          .find((c) => c !== undefined);
        out.add([kind, schema, t, column].join(NUL));
        if (from !== undefined) out.add([kind, schema, t, from].join(NUL));
      }
    }
  }
  return [...out];
}
