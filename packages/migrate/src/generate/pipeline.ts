import { type DiffOptions, diff, type Note, type Plan, type RenameHint } from '@justscale/diff';
import type { Driver } from '@justscale/driver';
import { introspect } from '@justscale/introspect';
import { type EnumDef, type ModelLike, modelsToSnapshot, renameHintsOf } from '@justscale/models';
import type { QualifiedName, Snapshot } from '@justscale/schema';
import { canonicalizeSnapshot } from '../canonicalize/index.js';
import { viewsAfterRenames } from './after-renames.js';
import { withDatabaseState } from './database-state.js';
import { withRelevantHazards } from './hazard-filter.js';
import { NOTHING_OWNED, type OwnedObjects, ownedBy, owns, readOwnership, unionOwned } from './ownership.js';
import { blockedDrops, UnmanagedDependentError } from './unmanaged-dependents.js';

/** Options of `planFromModels` (and of `generateMigration`, `syncSchema`, `makeMigration`). */
export interface PlanFromModelsOptions {
  /** Schemas to read besides the models' own (the config's `schemas`). Default: the models' schemas. */
  readonly schemas?: readonly string[];
  /** Rename hints besides the models' own (`.renamedFrom()`, `renamedFrom`, `renamedValues`). */
  readonly renames?: readonly RenameHint[];
  /** Online mode: indexes `CONCURRENTLY`, constraints `NOT VALID` then validated, ... */
  readonly online?: boolean;
  /** `lock_timeout` set before each statement (default `'5s'` online). */
  readonly lockTimeout?: string;
  readonly statementTimeout?: string;
  /** The tracking table, left out of the comparison. Default `'_migrations'`. */
  readonly migrationsTable?: string | { readonly schema: string; readonly name: string } | null;
  /**
   * The migrations directory: its ownership record (`.models/`, written by `makeMigration` and
   * `justscale migrate make`) says which tables and enums the models owned before.
   */
  readonly directory?: string;
  /** What the models owned before, besides the directory's record. */
  readonly owned?: OwnedObjects;
  /**
   * Drop every table and enum of the read schemas that no model describes, owned or not
   * (`deletes-data`). Default false: only what a record shows the models owned is dropped.
   */
  readonly prune?: boolean;
}

/** What `planFromModels` found. */
export interface ModelsPlan {
  /** The plan from the database to the models, its notes naming the tables left alone. */
  readonly plan: Plan;
  /** The database's schema before the plan (what `down` returns to). */
  readonly before: Snapshot;
  /** The schema after the plan: the models in canonical spelling, and what they do not own, kept. */
  readonly desired: Snapshot;
  /** The tables and enums the models describe: the ownership record after the plan. */
  readonly owned: OwnedObjects;
  /** The target server (`server_version_num`). */
  readonly serverVersion: number;
  /**
   * What the plan was diffed with besides the server version: every rename hint (the models', the
   * renames file's and the derived constraint and index names) and the online options. A generated
   * `down` plans the way back with them (`downPlan`), so a rename is renamed back, not dropped.
   */
  readonly diffOptions: Omit<DiffOptions, 'serverVersion'>;
}

/**
 * The one models-to-plan pipeline: `generateMigration`, `applyMigration`'s callers, `syncSchema`,
 * `makeMigration`, `justscale migrate make` and `justscale schema push` all plan through it.
 * It reads the database, canonicalises the models, keeps what the models do not own (views,
 * functions, triggers, rules, collations, sequences, domains, composite types, grants, extensions, schema comments,
 * and tables and enums the ownership record does not list), applies the models' rename hints, and
 * diffs. Nothing is changed (a plan that renames what a kept view reads runs its renames in a
 * transaction that is rolled back, to read the view as PostgreSQL rewrites it: `viewsAfterRenames`).
 *
 * @example
 * const { plan, owned } = await planFromModels(driver, [PgUser, PgPost], { directory: './migrations' });
 * for (const s of plan.statements) console.log(s.sql);
 */
export async function planFromModels(
  driver: Driver,
  models: readonly (ModelLike | EnumDef)[],
  options: PlanFromModelsOptions = {},
): Promise<ModelsPlan> {
  const modelSnapshot = modelsToSnapshot(...models);
  const schemas = [
    ...new Set([
      ...(options.schemas ?? []),
      ...modelSnapshot.tables.map((t) => t.schema),
      ...modelSnapshot.enums.map((e) => e.schema),
    ]),
  ];
  const serverVersion = (await driver.serverVersion()).num;
  // Privileges too: the models never change a grant, but an object the plan has to drop and create
  // again (a view over a retyped column) gets its grants back only if the plan knows them.
  const readOptions = {
    schemas: schemas.length === 0 ? ['public'] : schemas,
    privileges: true,
    ...(options.migrationsTable === undefined ? {} : { migrationsTable: options.migrationsTable }),
  };
  const before = await introspect(driver, readOptions);
  const canonical = await canonicalizeSnapshot(driver, modelSnapshot);
  const recorded = options.directory === undefined ? NOTHING_OWNED : await readOwnership(options.directory);
  const ownedBefore = unionOwned(recorded, options.owned ?? NOTHING_OWNED);
  const hints = [...(renameHintsOf(...models) as RenameHint[]), ...(options.renames ?? [])];
  const renames = [...hints, ...derivedNameRenames(before, canonical, hints)];
  const kept = keepUnowned(before, canonical, ownedBefore, renames, options.prune === true);
  const { leftAlone } = kept;
  let desired = kept.desired;
  const diffOptions: Omit<DiffOptions, 'serverVersion'> = {
    renames,
    ...(options.online === undefined ? {} : { online: options.online }),
    ...(options.lockTimeout === undefined ? {} : { lockTimeout: options.lockTimeout }),
    ...(options.statementTimeout === undefined ? {} : { statementTimeout: options.statementTimeout }),
  };
  const blocked = blockedDrops(before, desired, canonical.tables, renames);
  if (blocked.length > 0) throw new UnmanagedDependentError(blocked);
  let plan = diff(before, desired, { serverVersion, ...diffOptions });
  // A kept view that the plan recreates after a rename reads the new names (see viewsAfterRenames).
  const renamed = await viewsAfterRenames(driver, plan, desired, readOptions);
  if (renamed !== desired) {
    desired = renamed;
    plan = diff(before, desired, { serverVersion, ...diffOptions });
  }
  const notes: Note[] = leftAlone.map((o) => ({
    kind: 'not-managed',
    message: `${o.kind} ${o.schema}.${o.name} is in the database but in no model, and no migration record shows the models owned it: left as it is (prune drops it).`,
  }));
  // Hazards that apply only: nothing locks or scans a table the same plan creates.
  plan = withRelevantHazards(plan);
  return {
    plan: notes.length === 0 ? plan : { ...plan, notes: Object.freeze([...plan.notes, ...notes]) },
    before,
    desired,
    owned: ownedBy(canonical),
    serverVersion,
    diffOptions,
  };
}

interface LeftAlone extends QualifiedName {
  readonly kind: 'table' | 'enum';
}

const key = (o: QualifiedName): string => `${o.schema}\u0000${o.name}`;

/**
 * The desired snapshot: the models, plus everything of `before` they do not own. Tables and enums
 * no model describes stay unless the record says the models owned them (or `prune`); the source of
 * a table or type rename hint is not kept (the rename consumes it).
 */
function keepUnowned(
  before: Snapshot,
  models: Snapshot,
  owned: OwnedObjects,
  renames: readonly RenameHint[],
  prune: boolean,
): { desired: Snapshot; leftAlone: LeftAlone[] } {
  const renamedTables = new Set(
    renames.filter((h) => h.kind === 'table').map((h) => key({ ...h, name: h.from })),
  );
  const renamedTypes = new Set(
    renames.filter((h) => h.kind === 'type').map((h) => key({ ...h, name: h.from })),
  );
  const leftAlone: LeftAlone[] = [];
  const described = (list: readonly QualifiedName[]): Set<string> => new Set(list.map(key));
  const modelTables = described(models.tables);
  const modelEnums = described(models.enums);
  const keptTables = before.tables.filter((t) => {
    if (modelTables.has(key(t)) || renamedTables.has(key(t))) return false;
    if (prune || owns(owned.tables, t)) return false;
    leftAlone.push({ kind: 'table', schema: t.schema, name: t.name });
    return true;
  });
  const keptEnums = before.enums.filter((e) => {
    if (modelEnums.has(key(e)) || renamedTypes.has(key(e))) return false;
    if (prune || owns(owned.enums, e)) return false;
    leftAlone.push({ kind: 'enum', schema: e.schema, name: e.name });
    return true;
  });
  const tables = [...withDatabaseState(models.tables, before, renames, models.indexes), ...keptTables];
  const relations = described([...tables, ...before.views]);
  // What hangs on a renamed table (triggers, owned sequences, grants) follows it to its new name.
  const newName = new Map(
    renames.filter((h) => h.kind === 'table').map((h) => [key({ ...h, name: h.from }), h.to]),
  );
  const follow = <T extends QualifiedName>(o: T): T => {
    const to = newName.get(key(o));
    return to === undefined ? o : { ...o, name: to };
  };
  const schemaNames = described(before.schemas.map((s) => ({ schema: s.name, name: s.name })));
  const desired: Snapshot = {
    ...models,
    // Schemas, their comments and owners are the database's; a schema a model names is added.
    schemas: [
      ...before.schemas,
      ...models.schemas.filter((s) => !schemaNames.has(key({ schema: s.name, name: s.name }))),
    ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    tables,
    enums: [...models.enums, ...keptEnums],
    // Indexes of what the models do not own (kept tables, materialized views) stay.
    indexes: [
      ...models.indexes,
      ...before.indexes.filter((i) => {
        const on = key({ schema: i.schema, name: i.table });
        return !modelTables.has(on) && !newName.has(on) && relations.has(on);
      }),
    ],
    extensions: before.extensions,
    domains: before.domains,
    compositeTypes: before.compositeTypes,
    sequences: before.sequences
      .map((q) =>
        q.ownedBy === null ? q : { ...q, ownedBy: { ...q.ownedBy, table: follow(q.ownedBy.table) } },
      )
      .filter((q) => q.ownedBy === null || relations.has(key(q.ownedBy.table))),
    views: before.views,
    functions: before.functions,
    triggers: before.triggers
      .map((t) => ({ ...t, table: follow({ schema: t.schema, name: t.table }).name }))
      .filter((t) => relations.has(key({ schema: t.schema, name: t.table }))),
    // Models never own collations or rules: they stay as the database has them.
    collations: before.collations ?? [],
    rules: (before.rules ?? []).filter((r) => relations.has(key({ schema: r.schema, name: r.table }))),
    grants: before.grants
      .map((g) => (g.objectKind === 'table' ? { ...g, object: follow(g.object) } : g))
      .filter((g) => g.objectKind !== 'table' || relations.has(key(g.object))),
  };
  return { desired, leftAlone };
}

/**
 * The constraints and indexes whose names PostgreSQL derived from a renamed table or column
 * (`doors_pkey` → `gates_pkey`, `users_mail_key` → `users_email_key`): renamed with it, rather than
 * dropped and created again, when the models name them so and the database has the old name.
 */
function derivedNameRenames(before: Snapshot, models: Snapshot, hints: readonly RenameHint[]): RenameHint[] {
  const derived: RenameHint[] = [];
  const tableHints = hints.filter((h) => h.kind === 'table');
  for (const t of models.tables) {
    const from = tableHints.find((h) => h.schema === t.schema && h.to === t.name)?.from ?? t.name;
    const old = before.tables.find((x) => x.schema === t.schema && x.name === from);
    if (old === undefined) continue;
    const columns = hints.filter(
      (h) => h.kind === 'column' && h.schema === t.schema && (h.table === t.name || h.table === from),
    );
    const rename = (name: string): string => {
      let next = name.startsWith(`${from}_`) ? `${t.name}_${name.slice(from.length + 1)}` : name;
      for (const c of columns) next = next.replace(`_${c.from}_`, `_${c.to}_`);
      return next;
    };
    const taken = (name: string, list: readonly { name: string }[]): boolean =>
      list.some((x) => x.name === name);
    for (const c of old.constraints) {
      const to = rename(c.name);
      if (
        to !== c.name &&
        taken(to, t.constraints) &&
        !taken(to, old.constraints) &&
        !taken(c.name, t.constraints)
      )
        derived.push({ kind: 'constraint', schema: t.schema, table: t.name, from: c.name, to });
    }
    const oldIndexes = before.indexes.filter((i) => i.schema === t.schema && i.table === from);
    const newIndexes = models.indexes.filter((i) => i.schema === t.schema && i.table === t.name);
    for (const i of oldIndexes) {
      const to = rename(i.name);
      if (
        to !== i.name &&
        taken(to, newIndexes) &&
        !before.indexes.some((x) => x.schema === t.schema && x.name === to)
      )
        derived.push({ kind: 'index', schema: t.schema, from: i.name, to });
    }
  }
  return derived;
}
