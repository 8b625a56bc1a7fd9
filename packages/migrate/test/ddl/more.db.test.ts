import { field } from '@justscale/models';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrateError } from '../../src/errors.js';
import { constraintsOf, type DdlFixture, ddlFixture, one } from './helpers.js';

const open: DdlFixture[] = [];
async function fixture(): Promise<DdlFixture> {
  const f = await ddlFixture();
  open.push(f);
  return f;
}
afterEach(async () => {
  for (const f of open.splice(0)) await f.test.close();
});

describe('constraint drops by columns, NOT VALID, and what is not there', () => {
  it('drops a foreign key or a unique constraint given its columns, and lists them when none matches', async () => {
    const f = await fixture();
    const { db } = f;
    await db.createTable('users', { id: field.integer().primaryKey(), email: field.text() });
    await db.createTable('posts', { id: field.integer().primaryKey(), authorId: field.integer() });
    await db.raw('INSERT INTO posts VALUES (1, 99)');
    await db.addForeignKey('posts', 'authorId', { table: 'users', columns: ['id'] }, { notValid: true });
    expect(
      await one(
        f.driver,
        `SELECT convalidated AS v FROM pg_catalog.pg_constraint WHERE conname = 'posts_author_id_fkey'`,
      ),
    ).toBe(false);
    await db.addUnique('users', ['email']);
    const error = await db.dropForeignKey('posts', 'nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrateError);
    expect((error as Error).message).toContain('posts_author_id_fkey (author_id)');
    await db.dropForeignKey('posts', 'nope', { ifExists: true });
    await db.dropForeignKey('posts', ['authorId']);
    await db.dropUnique('users', 'email');
    expect(await constraintsOf(f.driver, 'posts')).toEqual(['posts_pkey: PRIMARY KEY (id)']);
    expect(await constraintsOf(f.driver, 'users')).toEqual(['users_pkey: PRIMARY KEY (id)']);
    await db.addCheck('posts', 'positive', 'author_id > 100', { notValid: true });
    await db.dropCheck('posts', 'positive');
    await db.dropCheck('posts', 'positive', { ifExists: true });
  });

  it('picks the next free default name, as PostgreSQL does', async () => {
    const f = await fixture();
    const { db } = f;
    await db.createTable('t', { a: field.integer() });
    await db.addUnique('t', 'a');
    await db.addUnique('t', 'a');
    await db.createIndex('t', 'a');
    expect(await constraintsOf(f.driver, 't')).toEqual(['t_a_key: UNIQUE (a)', 't_a_key1: UNIQUE (a)']);
    expect(
      await one(f.driver, `SELECT count(*)::int AS v FROM pg_catalog.pg_class WHERE relname = 't_a_idx'`),
    ).toBe(1);
  });
});

describe('if not exists, cascade, or replace, overloads, comments on the other kinds', () => {
  it('runs each option on PostgreSQL', async () => {
    const f = await fixture();
    const { db } = f;
    await db.createTable('t', { id: field.integer().primaryKey(), v: field.integer().index() });
    await db.createTable(
      't',
      { id: field.integer().primaryKey(), v: field.integer().index() },
      { ifNotExists: true },
    );
    await db.createView('v', 'SELECT id FROM t');
    await db.createView('v', 'SELECT id, v FROM t', { orReplace: true });
    expect(
      await one(
        f.driver,
        `SELECT count(*)::int AS v FROM pg_catalog.pg_attribute WHERE attrelid = 'v'::regclass`,
      ),
    ).toBe(2);
    await db.createView('m', 'SELECT count(*) AS n FROM t', { materialized: true, withData: false });
    await db.createFunction('f', {
      arguments: 'a integer',
      returns: 'integer',
      language: 'sql',
      body: 'SELECT a',
    });
    await db.createFunction('f', { arguments: 'a text', returns: 'text', language: 'sql', body: 'SELECT a' });
    await db.createType('e', ['x']);
    await db.raw('CREATE DOMAIN d AS integer; CREATE SEQUENCE s; CREATE SCHEMA sch');
    await db.comment({ index: 't_v_idx' }, 'i');
    await db.comment({ sequence: 's' }, 's');
    await db.comment({ type: 'e' }, 'e');
    await db.comment({ domain: 'd' }, 'd');
    await db.comment({ schema: 'sch' }, 'sch');
    await db.comment({ extension: 'plpgsql' }, 'pl');
    await db.comment({ materializedView: 'm' }, 'm');
    await db.comment({ function: 'f', arguments: 'text' }, 'f(text)');
    expect(
      await one(
        f.driver,
        `SELECT array_agg(description ORDER BY description)::text AS v FROM pg_catalog.pg_description WHERE objoid >= 16384 OR description = 'pl'`,
      ),
    ).toBe('{d,e,f(text),i,m,pl,s,sch}');
    await db.comment({ extension: 'plpgsql' }, null);
    await db.dropFunction('f', { arguments: 'integer' });
    expect(await one(f.driver, `SELECT count(*)::int AS v FROM pg_catalog.pg_proc WHERE proname = 'f'`)).toBe(
      1,
    );
    await db.dropTable('t', { cascade: true });
    expect(
      await one(
        f.driver,
        `SELECT count(*)::int AS v FROM pg_catalog.pg_class WHERE relname IN ('t', 'v', 'm')`,
      ),
    ).toBe(0);
  });
});
