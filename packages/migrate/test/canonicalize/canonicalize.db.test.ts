import { diff } from '@justscale/diff';
import { introspect } from '@justscale/introspect';
import { defineEnum, defineModel, field, modelsToSnapshot, sql } from '@justscale/models';
import { emptySnapshot, type Snapshot } from '@justscale/schema';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalizeSnapshot } from '../../src/canonicalize/index.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const Status = defineEnum('Mixed Status', ['active', "it's", 'a"b'], { schema: 'Other Schema' });
const Product = defineModel(
  'products',
  {
    id: field.integer().primaryKey().identity(),
    name: field.string().max(200),
    price: field.decimal(10, 2).check(sql`price > 0`),
    status: field.enum(Status).default(sql`'active'`),
    tags: field.text().array().default([]),
    search: field.custom('tsvector').generated(sql`to_tsvector('simple', name)`),
    created: field.custom('timestamptz').default(sql`CURRENT_TIMESTAMP`),
    nameLength: field.integer().generated(sql`length(name) * 2`),
  },
  {
    checks: [sql`price < 1000 OR status = 'active'`],
    indexes: [
      { columns: [{ expression: sql`lower(name)` }], where: sql`status = 'active'` },
      { columns: ['search'], method: 'gin' },
    ],
  },
);

describe('canonicalizeSnapshot', () => {
  it('gives user-written SQL the spelling PostgreSQL prints', async () => {
    const pure = modelsToSnapshot(Product);
    const out = await canonicalizeSnapshot(db.driver, pure);
    const t = out.tables[0]!;
    const col = (n: string) => t.columns.find((c) => c.name === n)!;
    expect(col('status').default).toBe(`'active'::"Other Schema"."Mixed Status"`);
    expect(col('tags').default).toBe(`'{}'::text[]`);
    expect(col('search').generated).toBe(`to_tsvector('simple'::regconfig, (name)::text)`);
    expect(col('name_length').generated).toBe('(length((name)::text) * 2)');
    expect(col('created').type.name).toBe('timestamp with time zone');
    expect(col('created').default).toBe('CURRENT_TIMESTAMP');
    const checks = Object.fromEntries(
      t.constraints.filter((c) => c.kind === 'check').map((c) => [c.name, c.expression]),
    );
    expect(checks).toEqual({
      products_price_check: '(price > (0)::numeric)',
      products_check: `((price < (1000)::numeric) OR (status = 'active'::"Other Schema"."Mixed Status"))`,
    });
    const lower = out.indexes.find((i) => i.name === 'products_lower_idx')!;
    expect(lower.keys[0]!.expression).toBe('lower(name::text)');
    expect(lower.where).toBe(`status = 'active'::"Other Schema"."Mixed Status"`);
  });

  it('leaves nothing behind, and is a fixpoint', async () => {
    const once = await canonicalizeSnapshot(db.driver, modelsToSnapshot(Product));
    const twice = await canonicalizeSnapshot(db.driver, once);
    expect(twice).toEqual(once);
    const left = await db.driver.query(
      `SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname LIKE '\\_justscale\\_canon%' OR nspname = 'Other Schema'`,
    );
    expect(left.rows).toEqual([]);
  });

  it('raises PostgreSQL’s error for an invalid expression, naming the model and the field', async () => {
    const Bad = defineModel('bad', { a: field.integer(), b: field.integer().check(sql`b >>> 1`) });
    await expect(canonicalizeSnapshot(db.driver, modelsToSnapshot(Bad))).rejects.toMatchObject({
      code: '42883',
      message: expect.stringMatching(
        /^model table public\.bad, check bad_b_check: operator does not exist: integer >>> integer/,
      ),
    });
    const BadDefault = defineModel('bad', { a: field.integer().default(sql`nosuchfn()`) });
    await expect(canonicalizeSnapshot(db.driver, modelsToSnapshot(BadDefault))).rejects.toMatchObject({
      code: '42883',
      message: expect.stringMatching(
        /^model table public\.bad, column a \(default\): function nosuchfn\(\) does not exist/,
      ),
    });
    const BadType = defineModel('bad', { a: field.integer(), b: field.custom('nosuchtype') });
    await expect(canonicalizeSnapshot(db.driver, modelsToSnapshot(BadType))).rejects.toMatchObject({
      code: '42704',
      message: expect.stringMatching(
        /^model table public\.bad, column b \(type\): type "nosuchtype" does not exist/,
      ),
    });
    const BadIndex = defineModel(
      'bad',
      { a: field.integer() },
      { indexes: [{ columns: ['a'], where: sql`a > 'x'::nosuchtype` }] },
    );
    await expect(canonicalizeSnapshot(db.driver, modelsToSnapshot(BadIndex))).rejects.toMatchObject({
      code: '42704',
      message: expect.stringMatching(
        /^model index public\.bad_a_idx on bad, predicate: type "nosuchtype" does not exist/,
      ),
    });
    const left = await db.driver.query(
      `SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname LIKE '\\_justscale\\_canon%'`,
    );
    expect(left.rows).toEqual([]);
  });
});

describe('canonicalizeSnapshot at every expression site', () => {
  // The live database already has an older `mood` in public (one value fewer) and a domain the
  // models name without a schema: models must read their own enum, and the search_path for the rest.
  beforeAll(async () => {
    await db.driver.exec(`
      CREATE TYPE public.mood AS ENUM ('calm');
      CREATE DOMAIN public.posint AS integer CHECK (VALUE > 0);
    `);
  });
  const Mood = defineEnum('mood', ['calm', 'tense']);
  const Hostile = defineEnum('a.b', ['x', "y'z"], { schema: 'a"b' });
  const Sites = defineModel(
    'sites',
    {
      id: field.integer().primaryKey(),
      mood: field.enum(Mood).default('tense'),
      moods: field.enum(Mood).array().default(['calm', 'tense']),
      later: field.enum(Mood).optional().default(sql`'tense'::mood`),
      hostile: field.enum(Hostile).default("y'z"),
      size: field.custom('posint').default(sql`1 + 1`),
      at: field.custom('timestamptz').default(sql`'2024-01-01 12:00:00+02'`),
      doubled: field.integer().generated(sql`id * 2`),
    },
    {
      checks: [
        sql`mood <> 'calm'::public."mood" OR hostile = 'x'::"a""b"."a.b"`,
        { expression: sql`'tense'::mood = ANY (moods)`, name: 'sites_has_tense' },
      ],
      indexes: [
        { columns: [{ expression: sql`(id + 1)` }], where: sql`mood = 'tense'` },
        { columns: ['id'], where: sql`moods @> ARRAY['tense'::public.mood]`, name: 'sites_tense_idx' },
      ],
    },
  );
  const HostileTable = defineModel(
    'Mixed Case',
    { select: field.enum(Hostile).check(sql`"select" <> 'x'::"a""b"."a.b"`) },
    { schema: 'a"b' },
  );

  it('gives each site PostgreSQL’s spelling, the models’ own enums, and types from the search_path', async () => {
    const out = await db.driver.session(async (s) => {
      await s.exec(`SET "TimeZone" = 'Asia/Tokyo'`);
      return canonicalizeSnapshot(s, modelsToSnapshot(Sites, HostileTable));
    });
    const sites = out.tables.find((t) => t.name === 'sites')!;
    const col = (n: string) => sites.columns.find((c) => c.name === n)!;
    expect(col('mood').default).toBe(`'tense'::public.mood`);
    expect(col('moods').default).toBe(`'{calm,tense}'::public.mood[]`);
    expect(col('later').default).toBe(`'tense'::public.mood`);
    expect(col('hostile').default).toBe(`'y''z'::"a""b"."a.b"`);
    expect(col('size').type).toEqual({ schema: 'public', name: 'posint', modifiers: null, array: false });
    expect(col('size').default).toBe('(1 + 1)');
    expect(col('at').type.name).toBe('timestamp with time zone');
    expect(col('at').default).toBe(`'2024-01-01 10:00:00+00'::timestamp with time zone`);
    expect(col('doubled').generated).toBe('(id * 2)');
    const checks = Object.fromEntries(
      sites.constraints.filter((c) => c.kind === 'check').map((c) => [c.name, c.expression]),
    );
    expect(checks).toEqual({
      sites_check: `((mood <> 'calm'::public.mood) OR (hostile = 'x'::"a""b"."a.b"))`,
      sites_has_tense: `('tense'::public.mood = ANY (moods))`,
    });
    const index = (n: string) => out.indexes.find((i) => i.name === n)!;
    expect(index('sites_expr_idx').keys[0]!.expression).toBe('id + 1');
    expect(index('sites_expr_idx').where).toBe(`mood = 'tense'::public.mood`);
    expect(index('sites_tense_idx').where).toBe(`moods @> ARRAY['tense'::public.mood]`);
    const hostile = out.tables.find((t) => t.name === 'Mixed Case')!;
    expect(hostile.schema).toBe('a"b');
    expect(hostile.columns[0]!.type).toEqual({ schema: 'a"b', name: 'a.b', modifiers: null, array: false });
    expect(hostile.constraints).toMatchObject([{ expression: `("select" <> 'x'::"a""b"."a.b")` }]);
    // The live database is as it was: its mood has one value, no scratch schema, no a"b.
    const live = await db.driver.query<{ values: string[] }>(
      `SELECT pg_catalog.enum_range(NULL::public.mood)::pg_catalog.text[] AS values`,
    );
    expect(live.rows[0]!.values).toEqual(['calm']);
    const left = await db.driver.query(
      `SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname LIKE '\\_justscale\\_canon%' OR nspname = 'a"b'`,
    );
    expect(left.rows).toEqual([]);
  });

  it('equals what introspection reads once the plan is applied', async () => {
    const models = modelsToSnapshot(Sites, HostileTable);
    const canonical = await canonicalizeSnapshot(db.driver, models);
    await db.driver.exec('DROP TYPE public.mood');
    const plan = diff(
      emptySnapshot(),
      { ...emptySnapshot(), ...models, schemas: [{ name: 'a"b', comment: null }] },
      {
        serverVersion: (await db.driver.serverVersion()).num,
      },
    );
    try {
      for (const st of plan.statements) await db.driver.exec(st.sql);
      const read = await introspect(db.driver, { schemas: ['public', 'a"b'] });
      const part = (x: Snapshot) => ({
        enums: x.enums,
        tables: x.tables.filter((t) => t.name !== 'products'),
        indexes: x.indexes,
      });
      expect(part(read)).toEqual(part(canonical));
    } finally {
      await db.driver.exec(`DROP TABLE IF EXISTS public.sites; DROP TYPE IF EXISTS public.mood; DROP SCHEMA IF EXISTS "a""b" CASCADE;
        CREATE TYPE public.mood AS ENUM ('calm')`);
    }
  });
});
