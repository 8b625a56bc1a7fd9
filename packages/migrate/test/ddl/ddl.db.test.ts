import { defineEnum, field } from '@justscale/models';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/database/database.js';
import { dryRunExecutor, liveExecutor, type Statement } from '../../src/database/executor.js';
import { MigrateError } from '../../src/errors.js';
import {
  columnsOf,
  constraintsOf,
  type DdlFixture,
  ddlFixture,
  enumValues,
  indexesOf,
  one,
} from './helpers.js';

const open: DdlFixture[] = [];
async function fixture(options: Parameters<typeof ddlFixture>[0] = {}): Promise<DdlFixture> {
  const f = await ddlFixture(options);
  open.push(f);
  return f;
}
afterEach(async () => {
  for (const f of open.splice(0)) await f.test.close();
});

describe('tables and columns', () => {
  it('creates a schema-qualified table with hostile names, table options and field constraints', async () => {
    const f = await fixture();
    const { db } = f;
    await db.createSchema('a.b');
    const status = defineEnum('Status', ['on', 'off'], { schema: 'a.b' });
    await db.createType({ schema: 'a.b', name: 'Status' }, ['on', 'off']);
    await db.createTable(
      { schema: 'a.b', name: 'Mixed Case' },
      {
        id: field.integer().identity().primaryKey(),
        'a"b': field.text().unique(),
        select: field.integer().check('"select" > 0'),
        ünïcödé: field.boolean().default(true),
        state: field.enum(status).default('on'),
        parentId: field.integer().optional().index(),
      },
      { comment: 'hostile' },
    );
    expect(await columnsOf(f.driver, 'Mixed Case', 'a.b')).toEqual([
      'id integer not null',
      'a"b text not null',
      'select integer not null',
      'ünïcödé boolean not null default true',
      `state "a.b"."Status" not null default 'on'::"a.b"."Status"`,
      'parent_id integer',
    ]);
    expect(await constraintsOf(f.driver, 'Mixed Case', 'a.b')).toEqual([
      'Mixed Case_a"b_key: UNIQUE ("a""b")',
      'Mixed Case_pkey: PRIMARY KEY (id)',
      'Mixed Case_select_check: CHECK (("select" > 0))',
    ]);
    expect(await indexesOf(f.driver, 'Mixed Case', 'a.b')).toContain(
      'CREATE INDEX "Mixed Case_parent_id_idx" ON "a.b"."Mixed Case" USING btree (parent_id)',
    );
    await db.createIndex({ schema: 'a.b', name: 'Mixed Case' }, ['select', 'ünïcödé'], { name: 'select' });
    expect(await indexesOf(f.driver, 'Mixed Case', 'a.b')).toContain(
      'CREATE INDEX "select" ON "a.b"."Mixed Case" USING btree ("select", "ünïcödé")',
    );
    await db.comment({ table: { schema: 'a.b', name: 'Mixed Case' }, column: 'a"b' }, "it's");
    expect(
      await one(f.driver, `SELECT pg_catalog.col_description('"a.b"."Mixed Case"'::regclass, 2) AS v`),
    ).toBe("it's");
    await db.renameTable({ schema: 'a.b', name: 'Mixed Case' }, 'x'.repeat(63));
    expect(await db.hasTable({ schema: 'a.b', name: 'x'.repeat(63) })).toBe(true);
    await expect(db.renameTable({ schema: 'a.b', name: 'x'.repeat(63) }, 'y'.repeat(64))).rejects.toThrow(
      /64 bytes/,
    );
    await db.dropTable({ schema: 'a.b', name: 'x'.repeat(63) });
    await db.dropType({ schema: 'a.b', name: 'Status' });
    await db.dropSchema('a.b');
    expect(
      await one(f.driver, `SELECT count(*)::int AS v FROM pg_catalog.pg_namespace WHERE nspname = 'a.b'`),
    ).toBe(0);
  });

  it('alterTable: alterType with USING, addColumn with a foreign key, and one ALTER TABLE for the lot', async () => {
    const f = await fixture();
    const { db } = f;
    await db.createTable('users', { id: field.integer().primaryKey() });
    await db.createTable('posts', {
      id: field.integer().primaryKey(),
      score: field.text(),
      legacy: field.text(),
    });
    await db.raw("INSERT INTO users VALUES (1); INSERT INTO posts VALUES (1, '42', 'x')");
    const recorded: Statement[] = [];
    const change = (t: Parameters<Parameters<typeof db.alterTable>[1]>[0]) => {
      t.alterType('score', field.integer(), { using: 'score::integer' });
      t.addColumn(
        'authorId',
        field.integer().optional().references({ table: 'users', column: 'id' }, { onDelete: 'SET NULL' }),
      );
      t.dropColumn('legacy');
      t.setDefault('score', '0');
    };
    await createDatabase(dryRunExecutor(f.driver, recorded)).alterTable('posts', change);
    expect(recorded.map((s) => s.sql)).toEqual([
      `ALTER TABLE "public"."posts" ALTER COLUMN "score" TYPE integer USING score::integer,
  ADD COLUMN "author_id" integer,
  ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "public"."users" ("id") ON DELETE SET NULL,
  DROP COLUMN "legacy"`,
      `ALTER TABLE "public"."posts" ALTER COLUMN "score" SET DEFAULT 0`,
    ]);
    await db.alterTable('posts', change);
    expect(await columnsOf(f.driver, 'posts')).toEqual([
      'id integer not null',
      'score integer not null default 0',
      'author_id integer',
    ]);
    expect(await one(f.driver, 'SELECT score AS v FROM posts')).toBe(42);
    expect(await constraintsOf(f.driver, 'posts')).toContain(
      'posts_author_id_fkey: FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE SET NULL',
    );
  });

  it('names an unknown column with the columns the table has', async () => {
    const f = await fixture();
    await f.db.createTable('t', { someThing: field.text() });
    const error = await f.db.alterTable('t', (t) => t.setNotNull('other')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrateError);
    expect((error as MigrateError).code).toBe('UNKNOWN_COLUMN');
    expect((error as Error).message).toContain('"some_thing"');
  });
});

describe('indexes', () => {
  it('INCLUDE, unique with a name, and CONCURRENTLY outside a transaction', async () => {
    const f = await fixture();
    const { db } = f;
    await db.createTable('t', { a: field.integer(), b: field.integer() });
    await db.createIndex('t', 'a', { include: ['b'], unique: true, name: 't_a_incl' });
    await db.createIndex('t', 'b', { concurrently: true });
    expect(await indexesOf(f.driver, 't')).toEqual([
      'CREATE UNIQUE INDEX t_a_incl ON public.t USING btree (a) INCLUDE (b)',
      'CREATE INDEX t_b_idx ON public.t USING btree (b)',
    ]);
    await db.dropIndex('t_b_idx', { concurrently: true });
    await db.dropIndex('t_a_incl');
    await db.dropIndex('t_a_incl', { ifExists: true });
    expect(await indexesOf(f.driver, 't')).toEqual([]);
  });

  it('CONCURRENTLY inside a transaction fails telling the user to set transaction: false', async () => {
    const f = await fixture();
    await f.db.createTable('t', { a: field.integer() });
    const error = await f.driver
      .transaction((tx) => createDatabase(liveExecutor(tx)).createIndex('t', 'a', { concurrently: true }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrateError);
    expect((error as MigrateError).code).toBe('MIGRATION_NOT_TRANSACTIONAL');
    expect((error as Error).message).toMatch(/CREATE INDEX CONCURRENTLY.*transaction: false/s);
    expect(await indexesOf(f.driver, 't')).toEqual([]);
  });
});

describe('enums, schemas, extensions', () => {
  it('renames an enum value and drops types of every kind', async () => {
    const f = await fixture();
    const { db } = f;
    await db.createType('Mood', ['ok', 'sad']);
    await db.renameTypeValue('Mood', 'sad', 'blue');
    await db.addTypeValue('Mood', 'great');
    expect(await enumValues(f.driver, 'Mood')).toEqual(['ok', 'blue', 'great']);
    await db.raw('CREATE DOMAIN positive AS integer CHECK (VALUE > 0); CREATE TYPE pair AS (a int, b int)');
    await db.dropType('positive');
    await db.dropType('pair');
    await db.dropTypeIfExists('Mood');
    await db.dropTypeIfExists('Mood');
    expect(
      await one(
        f.driver,
        `SELECT count(*)::int AS v FROM pg_catalog.pg_type WHERE typname IN ('positive', 'pair', 'Mood')`,
      ),
    ).toBe(0);
  });

  it('creates and drops schemas and extensions', async () => {
    // citext is installed by the fixture (PGlite must load its module first): drop it, then make it again.
    const f = await fixture({ extensions: ['citext'] });
    const { db } = f;
    await db.dropExtension('citext');
    await db.createSchema('ext');
    await db.createSchema('ext', { ifNotExists: true });
    await db.createExtension('citext', { schema: 'ext' });
    await db.createExtension('citext', { ifNotExists: true });
    expect(
      await one(
        f.driver,
        `SELECT n.nspname AS v FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE extname = 'citext'`,
      ),
    ).toBe('ext');
    await db.dropExtension('citext');
    await db.dropSchema('ext', { cascade: true });
    await db.dropSchema('ext', { ifExists: true });
  });
});

describe('views, functions, triggers, policies, comments', () => {
  it('runs the whole family on a table', async () => {
    const f = await fixture();
    const { db } = f;
    await db.createTable('users', {
      id: field.integer().primaryKey(),
      status: field.text(),
      updatedAt: field.updatedAt(),
    });
    await db.createView('active_users', "SELECT id FROM users WHERE status = 'active'");
    await db.createView('user_count', 'SELECT count(*) AS n FROM users', { materialized: true });
    await db.createFunction('update_updated_at', {
      returns: 'trigger',
      language: 'plpgsql',
      body: "BEGIN NEW.updated_at = NOW() + interval '1 day'; RETURN NEW; END;",
    });
    await db.createTrigger('users', 'users_touch', {
      timing: 'BEFORE',
      events: ['UPDATE'],
      function: 'update_updated_at',
    });
    await db.raw("INSERT INTO users (id, status) VALUES (1, 'active'); UPDATE users SET status = 'active'");
    expect(await one(f.driver, 'SELECT updated_at > now() AS v FROM users')).toBe(true);
    expect(await one(f.driver, 'SELECT count(*)::int AS v FROM active_users')).toBe(1);
    await db.enableRowLevelSecurity('users', { force: true });
    await db.createPolicy('users', 'only active', { command: 'SELECT', using: "status = 'active'" });
    expect(
      await one(
        f.driver,
        `SELECT relrowsecurity AND relforcerowsecurity AS v FROM pg_catalog.pg_class WHERE oid = 'users'::regclass`,
      ),
    ).toBe(true);
    expect(
      await one(f.driver, `SELECT qual AS v FROM pg_catalog.pg_policies WHERE policyname = 'only active'`),
    ).toBe("(status = 'active'::text)");
    await db.comment({ table: 'users' }, 'people');
    await db.comment({ view: 'active_users' }, 'view');
    await db.comment({ function: 'update_updated_at' }, 'touch');
    await db.comment({ table: 'users', trigger: 'users_touch' }, 'trigger');
    await db.comment({ table: 'users', policy: 'only active' }, 'policy');
    await db.comment({ table: 'users', constraint: 'users_pkey' }, 'key');
    await db.comment({ table: 'users', column: 'updatedAt' }, 'touched');
    expect(
      await one(
        f.driver,
        `SELECT array_agg(description ORDER BY description)::text AS v FROM pg_catalog.pg_description WHERE objoid >= 16384`,
      ),
    ).toBe('{key,people,policy,touch,touched,trigger,view}');
    await db.comment({ table: 'users' }, null);
    expect(await one(f.driver, `SELECT obj_description('users'::regclass, 'pg_class') AS v`)).toBeNull();
    await db.dropPolicy('users', 'only active');
    await db.disableRowLevelSecurity('users');
    await db.dropTrigger('users', 'users_touch');
    await db.dropFunction('update_updated_at');
    await db.dropView('user_count', { materialized: true });
    await db.dropView('active_users');
    expect(
      await one(
        f.driver,
        `SELECT (SELECT count(*) FROM pg_catalog.pg_policies) + (SELECT count(*) FROM pg_catalog.pg_trigger WHERE NOT tgisinternal)
        + (SELECT count(*) FROM pg_catalog.pg_proc WHERE proname = 'update_updated_at') + (SELECT count(*) FROM pg_catalog.pg_class WHERE relname IN ('user_count', 'active_users')) AS v`,
      ),
    ).toBe('0');
  });
});

describe('dry run', () => {
  it('records the statements and changes nothing', async () => {
    const f = await fixture();
    const recorded: Statement[] = [];
    const db = createDatabase(dryRunExecutor(f.driver, recorded));
    await db.createTable('posts', { id: field.uuid().primaryKey(), authorId: field.uuid() });
    await db.createIndex('posts', 'authorId');
    expect(recorded.map((s) => s.sql)).toEqual([
      `CREATE TABLE "public"."posts" (\n  "id" uuid DEFAULT gen_random_uuid() NOT NULL,\n  "author_id" uuid NOT NULL,\n  CONSTRAINT "posts_pkey" PRIMARY KEY ("id")\n)`,
      'CREATE INDEX "posts_author_id_idx" ON "public"."posts" USING "btree" ("author_id")',
    ]);
    expect(await f.db.hasTable('posts')).toBe(false);
  });
});
