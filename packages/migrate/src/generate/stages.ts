import { type DiffOptions, diff, type Plan } from '@justscale/diff';
import type { EnumType, Index, Operation, QualifiedName, Snapshot, Table } from '@justscale/schema';

/** A plan between two known schemas: one stage of `stagePlan`. */
export interface PlanStage {
  readonly plan: Plan;
  /** The schema before the stage's plan. */
  readonly before: Snapshot;
  /** The schema after it. */
  readonly after: Snapshot;
}

const key = (o: QualifiedName) => `${o.schema}\u0000${o.name}`;

/**
 * The plan from `before` to `after` in stages whose schemas in between are known, for
 * `migrate make --online`, so that each stage's `down` can be the differ's own plan back
 * (`downPlan(stage.before, stage.after)`) rather than step-by-step inverses that cannot see what
 * earlier steps changed (a view dropped in one file and created in a later one, an enum rebuilt, an
 * index recreated under a `CLUSTER ON`):
 *
 * 1. each plain index the plan drops `CONCURRENTLY`, alone (nothing in the schema needs a plain
 *    index, so it can go first);
 * 2. each value added to an existing enum, alone (an `ADD VALUE` cannot be used in the transaction
 *    that adds it; its way back rebuilds the type, which needs the schema around it);
 * 3. everything else but the indexes the plan builds `CONCURRENTLY`;
 * 4. each such index, alone; then each new key built on an index `CONCURRENTLY` (`ADD CONSTRAINT
 *    ... USING INDEX`), alone;
 * 5. what needs those indexes (`CLUSTER ON` them, a replica identity using one).
 *
 * A key that replaces one of the same name, and unique indexes and keys of a table a foreign key
 * references, stay where the plan has them (in stage 3). Stages with nothing to run are left out; a plan with no
 * such index and no such value is one stage, `plan` itself.
 *
 * @example
 * const stages = stagePlan(plan, before, after, { online: true });
 * stages.map((s) => s.plan.statements.length);
 */
export function stagePlan(plan: Plan, before: Snapshot, after: Snapshot, options: DiffOptions): PlanStage[] {
  const dropped = concurrentIndexes(plan, 'dropIndex', before);
  const built = concurrentIndexes(plan, 'createIndex', after).filter(
    (i) => !plan.operations.some((op) => op.kind === 'addConstraintUsingIndex' && op.index === i.name),
  );
  const keys = concurrentKeys(plan, before, after);
  const enumSteps = growingEnums(before, after, options);
  if (dropped.length === 0 && built.length === 0 && keys.length === 0 && enumSteps.length === 0)
    return [{ plan, before, after }];

  const schemas: Snapshot[] = [before];
  let current = before;
  for (const index of dropped) {
    current = withoutIndexes(current, [index], current);
    schemas.push(current);
  }
  for (const enums of enumSteps) {
    current = { ...current, enums };
    schemas.push(current);
  }
  const middle = withoutKeys(withoutIndexes(after, built, current), keys);
  schemas.push(middle);
  current = middle;
  for (const index of built) {
    current = withIndex(current, index, after);
    schemas.push(current);
  }
  for (const k of keys) {
    current = withKey(current, k, after);
    schemas.push(current);
  }
  schemas.push(after);

  const middleAt = schemas.indexOf(middle);
  const stages: PlanStage[] = [];
  for (let i = 1; i < schemas.length; i++) {
    const from = schemas[i - 1]!;
    const to = schemas[i]!;
    // The rename hints are the middle stage's: it is the one that changes tables and types.
    let plan = diff(from, to, i === middleAt ? options : { ...options, renames: [] });
    // PostgreSQL itself leaves a table whose identity index was dropped at NOTHING: no statement.
    if (i <= dropped.length) plan = withoutOperations(plan, (op) => op.kind === 'setReplicaIdentity');
    if (plan.statements.length > 0) stages.push({ plan, before: from, after: to });
  }
  return stages;
}

/** The indexes of `side` the plan drops or builds outside a transaction, in plan order. */
function concurrentIndexes(plan: Plan, kind: 'dropIndex' | 'createIndex', side: Snapshot): Index[] {
  // A unique index may be what a foreign key references: it is built where the plan builds it.
  const referenced = new Set(
    side.tables.flatMap((t) =>
      t.constraints.flatMap((c) => (c.kind === 'foreignKey' ? [key(c.references.table)] : [])),
    ),
  );
  const attached = new Set(
    plan.operations.flatMap((op) =>
      op.kind === 'attachIndex' ? [key(op.index), key(op.partitionIndex)] : [],
    ),
  );
  const out: Index[] = [];
  for (const s of plan.statements) {
    const op: Operation = s.operation;
    if (s.transactional || op.kind !== kind) continue;
    const name = op.kind === 'createIndex' ? op.index : op.kind === 'dropIndex' ? op.index : null;
    if (name === null) continue;
    const index = side.indexes.find((i) => key(i) === key(name));
    if (index === undefined) continue;
    if (index.unique && referenced.has(key({ schema: index.schema, name: index.table }))) continue;
    // An index whose table goes or comes in the same plan is the table's business; one of a
    // partition or a partitioned table is part of the plan's ON ONLY ... ATTACH recipe.
    const table = side.tables.find((t) => t.schema === index.schema && t.name === index.table);
    if (table === undefined || table.partitionOf !== null || table.partitionBy !== null) continue;
    if (attached.has(key(index))) continue;
    if (!out.includes(index)) out.push(index);
  }
  return out;
}

/**
 * `s` without `indexes`, and no recorded dependency of or on them. A `CLUSTER ON` or a replica
 * identity that used one of them is what `previous` has (the schema the stage starts from) when that
 * does not use one of them either; else none, and `NOTHING` (what PostgreSQL does once the index
 * of a replica identity is dropped).
 */
function withoutIndexes(s: Snapshot, indexes: readonly Index[], previous: Snapshot): Snapshot {
  const gone = new Set(indexes.map(key));
  const goneName = (t: Table, name: string | undefined) =>
    name !== undefined && gone.has(key({ schema: t.schema, name }));
  const identityIndex = (t: Table | undefined) =>
    typeof t?.replicaIdentity === 'object' ? t.replicaIdentity.index : undefined;
  const fix = (t: Table): Table => {
    const was = previous.tables.find((p) => key(p) === key(t));
    let out: Table = t;
    if (goneName(t, t.clusterOn)) {
      const { clusterOn: _, ...rest } = out;
      out =
        was?.clusterOn !== undefined && !goneName(t, was.clusterOn)
          ? { ...rest, clusterOn: was.clusterOn }
          : rest;
    }
    if (goneName(t, identityIndex(t))) {
      const { replicaIdentity: _, ...rest } = out;
      // PostgreSQL keeps a dropped identity index's table at NOTHING; else the stage keeps what was.
      if (was === undefined || goneName(t, identityIndex(was))) out = { ...rest, replicaIdentity: 'NOTHING' };
      else out = was.replicaIdentity === undefined ? rest : { ...rest, replicaIdentity: was.replicaIdentity };
    }
    return out;
  };
  const isGone = (r: { kind: string; schema: string; name: string }) =>
    r.kind === 'index' && gone.has(key(r));
  return {
    ...s,
    tables: s.tables.map(fix),
    indexes: s.indexes.filter((i) => !gone.has(key(i))),
    ...(s.dependencies === undefined
      ? {}
      : { dependencies: s.dependencies.filter((d) => !isGone(d.from) && !isGone(d.on)) }),
  };
}

/** `s` with `index` of `after` (and `after`'s recorded dependencies of it). */
function withIndex(s: Snapshot, index: Index, after: Snapshot): Snapshot {
  const own = (after.dependencies ?? []).filter((d) => d.from.kind === 'index' && key(d.from) === key(index));
  return {
    ...s,
    indexes: [...s.indexes, index],
    ...(s.dependencies === undefined ? {} : { dependencies: [...s.dependencies, ...own] }),
  };
}

/** Whether `to` is `from` with values added and none removed or moved (planned as `ADD VALUE`). */
function onlyAdded(from: readonly string[], to: readonly string[]): boolean {
  let at = -1;
  for (const v of from) {
    const i = to.indexOf(v, at + 1);
    if (i < 0) return false;
    at = i;
  }
  return to.length > from.length;
}

/**
 * `before`'s enums growing one added value at a time toward `after`'s (in `after`'s order), for
 * stages of one value each: each file's `down` then takes out its own value. Empty when none is added.
 */
function growingEnums(before: Snapshot, after: Snapshot, options: DiffOptions): EnumType[][] {
  const hinted = new Set(
    (options.renames ?? [])
      .filter((h) => h.kind === 'type' || h.kind === 'enumValue')
      .flatMap((h) =>
        h.kind === 'type'
          ? [key({ schema: h.schema, name: h.from }), key({ schema: h.schema, name: h.to })]
          : [key({ schema: h.schema, name: h.table ?? '' })],
      ),
  );
  const wanted = new Map(after.enums.map((e) => [key(e), e]));
  const steps: EnumType[][] = [];
  let enums = [...before.enums];
  for (const [i, e] of before.enums.entries()) {
    const to = wanted.get(key(e));
    if (to === undefined || hinted.has(key(e)) || !onlyAdded(e.values, to.values)) continue;
    const have = new Set(e.values);
    for (const v of to.values) {
      if (have.has(v)) continue;
      have.add(v);
      const values = to.values.filter((x) => have.has(x));
      enums = enums.map((x, j) => (j === i ? { ...x, values } : x));
      steps.push(enums);
    }
  }
  return steps;
}

function withoutOperations(plan: Plan, drop: (op: Operation) => boolean): Plan {
  if (!plan.operations.some(drop)) return plan;
  return {
    ...plan,
    operations: plan.operations.filter((op) => !drop(op)),
    statements: plan.statements.filter((st) => !drop(st.operation)),
  };
}

/** A key the plan adds through an index built `CONCURRENTLY`: its table and name. */
interface NewKey {
  readonly table: QualifiedName;
  readonly name: string;
}

/**
 * The primary keys and unique constraints the plan adds `USING INDEX` an index it builds
 * `CONCURRENTLY`, that are new (no key of that name on the table before) on a table both sides
 * have, and that no foreign key of `after` may need (none references the table).
 */
function concurrentKeys(plan: Plan, before: Snapshot, after: Snapshot): NewKey[] {
  const referenced = new Set(
    after.tables.flatMap((t) =>
      t.constraints.flatMap((c) => (c.kind === 'foreignKey' ? [key(c.references.table)] : [])),
    ),
  );
  const concurrent = new Set(
    plan.statements.flatMap((st) =>
      !st.transactional && st.operation.kind === 'createIndex' ? [key(st.operation.index)] : [],
    ),
  );
  const out: NewKey[] = [];
  for (const op of plan.operations) {
    if (op.kind !== 'addConstraintUsingIndex') continue;
    if (!concurrent.has(key({ schema: op.table.schema, name: op.index }))) continue;
    if (referenced.has(key(op.table))) continue;
    const was = before.tables.find((t) => key(t) === key(op.table));
    const now = after.tables.find((t) => key(t) === key(op.table));
    if (was === undefined || now === undefined) continue;
    if (was.constraints.some((c) => c.name === op.name)) continue;
    if (!now.constraints.some((c) => c.name === op.name)) continue;
    out.push({ table: op.table, name: op.name });
  }
  return out;
}

/** `s` without `keys`. */
function withoutKeys(s: Snapshot, keys: readonly NewKey[]): Snapshot {
  if (keys.length === 0) return s;
  const gone = new Set(keys.map((k) => `${key(k.table)}\u0000${k.name}`));
  return {
    ...s,
    tables: s.tables.map((t) =>
      t.constraints.some((c) => gone.has(`${key(t)}\u0000${c.name}`))
        ? { ...t, constraints: t.constraints.filter((c) => !gone.has(`${key(t)}\u0000${c.name}`)) }
        : t,
    ),
  };
}

/**
 * `s` with the key `k` as `after` has it, but for the comment on its index: that one is set by the
 * last stage, whose schema before already has the key (a stage that builds the index concurrently is
 * split around its non-transactional statement, and the comment's own part must find the key).
 */
function withKey(s: Snapshot, k: NewKey, after: Snapshot): Snapshot {
  const found = after.tables.find((t) => key(t) === key(k.table))?.constraints.find((c) => c.name === k.name);
  if (found === undefined) return s;
  const constraint =
    'indexComment' in found && found.indexComment !== undefined
      ? (({ indexComment: _comment, ...rest }) => rest)(found)
      : found;
  return {
    ...s,
    tables: s.tables.map((t) =>
      key(t) === key(k.table) ? { ...t, constraints: [...t.constraints, constraint] } : t,
    ),
  };
}
