import { defineEnum, defineModel, field } from '@justscale/models';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type ModelsPlan, planFromModels, UnmanagedDependentError } from '../../src/generate/index.js';

// A hand-written object the models cannot describe (a view, an unmanaged table's foreign key) that
// needs a table or column the models drop: the plan is refused, naming both, instead of a migration
// that drops the view and fails to create it again. A view the plan must recreate around a retyped
// column gets its grants back.
const open: TestDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

const v1 = [
  defineModel('orgs', {
    id: field.uuid().primaryKey(),
    name: field.string().max(100),
    legacy: field.string().optional(),
  }),
  defineModel('tags', { id: field.uuid().primaryKey(), label: field.string() }),
];
const orgsOnly = (nameLength: number, legacy: boolean) =>
  defineModel('orgs', {
    id: field.uuid().primaryKey(),
    name: field.string().max(nameLength),
    ...(legacy ? { legacy: field.string().optional() } : {}),
  });

async function applied(plan: ModelsPlan, db: TestDatabase): Promise<void> {
  for (const s of plan.plan.statements) await db.driver.exec(s.sql);
}

describe('objects the models do not manage, depending on what the models change', () => {
  it('refuses to drop a table or column a view, a function or an unmanaged table needs, naming each', async () => {
    const db = await createTestDatabase();
    open.push(db);
    await applied(await planFromModels(db.driver, v1), db);
    await db.driver.exec(`CREATE VIEW org_legacy AS SELECT id, legacy FROM orgs;
      CREATE VIEW tag_labels AS SELECT label FROM tags;
      CREATE TABLE tag_audit (tag_id uuid REFERENCES tags (id));
      CREATE FUNCTION tag_count() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM tags; END`);
    const owned = {
      tables: [
        { schema: 'public', name: 'orgs' },
        { schema: 'public', name: 'tags' },
      ],
      enums: [],
    };
    const error = await planFromModels(db.driver, [orgsOnly(100, false)], { owned }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnmanagedDependentError);
    expect((error as UnmanagedDependentError).code).toBe('UNMANAGED_DEPENDENT');
    expect((error as UnmanagedDependentError).blocked).toEqual([
      { dependent: 'constraint tag_audit_tag_id_fkey on public.tag_audit', dropped: 'table public.tags' },
      { dependent: 'function public.tag_count()', dropped: 'table public.tags' },
      { dependent: 'view public.org_legacy', dropped: 'column public.orgs.legacy' },
      { dependent: 'view public.tag_labels', dropped: 'table public.tags' },
    ]);
    // Nothing was changed: the views still read what they read.
    expect((await db.driver.query('SELECT * FROM org_legacy')).rows).toEqual([]);

    // Once the hand-written objects are gone, the same models plan goes through.
    await db.driver.exec(
      `DROP VIEW org_legacy; DROP VIEW tag_labels; DROP TABLE tag_audit; DROP FUNCTION tag_count()`,
    );
    const plan = await planFromModels(db.driver, [orgsOnly(100, false)], { owned });
    expect(plan.plan.statements.map((s) => s.sql).join('\n')).toMatch(/DROP TABLE "public"\."tags"/);
    await applied(plan, db);
  });

  it('a view recreated around a retyped column gets its grants and comment back', async () => {
    const db = await createTestDatabase();
    open.push(db);
    await applied(await planFromModels(db.driver, [orgsOnly(100, true)]), db);
    await db.driver.exec(`CREATE VIEW org_names AS SELECT id, name FROM orgs;
      GRANT SELECT ON org_names TO pg_monitor;
      COMMENT ON VIEW org_names IS 'for reports'`);
    const plan = await planFromModels(db.driver, [orgsOnly(300, true)]);
    expect(plan.plan.notes.map((n) => n.kind)).toContain('recreated');
    await applied(plan, db);
    const { rows } = await db.driver.query<{ granted: boolean; comment: string }>(
      `SELECT has_table_privilege('pg_monitor', 'public.org_names', 'SELECT') AS granted,
              obj_description('public.org_names'::regclass) AS comment`,
    );
    expect(rows).toEqual([{ granted: true, comment: 'for reports' }]);
    expect((await planFromModels(db.driver, [orgsOnly(300, true)])).plan.statements).toEqual([]);
  });

  it('a view recreated around a column that is renamed and retyped reads the new name', async () => {
    // PostgreSQL follows a renamed column into the views reading it; the plan must create the view
    // again as PostgreSQL rewrote it, not as it read before the rename (CREATE VIEW would fail).
    const tasks = (column: 'title' | 'name', length: number) =>
      defineModel('tasks', {
        id: field.integer().primaryKey(),
        [column]:
          column === 'name' ? field.string().max(length).renamedFrom('title') : field.string().max(length),
      });
    const db = await createTestDatabase();
    open.push(db);
    await applied(await planFromModels(db.driver, [tasks('title', 200)]), db);
    await db.driver.exec(`CREATE VIEW open_tasks AS SELECT id, title FROM tasks;
      INSERT INTO tasks VALUES (1, 'first')`);
    const plan = await planFromModels(db.driver, [tasks('name', 300)]);
    const sql = plan.plan.statements.map((s) => s.sql);
    expect(sql.some((s) => /RENAME COLUMN "title" TO "name"/.test(s))).toBe(true);
    expect(sql.some((s) => /^CREATE VIEW .*name AS title/s.test(s))).toBe(true);
    await applied(plan, db);
    expect((await db.driver.query('SELECT * FROM open_tasks')).rows).toEqual([{ id: 1, title: 'first' }]);
    // Reading the rewritten view ran the renames in a transaction that was rolled back: nothing else changed
    // between planning and applying, and a second plan is empty.
    expect((await planFromModels(db.driver, [tasks('name', 300)])).plan.statements).toEqual([]);
  });

  it('an enum rebuilt under a hand-made function and view: both come back around it, rows kept', async () => {
    // The rebuild ends with a rename of the plan's own making (`st__new` to `st`): reading the views
    // after the plan's renames must not run it on its own (the type does not exist yet).
    const Status = (values: string[]) => defineEnum('invoice_status', values);
    const invoices = (values: string[]) => [
      Status(values),
      defineModel('invoices', {
        id: field.integer().primaryKey(),
        status: field.enum(Status(values)).default('draft'),
      }),
    ];
    const db = await createTestDatabase();
    open.push(db);
    await applied(await planFromModels(db.driver, invoices(['draft', 'sent', 'void'])), db);
    await db.driver.exec(`CREATE FUNCTION is_open(s invoice_status) RETURNS boolean LANGUAGE sql IMMUTABLE
        RETURN s IN ('draft', 'sent');
      CREATE VIEW open_invoices AS SELECT id FROM invoices WHERE is_open(status);
      INSERT INTO invoices VALUES (1, 'sent'), (2, 'draft')`);
    const plan = await planFromModels(db.driver, invoices(['draft', 'sent']));
    const sql = plan.plan.statements.map((s) => s.sql);
    const at = (re: RegExp) => sql.findIndex((s) => re.test(s));
    expect(at(/^DROP FUNCTION "public"\."is_open"/)).toBeGreaterThanOrEqual(0);
    expect(at(/^DROP FUNCTION "public"\."is_open"/)).toBeLessThan(
      at(/^DROP TYPE "public"\."invoice_status"/),
    );
    expect(at(/^CREATE FUNCTION "public"\."is_open"/)).toBeGreaterThan(at(/RENAME TO "invoice_status"/));
    await applied(plan, db);
    expect((await db.driver.query('SELECT id FROM open_invoices ORDER BY id')).rows).toEqual([
      { id: 1 },
      { id: 2 },
    ]);
    expect((await planFromModels(db.driver, invoices(['draft', 'sent']))).plan.statements).toEqual([]);
  });
});

describe('rules and collations, which models never own', () => {
  it('keeps them, recreates a rule around a retyped column, and refuses to drop a column a rule reads', async () => {
    const db = await createTestDatabase();
    open.push(db);
    await applied(await planFromModels(db.driver, [orgsOnly(100, true)]), db);
    await db.driver.exec(`CREATE COLLATION bytes (provider = libc, locale = 'C');
      CREATE TABLE org_log (id uuid, name varchar(300) COLLATE bytes, legacy text);
      CREATE RULE orgs_log AS ON INSERT TO orgs DO ALSO INSERT INTO org_log VALUES (new.id, new.name, new.legacy);
      COMMENT ON RULE orgs_log ON orgs IS 'keeps a copy'`);
    // The same models: nothing to do, the rule and the collation stay.
    expect((await planFromModels(db.driver, [orgsOnly(100, true)])).plan.statements).toEqual([]);

    // A retyped column the rule reads: the rule goes before and comes back after, with its comment.
    const wider = await planFromModels(db.driver, [orgsOnly(300, true)]);
    const sql = wider.plan.statements.map((s) => s.sql);
    expect(sql[0]).toBe('DROP RULE "orgs_log" ON "public"."orgs"');
    expect(sql.some((s) => s.startsWith('CREATE RULE "orgs_log" AS ON INSERT TO public.orgs'))).toBe(true);
    await applied(wider, db);
    const { rows } = await db.driver.query<{ comment: string }>(
      `SELECT obj_description(oid, 'pg_rewrite') AS comment FROM pg_rewrite WHERE rulename = 'orgs_log'`,
    );
    expect(rows).toEqual([{ comment: 'keeps a copy' }]);

    // A dropped column the rule reads: refused by name, nothing changed.
    const owned = { tables: [{ schema: 'public', name: 'orgs' }], enums: [] };
    const error = await planFromModels(db.driver, [orgsOnly(300, false)], { owned }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnmanagedDependentError);
    expect((error as UnmanagedDependentError).blocked).toContainEqual({
      dependent: 'rule orgs_log on public.orgs',
      dropped: 'column public.orgs.legacy',
    });
  });
});
