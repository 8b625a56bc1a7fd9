import { defineEnum, defineModel, field, modelsToSnapshot, sql } from '@justscale/models';
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

  it('raises PostgreSQL’s error for an invalid expression', async () => {
    const Bad = defineModel('bad', { a: field.integer().check(sql`a >>> 1`) });
    await expect(canonicalizeSnapshot(db.driver, modelsToSnapshot(Bad))).rejects.toMatchObject({
      code: '42883',
      message: expect.stringContaining('operator does not exist: integer >>> integer'),
    });
  });
});
