import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMigrationRunner, lockKey, MigrateError, type MigrationRunnerOptions } from '../src/index.js';
import { type MigrationDir, migrationDir } from './helpers.js';

let test: TestDatabase;
let dir: MigrationDir;
const tenants = ['tenant_a', 'Tenant "B"'];

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.close();
});
beforeEach(async () => {
  for (const t of [...tenants, 'shared'])
    await test.driver.exec(`DROP SCHEMA IF EXISTS "${t.replaceAll('"', '""')}" CASCADE`);
  await test.driver.exec('CREATE SCHEMA shared; CREATE TABLE shared.plans (id int PRIMARY KEY);');
  dir = await migrationDir();
  // One .sql and one .ts migration with unqualified names; the second uses the Database API.
  await dir.write(
    '001_users.sql',
    '-- up\nCREATE TABLE users (id int PRIMARY KEY, plan int REFERENCES shared.plans);\n-- down\nDROP TABLE users;\n',
  );
  await dir.write(
    '002_posts.ts',
    `export default {
  async up({ db }: any) {
    await db.raw('CREATE TABLE posts (id int PRIMARY KEY, title text)');
    await db.insert('users', { id: 1 });
  },
  async down({ db }: any) { await db.dropTable('posts'); },
};
`,
  );
});
afterEach(async () => {
  await dir.cleanup();
});

const runner = (tenant: string, options: Partial<MigrationRunnerOptions> = {}) =>
  createMigrationRunner(test.driver, {
    directory: dir.path,
    schema: tenant,
    searchPath: [tenant, 'shared'],
    ...options,
  });

async function tablesOf(schema: string): Promise<string[]> {
  const { rows } = await test.driver.query<{ name: string }>(
    'SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = $1 ORDER BY 1',
    [schema],
  );
  return rows.map((r) => r.name);
}

describe('searchPath: one set of files for every tenant schema', () => {
  it('puts unqualified names of .sql and Database API migrations, and the tracking table, in the tenant schema', async () => {
    for (const tenant of tenants) {
      const applied = await runner(tenant).migrate();
      expect(applied.map((m) => m.name)).toEqual(['001_users', '002_posts']);
    }
    for (const tenant of tenants) {
      expect(await tablesOf(tenant)).toEqual(['_migrations', 'posts', 'users']);
      const { rows } = await test.driver.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${tenant.replaceAll('"', '""')}".users`,
      );
      expect(rows[0]?.n).toBe(1);
    }
    expect(await tablesOf('shared')).toEqual(['plans']);
    expect(await tablesOf('public')).not.toContain('users');
    expect((await runner(tenants[0]!).status()).every((m) => m.applied)).toBe(true);
    expect(await runner(tenants[1]!).pending()).toEqual([]);
  });

  it('puts the connection search_path back after a run, a failed run and a dry run', async () => {
    const before = await test.driver.session(
      async (s) => (await s.query<{ p: string }>('SHOW search_path')).rows[0]?.p,
    );
    await runner(tenants[0]!).migrate({ dryRun: true });
    await runner(tenants[0]!).migrate();
    await dir.write('003_broken.sql', '-- up\nCREATE TABLE nope (id int REFERENCES missing_table);\n');
    await expect(runner(tenants[0]!).migrate()).rejects.toThrow(/003_broken/);
    await runner(tenants[0]!).rollback();
    // Every pooled connection (PGlite: the only one) reports the default again.
    const after = await Promise.all(
      Array.from({ length: 4 }, () =>
        test.driver.session(async (s) => (await s.query<{ p: string }>('SHOW search_path')).rows[0]?.p),
      ),
    );
    expect(new Set(after)).toEqual(new Set([before]));
    // The rollback reverted the whole first batch, in the tenant schema.
    expect(await tablesOf(tenants[0]!)).toEqual(['_migrations']);
  });

  it('dry runs resolve names in the tenant schema', async () => {
    await runner(tenants[1]!).migrate();
    const report = await runner(tenants[1]!).rollback({ dryRun: true });
    const sql = report.statements.map((s) => s.sql).join('\n');
    expect(sql).toContain('DROP TABLE "Tenant ""B"""."posts"');
    expect(sql).toContain('"Tenant ""B"""."_migrations"');
    expect(await tablesOf(tenants[1]!)).toEqual(['_migrations', 'posts', 'users']);
  });

  it('keys the advisory lock per tenant: two tenants migrate at once', async () => {
    expect(lockKey(tenants[0]!, '_migrations')).not.toBe(lockKey(tenants[1]!, '_migrations'));
    await Promise.all(tenants.map((t) => runner(t).migrate()));
    for (const t of tenants) expect(await tablesOf(t)).toContain('posts');
  });

  it('refuses an empty search path or an empty name', () => {
    expect(() => runner('x', { searchPath: [] })).toThrow(MigrateError);
    expect(() => runner('x', { searchPath: ['ok', ''] })).toThrow(/non-empty schema name/);
  });
});
