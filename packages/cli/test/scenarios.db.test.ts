import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot, type Result, spawnCli, testDatabaseUrl } from './helpers.js';

// A small SaaS, through the real `justscale` binary, change after change: each step writes the
// models, makes a migration, runs it, and checks that make and push then find nothing to do and
// that the hand-written view, trigger function, trigger and unmanaged table are still there.

const head = `import { defineEnum, defineModel, field } from '@justscale/models';\n`;
const status = (values: string) => `export const Status = defineEnum('task_status', [${values}]);\n`;
const orgs = `export const Org = defineModel('orgs', { id: field.integer().primaryKey(), name: field.text() });\n`;
const tasks = (fields: string, options = '{}') =>
  `export const Task = defineModel('tasks', { id: field.integer().primaryKey(), orgId: field.integer().references(Org), status: field.enum(Status).default('todo'), updatedAt: field.timestamp().optional(), ${fields} }, ${options});\n`;
const tags = `export const Tag = defineModel('tags', { id: field.integer().primaryKey(), label: field.text() });
export const TaskTag = defineModel('task_tags', { id: field.integer().primaryKey(), tagId: field.integer().references(Tag), note: field.text().optional() });\n`;

const handwritten = `export default {
  async up({ db }) {
    await db.raw(\`CREATE TABLE audit_log (id serial PRIMARY KEY, what text NOT NULL)\`);
    await db.raw(\`INSERT INTO audit_log (what) VALUES ('kept')\`);
    await db.raw(\`CREATE VIEW todo_tasks AS SELECT id, org_id FROM tasks WHERE updated_at IS NULL\`);
    await db.raw(\`CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$\`);
    await db.raw(\`CREATE TRIGGER tasks_touch BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION touch_updated_at()\`);
  },
};
`;

describe('the main loop through the justscale binary', { timeout: 600_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let dir: string;
  const cli = (...args: string[]): Promise<Result> =>
    spawnCli(args, { cwd: dir, env: { DATABASE_URL: db.url } });
  const models = (source: string) => writeFile(join(dir, 'src/models.ts'), `${head}${source}`);
  const files = async () => (await readdir(join(dir, 'migrations'))).filter((n) => n.endsWith('.ts')).sort();

  /** make NAME → file written; migrate; then make and push find nothing, and the hand-written objects survive. */
  async function step(name: string): Promise<string> {
    const made = await cli('migrate', 'make', name);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(new RegExp(`Created migrations/\\d{14}_${name}\\.ts`));
    const file = (await files()).find((f) => f.endsWith(`_${name}.ts`))!;
    const ran = await cli('migrate');
    expect(ran.code, ran.stderr).toBe(0);
    await nothingLeft();
    return readFile(join(dir, 'migrations', file), 'utf8');
  }
  async function nothingLeft(): Promise<void> {
    const again = await cli('migrate', 'make', 'again');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('No changes');
    expect(again.stderr).toContain('table public.audit_log is in the database but in no model');
    const push = await cli('schema', 'push');
    expect(push.code, push.stderr).toBe(0);
    expect(push.stdout).toContain('The database matches the models.');
    const kept = await query(
      db.url,
      `SELECT (SELECT count(*)::int FROM audit_log) AS audit,
              (SELECT count(*)::int FROM pg_views WHERE viewname = 'todo_tasks') AS views,
              (SELECT count(*)::int FROM pg_proc WHERE proname = 'touch_updated_at') AS functions,
              (SELECT count(*)::int FROM pg_trigger WHERE tgname = 'tasks_touch') AS triggers`,
    );
    expect(kept).toEqual([{ audit: 1, views: 1, functions: 1, triggers: 1 }]);
  }

  beforeAll(async () => {
    db = await testDatabaseUrl();
    await mkdir(join(packageRoot, '.justscale'), { recursive: true });
    dir = await mkdtemp(join(packageRoot, '.justscale', 'scenarios-'));
    await mkdir(join(dir, 'src'));
    await writeFile(
      join(dir, 'justscale.config.json'),
      JSON.stringify({ models: './src/models.ts', migrations: { importFrom: '@justscale/migrate' } }),
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await db?.close();
  });

  it('init, then a hand-written view, trigger function, trigger and unmanaged table', async () => {
    await models(`${status("'todo', 'done'")}${orgs}${tasks('title: field.text()')}${tags}`);
    const init = await cli('migrate', 'make', 'init');
    expect(init.code, init.stderr).toBe(0);
    // A second make before migrate would repeat init: refused, exit 4, nothing written.
    const twice = await cli('migrate', 'make', 'init_again');
    expect(twice.code).toBe(4);
    expect(twice.stderr).toMatch(/MIGRATIONS_PENDING[\s\S]*\d{14}_init\n[\s\S]*justscale migrate/);
    expect(await files()).toHaveLength(1);
    expect((await cli('migrate')).code).toBe(0);
    const blank = await cli('migrate', 'make', 'handwritten', '--empty');
    expect(blank.code).toBe(0);
    await writeFile(
      join(dir, 'migrations', (await files()).find((f) => f.endsWith('_handwritten.ts'))!),
      handwritten,
    );
    expect((await cli('migrate')).code).toBe(0);
    await query(
      db.url,
      `INSERT INTO orgs VALUES (1, 'acme'); INSERT INTO tasks (id, org_id, title) VALUES (1, 1, 'first')`,
    );
    await nothingLeft();
  });

  it('a NOT NULL column on a table with rows: the hazard says what to do; the failed run leaves nothing', async () => {
    await models(
      `${status("'todo', 'done'")}${orgs}${tasks('title: field.text(), priority: field.integer()')}${tags}`,
    );
    const made = await cli('migrate', 'make', 'add_priority');
    expect(made.code).toBe(0);
    const file = (await files()).find((f) => f.endsWith('_add_priority.ts'))!;
    const source = await readFile(join(dir, 'migrations', file), 'utf8');
    expect(source).toMatch(
      /hazard may-fail-on-existing-data: Column "priority" is NOT NULL without a default.*give it a default/,
    );
    const failed = await cli('migrate');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('priority');
    expect(
      await query(
        db.url,
        `SELECT count(*)::int AS n FROM information_schema.columns WHERE column_name = 'priority'`,
      ),
    ).toEqual([{ n: 0 }]);
    // Delete the file, give the column a default, make again.
    await rm(join(dir, 'migrations', file));
    await models(
      `${status("'todo', 'done'")}${orgs}${tasks('title: field.text(), priority: field.integer().default(0)')}${tags}`,
    );
    await step('add_priority_default');
    expect(await query(db.url, 'SELECT priority FROM tasks')).toEqual([{ priority: 0 }]);
  });

  it('a column renamed with .renamedFrom() keeps its values', async () => {
    await models(
      `${status("'todo', 'done'")}${orgs}${tasks("name: field.text().renamedFrom('title'), priority: field.integer().default(0)")}${tags}`,
    );
    const source = await step('rename_title');
    expect(source).toMatch(/renameColumn\('title', 'name'\)|RENAME COLUMN "title" TO "name"/);
    expect(source).not.toMatch(/dropColumn/);
    expect(await query(db.url, 'SELECT name FROM tasks')).toEqual([{ name: 'first' }]);
  });

  it('an enum value added in the middle, then one in use removed', async () => {
    const rest = `${orgs}${tasks('name: field.text(), priority: field.integer().default(0)')}${tags}`;
    await models(`${status("'todo', 'doing', 'done'")}${rest}`);
    const added = await step('add_doing');
    expect(added).toMatch(/addTypeValue\(.*'doing'|ADD VALUE 'doing'/);
    await query(db.url, `UPDATE tasks SET status = 'doing'`);
    await models(`${status("'todo', 'done'")}${rest}`);
    const made = await cli('migrate', 'make', 'remove_doing');
    expect(made.code).toBe(0);
    const failed = await cli('migrate');
    expect(failed.code).toBe(1);
    expect(await query(db.url, 'SELECT status::text FROM tasks')).toEqual([{ status: 'doing' }]);
    await query(db.url, `UPDATE tasks SET status = 'done'`);
    expect((await cli('migrate')).code).toBe(0);
    await nothingLeft();
    expect(await query(db.url, `SELECT enum_range(NULL::task_status)::text AS r`)).toEqual([
      { r: '{todo,done}' },
    ]);
  });

  it('text to integer with data, and a composite unique', async () => {
    const before = `${status("'todo', 'done'")}${orgs}`;
    await models(
      `${before}${tasks('name: field.text(), priority: field.integer().default(0), estimate: field.text().optional()')}${tags}`,
    );
    await step('add_estimate');
    await query(db.url, `UPDATE tasks SET estimate = '3'`);
    await models(
      `${before}${tasks('name: field.text(), priority: field.integer().default(0), estimate: field.integer().optional()')}${tags}`,
    );
    await step('estimate_integer');
    expect(await query(db.url, 'SELECT estimate FROM tasks')).toEqual([{ estimate: 3 }]);
    await models(
      `${before}${tasks('name: field.text(), priority: field.integer().default(0), estimate: field.integer().optional()', "{ uniques: [['orgId', 'name']] }")}${tags}`,
    );
    const unique = await step('unique_org_name');
    expect(unique).toMatch(/addUnique|UNIQUE/);
  });

  it('two tables joined by a foreign key, removed from the models, are dropped; the unmanaged table is not', async () => {
    await query(db.url, `INSERT INTO tags VALUES (1, 'x'); INSERT INTO task_tags VALUES (1, 1, 'n')`);
    await models(
      `${status("'todo', 'done'")}${orgs}${tasks('name: field.text(), priority: field.integer().default(0), estimate: field.integer().optional()', "{ uniques: [['orgId', 'name']] }")}`,
    );
    const source = await step('drop_tags');
    expect(source).toMatch(
      /dropTable\(\{ schema: 'public', name: 'task_tags' \}\)|DROP TABLE "public"."task_tags"/,
    );
    expect(source).toMatch(/dropTable\(\{ schema: 'public', name: 'tags' \}\)|DROP TABLE "public"."tags"/);
    expect(source).toContain('hazard deletes-data');
    expect(
      await query(
        db.url,
        `SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('tags', 'task_tags')`,
      ),
    ).toEqual([{ n: 0 }]);
    // --prune would drop the unmanaged table too, with its hazard; push refuses it without --allow-hazards.
    const prune = await cli('schema', 'push', '--prune', '--dry-run');
    expect(prune.code).toBe(3);
    expect(prune.stderr).toContain('Deletes table "public"."audit_log"');
  });
});

/** Runs SQL on the database (a postgres URL or `pglite:<dir>`) and returns the last result's rows. */
async function query(url: string, text: string): Promise<Record<string, unknown>[]> {
  if (url.startsWith('pglite:')) {
    const { createPgliteDriver } = await import('@justscale/driver-pglite');
    const driver = await createPgliteDriver({ dataDir: url.slice('pglite:'.length) });
    try {
      if (!text.trim().toUpperCase().startsWith('SELECT')) {
        await driver.exec(text);
        return [];
      }
      return (await driver.query(text)).rows as Record<string, unknown>[];
    } finally {
      await driver.close();
    }
  }
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(text);
    return ((Array.isArray(result) ? result.at(-1) : result)?.rows ?? []) as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}
