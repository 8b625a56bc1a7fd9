import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Driver } from '@justscale/driver';
import {
  createDatabase,
  dryRunExecutor,
  generateMigration,
  jitiLoader,
  type MigrationDefinition,
  makeMigration,
  planFromModels,
  type Statement,
  syncSchema,
} from '@justscale/migrate';
import type { EnumDef, ModelLike } from '@justscale/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { createMigrationController } from '../src/index.js';
import { Buffer, cli, execOn, packageRoot, testDatabaseUrl } from './helpers.js';

/** A driver on a database named as the CLI names it; closed after `fn`. */
async function withDriver<T>(url: string, fn: (driver: Driver) => Promise<T>): Promise<T> {
  let driver: Driver;
  if (url.startsWith('pglite:')) {
    const { createPgliteDriver } = await import('@justscale/driver-pglite');
    driver = await createPgliteDriver({ dataDir: url.slice('pglite:'.length) });
  } else {
    const { createPgDriver } = await import('@justscale/driver-pg');
    driver = createPgDriver(url);
  }
  try {
    return await fn(driver);
  } finally {
    await driver.close();
  }
}

interface Case {
  readonly name: string;
  /** The models module before and after. */
  readonly v1: string;
  readonly v2: string;
  /** SQL run after v1 is synced: rows, hand-written objects. */
  readonly setup?: string;
  /** A check of the statements every entry point must agree on. */
  readonly expect: (sql: string[]) => void;
}

const head = `import { defineEnum, defineModel, field } from '@justscale/models';\n`;
const cases: Case[] = [
  {
    name: 'a field renamed with .renamedFrom() and a column added',
    v1: `${head}export const T = defineModel('tasks', { id: field.integer().primaryKey(), title: field.text() });\n`,
    v2: `${head}export const T = defineModel('tasks', { id: field.integer().primaryKey(), name: field.text().renamedFrom('title'), done: field.boolean().default(false) });\n`,
    setup: `INSERT INTO tasks VALUES (1, 'write tests');`,
    expect: (sql) => {
      expect(sql).toContain('ALTER TABLE "public"."tasks" RENAME COLUMN "title" TO "name"');
      expect(sql.join('\n')).not.toMatch(/DROP COLUMN/);
    },
  },
  {
    name: 'a hand-written view, trigger function, trigger and unmanaged table',
    v1: `${head}export const T = defineModel('tasks', { id: field.integer().primaryKey(), title: field.text(), updatedAt: field.timestamp().optional() });\n`,
    v2: `${head}export const T = defineModel('tasks', { id: field.integer().primaryKey(), title: field.text(), updatedAt: field.timestamp().optional() });\n`,
    setup: `CREATE TABLE audit (id int PRIMARY KEY, what text);
      CREATE VIEW open_tasks AS SELECT id, title FROM tasks;
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;
      CREATE TRIGGER tasks_touch BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION touch();`,
    expect: (sql) => expect(sql).toEqual([]),
  },
  {
    name: 'an enum value added in the middle, one renamed, and a table renamed',
    v1: `${head}export const S = defineEnum('status', ['todo', 'doing', 'done']);
export const T = defineModel('todo_items', { id: field.integer().primaryKey(), status: field.enum(S) });\n`,
    v2: `${head}export const S = defineEnum('status', ['todo', 'blocked', 'in_progress', 'done'], { renamedValues: { in_progress: 'doing' } });
export const T = defineModel('tasks', { id: field.integer().primaryKey(), status: field.enum(S) }, { renamedFrom: 'todo_items' });\n`,
    setup: `INSERT INTO todo_items VALUES (1, 'doing');`,
    expect: (sql) => {
      expect(sql).toContain('ALTER TABLE "public"."todo_items" RENAME TO "tasks"');
      expect(sql).toContain(`ALTER TYPE "public"."status" RENAME VALUE 'doing' TO 'in_progress'`);
      expect(sql.join('\n')).toMatch(
        /ALTER TYPE "public"."status" ADD VALUE 'blocked' (?:AFTER 'todo'|BEFORE 'in_progress')/,
      );
      expect(sql.join('\n')).not.toMatch(/DROP TABLE|DROP TYPE/);
    },
  },
];

describe('one pipeline: every entry point plans the same statements', { timeout: 600_000 }, () => {
  let root: string;
  beforeAll(async () => {
    await mkdir(join(packageRoot, '.justscale'), { recursive: true });
    root = await mkdtemp(join(packageRoot, '.justscale', 'parity-'));
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it.each(cases)('$name', async (c) => {
    const db = await testDatabaseUrl();
    const dir = await mkdtemp(join(root, 'case-'));
    try {
      await mkdir(join(dir, 'src'));
      await writeFile(join(dir, 'src/v1.ts'), c.v1);
      await writeFile(join(dir, 'src/models.ts'), c.v2);
      await writeFile(
        join(dir, 'justscale.config.json'),
        JSON.stringify({ models: './src/models.ts', migrations: { importFrom: '@justscale/migrate' } }),
      );
      const load = async (file: string) =>
        Object.values(
          (await jitiLoader().import(join(dir, 'src', file))) as Record<string, ModelLike | EnumDef>,
        );
      const v1 = await load('v1.ts');
      const v2 = await load('models.ts');
      await withDriver(db.url, (driver) => syncSchema(driver, ...v1));
      if (c.setup) await execOn(db.url, c.setup);

      const results: Record<string, string[]> = {};
      await withDriver(db.url, async (driver) => {
        results.generateMigration = (await generateMigration(driver, ...v2)).statements.map((s) => s.sql);
        results.planFromModels = (await planFromModels(driver, v2)).plan.statements.map((s) => s.sql);
        const path = await makeMigration({
          client: driver,
          models: v2,
          directory: join(dir, 'lib'),
          name: 'x',
        });
        results.makeMigration = path === null ? [] : await upStatements(driver, path);
      });
      const env = { DATABASE_URL: db.url };
      const push = await cli(['schema', 'push', '--dry-run', '--json', '--allow-hazards', 'all'], {
        cwd: dir,
        env,
      });
      expect(push.code, push.stderr).toBe(0);
      results['schema push'] = JSON.parse(push.stdout).statements.map((s: { sql: string }) => s.sql);
      const make = await cli(['migrate', 'make', 'x', '--json'], { cwd: dir, env });
      expect(make.code, make.stderr).toBe(0);
      const made = JSON.parse(make.stdout).file as string | null;
      const controller = await viaController(db.url, dir);
      await withDriver(db.url, async (driver) => {
        results['migrate make'] = made === null ? [] : await upStatements(driver, made);
        results.createMigrationController = controller === null ? [] : await upStatements(driver, controller);
        results.syncSchema = (
          await syncSchema(driver, ...v2, { allowHazards: ['deletes-data', 'drops-dependents'] })
        ).statements.map((s) => s.sql);
      });

      c.expect(results.generateMigration!);
      for (const [entry, sql] of Object.entries(results))
        expect(sql, `${entry} plans what generateMigration plans`).toEqual(results.generateMigration);
      // After the sync, every entry point finds nothing left to do.
      await withDriver(db.url, async (driver) => {
        expect((await generateMigration(driver, ...v2)).statements).toEqual([]);
      });
    } finally {
      await db.close();
    }
  });
});

/** The SQL a migration file's `up` runs, recorded without running it. */
async function upStatements(driver: Driver, path: string): Promise<string[]> {
  const module = (await jitiLoader().import(path)) as { default: MigrationDefinition };
  const recorded: Statement[] = [];
  await module.default.up?.({ db: createDatabase(dryRunExecutor(driver, recorded)) } as never);
  return recorded.map((s) => s.sql).filter((sql) => !/^(?:SET|RESET) /.test(sql));
}

/** `migrate make` through `createMigrationController` mounted in a host program, into `ctl/`. */
async function viaController(url: string, dir: string): Promise<string | null> {
  const stdout = new Buffer();
  const codes: number[] = [];
  await yargs(['migrate', 'make', 'x', '--json'])
    .exitProcess(false)
    .command(
      createMigrationController({
        database: url,
        directory: 'ctl',
        io: { stdout, stderr: new Buffer(), env: {}, cwd: dir },
        onExit: (code) => codes.push(code),
      }),
    )
    .parseAsync();
  expect(codes).toEqual([0]);
  const names = await readdir(join(dir, 'ctl')).catch(() => [] as string[]);
  expect(JSON.parse(stdout.text).file === null).toBe(names.filter((n) => n.endsWith('.ts')).length === 0);
  return JSON.parse(stdout.text).file;
}
