import { type DiffOptions, type Note, type Plan, settingsSql } from '@justscale/diff';
import type { Hazard, QualifiedName, Snapshot } from '@justscale/schema';
import { MigrateError } from '../errors.js';
import { type EmitOptions, type Emitted, emitPlan, indent, invertSteps, planDown } from './emit.js';
import type { GeneratedMigration } from './generate.js';
import { CreatedTables } from './hazard-filter.js';
import { comment, lit, template } from './literal.js';
import { type PlanNotes, sortNotes } from './notes.js';
import { type PlanPart, runOrder, splitPlan } from './split.js';
import { stagePlan } from './stages.js';
import { viewGuards } from './view-guards.js';

/** Options of `writeMigrationSource`. */
export interface WriteSourceOptions {
  /** The migration's name, for messages (`add_avatar_to_users`). */
  readonly name: string;
  /** The schema before the plan, which `down` returns to. Taken from a `GeneratedMigration` when given one. */
  readonly before?: Snapshot;
  /**
   * The schema the plan gives (a `GeneratedMigration`'s `desired`). With it, `down` runs
   * `downPlan(before, after)`: the differ's own plan back, so an added enum value is removed by a
   * rebuild and the way back is as lock-safe as the way there. Without it, `down` inverts each step.
   */
  readonly after?: Snapshot;
  /** The options the plan was made with (online, renames, timeouts): `down` is planned with them too. */
  readonly diffOptions?: Omit<DiffOptions, 'serverVersion'>;
  /** The target server, as `server_version_num`; taken from a `GeneratedMigration` when given one. */
  readonly serverVersion?: number;
  /**
   * The module `defineMigration` is imported from; default `'@justscale/postgres'`. `null` writes a
   * file with no import (a plain object), for directories where no package resolves.
   */
  readonly importFrom?: string | null;
  /**
   * Views the plan rebuilds that no migration creates (made by hand; `migrate make` finds them with
   * `viewsNoMigrationCreates`): their steps run only where the view exists (`if (await
   * db.hasView(...))`), so the file runs on the database it was made from and on a fresh one.
   */
  readonly guardViews?: readonly QualifiedName[];
}

/** One migration file of a generated migration. */
export interface MigrationPart {
  /** The migration's name after the timestamp: the name given, or `<name>_<k>` for a part of several. */
  readonly name: string;
  readonly source: string;
  /** How many statements its `up` runs (session settings included). */
  readonly statements: number;
  /** The hazards its `up` comments on (none for lock hazards on tables it creates). */
  readonly hazards: readonly Hazard[];
}

/** What `writeMigrationSources` wrote. */
export interface WrittenMigration {
  /** One file, or (with `split`) several, to run in this order. */
  readonly parts: readonly MigrationPart[];
  /** The notes, once: `file` are written at the top of the first part; `terminal` for `migrate make` to print. */
  readonly notes: PlanNotes;
}

/**
 * The TypeScript source of a migration file for a plan: `up` runs the plan's operations, each
 * through the Database API call that builds it (`db.createTable` with field builders,
 * `db.alterTable`, `db.createIndex`, `db.addForeignKey`, ...) when that call, run against a
 * recording Database, compiles to exactly the planned statements, and through `db.raw` with the
 * planned SQL otherwise. `down` is the differ's plan back (given `after`, or a
 * `GeneratedMigration`), or else the inverse of each step; when a step cannot be reversed, `down`
 * throws an Error naming it, before changing anything. Hazards are comments above their calls,
 * except lock and scan hazards on a table the migration itself created. When a statement cannot
 * run in a transaction, the file says `transaction: false` (and which statements forced it).
 *
 * @example
 * const migration = await generateMigration(client, PgUser);
 * const source = await writeMigrationSource(migration, { name: 'add_users' });
 * await writeFile(migrationFileName('add_users', new Date()), source);
 */
export async function writeMigrationSource(
  plan: Plan | GeneratedMigration,
  options: WriteSourceOptions,
): Promise<string> {
  const written = await writeMigrationSources(plan, { ...options, split: false });
  return written.parts[0]!.source;
}

/**
 * Like `writeMigrationSource`, but with `split: true` a plan whose statements cannot all run in a
 * transaction becomes several files, in order (what `migrate make --online` writes): each such
 * statement (`CREATE INDEX CONCURRENTLY`, ...) in a `transaction: false` migration of its own, the
 * statements between them grouped in transactional ones. Each part sets the plan's `lock_timeout`
 * for its own statements, and its `down` undoes exactly that part (the inverse of each of its
 * steps, as lock-safe as they are: an index built concurrently is dropped concurrently). A plan
 * that also changes functions, views, triggers or enum values stays one file (its `down` is the
 * differ's plan back over the whole change, which per-part inverses cannot give).
 *
 * @example
 * const { parts } = await writeMigrationSources(migration, { name: 'email_index', split: true });
 * parts.map((p) => p.name); // ['email_index_1', 'email_index_2']
 */
export async function writeMigrationSources(
  plan: Plan | GeneratedMigration,
  options: WriteSourceOptions & { readonly split?: boolean },
): Promise<WrittenMigration> {
  const generated = 'plan' in plan ? plan : null;
  const thePlan: Plan = generated === null ? (plan as Plan) : generated.plan;
  const before = options.before ?? generated?.before;
  if (before === undefined) {
    throw new MigrateError(
      'INVALID_ARGUMENT',
      'writeMigrationSource needs the schema before the plan ({ before }) to write down; a GeneratedMigration carries it.',
    );
  }
  const serverVersion = options.serverVersion ?? generated?.serverVersion;
  const importFrom = options.importFrom === undefined ? '@justscale/postgres' : options.importFrom;
  const after = options.after ?? generated?.desired;
  const notes = sortNotes(thePlan, before, after);
  const guards = viewGuards(options.guardViews ?? []);
  const emitOptions = (created: CreatedTables): EmitOptions => ({
    serverVersion,
    fields: importFrom !== null,
    created,
    guards,
  });
  const diffOptions: DiffOptions = {
    ...(options.diffOptions ?? generated?.diffOptions),
    ...(serverVersion === undefined ? {} : { serverVersion }),
  };
  // Splitting is what `make --online` does: stages and their downs are planned online unless told otherwise.
  const splitOptions: DiffOptions = { ...diffOptions, online: diffOptions.online ?? true };
  const parts = options.split === true ? stagedParts(thePlan, before, after, splitOptions) : [];

  if (parts.length <= 1) {
    const up = await emitPlan(thePlan, before, emitOptions(new CreatedTables()));
    const steps = runOrder(thePlan);
    const down =
      after === undefined
        ? await invertSteps(steps, [], before, options.name, emitOptions(new CreatedTables()))
        : await planDown(before, after, diffOptions, options.name, emitOptions(new CreatedTables()));
    const source = fileSource({ title: options.name, notes: notes.file, importFrom, up, down });
    return {
      parts: [{ name: options.name, source, statements: thePlan.statements.length, hazards: up.hazards }],
      notes,
    };
  }

  const width = String(parts.length).length;
  const created = new CreatedTables();
  const written: MigrationPart[] = [];
  for (const [i, part] of parts.entries()) {
    const name = `${options.name}_${String(i + 1).padStart(width, '0')}`;
    const up = await emitPlan(part.plan, part.before, emitOptions(created));
    const down =
      part.after !== null
        ? await planDown(part.before, part.after, splitOptions, name, emitOptions(new CreatedTables()))
        : await invertPart(part, name, emitOptions(new CreatedTables()));
    const why = part.outside
      ? 'Its statement cannot run in a transaction, so it is a migration of its own.'
      : 'Its statements run in one transaction.';
    const source = fileSource({
      title: `${name} (part ${i + 1} of ${parts.length} of ${options.name}, ${diffOptions.online === false ? 'split around a statement that cannot run in a transaction' : 'made --online'})`,
      why,
      notes: i === 0 ? notes.file : [],
      importFrom,
      up,
      down,
    });
    written.push({ name, source, statements: part.plan.statements.length, hazards: up.hazards });
  }
  return { parts: written, notes };
}

/** A part of a split migration, with the schema its plan starts from and, when known, ends at. */
interface StagedPart extends PlanPart {
  /** The schema before the part's stage. */
  readonly before: Snapshot;
  /** The schema after the part, when known (a stage of one part): its `down` is the differ's plan back. */
  readonly after: Snapshot | null;
}

/**
 * The parts of `plan` as `migrate make --online` writes them: the plan in stages (`stagePlan`), each
 * stage split (`splitPlan`). A stage of one part knows the schemas on both sides of it; the parts of
 * a stage split further know the schema before their stage and the steps before them in it.
 */
export function stagedParts(
  plan: Plan,
  before: Snapshot,
  after: Snapshot | undefined,
  diffOptions: DiffOptions,
): StagedPart[] {
  const stages =
    after === undefined ? [{ plan, before, after: null }] : stagePlan(plan, before, after, diffOptions);
  return stages.flatMap((stage) => {
    const parts = splitPlan(stage.plan);
    return parts.map((p) => ({ ...p, before: stage.before, after: parts.length === 1 ? stage.after : null }));
  });
}

/**
 * The `down` of one part of a split stage: the inverse of each of its steps, last first, against the
 * schema before the stage and the steps before the part; under the part's `lock_timeout`.
 */
async function invertPart(part: StagedPart, name: string, options: EmitOptions): Promise<Emitted> {
  const steps = part.plan.operations;
  const down = await invertSteps(steps, part.earlier, part.before, name, options);
  if (part.lockTimeout !== null && !down.lines.some((l) => l.includes('throw new Error('))) {
    // The way back waits no longer for its locks than the way there.
    const timeouts = { lockTimeout: part.lockTimeout };
    down.lines.unshift(...settingsSql({}, timeouts).map((sql) => `${indent}await db.raw(${template(sql)});`));
    down.lines.push(...settingsSql(timeouts, {}).map((sql) => `${indent}await db.raw(${template(sql)});`));
  }
  return down;
}

function fileSource(file: {
  title: string;
  why?: string;
  notes: readonly Note[];
  importFrom: string | null;
  up: Emitted;
  down: Emitted;
}): string {
  const { up, down, importFrom } = file;
  const upLines = up.lines.length > 0 ? up.lines : [`${indent}// No changes.`];
  const downLines = down.lines.length > 0 ? down.lines : [`${indent}// No changes.`];
  const upOutside = [...new Set(up.nonTransactional)];
  const downOutside = [...new Set(down.nonTransactional)];
  const names = [...new Set([...up.uses, ...down.uses])].sort();
  const out: string[] = [];
  out.push(comment(`Migration ${file.title}: generated by @justscale/migrate.`));
  if (file.why !== undefined) out.push(comment(file.why));
  for (const note of file.notes) out.push(comment(`note (${note.kind}): ${note.message}`));
  if (importFrom !== null) {
    if (importFrom === '@justscale/postgres' && names.length > 0) {
      out.push(`import { defineMigration, ${names.join(', ')} } from ${lit(importFrom)};`);
    } else {
      out.push(`import { defineMigration } from ${lit(importFrom)};`);
      // The field builders and sql`...` are @justscale/models' (which @justscale/postgres re-exports).
      if (names.length > 0) out.push(`import { ${names.join(', ')} } from '@justscale/models';`);
    }
  }
  out.push('');
  out.push(importFrom !== null ? 'export default defineMigration({' : 'export default {');
  // Each direction runs outside a transaction only when one of its own statements must: a `down`
  // that adds an enum value back does not take the `up`'s transaction (and its atomicity) away.
  if (upOutside.length > 0 || downOutside.length > 0) {
    const outside = (statements: readonly string[], which: string) => {
      out.push(`  // These statements of ${which} cannot run inside a transaction, so it runs outside one:`);
      for (const s of statements) out.push(`  ${comment(s)}`);
    };
    if (upOutside.length > 0) outside(upOutside, 'up');
    if (downOutside.length > 0) outside(downOutside, 'down');
    out.push(
      upOutside.length > 0 && downOutside.length > 0
        ? '  transaction: false,'
        : `  transaction: { up: ${upOutside.length === 0}, down: ${downOutside.length === 0} },`,
    );
  }
  out.push(importFrom !== null ? '  async up({ db }) {' : '  async up({ db }: { db: any }) {');
  out.push(...upLines);
  out.push('  },');
  out.push(importFrom !== null ? '  async down({ db }) {' : '  async down({ db }: { db: any }) {');
  out.push(...downLines);
  out.push('  },');
  out.push(importFrom !== null ? '});' : '};');
  return `${out.join('\n')}\n`;
}

/**
 * The file name of a migration: `<UTC timestamp YYYYMMDDHHMMSS>_<name>.ts`, so files sort by time.
 *
 * @example
 * migrationFileName('add_avatar_to_users', new Date('2025-01-02T03:04:05Z')); // '20250102030405_add_avatar_to_users.ts'
 */
export function migrationFileName(name: string, now: Date = new Date()): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) {
    throw new MigrateError(
      'INVALID_ARGUMENT',
      `A migration name is letters, digits, "_" and "-" (starting with a letter or digit), got ${JSON.stringify(name)}.`,
    );
  }
  if (Number.isNaN(now.getTime()))
    throw new MigrateError('INVALID_ARGUMENT', 'migrationFileName needs a valid date.');
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${p(now.getUTCFullYear(), 4)}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${stamp}_${name}.ts`;
}
