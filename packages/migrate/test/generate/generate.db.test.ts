import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { introspect } from '@justscale/introspect';
import { raw } from '@justscale/schema';
import { createRawClient, createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyMigration,
  generateMigration,
  HazardNotAllowedError,
  makeMigration,
  syncSchema,
  writeMigrationSource,
} from '../../src/generate/index.js';
import { loadFile, loadSource, run, tempDir } from './helpers.js';
import { PgHostile, PgOrder, PgProduct, PgUser, PgUser2, UserStatus } from './models.js';

const open: (TestDatabase | { close(): Promise<void> })[] = [];
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
  for (const x of open.splice(0)) await x.close();
});

const schema = (t: TestDatabase) => introspect(t.driver, { schemas: ['public'] });

/**
 * The schema with each table's columns in name order. A column that `down` re-adds comes back at the
 * end of its table (PostgreSQL cannot place a column), so order is the one thing down cannot restore;
 * diff ignores it too (a note, not a change).
 */
async function unordered(t: TestDatabase) {
  const s = await schema(t);
  return {
    ...s,
    tables: s.tables.map((table) => ({
      ...table,
      columns: [...table.columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    })),
  };
}

describe('generateMigration and applyMigration (the seed Auto-Generation)', () => {
  it("applies each statement's own timeouts: SET LOCAL in a transaction, SET then RESET outside one", async () => {
    const t = await database();
    // Each statement checks the settings it runs under; a wrong one raises and fails the run.
    const expects = (lock: string, statement: string) =>
      `DO $$ BEGIN IF current_setting('lock_timeout') <> '${lock}' OR current_setting('statement_timeout') <> '${statement}' THEN RAISE EXCEPTION 'lock_timeout %, statement_timeout %', current_setting('lock_timeout'), current_setting('statement_timeout'); END IF; END $$`;
    const op = raw('SELECT 1');
    const at = (
      sql: string,
      transactional: boolean,
      timeouts: { lockTimeout?: string; statementTimeout?: string },
    ) => ({
      sql,
      transactional,
      hazards: [],
      operation: op,
      ...timeouts,
    });
    const statements = [
      at(expects('5s', '30s'), true, { lockTimeout: '5s', statementTimeout: '30s' }),
      at(expects('5s', '0'), true, { lockTimeout: '5s', statementTimeout: '0' }),
      at(expects('0', '0'), true, {}),
      at(expects('7s', '0'), false, { lockTimeout: '7s' }),
      at(expects('0', '0'), false, {}),
      at(expects('2s', '0'), true, { lockTimeout: '2s' }),
      at(expects('0', '0'), false, {}),
    ];
    await applyMigration(t.driver, { statements });
    // A statement that breaks its lock_timeout fails the run.
    await expect(
      applyMigration(t.driver, {
        statements: [at(expects('1s', '0'), true, { lockTimeout: '5s' })],
      }),
    ).rejects.toThrow(/lock_timeout 5s/);
  });

  it('runs the seed example as written, on the client library the user has', async () => {
    const t = await database();
    // a pg Pool on the server; on PGlite, the Driver itself
    const raw = t.url === null ? null : await createRawClient('pg-pool', t.url);
    if (raw !== null) open.push(raw);
    const client = raw === null ? t.driver : (raw.client as never);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    // verbatim from the seed
    const migration = await generateMigration(client, PgUser, PgProduct, PgOrder);
    if (migration.hasChanges) {
      console.log('SQL to apply:', migration.sql);
      console.log('Changes:', migration.changes);
      // Apply the migration
      await applyMigration(client, migration);
    }
    expect(log).toHaveBeenCalledWith(
      'SQL to apply:',
      expect.stringContaining('CREATE TABLE "public"."orders"'),
    );
    log.mockRestore();
    expect((await schema(t)).tables.map((x) => x.name).sort()).toEqual(['orders', 'products', 'users']);
    // "Or sync directly": the alternative, on a database of its own
    const other = await database();
    await syncSchema(other.driver, PgUser, PgProduct);
    expect((await schema(other)).tables.map((x) => x.name).sort()).toEqual(['products', 'users']);
  });

  it('generates the whole schema, applies it, and then finds no changes', async () => {
    const t = await database();
    const client = t.driver;
    // as in the seed
    const migration = await generateMigration(client, PgUser, PgProduct, PgOrder);
    expect(migration.hasChanges).toBe(true);
    expect(migration.sql).toContain('CREATE TABLE "public"."users"');
    expect(migration.sql).toContain('CREATE TYPE "public"."UserStatus"');
    expect(migration.changes.map((c) => `${c.kind} ${c.object}`)).toEqual(
      expect.arrayContaining(['createEnum type public.UserStatus', 'createTable table public.orders']),
    );
    expect(migration.statements.length).toBeGreaterThan(3);
    if (migration.hasChanges) {
      await applyMigration(client, migration);
    }
    const again = await generateMigration(client, PgUser, PgProduct, PgOrder);
    expect(again.changes).toEqual([]);
    expect(again.hasChanges).toBe(false);
    expect(again.sql).toBe('');
  });

  it('lists hazards in the changes, and applies nothing when asked only to generate', async () => {
    const t = await database();
    await applyMigration(t.driver, await generateMigration(t.driver, PgUser));
    const migration = await generateMigration(t.driver, PgUser2);
    const drop = migration.changes.find((c) => c.kind === 'dropColumn');
    expect(drop?.object).toBe('column public.users.legacy_code');
    expect(drop?.hazards.map((h) => h.kind)).toContain('deletes-data');
    expect((await schema(t)).tables.find((x) => x.name === 'users')?.columns.map((c) => c.name)).toContain(
      'legacy_code',
    );
  });

  it('leaves views, functions and tables of other schemas alone', async () => {
    const t = await database();
    await t.driver.exec(
      "CREATE SCHEMA other; CREATE TABLE other.keep (id int); CREATE FUNCTION one() RETURNS int LANGUAGE sql AS 'SELECT 1'",
    );
    await applyMigration(t.driver, await generateMigration(t.driver, PgUser));
    await t.driver.exec('CREATE VIEW user_emails AS SELECT email FROM users');
    const again = await generateMigration(t.driver, PgUser);
    expect(again.changes).toEqual([]);
  });
});

describe('syncSchema', () => {
  it('applies directly with no tracking table, and refuses to lose data unless allowed', async () => {
    const t = await database();
    await syncSchema(t.driver, PgUser, PgProduct);
    expect((await schema(t)).tables.map((x) => x.name).sort()).toEqual(['products', 'users']);
    const tracking = await t.driver.query(`SELECT 1 FROM pg_catalog.pg_class WHERE relname = '_migrations'`);
    expect(tracking.rows).toEqual([]);
    await t.driver.exec("INSERT INTO users (email, legacy_code) VALUES ('a@example.com', 'x')");
    const error = await syncSchema(t.driver, PgUser2, PgProduct).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HazardNotAllowedError);
    expect(error).toMatchObject({ code: 'HAZARD_NOT_ALLOWED' });
    expect((error as Error).message).toContain('column public.users.legacy_code: deletes-data');
    expect((error as Error).message).toContain("allowHazards: ['deletes-data']");
    expect((await schema(t)).tables.find((x) => x.name === 'users')?.columns.map((c) => c.name)).toContain(
      'legacy_code',
    );
    await t.driver.exec("UPDATE users SET name = 'A'");
    await syncSchema(t.driver, PgUser2, PgProduct, { allowHazards: ['deletes-data'] });
    expect((await generateMigration(t.driver, PgUser2, PgProduct)).hasChanges).toBe(false);
  });
});

describe('migration files from a plan', () => {
  it('generate → write → load → up → generate again: no changes; down restores the schema before', async () => {
    const t = await database();
    const d = await dir();
    await syncSchema(t.driver, PgUser, PgProduct);
    const before = await unordered(t);
    const migration = await generateMigration(t.driver, PgUser2, PgProduct, PgOrder, PgHostile);
    const source = await writeMigrationSource(migration, { name: 'v2', importFrom: null });
    expect(source).toContain('// hazard deletes-data:');
    const loaded = await loadSource(d.path, '20250101000000_v2.ts', source);
    await run(t.driver, loaded, 'up');
    const again = await generateMigration(t.driver, PgUser2, PgProduct, PgOrder, PgHostile);
    expect(again.changes).toEqual([]);
    await run(t.driver, loaded, 'down');
    expect(await unordered(t)).toEqual(before);
  });

  it('an added enum value: down rebuilds the type without it, and up adds it again', async () => {
    const t = await database();
    const d = await dir();
    await syncSchema(t.driver, PgUser);
    const before = await schema(t);
    const { defineEnum, defineModel, field } = await import('@justscale/models');
    const Status2 = defineEnum('UserStatus', ['active', 'inactive', 'suspended', 'banned']);
    const User3 = defineModel('users', { ...PgUser.fields, status: field.enum(Status2).default('active') });
    const migration = await generateMigration(t.driver, User3);
    const source = await writeMigrationSource(migration, { name: 'add_banned', importFrom: null });
    expect(source).not.toContain('cannot be reversed');
    const loaded = await loadSource(d.path, '20250101000000_add_banned.ts', source);
    await run(t.driver, loaded, 'up');
    const after = await schema(t);
    await run(t.driver, loaded, 'down');
    expect(await schema(t)).toEqual(before);
    await run(t.driver, loaded, 'up');
    expect(await schema(t)).toEqual(after);
    void UserStatus;
  });

  it('without the schema after the plan, down inverts each step: an irreversible one throws, naming it, before it changes anything', async () => {
    const t = await database();
    const d = await dir();
    await syncSchema(t.driver, PgUser);
    const { defineEnum, defineModel, field } = await import('@justscale/models');
    const Status2 = defineEnum('UserStatus', ['active', 'inactive', 'suspended', 'banned']);
    const User3 = defineModel('users', { ...PgUser.fields, status: field.enum(Status2).default('active') });
    const migration = await generateMigration(t.driver, User3);
    const source = await writeMigrationSource(migration.plan, {
      name: 'add_banned',
      before: migration.before,
      importFrom: null,
    });
    const loaded = await loadSource(d.path, '20250101000000_add_banned.ts', source);
    await run(t.driver, loaded, 'up');
    const after = await schema(t);
    const error = await run(t.driver, loaded, 'down').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /Migration add_banned cannot be reversed: step 1 \(addEnumValue type public\.UserStatus\): /,
    );
    expect(await schema(t)).toEqual(after);
  });

  it('makeMigration online writes one file per statement that cannot run in a transaction, in order, and they run up and down', async () => {
    const t = await database();
    const d = await dir();
    await syncSchema(t.driver, PgUser);
    const before = await unordered(t);
    const path = await makeMigration({
      client: t.driver,
      models: [PgUser2],
      directory: d.path,
      name: 'online_status_index',
      now: new Date('2025-06-07T08:09:10Z'),
      online: true,
      importFrom: null,
    });
    const files = (await readdir(d.path)).filter((f) => f.endsWith('.ts')).sort();
    expect(files.length).toBeGreaterThan(1);
    expect(files.every((f) => f.startsWith('20250607080910_online_status_index_'))).toBe(true);
    expect(path).toBe(join(d.path, files[0]!));
    const loaded = await Promise.all(files.map((f) => loadFile(join(d.path, f))));
    // the concurrent index build has a file of its own, outside a transaction
    expect(loaded.some((m) => m.transaction === false)).toBe(true);
    for (const m of loaded) await run(t.driver, m, 'up');
    expect((await generateMigration(t.driver, PgUser2)).hasChanges).toBe(false);
    for (const m of [...loaded].reverse()) await run(t.driver, m, 'down');
    expect(await unordered(t)).toEqual(before);
    // The files above were run by hand, not by the runner: they are pending, and a new one would repeat them.
    await expect(
      makeMigration({
        client: t.driver,
        models: [PgUser],
        directory: d.path,
        name: 'again',
        importFrom: null,
      }),
    ).rejects.toMatchObject({ code: 'MIGRATIONS_PENDING', pending: files.map((f) => f.slice(0, -3)) });
    const other = await dir();
    expect(
      await makeMigration({
        client: t.driver,
        models: [PgUser],
        directory: other.path,
        name: 'nothing',
        importFrom: null,
      }),
    ).toBeNull();
  });
});
