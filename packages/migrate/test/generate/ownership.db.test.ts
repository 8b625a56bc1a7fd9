import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { introspect } from '@justscale/introspect';
import { defineEnum, defineModel, field } from '@justscale/models';
import { createRawClient, createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyMigration,
  generateMigration,
  makeMigration,
  PendingMigrationsError,
  planFromModels,
  readOwnership,
  syncSchema,
} from '../../src/generate/index.js';
import { createMigrationRunner } from '../../src/runner/index.js';
import { tempDir } from './helpers.js';
import { PgOrder, PgProduct, PgUser } from './models.js';

const open: { close(): Promise<void> }[] = [];
async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  open.push(db);
  return db;
}
async function dir() {
  const d = await tempDir();
  open.push({ close: d.cleanup });
  return d;
}
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

const tables = async (t: TestDatabase) =>
  (await introspect(t.driver, { schemas: ['public'] })).tables.map((x) => x.name).sort();

// On the server: node-postgres, postgres.js and the Driver; on PGlite (the pglite project): the Driver.
const onServer = process.env.JUSTSCALE_TEST_TARGET !== 'pglite' && Boolean(process.env.DATABASE_URL);
const clients = onServer ? (['pg-pool', 'postgres', 'driver'] as const) : (['driver'] as const);

describe('the seed, verbatim, in its order, on every client', () => {
  it.each(clients)('%s: the subset syncSchema keeps orders and its rows', async (kind) => {
    const t = await database();
    const raw = kind === 'driver' ? null : await createRawClient(kind, t.url);
    if (raw !== null) open.push(raw);
    const client = raw === null ? t.driver : (raw.client as never);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    // Generate migration from model diff
    const migration = await generateMigration(client, PgUser, PgProduct, PgOrder);
    if (migration.hasChanges) {
      console.log('SQL to apply:', migration.sql);
      console.log('Changes:', migration.changes);
      // Apply the migration
      await applyMigration(client, migration);
    }
    await t.driver.exec(`INSERT INTO users (id, email) VALUES ('00000000-0000-0000-0000-000000000001', 'a@b.c');
      INSERT INTO products (id, name, price) VALUES ('00000000-0000-0000-0000-000000000002', 'p', 1);
      INSERT INTO orders (customer_id, product_id) VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002')`);
    // Or sync directly (dev mode - no tracking)
    await syncSchema(client, PgUser, PgProduct);
    log.mockRestore();
    expect(await tables(t)).toEqual(['orders', 'products', 'users']);
    expect((await t.driver.query('SELECT count(*)::int AS n FROM orders')).rows).toEqual([{ n: 1 }]);
  });
});

const Org = defineModel('orgs', { id: field.integer().primaryKey(), name: field.text() });
/** Org with one more column: its plan must add that column and do nothing else; then it is applied. */
const Wider = defineModel('orgs', {
  id: field.integer().primaryKey(),
  name: field.text(),
  note: field.text().optional(),
});
async function addsOnlyTheNoteColumn(t: TestDatabase): Promise<void> {
  const plan = await planFromModels(t.driver, [Wider]);
  expect(plan.plan.statements.map((x) => x.sql)).toEqual([expect.stringMatching(/ADD COLUMN "note"/)]);
  await syncSchema(t.driver, Wider);
}
const Task = defineModel('tasks', {
  id: field.integer().primaryKey(),
  orgId: field.integer().references(Org),
  title: field.text(),
});
const Tag = defineModel('tags', { id: field.integer().primaryKey(), label: field.text() });
const Kind = defineEnum('tag_kind', ['a', 'b']);

describe('models own what they describe, and nothing else', () => {
  it('leaves a table no model describes alone, naming it in a note; prune drops it', async () => {
    const t = await database();
    await syncSchema(t.driver, Org);
    await t.driver.exec(`CREATE TABLE legacy (id int PRIMARY KEY); INSERT INTO legacy VALUES (1);
      CREATE TYPE legacy_kind AS ENUM ('x');
      CREATE VIEW org_names AS SELECT name FROM orgs;
      CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql AS 'SELECT upper(t)';`);
    const plan = await planFromModels(t.driver, [Org]);
    expect(plan.plan.statements).toEqual([]);
    expect(plan.plan.notes.map((n) => n.message)).toEqual([
      expect.stringMatching(/^table public\.legacy is in the database but in no model.*prune drops it/),
      expect.stringMatching(/^enum public\.legacy_kind is in the database but in no model/),
    ]);
    await syncSchema(t.driver, Org);
    expect(await tables(t)).toEqual(['legacy', 'orgs']);
    const pruned = await generateMigration(t.driver, Org, { prune: true });
    expect(pruned.sql).toContain('DROP TABLE "public"."legacy"');
    expect(pruned.sql).toContain('DROP TYPE "public"."legacy_kind"');
    expect(pruned.sql).not.toMatch(/org_names|shout/);
    expect(pruned.changes.find((c) => c.object === 'table public.legacy')?.hazards).toEqual([
      expect.objectContaining({ kind: 'deletes-data' }),
      expect.anything(),
    ]);
  });

  it("keeps the statistics target, storage and compression of a model's column and its key's index comment, which the models do not describe", async () => {
    const t = await database();
    await syncSchema(t.driver, Org);
    await t.driver.exec(`ALTER TABLE orgs ALTER COLUMN name SET STATISTICS 500,
      ALTER COLUMN name SET STORAGE EXTERNAL, ALTER COLUMN name SET COMPRESSION pglz;
      COMMENT ON INDEX orgs_pkey IS 'by id'`);
    expect((await planFromModels(t.driver, [Org])).plan.statements).toEqual([]);
    await addsOnlyTheNoteColumn(t);
    const name = (await introspect(t.driver, { schemas: ['public'] })).tables
      .find((x) => x.name === 'orgs')
      ?.columns.find((c) => c.name === 'name');
    expect(
      (await t.driver.query("SELECT obj_description('orgs_pkey'::regclass, 'pg_class') AS c")).rows,
    ).toEqual([{ c: 'by id' }]);
    expect(name).toMatchObject({
      statistics: 500,
      storage: { mode: 'EXTERNAL', typeDefault: 'EXTENDED' },
      compression: 'pglz',
    });
  });

  it("keeps the table-level state of a model's table that no model can express: policies, row security, options, replica identity, CLUSTER ON, an exclusion constraint", async () => {
    const t = await database();
    await syncSchema(t.driver, Org);
    await t.driver.exec(`ALTER TABLE orgs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY orgs_visible ON orgs USING (id > 0);
      ALTER TABLE orgs SET (fillfactor = 70);
      ALTER TABLE orgs REPLICA IDENTITY FULL;
      ALTER TABLE orgs CLUSTER ON orgs_pkey;
      ALTER TABLE orgs ADD CONSTRAINT orgs_name_excl EXCLUDE USING btree (name WITH =)`);
    const state = async () => {
      const { rows } = await t.driver.query<Record<string, unknown>>(
        `SELECT c.relrowsecurity AS rls, c.relforcerowsecurity AS forced, c.reloptions::text AS options,
                c.relreplident::text AS replica,
                (SELECT count(*)::int FROM pg_policy WHERE polrelid = c.oid) AS policies,
                (SELECT count(*)::int FROM pg_index WHERE indrelid = c.oid AND indisclustered) AS clustered,
                (SELECT count(*)::int FROM pg_constraint WHERE conrelid = c.oid AND contype = 'x') AS exclusions
         FROM pg_class c WHERE c.oid = 'public.orgs'::regclass`,
      );
      return rows[0];
    };
    const before = await state();
    expect(before).toEqual({
      rls: true,
      forced: true,
      options: '{fillfactor=70}',
      replica: 'f',
      policies: 1,
      clustered: 1,
      exclusions: 1,
    });
    // The same models: nothing to do.
    expect((await planFromModels(t.driver, [Org])).plan.statements).toEqual([]);
    // A model change touches only what the models describe.
    await addsOnlyTheNoteColumn(t);
    expect(await state()).toEqual(before);
  });

  it('drops a table and an enum when a migration record shows the models owned them', async () => {
    const t = await database();
    const d = await dir();
    const runner = createMigrationRunner(t.driver, { directory: d.path });
    const first = await makeMigration({
      client: t.driver,
      models: [Org, Task, Tag, Kind],
      directory: d.path,
      name: 'init',
      importFrom: null,
    });
    expect(
      JSON.parse(
        await readFile(join(d.path, '.models', `${first!.slice(d.path.length + 1, -3)}.json`), 'utf8'),
      ),
    ).toMatchObject({
      tables: [
        { schema: 'public', name: 'orgs' },
        { schema: 'public', name: 'tags' },
        { schema: 'public', name: 'tasks' },
      ],
      enums: [{ schema: 'public', name: 'tag_kind' }],
    });
    // A second make before the first ran would repeat it.
    await expect(
      makeMigration({ client: t.driver, models: [Org], directory: d.path, name: 'x', importFrom: null }),
    ).rejects.toBeInstanceOf(PendingMigrationsError);
    await runner.migrate();
    await t.driver.exec(`CREATE TABLE hand_made (id int)`);
    // Without the directory (no record), nothing is dropped.
    expect((await generateMigration(t.driver, Tag)).sql).not.toMatch(/DROP/);
    // With it: the models owned orgs, tasks (FK-joined) and the enum, and no longer describe them.
    const removed = await generateMigration(t.driver, Tag, { directory: d.path });
    expect(removed.sql).toContain('DROP TABLE "public"."tasks"');
    expect(removed.sql).toContain('DROP TABLE "public"."orgs"');
    expect(removed.sql).toContain('DROP TYPE "public"."tag_kind"');
    expect(removed.sql).not.toContain('hand_made');
    const second = await makeMigration({
      client: t.driver,
      models: [Tag],
      directory: d.path,
      name: 'remove',
      now: new Date(Date.now() + 1000),
      importFrom: null,
    });
    await runner.migrate();
    expect(await tables(t)).toEqual(['hand_made', 'tags']);
    // A migration deleted by hand takes its record with it: the record of what is left is read.
    await rm(second!);
    expect((await readOwnership(d.path)).tables.map((x) => x.name)).toEqual(['orgs', 'tags', 'tasks']);
    await writeFile(join(d.path, '.models', 'bad.json'), '{');
    await writeFile(join(d.path, 'bad.sql'), '-- up\nSELECT 1;\n');
    await expect(readOwnership(d.path)).rejects.toThrow(/Ownership record .*bad\.json is not valid/);
  });
});

describe('a models plan on an empty database', () => {
  it('creates tables with their keys and indexes without lock or scan hazards, and a hint has nothing to rename', async () => {
    const db = await database();
    const Org = defineModel('orgs', { id: field.uuid().primaryKey(), name: field.string() });
    const Task = defineModel(
      'tasks',
      {
        id: field.uuid().primaryKey(),
        orgId: field.uuid().references(Org),
        name: field.string().max(300).renamedFrom('title'),
      },
      { indexes: [{ columns: ['name'] }] },
    );
    const { plan } = await planFromModels(db.driver, [Org, Task]);
    // The foreign key and index land on tables the plan creates: no rows, no traffic.
    expect(plan.statements.some((s) => /FOREIGN KEY/.test(s.sql))).toBe(true);
    expect(plan.hazards.map((h) => h.kind)).toEqual([]);
    // What sync pushes is what the plan says: no hazard to allow. Models may come as an array too.
    await expect(syncSchema(db.driver, [Org, 'tasks'] as never)).rejects.toThrow(/neither a model/);
    await syncSchema(db.driver, [Org, Task]);
    expect(await tables(db)).toEqual(['orgs', 'tasks']);
    // Once the tables exist, a foreign key to the existing table does block its writes again.
    const Tag = defineModel('tags', { id: field.uuid().primaryKey(), orgId: field.uuid().references(Org) });
    const next = await planFromModels(db.driver, [Org, Task, Tag]);
    expect(next.plan.hazards.map((h) => h.kind)).toEqual(['blocks-writes']);
  });
});

describe('renames in the models', () => {
  it('a field, a model, an enum and its value renamed keep their data; a satisfied hint is silent', async () => {
    const t = await database();
    const S1 = defineEnum('state', ['open', 'shut']);
    const V1 = defineModel('doors', {
      id: field.integer().primaryKey(),
      title: field.text(),
      state: field.enum(S1),
    });
    await syncSchema(t.driver, V1, S1);
    await t.driver.exec(`INSERT INTO doors VALUES (1, 'front', 'shut')`);
    const S2 = defineEnum('door_state', ['open', 'closed'], {
      renamedFrom: 'state',
      renamedValues: { closed: 'shut' },
    });
    const V2 = defineModel(
      'gates',
      { id: field.integer().primaryKey(), name: field.text().renamedFrom('title'), state: field.enum(S2) },
      { renamedFrom: 'doors' },
    );
    const m = await generateMigration(t.driver, V2, S2);
    expect(m.sql).not.toMatch(/DROP|ADD COLUMN|CREATE TABLE/);
    expect(m.sql).toContain('RENAME TO "gates"');
    expect(m.sql).toContain('RENAME COLUMN "title" TO "name"');
    expect(m.sql).toContain('RENAME CONSTRAINT "doors_pkey" TO "gates_pkey"');
    await syncSchema(t.driver, V2, S2);
    expect((await t.driver.query('SELECT id, name, state::text FROM gates')).rows).toEqual([
      { id: 1, name: 'front', state: 'closed' },
    ]);
    // The renames happened: the same models plan nothing, and say nothing.
    const again = await planFromModels(t.driver, [V2, S2]);
    expect(again.plan.statements).toEqual([]);
    expect(again.plan.notes).toEqual([]);
    // A hint that names nothing on either side is still an error.
    const V3 = defineModel('gates', {
      id: field.integer().primaryKey(),
      name: field.text(),
      state: field.enum(S2),
      x: field.text().optional().renamedFrom('nowhere'),
    });
    await expect(generateMigration(t.driver, V3, S2)).rejects.toThrow(
      /rename hint column "public"."nowhere" of "gates": no such column in the current schema/,
    );
  });
});

describe('types resolve as PostgreSQL resolves them', () => {
  it("field.custom('citext') works once citext is installed into public", async () => {
    const t = await createTestDatabase({ extensions: ['citext'] });
    open.push(t);
    const Member = defineModel('members', {
      id: field.integer().primaryKey(),
      email: field.custom('citext'),
    });
    await syncSchema(t.driver, Member);
    await t.driver.exec(`INSERT INTO members VALUES (1, 'A@Example.com')`);
    expect((await t.driver.query(`SELECT id FROM members WHERE email = 'a@example.com'`)).rows).toEqual([
      { id: 1 },
    ]);
    const again = await planFromModels(t.driver, [Member]);
    expect(again.plan.statements).toEqual([]);
  });
});
