import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, execOn, packageRoot, testDatabaseUrl } from './helpers.js';

const v1 = `import { defineModel, field } from '@justscale/models';
export const Orders = defineModel('orders', {
  id: field.integer().primaryKey(),
  amount: field.integer(),
  note: field.text().optional(),
});
`;
// amount becomes a bigint (the view over it is rebuilt around the change) and gets an index: the
// online plan builds it CONCURRENTLY, in a file of its own.
const v2 = `import { defineModel, field } from '@justscale/models';
export const Orders = defineModel('orders', {
  id: field.integer().primaryKey(),
  amount: field.bigint(),
  note: field.text().optional(),
}, { indexes: [{ columns: ['amount'] }] });
`;

const VIEW = 'CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100';

/**
 * A view made by hand (psql), not by any migration, over a column the models retype: `migrate make`
 * must drop and create it again around the change, and the file must also run where the view does
 * not exist (a fresh database: `migrate fresh`, `migrate test`, `migrate check`).
 */
describe('migrate make around a view made by hand', { timeout: 300_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let dir: string;
  const js = async (expected: number, ...args: string[]) => {
    const r = await cli(args, { cwd: dir, env: { DATABASE_URL: db.url } });
    expect(r.code, `justscale ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(expected);
    return r;
  };
  const hasView = () =>
    execOn(
      db.url,
      "DO $$ BEGIN IF to_regclass('public.big_orders') IS NULL THEN RAISE EXCEPTION 'no view'; END IF; END $$",
    ).then(
      () => true,
      (error: Error) => {
        if (!error.message.includes('no view')) throw error;
        return false;
      },
    );

  beforeAll(async () => {
    db = await testDatabaseUrl();
    await mkdir(join(packageRoot, '.justscale'), { recursive: true });
    dir = await mkdtemp(join(packageRoot, '.justscale', 'hand-view-'));
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'src/v1.ts'), v1);
    await writeFile(join(dir, 'src/v2.ts'), v2);
    await writeFile(join(dir, 'src/v3.ts'), v1);
    await writeFile(
      join(dir, 'justscale.config.json'),
      JSON.stringify({ models: './src/v2.ts', migrations: { importFrom: '@justscale/migrate' } }),
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await db?.close();
  });

  it('warns naming the view and the file, rebuilds it only where it exists, and the files run on both', async () => {
    await js(0, 'migrate', 'make', 'init', '--models', 'src/v1.ts');
    await js(0, 'migrate');
    await execOn(db.url, VIEW);

    const made = await js(0, 'migrate', 'make', 'big_amounts', '--online');
    const files = (await readdir(join(dir, 'migrations'))).filter((n) => n.includes('_big_amounts')).sort();
    expect(files.length).toBeGreaterThan(1);
    const sources = await Promise.all(files.map((f) => readFile(join(dir, 'migrations', f), 'utf8')));
    const rebuilding = files.filter((_, i) => sources[i]!.includes('db.hasView('));
    expect(rebuilding).toHaveLength(1);
    expect(made.stderr).toContain('warning: view public.big_orders is dropped and created again');
    expect(made.stderr).toContain(rebuilding[0]!);
    expect(made.stderr).toContain('no migration in migrations creates it');
    const source = sources[files.indexOf(rebuilding[0]!)]!;
    // Both directions ask first, and drop and create only under the answer.
    for (const direction of source.split('async down')) {
      expect(direction).toContain(
        "const view1 = await db.hasView({ schema: 'public', name: 'big_orders' });",
      );
      expect(direction).toMatch(
        /if \(view1\) \{\n\s+\/\/ dropView[^\n]*\n\s+await db\.raw\(`DROP VIEW "public"\."big_orders"`\);/,
      );
      expect(direction).toMatch(
        /if \(view1\) \{\n\s+\/\/ createView[^\n]*\n\s+await db\.raw\(`CREATE VIEW "public"\."big_orders"/,
      );
    }

    // Where it was made: the view is rebuilt on the way up and on the way down.
    await js(0, 'migrate');
    expect(await hasView()).toBe(true);
    await js(0, 'migrate', 'rollback');
    expect(await hasView()).toBe(true);
    await js(0, 'migrate');
    expect(await hasView()).toBe(true);
    expect((await js(0, 'migrate', 'make', 'again', '--online')).stdout).toContain('No changes');

    // A fresh database (no view): test, check, and fresh (down all, up all) run.
    const tested = await js(0, 'migrate', 'test');
    expect(tested.stdout).toContain(
      `${files.length + 1} migrations run up, down and up again; the models match them.`,
    );
    await js(0, 'migrate', 'check');
    // Where the view was made, fresh cannot take the first migration back: its table has the view.
    const blocked = await js(1, 'migrate', 'fresh', '--force');
    expect(blocked.stderr).toContain('view big_orders depends on table orders');
    expect(blocked.stderr).toMatch(/_init's down was rolled back: it stays applied\./);
    await execOn(db.url, 'DROP VIEW big_orders');
    await js(0, 'migrate', 'fresh', '--force');
    expect(await hasView()).toBe(false);
    expect((await js(0, 'migrate', 'make', 'again', '--online')).stdout).toContain('No changes');

    // The guarded CREATE VIEW in the first file does not make the view a migration's: the next
    // change around it is guarded too.
    await execOn(db.url, VIEW);
    const back = await js(0, 'migrate', 'make', 'amount_back', '--models', 'src/v3.ts');
    expect(back.stderr).toContain('warning: view public.big_orders is dropped and created again');
    const backFile = (await readdir(join(dir, 'migrations'))).find((n) => n.includes('_amount_back'))!;
    expect(await readFile(join(dir, 'migrations', backFile), 'utf8')).toContain('db.hasView(');
    await js(0, 'migrate');
    expect(await hasView()).toBe(true);
    await js(0, 'migrate', 'test', '--models', 'src/v3.ts');
    await js(0, 'migrate', 'check', '--models', 'src/v3.ts');
  });

  it('a migration written without the guard: migrate check says the view was made by hand', async () => {
    const name = (await readdir(join(dir, 'migrations'))).find((n) => n.includes('_big_amounts'))!;
    const stamp = name.slice(0, 14);
    const plain = `import { defineMigration } from '@justscale/migrate';
export default defineMigration({
  async up({ db }) {
    await db.raw('DROP VIEW "public"."big_orders"');
  },
  async down({ db }) {
    await db.raw(${JSON.stringify(VIEW)});
  },
});
`;
    await writeFile(join(dir, 'migrations', `${String(Number(stamp) + 100)}_old_style.ts`), plain);
    const r = await js(1, 'migrate', 'check');
    expect(r.stderr).toContain('view "big_orders" does not exist');
    expect(r.stderr).toContain(
      'hint: View big_orders is dropped here, but no migration before this one creates it',
    );
    expect(r.stderr).toContain('db.hasView(');
  });
});
