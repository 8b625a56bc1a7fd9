import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { NotModelled } from '@justscale/introspect';
import type { Hazard } from '@justscale/schema';
import { nameProblem } from '../config/names.js';
import { displayPath, sourceOf } from '../config/resolve.js';
import type { CommandContext } from '../context.js';
import { usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { databaseCatalog, databaseSnapshot, planModels } from './plan.js';

interface PlanLike {
  readonly statements: readonly {
    readonly sql: string;
    readonly transactional: boolean;
    readonly hazards: readonly Hazard[];
    readonly lockTimeout?: string;
    readonly statementTimeout?: string;
  }[];
  readonly hazards: readonly Hazard[];
  readonly notes: readonly { readonly kind: string; readonly message: string }[];
}

/** `--schema a --schema b,c` → `['a', 'b', 'c']`; undefined when not given. */
function schemaList(value: readonly string[] | string | undefined, flag = '--schema'): string[] | undefined {
  if (value === undefined) return undefined;
  const list = (Array.isArray(value) ? value : [value])
    .flatMap((v: string) => v.split(','))
    .map((v) => v.trim());
  const names = list.filter((v) => v !== '');
  for (const n of names) {
    const problem = nameProblem(n);
    if (problem !== null) throw usageError(`${flag} ${JSON.stringify(n)}: ${problem}`);
  }
  return names;
}

function planJson(plan: PlanLike) {
  return {
    hasChanges: plan.statements.length > 0,
    statements: plan.statements.map((s) => ({
      sql: s.sql,
      transactional: s.transactional,
      hazards: s.hazards,
      ...(s.lockTimeout === undefined ? {} : { lockTimeout: s.lockTimeout }),
      ...(s.statementTimeout === undefined ? {} : { statementTimeout: s.statementTimeout }),
    })),
    hazards: plan.hazards,
    notes: plan.notes,
  };
}

/**
 * The plan as a SQL script, hazards as comments above their statements and the statements'
 * timeouts as `SET` lines where they change (`planScript`).
 */
async function printPlanSql(ctx: CommandContext, plan: PlanLike): Promise<void> {
  // The differ's module loads when there is a plan to print (not before `schema diff` connects).
  const { planScript } = await import('@justscale/diff');
  for (const { sql: text, statement: s } of planScript(plan.statements)) {
    for (const h of s?.hazards ?? [])
      ctx.out.line(ctx.out.colors.yellow(`-- hazard ${h.kind}: ${h.message}`));
    if (s !== null && !s.transactional) ctx.out.line(ctx.out.colors.dim('-- runs outside a transaction'));
    const sql = text.trim();
    ctx.out.line(sql.endsWith(';') ? sql : `${sql};`);
  }
  printNotes(ctx, plan);
}

function printNotes(ctx: CommandContext, plan: PlanLike): void {
  for (const note of plan.notes) ctx.err.line(ctx.err.colors.yellow(`note: ${note.message}`));
}

/**
 * Says which objects neither side's snapshot holds because their kind is not modelled (a text
 * search configuration, a foreign table, a publication, ...): the diff is silent about them, so the
 * user must not read an empty diff as "equal" there.
 */
function printNotCompared(
  ctx: CommandContext,
  skipped: { from: readonly NotModelled[]; to: readonly NotModelled[] },
): void {
  if (skipped.from.length === 0 && skipped.to.length === 0) return;
  ctx.err.line(
    ctx.err.colors.yellow(
      'warning: not compared (JustScale does not model these kinds of object yet; compare them by hand):',
    ),
  );
  for (const [side, list] of [
    ['--from', skipped.from],
    ['--to', skipped.to],
  ] as const) {
    if (list.length > 0)
      ctx.err.line(
        ctx.err.colors.yellow(`  in ${side}: ${list.map((o) => `${o.kind} ${o.name}`).join(', ')}`),
      );
  }
}

export interface DiffArgs {
  readonly from: string;
  readonly to: string;
  readonly format?: 'sql' | 'json' | undefined;
  readonly online?: boolean | undefined;
  readonly schema?: string[] | string | undefined;
  readonly excludeSchema?: string[] | string | undefined;
  readonly exitCode?: boolean | undefined;
}

/**
 * `justscale schema diff --from A --to B`: the SQL that turns A's schema into B's. Nothing is printed
 * when they are equal (in SQL format); `--exit-code` exits 4 when they differ. It compares every
 * non-system schema (objects of extensions left out) unless `--schema` names some;
 * `--exclude-schema` leaves schemas out. Privileges (GRANT / REVOKE) are compared too.
 */
export async function diff(args: DiffArgs, ctx: CommandContext): Promise<ExitCode> {
  const config = await ctx.config();
  const schemas = schemaList(args.schema) ?? null;
  const exclude = schemaList(args.excludeSchema, '--exclude-schema') ?? [];
  // Both databases are read at once, on their own connections. What runs on one CPU is ordered so
  // that loading overlaps waiting: the introspection's modules load while the connections open, the
  // differ's while the server reads its catalog. Two databases are read on one session each (the two
  // reads already run side by side, and mapping two catalogs keeps this process busy: three sessions
  // each took 1.06x the time at 1,000 tables, 1.10x at 3); one database named twice is read once,
  // over three sessions.
  const introspection = import('@justscale/introspect');
  introspection.catch(() => undefined);
  let differ: Promise<typeof import('@justscale/diff')> | undefined;
  const twoDatabases = args.to !== args.from;
  const read = async (url: string) => {
    const db = await ctx.connect(sourceOf(url, ctx.io.cwd, 'flag'));
    if (differ === undefined) {
      differ = import('@justscale/diff');
      differ.catch(() => undefined);
    }
    // Privileges too: they are part of a schema (pg_dump prints them), and a grant on B's table
    // that A lacks is a difference like any other.
    const catalog = await databaseCatalog(
      db.driver,
      config,
      schemas,
      exclude,
      true,
      db.pooled === true && !twoDatabases,
    );
    return { snapshot: catalog.snapshot, skipped: catalog.notModelled, version: catalog.serverVersion };
  };
  // allSettled: a failure on one side waits for the other to settle, so the command closes both. The
  // same database named twice is read once (a PGlite folder's lock would make the second wait forever).
  const reading = read(args.from);
  const [from, to] = await Promise.allSettled([reading, args.to === args.from ? reading : read(args.to)]);
  if (from.status === 'rejected') throw from.reason;
  if (to.status === 'rejected') throw to.reason;
  const { diff: plan } = await (differ ?? import('@justscale/diff'));
  const result = plan(from.value.snapshot, to.value.snapshot, {
    online: args.online === true,
    serverVersion: from.value.version,
  });
  const notCompared = { from: from.value.skipped, to: to.value.skipped };
  if (args.format === 'json' || ctx.json) ctx.printJson({ ...planJson(result), notCompared });
  else {
    await printPlanSql(ctx, result);
    printNotCompared(ctx, notCompared);
  }
  return args.exitCode && result.statements.length > 0 ? ExitCode.Pending : ExitCode.Success;
}

export interface PullArgs {
  readonly out?: string | undefined;
  readonly schema?: string[] | string | undefined;
  readonly force?: boolean | undefined;
  readonly stdout?: boolean | undefined;
}

/** `justscale schema pull`: writes a models module describing the database. */
export async function pull(args: PullArgs, ctx: CommandContext): Promise<ExitCode> {
  const config = await ctx.config();
  const { snapshotToModelsSource: toSource } = await import('@justscale/models');
  const db = await ctx.database();
  const snapshot = await databaseSnapshot(
    db.driver,
    config,
    schemaList(args.schema) ?? config.schemas,
    [],
    false,
    db.pooled === true,
  );
  const source = toSource(snapshot);
  const out = args.stdout ? null : args.out === undefined ? config.models : resolve(ctx.io.cwd, args.out);
  if (out === null) {
    if (ctx.json)
      ctx.printJson({ file: null, source, tables: snapshot.tables.length, enums: snapshot.enums.length });
    else ctx.out.write(source);
    return ExitCode.Success;
  }
  if (
    !args.force &&
    (await stat(out).then(
      () => true,
      () => false,
    ))
  ) {
    throw usageError(
      `${displayPath(ctx.io.cwd, out)} exists: pass --force to overwrite it, or --out another file.`,
      'FILE_EXISTS',
    );
  }
  await writeFile(out, source);
  if (ctx.json) ctx.printJson({ file: out, tables: snapshot.tables.length, enums: snapshot.enums.length });
  else
    ctx.out.line(
      `Wrote ${snapshot.tables.length} models and ${snapshot.enums.length} enums to ${displayPath(ctx.io.cwd, out)}.`,
    );
  return ExitCode.Success;
}

export interface PushArgs {
  readonly models?: string | undefined;
  readonly allowHazards?: string | undefined;
  readonly online?: boolean | undefined;
  readonly prune?: boolean | undefined;
  readonly dryRun?: boolean | undefined;
}

/**
 * `justscale schema push`: applies the plan from the database to the models (`planFromModels`)
 * directly, with no migration file and no tracking (development only). Hazards not listed in
 * `--allow-hazards` are refused with exit code 3, before anything runs; with `--dry-run` the plan is
 * printed first.
 */
export async function push(args: PushArgs, ctx: CommandContext): Promise<ExitCode> {
  const config = await ctx.config();
  const db = await ctx.database();
  const { plan: result } = await planModels(db.driver, config, ctx.io.cwd, {
    online: args.online === true,
    prune: args.prune,
  });
  const allowed = new Set(
    (args.allowHazards ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
  );
  const refused = result.hazards.filter((h) => !allowed.has(h.kind) && !allowed.has('all'));
  if (refused.length > 0) {
    // A dry run shows the plan with its hazards first: seeing it is what a dry run is for.
    if (ctx.json) ctx.printJson({ ...planJson(result), refused, ...(args.dryRun ? { dryRun: true } : {}) });
    else if (args.dryRun) await printPlanSql(ctx, result);
    const kinds = [...new Set(refused.map((h) => h.kind))];
    ctx.err.line(
      `${ctx.err.colors.red(ctx.err.colors.bold('error [HAZARDS_REFUSED]'))}: the push would take hazards that were not allowed; nothing was run.`,
    );
    for (const h of refused) ctx.err.line(`  ${h.kind}: ${h.message}`);
    ctx.err.line(
      `Pass --allow-hazards ${kinds.join(',')} to push anyway, or write a migration (justscale migrate make).`,
    );
    return ExitCode.Hazards;
  }
  if (args.dryRun || result.statements.length === 0) {
    if (ctx.json) ctx.printJson({ ...planJson(result), dryRun: args.dryRun === true });
    else if (result.statements.length === 0) {
      printNotes(ctx, result);
      ctx.out.line('The database matches the models.');
    } else await printPlanSql(ctx, result);
    return ExitCode.Success;
  }
  const { applyMigration } = await import('@justscale/migrate');
  await applyMigration(db.driver, result);
  if (!ctx.json) printNotes(ctx, result);
  if (ctx.json) ctx.printJson({ ...planJson(result), applied: true });
  else
    ctx.out.line(
      `${ctx.out.colors.green('✓')} Pushed ${result.statements.length} statements to ${db.label}.`,
    );
  return ExitCode.Success;
}
