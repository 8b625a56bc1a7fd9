import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseOn, MigrateError, type Statement, StatementError } from '../src/index.js';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.close();
});

const table = 'Mixed Case';
const long = 'x'.repeat(63);

beforeEach(async () => {
  await test.driver.exec(`
    DROP TABLE IF EXISTS "Mixed Case", "a.b", "${long}" CASCADE;
    DROP SCHEMA IF EXISTS "a.b" CASCADE;
    CREATE TABLE "Mixed Case" (
      id serial PRIMARY KEY,
      "a""b" text,
      "select" text,
      "ünïcödé" text,
      author_id int,
      created_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL DEFAULT 'active',
      meta jsonb
    );
    CREATE TABLE "a.b" (id int PRIMARY KEY, label text);
    CREATE SCHEMA "a.b";
    CREATE TABLE "a.b"."select" (id int PRIMARY KEY, label text);
    CREATE TABLE "${long}" (id int PRIMARY KEY);
  `);
});

describe('raw and query', () => {
  it('raw runs a script, dollar-quoted function bodies included; query binds parameters and returns rows', async () => {
    const db = databaseOn(test.driver);
    await db.raw(`
      CREATE OR REPLACE FUNCTION twice(x int) RETURNS int AS $$
      BEGIN
        RETURN x * 2;
      END;
      $$ LANGUAGE plpgsql;
      INSERT INTO "a.b" VALUES (1, 'one');
    `);
    expect(await db.query('SELECT twice($1::int) AS v, label FROM "a.b" WHERE id = $2', [21, 1])).toEqual([
      { v: 42, label: 'one' },
    ]);
    await db.raw('DROP FUNCTION twice(int)');
  });

  it('a failing statement is a StatementError with the caret, PostgreSQL fields and cause', async () => {
    const db = databaseOn(test.driver);
    const error = await db.raw('SELECT 1;\nSELECT * FROM no_such_table').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatementError);
    const e = error as StatementError;
    expect(e.code).toBe('STATEMENT_FAILED');
    expect(e.postgres.code).toBe('42P01');
    expect(e.message).toContain('relation "no_such_table" does not exist');
    expect(e.message).toContain('LINE 2: SELECT * FROM no_such_table\n                      ^');
    expect(e.cause).toBeInstanceOf(Error);
  });
});

describe('hasTable and hasColumn', () => {
  it('answer for hostile names, qualified names, and the naming rule', async () => {
    const db = databaseOn(test.driver);
    expect(await db.hasTable(table)).toBe(true);
    expect(await db.hasTable('a.b')).toBe(true);
    expect(await db.hasTable({ schema: 'a.b', name: 'select' })).toBe(true);
    expect(await db.hasTable({ schema: 'a.b', name: 'nope' })).toBe(false);
    expect(await db.hasTable({ schema: 'no schema', name: 'select' })).toBe(false);
    expect(await db.hasTable('mixed case')).toBe(false);
    expect(await db.hasTable(long)).toBe(true);
    expect(await db.hasColumn(table, 'a"b')).toBe(true);
    expect(await db.hasColumn(table, 'authorId')).toBe(true);
    expect(await db.hasColumn(table, 'author_id')).toBe(true);
    expect(await db.hasColumn(table, 'ünïcödé')).toBe(true);
    expect(await db.hasColumn(table, 'nope')).toBe(false);
    expect(await db.hasColumn('nope', 'id')).toBe(false);
  });

  it('a name over 63 bytes is an error, not a silent truncation', async () => {
    const db = databaseOn(test.driver);
    await expect(db.hasTable('x'.repeat(64))).rejects.toMatchObject({
      code: 'IDENTIFIER_TOO_LONG',
      message: expect.stringContaining('is 64 bytes long; PostgreSQL allows 63'),
    });
  });
});

describe('data methods', () => {
  it('insert returns the stored row; values are parameters, stored verbatim; both namings reach a column', async () => {
    const db = databaseOn(test.driver);
    const hostile = '\'); DROP TABLE "Mixed Case"; --';
    const row = await db.insert<Record<string, unknown>>(table, {
      'a"b': hostile,
      select: 'kw',
      ünïcödé: 'ü',
      authorId: 7,
      meta: { tags: ['x'], n: 1 },
    });
    expect(row).toMatchObject({ 'a"b': hostile, select: 'kw', ünïcödé: 'ü', author_id: 7, status: 'active' });
    expect(row.meta).toEqual({ tags: ['x'], n: 1 });
    expect(row.created_at).toBeInstanceOf(Date);
    const again = await db.insert<Record<string, unknown>>(table, { author_id: 8 });
    expect(again.author_id).toBe(8);
    expect(await db.find(table, { 'a"b': hostile })).toHaveLength(1);
    expect(await db.hasTable(table)).toBe(true);
  });

  it('insertMany inserts every row, defaults for missing keys, and returns them', async () => {
    const db = databaseOn(test.driver);
    const rows = await db.insertMany<{ select: string; status: string }>(table, [
      { select: 'a', status: 'x' },
      { select: 'b' },
    ]);
    expect(rows.map((r) => [r.select, r.status])).toEqual([
      ['a', 'x'],
      ['b', 'active'],
    ]);
    expect(await db.insertMany(table, [])).toEqual([]);
    const many = Array.from({ length: 20_000 }, (_, i) => ({ id: i, label: `l${i}` }));
    // Two columns x 20,000 rows is over the 32,767 parameters a statement gets: it must split statements.
    expect(await db.insertMany('a.b', many)).toHaveLength(20_000);
    expect(await db.query('SELECT count(*)::int AS n FROM "a.b"')).toEqual([{ n: 20_000 }]);
  });

  it('update and delete return counts; exists, find and findOne read; null matches NULL', async () => {
    const db = databaseOn(test.driver);
    await db.insertMany(table, [
      { select: 'a', authorId: 1 },
      { select: 'b', authorId: 1 },
      { select: 'c', authorId: 2 },
      { select: 'd', authorId: null },
    ]);
    expect(await db.update(table, { authorId: 1 }, { status: 'old' })).toBe(2);
    expect(await db.exists(table, { status: 'old', select: 'b' })).toBe(true);
    expect(await db.exists(table, { status: 'old', select: 'c' })).toBe(false);
    expect(await db.exists(table)).toBe(true);
    const found = await db.find<{ select: string }>(
      table,
      { status: 'old' },
      { orderBy: { select: 'desc' } },
    );
    expect(found.map((r) => r.select)).toEqual(['b', 'a']);
    const limited = await db.find<{ select: string }>(
      table,
      {},
      { orderBy: ['authorId', 'select'], limit: 2 },
    );
    expect(limited.map((r) => r.select)).toEqual(['a', 'b']);
    expect((await db.findOne<{ select: string }>(table, { authorId: null }))?.select).toBe('d');
    expect(await db.findOne(table, { select: 'zzz' })).toBeNull();
    expect(await db.delete(table, { authorId: 1 })).toBe(2);
    expect(await db.delete(table, {})).toBe(2);
    expect(await db.exists(table)).toBe(false);
  });

  it('works on qualified tables: { schema, name }, never splitting a string on "."', async () => {
    const db = databaseOn(test.driver);
    await db.insert({ schema: 'a.b', name: 'select' }, { id: 1, label: 'qualified' });
    await db.insert('a.b', { id: 1, label: 'dotted name' });
    expect(await db.findOne({ schema: 'a.b', name: 'select' }, { id: 1 })).toEqual({
      id: 1,
      label: 'qualified',
    });
    expect(await db.findOne('a.b', { id: 1 })).toEqual({ id: 1, label: 'dotted name' });
    await db.insert(long, { id: 5 });
    expect(await db.exists(long, { id: 5 })).toBe(true);
  });

  it('an unknown column or table is a clear error naming them, and nothing is written', async () => {
    const db = databaseOn(test.driver);
    await expect(db.insert(table, { nope: 1 })).rejects.toMatchObject({
      code: 'UNKNOWN_COLUMN',
      message: expect.stringMatching(/Table Mixed Case has no column "nope"/),
    });
    await expect(db.find(table, { authorIdx: 1 })).rejects.toMatchObject({
      code: 'UNKNOWN_COLUMN',
      message: expect.stringContaining('"authorIdx" (nor "author_idx")'),
    });
    await expect(db.update(table, {}, { nope: 1 })).rejects.toBeInstanceOf(MigrateError);
    await expect(db.insert('no_such_table', { id: 1 })).rejects.toMatchObject({
      code: 'UNKNOWN_TABLE',
      message: expect.stringContaining('no_such_table'),
    });
    await expect(db.find(table, {}, { limit: -1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(db.delete(table, { select: undefined })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(db.insert(table, { authorId: 1, author_id: 2 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(await db.exists(table)).toBe(false);
  });

  it('sees a column added by raw SQL in the same migration (the column cache is refreshed)', async () => {
    const db = databaseOn(test.driver);
    expect(await db.exists(table)).toBe(false);
    await db.raw('ALTER TABLE "Mixed Case" ADD COLUMN "displayName" text');
    expect((await db.insert<{ displayName: string }>(table, { displayName: 'D' })).displayName).toBe('D');
  });
});

describe('dry run', () => {
  it('records writes with their parameters and runs none of them; reads still answer', async () => {
    const recorded: Statement[] = [];
    const db = databaseOn(test.driver, { dryRun: recorded });
    await db.raw('DROP TABLE "a.b"');
    expect(await db.insert(table, { select: 'dry', authorId: 3 })).toEqual({});
    expect(await db.update(table, { select: 'dry' }, { status: 'x' })).toBe(0);
    expect(await db.delete(table, { select: 'dry' })).toBe(0);
    expect(await db.query('DELETE FROM "Mixed Case"')).toEqual([]);
    expect(await db.hasTable('a.b')).toBe(true);
    expect(await db.exists('not_created_yet', { id: 1 })).toBe(false);
    expect(recorded).toEqual([
      { sql: 'DROP TABLE "a.b"', params: [] },
      {
        sql: 'INSERT INTO "Mixed Case" ("select", "author_id") VALUES ($1, $2) RETURNING *',
        params: ['dry', 3],
      },
      { sql: 'UPDATE "Mixed Case" SET "status" = $1 WHERE "select" = $2', params: ['x', 'dry'] },
      { sql: 'DELETE FROM "Mixed Case" WHERE "select" = $1', params: ['dry'] },
      { sql: 'DELETE FROM "Mixed Case"', params: [] },
    ]);
    expect(await databaseOn(test.driver).exists(table)).toBe(false);
  });
});
