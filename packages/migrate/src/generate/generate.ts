import { diff, type Plan, type PlannedStatement, type RenameHint } from '@justscale/diff';
import type { Driver } from '@justscale/driver';
import { introspect } from '@justscale/introspect';
import { canonicalizeSnapshot, type EnumDef, type ModelLike, modelsToSnapshot } from '@justscale/models';
import type { Hazard, HazardKind, Operation, OperationKind, Snapshot } from '@justscale/schema';
import { type DriverInput, toDriver } from '../connection/to-driver.js';
import { MigrateError } from '../errors.js';
import { describeOperation } from './describe.js';

/** Options of `generateMigration`, `syncSchema` and `makeMigration`. Every field is optional. */
export interface GenerateOptions {
  /**
   * The schemas to manage: tables, indexes and enums there that no model describes are dropped.
   * Default: the schemas of the models and enums given.
   */
  readonly schemas?: readonly string[];
  /** Rename hints: a drop and an add become a rename (see `@justscale/diff`). */
  readonly renames?: readonly RenameHint[];
  /** Online mode: indexes `CONCURRENTLY`, constraints `NOT VALID` then validated, ... */
  readonly online?: boolean;
  /** `lock_timeout` set before each statement (default `'5s'` online). */
  readonly lockTimeout?: string;
  readonly statementTimeout?: string;
  /** The tracking table, left out of the comparison. Default `'_migrations'`. */
  readonly migrationsTable?: string | { readonly schema: string; readonly name: string } | null;
}

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
  /** Every statement, `;`-terminated, one after another. */
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
}

/** A model or an enum, or, last, the options. */
export type ModelsAndOptions = readonly (ModelLike | EnumDef | SyncOptions)[];

/** Splits `...models` from a trailing options object (anything that is not a model or an enum). */
export function splitArguments(args: ModelsAndOptions): {
  models: (ModelLike | EnumDef)[];
  options: GenerateOptions;
} {
  const models: (ModelLike | EnumDef)[] = [];
  let options: GenerateOptions = {};
  args.forEach((arg, i) => {
    const kind = (arg as { kind?: unknown } | null)?.kind;
    if (kind === 'model' || kind === 'enum') models.push(arg as ModelLike | EnumDef);
    else if (i === args.length - 1 && typeof arg === 'object' && arg !== null)
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
 * Only what models describe is managed: tables, their columns, constraints and indexes, and enums,
 * in the models' schemas (or `schemas`). Views, functions, triggers, sequences, domains, composite
 * types and extensions of the database are left as they are.
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
  const driver = toDriver(client);
  const { models, options } = splitArguments(args);
  const modelSnapshot = modelsToSnapshot(...models);
  const schemas = options.schemas ?? [
    ...new Set([...modelSnapshot.tables.map((t) => t.schema), ...modelSnapshot.enums.map((e) => e.schema)]),
  ];
  const version = (await driver.serverVersion()).num;
  const before = await introspect(driver, {
    schemas: schemas.length === 0 ? ['public'] : schemas,
    ...(options.migrationsTable === undefined ? {} : { migrationsTable: options.migrationsTable }),
  });
  const canonical = await canonicalizeSnapshot(driver, modelSnapshot);
  // Models describe tables, indexes, enums and schemas; everything else stays as the database has it.
  const desired: Snapshot = {
    ...canonical,
    schemas: mergeSchemas(before, canonical),
    extensions: before.extensions,
    domains: before.domains,
    compositeTypes: before.compositeTypes,
    sequences: before.sequences,
    views: before.views,
    functions: before.functions,
    triggers: before.triggers,
    grants: before.grants,
  };
  const plan = diff(before, desired, {
    serverVersion: version,
    ...(options.online === undefined ? {} : { online: options.online }),
    ...(options.renames === undefined ? {} : { renames: options.renames }),
    ...(options.lockTimeout === undefined ? {} : { lockTimeout: options.lockTimeout }),
    ...(options.statementTimeout === undefined ? {} : { statementTimeout: options.statementTimeout }),
  });
  return migrationFromPlan(plan, before, desired, version);
}

/** Schemas of the database stay (a schema is not dropped because no model lives there); new ones are added. */
function mergeSchemas(before: Snapshot, models: Snapshot): Snapshot['schemas'] {
  const names = new Set(before.schemas.map((s) => s.name));
  return [...before.schemas, ...models.schemas.filter((s) => !names.has(s.name))].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}

/** A `GeneratedMigration` from a plan (what `generateMigration` returns). */
export function migrationFromPlan(
  plan: Plan,
  before: Snapshot,
  desired: Snapshot,
  serverVersion: number,
): GeneratedMigration {
  const changes: MigrationChange[] = plan.operations
    .filter((op) => !isSessionSetting(op))
    .map((op) => {
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
    sql: plan.statements.map((s) => `${s.sql};`).join('\n\n'),
    changes,
    statements: plan.statements,
    plan,
    before,
    desired,
    serverVersion,
  };
}

/** The `SET lock_timeout` / `RESET` statements a plan carries around its changes. */
export function isSessionSetting(op: Operation): boolean {
  return op.kind === 'raw' && /^(?:SET|RESET) (?:lock_timeout|statement_timeout)\b/.test(op.sql);
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
 * statements that cannot run in a transaction (`CREATE INDEX CONCURRENTLY`, ...) on their own, in order.
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
      if (!statements[i]!.transactional) {
        await session.exec(statements[i]!.sql);
        i++;
        continue;
      }
      let j = i;
      while (j < statements.length && statements[j]!.transactional) j++;
      const run = statements.slice(i, j);
      await session.transaction(async (tx) => {
        for (const s of run) await tx.exec(s.sql);
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
