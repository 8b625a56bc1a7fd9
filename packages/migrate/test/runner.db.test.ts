import { createRawClient, createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createMigrationRunner,
  jitiLoader,
  MigrationFailedError,
  MigrationLoadError,
  type MigrationModuleLoader,
  type MigrationRunnerOptions,
} from '../src/index.js';
import { type MigrationDir, migrationDir, tableMigration, tsTableMigration } from './helpers.js';

let test: TestDatabase;
let dir: MigrationDir;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.close();
});
beforeEach(async () => {
  await test.driver.exec(
    'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS "Mixed Case" CASCADE;',
  );
  dir = await migrationDir();
});
afterEach(async () => {
  await dir.cleanup();
});

const runner = (options: Partial<MigrationRunnerOptions> = {}) =>
  createMigrationRunner(test.driver, { directory: dir.path, ...options });

async function tables(schema = 'public'): Promise<string[]> {
  const { rows } = await test.driver.query<{ name: string }>(
    'SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = $1 ORDER BY 1',
    [schema],
  );
  return rows.map((r) => r.name);
}

async function tracked(): Promise<[string, number][]> {
  const { rows } = await test.driver.query<{ name: string; batch: number }>(
    'SELECT name, batch FROM public._migrations ORDER BY id',
  );
  return rows.map((r) => [r.name, r.batch]);
}

describe('migrate', () => {
  it('creates the tracking table with exactly the seed columns plus checksum', async () => {
    await runner().migrate();
    const { rows } = await test.driver.query(
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '_migrations' ORDER BY ordinal_position`,
    );
    expect(rows).toEqual([
      {
        column_name: 'id',
        data_type: 'integer',
        len: null,
        is_nullable: 'NO',
        column_default: "nextval('_migrations_id_seq'::regclass)",
      },
      {
        column_name: 'name',
        data_type: 'character varying',
        len: 255,
        is_nullable: 'NO',
        column_default: null,
      },
      { column_name: 'batch', data_type: 'integer', len: null, is_nullable: 'NO', column_default: null },
      {
        column_name: 'applied_at',
        data_type: 'timestamp with time zone',
        len: null,
        is_nullable: 'NO',
        column_default: 'now()',
      },
      { column_name: 'checksum', data_type: 'text', len: null, is_nullable: 'YES', column_default: null },
    ]);
    const { rows: unique } = await test.driver.query(
      `SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = 'public._migrations'::regclass AND contype = 'u'`,
    );
    expect(unique).toHaveLength(1);
  });

  it('applies pending migrations as one new batch each run; .ts .mts .js .mjs and .sql files all load', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await dir.write('002_b.ts', tsTableMigration('b'));
    const first = await runner().migrate();
    expect(first.map((m) => [m.name, m.batch])).toEqual([
      ['001_a', 1],
      ['002_b', 1],
    ]);
    expect(first.every((m) => typeof m.durationMs === 'number')).toBe(true);
    await dir.write('003_c.mts', tsTableMigration('c'));
    await dir.write(
      '004_d.js',
      'export default { async up({ db }) { await db.raw("CREATE TABLE d (id int)"); } };',
    );
    await dir.write(
      '005_e.mjs',
      'export default { async up({ db }) { await db.raw("CREATE TABLE e (id int)"); } };',
    );
    const second = await runner().migrate();
    expect(second.map((m) => [m.name, m.batch])).toEqual([
      ['003_c', 2],
      ['004_d', 2],
      ['005_e', 2],
    ]);
    expect(await runner().migrate()).toEqual([]);
    expect(await tables()).toEqual(['_migrations', 'a', 'b', 'c', 'd', 'e']);
    expect(await tracked()).toEqual([
      ['001_a', 1],
      ['002_b', 1],
      ['003_c', 2],
      ['004_d', 2],
      ['005_e', 2],
    ]);
  });

  it('status lists every migration with applied, batch, time and checksum; pending lists the rest', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await runner().migrate();
    await dir.write('002_b.sql', tableMigration('b'));
    const status = await runner().status();
    expect(status.map((s) => [s.name, s.applied, s.batch, s.problems])).toEqual([
      ['001_a', true, 1, []],
      ['002_b', false, null, []],
    ]);
    expect(status[0]!.appliedAt).toBeInstanceOf(Date);
    expect(status[1]!.appliedAt).toBeNull();
    expect(status[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    const { rows } = await test.driver.query<{ checksum: string }>('SELECT checksum FROM _migrations');
    expect(rows[0]!.checksum).toBe(status[0]!.checksum);
    expect((await runner().pending()).map((p) => p.name)).toEqual(['002_b']);
  });

  it('status and pending never import a module and never write', async () => {
    await dir.write('001_a.ts', 'this is not even TypeScript (');
    let imports = 0;
    const loader: MigrationModuleLoader = {
      import: async (path) => {
        imports++;
        return jitiLoader().import(path);
      },
    };
    expect((await runner({ loader }).status()).map((s) => s.name)).toEqual(['001_a']);
    expect((await runner({ loader }).pending()).map((s) => s.name)).toEqual(['001_a']);
    expect(imports).toBe(0);
    expect(await tables()).toEqual([]);
  });

  it('uses a tracking table and schema of any name', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    const hostile = runner({ schema: 'Mixed Case', table: 'a"b.select' });
    expect((await hostile.migrate()).map((m) => m.name)).toEqual(['001_a']);
    expect(await tables('Mixed Case')).toEqual(['a"b.select']);
    expect((await hostile.status())[0]!.applied).toBe(true);
    expect(await hostile.migrate()).toEqual([]);
  });

  it('adds checksum to a tracking table made by another tool, and trusts its rows', async () => {
    await test.driver.exec(`CREATE TABLE _migrations (
      id SERIAL PRIMARY KEY, name VARCHAR(255) NOT NULL UNIQUE, batch INTEGER NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT NOW());
      INSERT INTO _migrations (name, batch) VALUES ('001_a', 1);
      CREATE TABLE a (id int);`);
    await dir.write('001_a.sql', tableMigration('a'));
    await dir.write('002_b.sql', tableMigration('b'));
    expect((await runner().status()).map((s) => [s.name, s.applied, s.problems])).toEqual([
      ['001_a', true, []],
      ['002_b', false, []],
    ]);
    expect((await runner().migrate()).map((m) => [m.name, m.batch])).toEqual([['002_b', 2]]);
    const { rows } = await test.driver.query<{ name: string; checksum: string | null }>(
      'SELECT name, checksum FROM _migrations ORDER BY id',
    );
    expect(rows[0]).toEqual({ name: '001_a', checksum: null });
    expect(rows[1]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('clients', () => {
  it('takes a raw client (a pg Pool on a server, a PGlite instance on PGlite) as well as a Driver', async () => {
    const raw = await createRawClient(test.url === null ? 'pglite' : 'pg-pool', test.url);
    try {
      await dir.write('001_raw.sql', tableMigration('raw_client_t'));
      const migrations = createMigrationRunner(raw.client, { directory: dir.path, table: 'raw_migrations' });
      expect((await migrations.migrate()).map((m) => m.name)).toEqual(['001_raw']);
      expect((await migrations.status()).map((m) => [m.name, m.applied])).toEqual([['001_raw', true]]);
      expect(await migrations.rollback()).toHaveLength(1);
    } finally {
      await raw.close();
    }
  });
});

describe('failures', () => {
  it('stop the batch: earlier migrations stay, the failing one leaves no table and no row, the error shows the caret', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    const failing = await dir.write(
      '002_b.sql',
      '-- up\nCREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\nSELECT * FROM no_such_table;\n-- down\nDROP TABLE b;',
    );
    await dir.write('003_c.sql', tableMigration('c'));
    const error = await runner()
      .migrate()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    const e = error as MigrationFailedError;
    expect(e.code).toBe('MIGRATION_FAILED');
    expect(e.file).toBe(failing);
    expect(e.migration).toBe('002_b');
    expect(e.postgres?.code).toBe('42P01');
    expect(e.sql).toContain('SELECT * FROM no_such_table');
    expect(e.message).toContain(failing);
    expect(e.message).toContain('relation "no_such_table" does not exist');
    // LINE counts from the file's first line: the `-- up` marker is line 1.
    expect(e.message).toContain('LINE 4: SELECT * FROM no_such_table;\n                      ^');
    expect(e.ref).toEqual({ kind: 'migration', name: '002_b', file: failing, line: 4 });
    expect(e.sqlstate).toBe('42P01');
    expect(e.cause).toBeDefined();
    expect(await tables()).toEqual(['_migrations', 'a']);
    expect(await tracked()).toEqual([['001_a', 1]]);
  });

  it('a JavaScript error in up names the file and rolls back what the migration did', async () => {
    await dir.write(
      '001_a.mjs',
      'export default { async up({ db }) { await db.raw("CREATE TABLE a (id int)"); throw new Error("boom in up"); } };',
    );
    await expect(runner().migrate()).rejects.toMatchObject({
      code: 'MIGRATION_FAILED',
      message: expect.stringMatching(/001_a\.mjs.*boom in up/s),
    });
    expect(await tables()).toEqual(['_migrations']);
  });

  it('a malformed pending file stops everything before anything runs', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await dir.write('002_b.mjs', 'export const up = () => {};');
    await expect(runner().migrate()).rejects.toBeInstanceOf(MigrationLoadError);
    expect(await tables()).toEqual(['_migrations']);
    expect(await tracked()).toEqual([]);
  });
});

describe('transactions', () => {
  const concurrently =
    'export default { transaction: false, async up({ db }) { await db.raw("CREATE INDEX CONCURRENTLY a_id ON a (id)"); }, async down({ db }) { await db.raw("DROP INDEX CONCURRENTLY a_id"); } };';

  it('a transaction: false migration runs outside one (CREATE INDEX CONCURRENTLY), and rolls back outside one', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await dir.write('002_index.mjs', concurrently);
    expect((await runner().migrate()).map((m) => m.name)).toEqual(['001_a', '002_index']);
    const { rows } = await test.driver.query("SELECT 1 FROM pg_catalog.pg_indexes WHERE indexname = 'a_id'");
    expect(rows).toHaveLength(1);
    expect(await runner().rollback()).toHaveLength(2);
    expect(await tables()).toEqual(['_migrations']);
  });

  it('transaction: { up: true, down: false }: a failing up leaves nothing, down runs outside one', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    const perDirection = (upTail: string) =>
      `export default { transaction: { up: true, down: false }, async up({ db }) { await db.raw("CREATE TABLE b (id int)"); ${upTail} }, async down({ db }) { await db.raw("DROP TABLE b"); await db.raw("CREATE INDEX CONCURRENTLY a_id ON a (id)"); } };`;
    await dir.write('002_b.mjs', perDirection('await db.raw("SELECT 1/0");'));
    await expect(runner().migrate()).rejects.toMatchObject({
      code: 'MIGRATION_FAILED',
      postgres: { code: '22012' },
    });
    // up ran in a transaction: its CREATE TABLE went with the failure.
    expect(await tables()).toEqual(['_migrations', 'a']);
    await dir.write('002_b.mjs', perDirection(''));
    expect((await runner().migrate()).map((m) => m.name)).toEqual(['002_b']);
    // down ran outside one: CREATE INDEX CONCURRENTLY is refused inside a transaction.
    expect((await runner().rollback()).map((m) => m.name)).toEqual(['002_b']);
    const { rows } = await test.driver.query("SELECT 1 FROM pg_catalog.pg_indexes WHERE indexname = 'a_id'");
    expect(rows).toHaveLength(1);
    expect(await tables()).toEqual(['_migrations', 'a']);
  });

  it("transaction: 'all' refuses a rollback whose down must run outside a transaction", async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await dir.write(
      '002_b.mjs',
      'export default { transaction: { down: false }, async up({ db }) { await db.raw("CREATE TABLE b (id int)"); }, async down({ db }) { await db.raw("DROP TABLE b"); } };',
    );
    await runner({ transaction: 'all' }).migrate();
    await expect(runner({ transaction: 'all' }).rollback()).rejects.toMatchObject({
      code: 'MIGRATION_NOT_TRANSACTIONAL',
      message: expect.stringContaining('002_b'),
    });
    expect(await tables()).toEqual(['_migrations', 'a', 'b']);
  });

  it('a migration runs inside a transaction by default (so CREATE INDEX CONCURRENTLY is refused)', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await dir.write('002_index.sql', '-- up\nCREATE INDEX CONCURRENTLY a_id ON a (id);');
    await expect(runner().migrate()).rejects.toMatchObject({
      code: 'MIGRATION_FAILED',
      postgres: { code: '25001' },
    });
    await dir.write(
      '002_index.sql',
      '-- transaction: false\n-- up\nCREATE INDEX CONCURRENTLY a_id ON a (id);',
    );
    expect((await runner().migrate()).map((m) => m.name)).toEqual(['002_index']);
  });

  it("transaction: 'all' runs the batch in one transaction: a failure keeps none of it", async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await dir.write('002_b.sql', '-- up\nCREATE TABLE b (id int);\n\nSELECT nope;');
    const error = await runner({ transaction: 'all' })
      .migrate()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'MIGRATION_FAILED',
      message: expect.stringContaining('The batch ran in one transaction: all of it was rolled back'),
      sqlstate: '42703',
      // The failing statement's line, counted from the file's first line (the `-- up` marker is line 1).
      ref: { kind: 'migration', name: '002_b', file: expect.stringMatching(/002_b\.sql$/), line: 4 },
    });
    expect((error as Error).message).toContain('LINE 4: SELECT nope;');
    expect(await tables()).toEqual(['_migrations']);
    expect(await tracked()).toEqual([]);
    await dir.write('002_b.sql', tableMigration('b'));
    expect((await runner({ transaction: 'all' }).migrate()).map((m) => m.name)).toEqual(['001_a', '002_b']);
  });

  it("transaction: 'all' refuses a transaction: false migration before anything runs", async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await dir.write('002_index.mjs', concurrently);
    await expect(runner({ transaction: 'all' }).migrate()).rejects.toMatchObject({
      code: 'MIGRATION_NOT_TRANSACTIONAL',
      message: expect.stringContaining('002_index'),
      ref: { kind: 'migration', name: '002_index', file: expect.stringMatching(/002_index\.mjs$/) },
      hint: "Run with transaction: 'each', or apply it on its own.",
      option: { name: 'transaction', value: 'each' },
    });
    expect(await tables()).toEqual(['_migrations']);
  });
});

describe('rollback', () => {
  async function threeBatches() {
    // b references a: rolling back in the wrong order fails on the foreign key.
    await dir.write('001_a.sql', tableMigration('a'));
    await dir.write(
      '002_b.sql',
      '-- up\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);\n-- down\nDROP TABLE b;',
    );
    await runner().migrate();
    await dir.write('003_c.sql', tableMigration('c'));
    await runner().migrate();
    await dir.write('004_d.ts', tsTableMigration('d'));
    await runner().migrate();
  }

  it('reverts the last batch, then several, then all, in reverse order', async () => {
    await threeBatches();
    expect((await runner().rollback()).map((m) => [m.name, m.batch])).toEqual([['004_d', 3]]);
    expect(await tables()).toEqual(['_migrations', 'a', 'b', 'c']);
    await dir.write('004_d.ts', tsTableMigration('d'));
    expect((await runner().migrate()).map((m) => [m.name, m.batch])).toEqual([['004_d', 3]]);
    expect((await runner().rollback({ steps: 2 })).map((m) => m.name)).toEqual(['004_d', '003_c']);
    expect(await tracked()).toEqual([
      ['001_a', 1],
      ['002_b', 1],
    ]);
    expect((await runner().rollback({ all: true })).map((m) => m.name)).toEqual(['002_b', '001_a']);
    expect(await tables()).toEqual(['_migrations']);
    expect(await runner().rollback()).toEqual([]);
  });

  it('refuses, before anything runs, when a migration to revert has no down', async () => {
    await threeBatches();
    await dir.write('005_e.sql', '-- up\nCREATE TABLE e (id int);');
    await runner().migrate();
    await expect(runner().rollback({ steps: 2 })).rejects.toMatchObject({
      code: 'MIGRATION_NOT_REVERSIBLE',
      message: expect.stringContaining('005_e.sql'),
      ref: { kind: 'migration', name: '005_e', file: expect.stringMatching(/005_e\.sql$/) },
      hint: 'Add a down, or use fresh({ drop: true }) to rebuild from scratch.',
      option: { method: 'fresh', name: 'drop', value: true },
    });
    expect(await tables()).toEqual(['_migrations', 'a', 'b', 'c', 'd', 'e']);
  });
});

describe('fresh', () => {
  it('rolls everything back and migrates again as batch 1', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await runner().migrate();
    await dir.write('002_b.sql', tableMigration('b'));
    await runner().migrate();
    await test.driver.query('INSERT INTO a VALUES (1)');
    const result = await runner().fresh();
    expect(result.rolledBack.map((m) => m.name)).toEqual(['002_b', '001_a']);
    expect(result.applied.map((m) => [m.name, m.batch])).toEqual([
      ['001_a', 1],
      ['002_b', 1],
    ]);
    expect(await test.driver.query('SELECT * FROM a').then((r) => r.rows)).toEqual([]);
    expect(await tracked()).toEqual([
      ['001_a', 1],
      ['002_b', 1],
    ]);
  });

  it('with drop: true, drops and recreates the managed schemas, for histories without downs', async () => {
    await dir.write('001_a.sql', "-- up\nCREATE TABLE a (id int);\nCREATE TYPE mood AS ENUM ('ok');");
    await runner().migrate();
    await test.driver.exec('CREATE TABLE stray (id int); INSERT INTO a VALUES (1);');
    await expect(runner().fresh()).rejects.toMatchObject({ code: 'MIGRATION_NOT_REVERSIBLE' });
    const result = await runner().fresh({ drop: true });
    expect(result.dropped).toEqual(['public']);
    expect(result.applied.map((m) => [m.name, m.batch])).toEqual([['001_a', 1]]);
    expect(await tables()).toEqual(['_migrations', 'a']);
    expect(await test.driver.query('SELECT * FROM a').then((r) => r.rows)).toEqual([]);
    expect(await tracked()).toEqual([['001_a', 1]]);
  });

  it('with drop: true and schemas, drops those and empties a tracking table kept elsewhere', async () => {
    await test.driver.exec('DROP SCHEMA IF EXISTS app CASCADE; DROP SCHEMA IF EXISTS "Mixed Case" CASCADE;');
    await dir.write('001_app.sql', '-- up\nCREATE SCHEMA IF NOT EXISTS app;\nCREATE TABLE app.t (id int);');
    const app = runner({ schema: 'Mixed Case', schemas: ['app'] });
    await app.migrate();
    await test.driver.exec('INSERT INTO app.t VALUES (1); CREATE TABLE public.keep (id int);');
    const result = await app.fresh({ drop: true });
    expect(result.dropped).toEqual(['app']);
    expect(await tables('app')).toEqual(['t']);
    expect(await test.driver.query('SELECT * FROM app.t').then((r) => r.rows)).toEqual([]);
    expect(await tables()).toEqual(['keep']);
    expect((await app.status()).map((m) => [m.name, m.batch])).toEqual([['001_app', 1]]);
    await test.driver.exec('DROP SCHEMA app CASCADE;');
  });

  it('with drop: true, gives the recreated schema its owner, privileges and comment back', async () => {
    const describeSchema = async () =>
      (
        await test.driver.query(
          `SELECT pg_catalog.pg_get_userbyid(nspowner) AS owner, nspacl::text AS acl,
             pg_catalog.obj_description(oid, 'pg_namespace') AS comment
           FROM pg_catalog.pg_namespace WHERE nspname = 'public'`,
        )
      ).rows;
    await test.driver.exec(`
      ALTER SCHEMA public OWNER TO pg_database_owner;
      GRANT USAGE ON SCHEMA public TO PUBLIC;
      GRANT CREATE ON SCHEMA public TO pg_read_all_data WITH GRANT OPTION;
      COMMENT ON SCHEMA public IS 'it''s the standard public schema';`);
    const before = await describeSchema();
    expect(before[0]).toMatchObject({
      owner: 'pg_database_owner',
      comment: "it's the standard public schema",
    });
    await dir.write('001_a.sql', tableMigration('a'));
    await runner().fresh({ drop: true });
    expect(await describeSchema()).toEqual(before);
  });
});

describe("the seed's migration file", () => {
  it('runs through the runner with field builders, a foreign key and an index; down drops it', async () => {
    const models = new URL('../../models/src/index.ts', import.meta.url).pathname;
    const migrate = new URL('../src/define-migration.ts', import.meta.url).pathname;
    await dir.write(
      '001_users.sql',
      '-- up\nCREATE TABLE users (id uuid PRIMARY KEY);\n-- down\nDROP TABLE users;',
    );
    await dir.write(
      '002_posts.ts',
      `import { defineMigration } from ${JSON.stringify(migrate)};
import { field } from ${JSON.stringify(models)};
export default defineMigration({
  async up({ db }) {
    await db.createTable('posts', {
      id: field.uuid().primaryKey(),
      title: field.string().max(200),
      content: field.text().optional(),
      authorId: field.uuid(),
      publishedAt: field.timestamp().optional(),
      createdAt: field.createdAt(),
    });
    await db.addForeignKey('posts', 'authorId',
      { table: 'users', column: 'id' },
      { onDelete: 'CASCADE' }
    );
    await db.createIndex('posts', ['authorId']);
  },
  async down({ db }) {
    await db.dropTable('posts');
  },
});
`,
    );
    const plan = await runner().migrate({ dryRun: true });
    expect(plan.statements.some((s) => s.migration === '002_posts' && s.sql.includes('CREATE TABLE'))).toBe(
      true,
    );
    expect(await tables()).toEqual([]);
    await runner().migrate();
    const { rows } = await test.driver.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'posts' ORDER BY ordinal_position",
    );
    expect(rows.map((r) => r.column_name)).toEqual([
      'id',
      'title',
      'content',
      'author_id',
      'published_at',
      'created_at',
    ]);
    const { rows: fks } = await test.driver.query(
      "SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = 'posts'::regclass AND contype = 'f' AND confdeltype = 'c'",
    );
    expect(fks).toHaveLength(1);
    const { rows: indexes } = await test.driver.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_catalog.pg_indexes WHERE tablename = 'posts' AND indexdef LIKE '%(author_id)%'",
    );
    expect(indexes).toHaveLength(1);
    await runner().rollback();
    expect(await tables()).toEqual(['_migrations']);
  });
});

describe("the seed's seeder migration", () => {
  it('runs as written (exists, insert, insertMany; delete in down), idempotently', async () => {
    await dir.write(
      '001_tables.sql',
      `-- up
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name text, status text,
  created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE products (id serial PRIMARY KEY, name text NOT NULL, price numeric(10, 2) NOT NULL);
-- down
DROP TABLE products;
DROP TABLE users;`,
    );
    await runner().migrate();
    await test.driver.query("INSERT INTO users (email) VALUES ('admin@example.com')");
    await dir.write(
      '002_seed.ts',
      `import { defineMigration } from ${JSON.stringify(new URL('../src/define-migration.ts', import.meta.url).pathname)};
export default defineMigration({
  async up({ db }) {
    const exists = await db.exists('users', { email: 'admin@example.com' });
    if (exists) {
      return;
    }
    const admin = await db.insert('users', { email: 'admin@example.com', name: 'Admin User', status: 'active' });
    if (typeof admin.id !== 'number') throw new Error('insert did not return the row');
    await db.insertMany('products', [
      { name: 'Product A', price: '19.99' },
      { name: 'Product B', price: '29.99' },
    ]);
  },
  async down({ db }) {
    await db.delete('users', { email: 'admin@example.com' });
  },
});
`,
    );
    // Already seeded: the migration sees the admin and inserts nothing.
    await runner().migrate();
    expect((await test.driver.query('SELECT * FROM products')).rows).toEqual([]);
    await runner().rollback();
    expect((await test.driver.query('SELECT * FROM users')).rows).toEqual([]);
    expect((await runner().migrate()).map((m) => [m.name, m.batch])).toEqual([['002_seed', 2]]);
    const admin = await test.driver.query('SELECT email, name, status FROM users');
    expect(admin.rows).toEqual([{ email: 'admin@example.com', name: 'Admin User', status: 'active' }]);
    const products = await test.driver.query('SELECT name, price FROM products ORDER BY name');
    expect(products.rows).toEqual([
      { name: 'Product A', price: '19.99' },
      { name: 'Product B', price: '29.99' },
    ]);
    await runner().rollback({ all: true });
    expect(await tables()).toEqual(['_migrations']);
  });
});

describe('integrity', () => {
  it('an applied migration whose file changed is an error; allowChangedChecksums overrides', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await runner().migrate();
    await dir.write('001_a.sql', `${tableMigration('a')}\n-- edited\n`);
    await dir.write('002_b.sql', tableMigration('b'));
    await expect(runner().migrate()).rejects.toMatchObject({
      code: 'MIGRATION_CHECKSUM_CHANGED',
      migrations: ['001_a'],
      ref: { kind: 'migration', name: '001_a', file: expect.stringMatching(/001_a\.sql$/) },
      hint: expect.stringContaining('or pass allowChangedChecksums: true to go on anyway'),
      option: { name: 'allowChangedChecksums', value: true },
    });
    expect((await runner().status())[0]!.problems).toEqual(['changed']);
    expect(await tables()).toEqual(['_migrations', 'a']);
    expect((await runner({ allowChangedChecksums: true }).migrate()).map((m) => m.name)).toEqual(['002_b']);
  });

  it('an applied migration whose file is gone is an error; allowMissing overrides', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await runner().migrate();
    await dir.remove('001_a.sql');
    await dir.write('002_b.sql', tableMigration('b'));
    await expect(runner().migrate()).rejects.toMatchObject({
      code: 'MIGRATION_FILE_MISSING',
      migrations: ['001_a'],
      hint: expect.stringContaining('or pass allowMissing: true to go on without them'),
      option: { name: 'allowMissing', value: true },
    });
    expect((await runner().status()).map((s) => [s.name, s.file, s.applied, s.problems])).toEqual([
      ['001_a', null, true, ['missing']],
      ['002_b', expect.stringContaining('002_b.sql'), false, []],
    ]);
    expect((await runner({ allowMissing: true }).migrate()).map((m) => m.name)).toEqual(['002_b']);
    // Rolling back needs the file's down, whatever allowMissing says.
    await expect(runner({ allowMissing: true }).rollback({ all: true })).rejects.toMatchObject({
      code: 'MIGRATION_FILE_MISSING',
    });
  });

  it('a pending migration named before an applied one is an error; allowOutOfOrder applies it', async () => {
    await dir.write('002_b.sql', tableMigration('b'));
    await runner().migrate();
    await dir.write('001_a.sql', tableMigration('a'));
    await expect(runner().migrate()).rejects.toMatchObject({
      code: 'MIGRATION_OUT_OF_ORDER',
      migrations: ['001_a'],
      ref: { kind: 'migration', name: '001_a', file: expect.stringMatching(/001_a\.sql$/) },
      hint: expect.stringContaining('or pass allowOutOfOrder: true to apply them in this batch'),
      option: { name: 'allowOutOfOrder', value: true },
    });
    expect(await tables()).toEqual(['_migrations', 'b']);
    expect((await runner({ allowOutOfOrder: true }).migrate()).map((m) => [m.name, m.batch])).toEqual([
      ['001_a', 2],
    ]);
  });
});

describe('dry runs', () => {
  it('migrate returns the SQL it would run, tracking table included, and runs nothing', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await dir.write(
      '002_seed.mjs',
      "export default { async up({ db }) { if (!(await db.hasTable('a'))) { await db.raw('SELECT 1'); } await db.insert('users', { email: 'x' }); } };",
    );
    const plan = await runner().migrate({ dryRun: true });
    expect(plan.dryRun).toBe(true);
    expect(plan.migrations).toEqual([
      { name: '001_a', batch: 1, direction: 'up' },
      { name: '002_seed', batch: 1, direction: 'up' },
    ]);
    const sql = plan.statements.map((s) => s.sql);
    expect(sql[0]).toContain('CREATE SCHEMA IF NOT EXISTS "public"');
    expect(sql[1]).toContain('CREATE TABLE IF NOT EXISTS "public"."_migrations"');
    expect(plan.statements).toContainEqual({
      sql: 'CREATE TABLE "a" (id int PRIMARY KEY);',
      params: [],
      migration: '001_a',
    });
    expect(plan.statements).toContainEqual({
      sql: 'INSERT INTO "users" ("email") VALUES ($1) RETURNING *',
      params: ['x'],
      migration: '002_seed',
    });
    expect(plan.statements.at(-1)).toMatchObject({
      sql: 'INSERT INTO "public"."_migrations" (name, batch, checksum) VALUES ($1, $2, $3)',
      params: ['002_seed', 1, expect.stringMatching(/^[0-9a-f]{64}$/)],
    });
    expect(await tables()).toEqual([]);
  });

  it('rollback and fresh return their SQL and run nothing', async () => {
    await dir.write('001_a.sql', tableMigration('a'));
    await runner().migrate();
    const back = await runner().rollback({ dryRun: true });
    expect(back.statements.map((s) => s.sql)).toEqual([
      'DROP TABLE "a";',
      'DELETE FROM "public"."_migrations" WHERE name = $1',
    ]);
    const fresh = await runner().fresh({ dryRun: true });
    expect(fresh.migrations.map((m) => [m.name, m.direction])).toEqual([
      ['001_a', 'down'],
      ['001_a', 'up'],
    ]);
    const drop = await runner().fresh({ drop: true, dryRun: true });
    expect(drop.statements.map((s) => s.sql)).toContain('DROP SCHEMA IF EXISTS "public" CASCADE');
    expect(await tables()).toEqual(['_migrations', 'a']);
    expect(await tracked()).toEqual([['001_a', 1]]);
  });
});
