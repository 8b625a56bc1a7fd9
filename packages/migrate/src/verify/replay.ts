import { diff } from '@justscale/diff';
import { introspect } from '@justscale/introspect';
import type { EnumDef, ModelLike } from '@justscale/models';
import { type Snapshot, snapshotsEqual } from '@justscale/schema';
import { type DriverInput, toDriver } from '../connection/to-driver.js';
import { nodeFileSystem } from '../files/default-io.js';
import { discoverMigrations } from '../files/discover.js';
import type { MigrationFileSystem, MigrationModuleLoader } from '../files/types.js';
import { type GenerateOptions, generateMigration, type MigrationChange } from '../generate/generate.js';
import { createMigrationRunner, type MigrationRunner } from '../runner/create-runner.js';

/** Options of `testMigrations` and `checkMigrations`. */
export interface ReplayOptions {
  /** A scratch database, empty: an in-memory PGlite (`new PGlite()`), or a database made for the test. */
  readonly client: DriverInput;
  /** The migrations directory. */
  readonly directory: string;
  /** The models the migrations must end at (`generateMigration` finds no change). None: no final check. */
  readonly models?: readonly (ModelLike | EnumDef)[];
  /** Options of the final `generateMigration` (schemas, renames, ...). */
  readonly generate?: Omit<GenerateOptions, 'migrationsTable'>;
  /** The tracking table and its schema; default `_migrations` in `public`. */
  readonly table?: string;
  readonly schema?: string;
  /** File system access and module loading, as for `createMigrationRunner`. */
  readonly fs?: MigrationFileSystem;
  readonly loader?: MigrationModuleLoader;
  /** Called after each migration, with how it went. */
  readonly onMigration?: (result: MigrationVerdict) => void;
}

/** How one migration went. */
export interface MigrationVerdict {
  readonly name: string;
  readonly ok: boolean;
  /** What failed: `up`, `down` (threw, or left another schema than before `up`), `up again`. */
  readonly stage?: 'up' | 'down' | 'up again';
  readonly message?: string;
  /** When a schema differs: the SQL that would turn the schema found into the one expected. */
  readonly difference?: readonly string[];
  /** What the failure most likely means, when it is a known one (a view made by hand, ...). */
  readonly hint?: string;
}

/** What `testMigrations` / `checkMigrations` found. */
export interface ReplayReport {
  /** Every migration tried, in order; the last one failed when `failed` is set. */
  readonly migrations: readonly MigrationVerdict[];
  /** The first migration that failed, or null. */
  readonly failed: MigrationVerdict | null;
  /**
   * What the models hold that no migration does (`generateMigration` on the migrated database):
   * empty when they agree, null when no models were given or a migration failed.
   */
  readonly changes: readonly MigrationChange[] | null;
  /** The SQL of `changes`. */
  readonly sql: string;
}

/**
 * Proves every migration in `directory` reversible, on a scratch database: applies them one at a
 * time through the runner; after each, runs its `down` and requires the schema to equal the one
 * before it, then runs `up` again and requires the schema it gave the first time. At the end, when
 * `models` are given, diffs the database against them (`generateMigration`): `changes` lists what
 * no migration does. Stops at the first failure. The database is left migrated.
 *
 * @example
 * const report = await testMigrations({ client: new PGlite(), directory: './migrations', models: [PgUser] });
 * if (report.failed) console.error(report.failed.name, report.failed.message, report.failed.difference);
 * else if (report.changes?.length) console.error('run `justscale migrate make`');
 */
export async function testMigrations(options: ReplayOptions): Promise<ReplayReport> {
  return replay(options, true);
}

/**
 * Replays the migrations in `directory` on a scratch database (all of them, as one `migrate`
 * does) and diffs the result against `models`: `changes` is empty when the migrations give the
 * schema the models describe, and lists what a `migrate make` would write otherwise. `failed` is
 * set when a migration fails. For CI: no server needed with an in-memory PGlite.
 *
 * @example
 * const report = await checkMigrations({ client: new PGlite(), directory: './migrations', models: [PgUser] });
 * process.exitCode = report.failed ? 1 : report.changes?.length ? 4 : 0;
 */
export async function checkMigrations(options: ReplayOptions): Promise<ReplayReport> {
  return replay(options, false);
}

async function replay(options: ReplayOptions, roundTrip: boolean): Promise<ReplayReport> {
  const driver = toDriver(options.client);
  const fs = options.fs ?? nodeFileSystem;
  const files = await discoverMigrations(fs, options.directory);
  const schema = options.schema ?? 'public';
  const table = options.table ?? '_migrations';
  const read = () => introspect(driver, { migrationsTable: { schema, name: table } });
  const version = (await driver.serverVersion()).num;
  // The runner sees the first `count` files only, so each `migrate` applies one and `rollback` reverts it.
  const runnerOf = (count: number): MigrationRunner => {
    const allowed = new Set(files.slice(0, count).map((f) => f.path.slice(f.path.lastIndexOf('/') + 1)));
    const shown: MigrationFileSystem = {
      readdir: async (dir) => (await fs.readdir(dir)).filter((n) => allowed.has(n)),
      readFile: (path) => fs.readFile(path),
    };
    return createMigrationRunner(driver, {
      directory: options.directory,
      table,
      schema,
      fs: shown,
      ...(options.loader === undefined ? {} : { loader: options.loader }),
    });
  };
  const verdicts: MigrationVerdict[] = [];
  const fail = (verdict: MigrationVerdict): ReplayReport => {
    verdicts.push(verdict);
    options.onMigration?.(verdict);
    return { migrations: verdicts, failed: verdict, changes: null, sql: '' };
  };
  const differs = (found: Snapshot, wanted: Snapshot): string[] =>
    diff(found, wanted, { serverVersion: version }).statements.map((s) => `${s.sql};`);

  if (!roundTrip) {
    try {
      await runnerOf(files.length).migrate();
    } catch (error) {
      const name = failedName(error) ?? files[0]?.name ?? options.directory;
      for (const file of files) {
        if (file.name === name) break;
        const verdict = { name: file.name, ok: true };
        verdicts.push(verdict);
        options.onMigration?.(verdict);
      }
      return fail({ name, ok: false, stage: 'up', ...failureOf(error) });
    }
    for (const file of files) {
      const verdict = { name: file.name, ok: true };
      verdicts.push(verdict);
      options.onMigration?.(verdict);
    }
  } else {
    let before = await read();
    for (let i = 0; i < files.length; i++) {
      const name = files[i]!.name;
      const runner = runnerOf(i + 1);
      const stage = async (what: MigrationVerdict['stage'], run: () => Promise<unknown>) => {
        try {
          await run();
          return null;
        } catch (error) {
          return fail({ name, ok: false, stage: what, ...failureOf(error) });
        }
      };
      const up = await stage('up', () => runner.migrate());
      if (up) return up;
      const after = await read();
      const down = await stage('down', () => runner.rollback());
      if (down) return down;
      const back = await read();
      if (!snapshotsEqual(back, before)) {
        return fail({
          name,
          ok: false,
          stage: 'down',
          message: 'down did not give back the schema before up',
          difference: differs(back, before),
        });
      }
      const again = await stage('up again', () => runner.migrate());
      if (again) return again;
      const twice = await read();
      if (!snapshotsEqual(twice, after)) {
        return fail({
          name,
          ok: false,
          stage: 'up again',
          message: 'up after down gave another schema than the first up',
          difference: differs(twice, after),
        });
      }
      const verdict = { name, ok: true };
      verdicts.push(verdict);
      options.onMigration?.(verdict);
      before = after;
    }
  }
  if (options.models === undefined) return { migrations: verdicts, failed: null, changes: null, sql: '' };
  const generated = await generateMigration(driver, ...options.models, {
    ...options.generate,
    migrationsTable: { schema, name: table },
  });
  return { migrations: verdicts, failed: null, changes: generated.changes, sql: generated.sql };
}

function failedName(error: unknown): string | null {
  const name = (error as { migration?: unknown }).migration;
  return typeof name === 'string' ? name : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The message of a failure, and a hint when it is a known one. */
function failureOf(error: unknown): { message: string; hint?: string } {
  const message = messageOf(error);
  // PostgreSQL's words for DROP VIEW of a view that is not there.
  const view = /\b(?:materialized )?view "([^"]+)" does not exist/.exec(message);
  if (view === null) return { message };
  return {
    message,
    hint:
      `View ${view[1]} is dropped here, but no migration before this one creates it: it was most likely made by hand ` +
      '(psql) in the database `migrate make` read, so a fresh database (migrate fresh, migrate check, migrate test, ' +
      "a teammate's machine) does not have it. Add its CREATE VIEW to a migration before this one, or guard the " +
      'steps on it with `if (await db.hasView({ schema, name }))`, as `migrate make` now writes them for such a view.',
  };
}
