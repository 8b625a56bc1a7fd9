import {
  type DiffOptions,
  type Plan,
  type PlannedStatement,
  planScript,
  settingsSql,
  type Timeouts,
  timeoutsOf,
} from '@justscale/diff';
import type { Driver } from '@justscale/driver';
import type { EnumDef, ModelLike } from '@justscale/models';
import type { Hazard, HazardKind, OperationKind, Snapshot } from '@justscale/schema';
import { type DriverInput, toDriver } from '../connection/to-driver.js';
import { MigrateError } from '../errors.js';
import { describeOperation } from './describe.js';
import { type OwnedObjects, ownedBy } from './ownership.js';
import { type PlanFromModelsOptions, planFromModels } from './pipeline.js';

/** Options of `generateMigration`, `syncSchema` and `makeMigration`. Every field is optional. */
export interface GenerateOptions extends PlanFromModelsOptions {}

/** One change of a generated migration, as a structured record. */
export interface MigrationChange {
  /** The operation kind: `createTable`, `addColumn`, `dropIndex`, ... */
  readonly kind: OperationKind;
  /** The object it changes, readable: `table public.posts`, `column public.posts.title`. */
  readonly object: string;
  /** Its hazards (from every statement it compiles to). */
  readonly hazards: readonly Hazard[];
  /** Its SQL statements. */
  readonly sql: readonly string[];
}

/** What `generateMigration` found: the plan from the database to the models. */
export interface GeneratedMigration {
  readonly hasChanges: boolean;
  /**
   * Every statement, `;`-terminated, one after another, as a script: the statements' timeouts as
   * `SET` lines where they change and `RESET` at the end (see `planScript`).
   */
  readonly sql: string;
  readonly changes: readonly MigrationChange[];
  readonly statements: readonly PlannedStatement[];
  /** The plan itself (operations, statements, notes, hazards). */
  readonly plan: Plan;
  /** The database's schema before the migration (what `down` returns to). */
  readonly before: Snapshot;
  /** The schema the models describe (canonical spelling). */
  readonly desired: Snapshot;
  /** The target server (`server_version_num`). */
  readonly serverVersion: number;
  /** The tables and enums the models describe: what they own once this migration has run. */
  readonly owned: OwnedObjects;
  /** What the plan was diffed with (rename hints, online options): a generated `down` plans back with them. */
  readonly diffOptions: Omit<DiffOptions, 'serverVersion'>;
}

/** A model or an enum, or, last, the options. */
export type ModelsAndOptions = readonly (
  | ModelLike
  | EnumDef
  | readonly (ModelLike | EnumDef)[]
  | SyncOptions
)[];

/** Splits `...models` from a trailing options object (anything that is not a model or an enum). */
export function splitArguments(args: ModelsAndOptions): {
  models: (ModelLike | EnumDef)[];
  options: GenerateOptions;
} {
  const models: (ModelLike | EnumDef)[] = [];
  let options: GenerateOptions = {};
  const isModel = (arg: unknown): arg is ModelLike | EnumDef => {
    const kind = (arg as { kind?: unknown } | null)?.kind;
    return kind === 'model' || kind === 'enum';
  };
  args.forEach((arg, i) => {
    if (isModel(arg)) models.push(arg);
    // `syncSchema(db, [PgUser, PgOrder])` reads as `syncSchema(db, PgUser, PgOrder)`.
    else if (Array.isArray(arg) && arg.every(isModel)) models.push(...arg);
    else if (i === args.length - 1 && typeof arg === 'object' && arg !== null && !Array.isArray(arg))
      options = arg as GenerateOptions;
    else
      throw new MigrateError(
        'INVALID_ARGUMENT',
        `Argument ${i + 2} is neither a model (defineModel) nor an enum (defineEnum).`,
      );
  });
  return { models, options };
}

/**
 * Compares the models with the database and returns the migration that makes the database match:
 * its SQL, structured changes with their hazards, and the plan's statements. Nothing is changed.
 *
 * The models own what they describe and nothing else (see `planFromModels`): tables, their
 * columns, constraints and indexes, and enums. Views, functions, triggers, sequences, domains,
 * composite types and extensions are left as they are, and so is every table or enum no model
 * describes, unless the ownership record of `directory` shows the models owned it or `prune` is set.
 *
 * @example
 * const migration = await generateMigration(client, PgUser, PgProduct, PgOrder);
 * if (migration.hasChanges) {
 *   console.log('SQL to apply:', migration.sql);
 *   await applyMigration(client, migration);
 * }
 */
export async function generateMigration(
  client: DriverInput,
  ...args: ModelsAndOptions
): Promise<GeneratedMigration> {
  const { models, options } = splitArguments(args);
  const { allowHazards: _allowHazards, ...planOptions } = options as SyncOptions;
  const { plan, before, desired, serverVersion, owned, diffOptions } = await planFromModels(
    toDriver(client),
    models,
    planOptions,
  );
  return migrationFromPlan(plan, before, desired, serverVersion, owned, diffOptions);
}

/** A `GeneratedMigration` from a plan (what `generateMigration` returns). */
export function migrationFromPlan(
  plan: Plan,
  before: Snapshot,
  desired: Snapshot,
  serverVersion: number,
  owned: OwnedObjects = ownedBy(desired),
  diffOptions: Omit<DiffOptions, 'serverVersion'> = {},
): GeneratedMigration {
  const changes: MigrationChange[] = plan.operations.map((op) => {
    const statements = plan.statements.filter((s) => s.operation === op);
    return {
      kind: op.kind,
      object: describeOperation(op),
      hazards: dedupe(statements.flatMap((s) => s.hazards)),
      sql: statements.map((s) => s.sql),
    };
  });
  return {
    hasChanges: changes.length > 0,
    sql: planScript(plan.statements)
      .map((s) => `${s.sql};`)
      .join('\n\n'),
    changes,
    statements: plan.statements,
    plan,
    before,
    desired,
    serverVersion,
    owned,
    diffOptions,
  };
}

function dedupe(hazards: readonly Hazard[]): Hazard[] {
  const seen = new Set<string>();
  return hazards.filter((h) => {
    const key = `${h.kind}\u0000${h.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Runs a generated migration: consecutive transactional statements in one transaction each run,
 * statements that cannot run in a transaction (`CREATE INDEX CONCURRENTLY`, ...) on their own, in
 * order. Each statement runs under its own timeouts (`lockTimeout`, `statementTimeout`): `SET
 * LOCAL` before it in a transaction, `SET` before it and `RESET` after it outside one.
 *
 * @example
 * await applyMigration(client, await generateMigration(client, PgUser));
 */
export async function applyMigration(
  client: DriverInput,
  migration: Pick<GeneratedMigration, 'statements'>,
): Promise<void> {
  const driver: Driver = toDriver(client);
  const statements = migration.statements;
  await driver.session(async (session) => {
    let i = 0;
    while (i < statements.length) {
      const alone = statements[i]!;
      if (!alone.transactional) {
        const timeouts = timeoutsOf(alone);
        for (const sql of settingsSql({}, timeouts)) await session.exec(sql);
        try {
          await session.exec(alone.sql);
        } finally {
          for (const sql of settingsSql(timeouts, {})) await session.exec(sql);
        }
        i++;
        continue;
      }
      let j = i;
      while (j < statements.length && statements[j]!.transactional) j++;
      const run = statements.slice(i, j);
      await session.transaction(async (tx) => {
        let local: Timeouts = {};
        for (const s of run) {
          for (const sql of settingsSql(local, timeoutsOf(s), { local: true })) await tx.exec(sql);
          local = timeoutsOf(s);
          await tx.exec(s.sql);
        }
      });
      i = j;
    }
  });
}

/** Options of `syncSchema`: those of `generateMigration`, and the hazards allowed. */
export interface SyncOptions extends GenerateOptions {
  /**
   * Data-losing hazards (`deletes-data`, `drops-dependents`) make `syncSchema` refuse, unless listed here.
   */
  readonly allowHazards?: readonly HazardKind[];
}

/** The hazards `syncSchema` refuses unless allowed: they lose data. */
export const DATA_LOSING_HAZARDS: readonly HazardKind[] = Object.freeze(['deletes-data', 'drops-dependents']);

/** `syncSchema` refused the migration: it would lose data. */
export class HazardNotAllowedError extends MigrateError {
  override name = 'HazardNotAllowedError';
  readonly changes: readonly MigrationChange[];
  constructor(changes: readonly MigrationChange[]) {
    const kinds = new Set<HazardKind>();
    const lines: string[] = [];
    for (const c of changes) {
      for (const h of c.hazards) {
        if (!DATA_LOSING_HAZARDS.includes(h.kind)) continue;
        kinds.add(h.kind);
        lines.push(`  ${c.object}: ${h.kind}: ${h.message}`);
      }
    }
    const allow = [...kinds].map((k) => `'${k}'`).join(', ');
    super(
      'HAZARD_NOT_ALLOWED',
      `syncSchema refused to change the database, because it would lose data:\n${lines.join('\n')}\nPass { allowHazards: [${allow}] } to allow it.`,
    );
    this.changes = changes;
  }
}

/**
 * Development only: makes the database match the models at once, with no migration file and no
 * tracking row. Refuses changes that lose data (dropping a table or column, ...) unless
 * `allowHazards` lists their hazards. Returns what it applied.
 *
 * @example
 * await syncSchema(client, PgUser, PgProduct);
 * await syncSchema(client, PgUser, { allowHazards: ['deletes-data'] });
 */
export async function syncSchema(
  client: DriverInput,
  ...args: ModelsAndOptions
): Promise<GeneratedMigration> {
  const { options } = splitArguments(args);
  const allowed = new Set((options as SyncOptions).allowHazards ?? []);
  const migration = await generateMigration(client, ...args);
  const refused = migration.changes.filter((c) =>
    c.hazards.some((h) => DATA_LOSING_HAZARDS.includes(h.kind) && !allowed.has(h.kind)),
  );
  if (refused.length > 0) throw new HazardNotAllowedError(refused);
  await applyMigration(client, migration);
  return migration;
}
