import type { Driver } from '@justscale/driver';
import { databaseOn, generateMigration, syncSchema } from '@justscale/migrate';
import { defineEnum, defineModel, field } from '@justscale/models';
import { quoteIdent } from '@justscale/sql';
import { HOSTILE, spread } from './corpus.js';
import { classify, expect, type Outcome, RoundTripMismatch, show } from './outcome.js';

/** One hostile string through one path. */
export interface HostileResult {
  readonly path: 'models' | 'database-api';
  readonly input: string;
  readonly outcome: Outcome;
}

// The canary lives in a schema no model uses, so syncSchema leaves it alone.
const CANARY_SCHEMA = 'reliability_canary';
const CANARY = 'reliability_canary';
const PWNED = 'reliability_pwned';

async function one(driver: Driver, sql: string, params: unknown[] = []): Promise<unknown> {
  const result = await driver.query<Record<string, unknown>>(sql, params);
  return result.rows[0] ? Object.values(result.rows[0])[0] : undefined;
}

async function tableExists(driver: Driver, name: string, schema = 'public'): Promise<boolean> {
  const sql =
    'SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1 AND n.nspname = $2';
  return (await one(driver, sql, [name, schema])) === 1;
}

/** Whether the canary survived and no injected `reliability_pwned` table exists anywhere. */
async function canaryIntact(driver: Driver): Promise<boolean> {
  const pwned = await one(driver, 'SELECT count(*)::int FROM pg_class WHERE relname = $1', [PWNED]);
  return (await tableExists(driver, CANARY, CANARY_SCHEMA)) && pwned === 0;
}

/** Drops whatever a case left: every table but the canary, every enum. */
async function cleanup(driver: Driver): Promise<void> {
  // Names as PostgreSQL quotes them (oid::regclass), so no client-side decoding can alter them.
  const tables = await driver.query<{ n: string }>(
    "SELECT oid::regclass::text AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'",
  );
  for (const t of tables.rows) await driver.query(`DROP TABLE ${t.n} CASCADE`);
  const types = await driver.query<{ n: string }>(
    "SELECT oid::regtype::text AS n FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype = 'e'",
  );
  for (const t of types.rows) await driver.query(`DROP TYPE ${t.n} CASCADE`);
}

/** `s` as a table name, a column name, an enum value, comments and a default, through models and syncSchema. */
async function throughModels(driver: Driver, s: string, i: number): Promise<void> {
  const Enum = defineEnum(`rel_e_${i}`, [s]);
  const Model = defineModel(
    s,
    {
      relId: field.integer().primaryKey().column('rel_id'),
      value: field.text().column(s).default(s).comment(s),
      kind: field.enum(Enum).optional().column('rel_kind'),
    },
    { comment: s },
  );
  await syncSchema(driver, Model);
  expect(await tableExists(driver, s), `table ${show(s)} not found`);
  const oid = `public.${quoteIdent(s)}`;
  expect(
    (await one(driver, 'SELECT obj_description($1::regclass, $2)', [oid, 'pg_class'])) === s,
    'table comment differs',
  );
  const attnum = await one(
    driver,
    'SELECT attnum FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2',
    [oid, s],
  );
  expect(typeof attnum === 'number', `column ${show(s)} not found`);
  expect(
    (await one(driver, 'SELECT col_description($1::regclass, $2)', [oid, attnum])) === s,
    'column comment differs',
  );
  const labels = await one(
    driver,
    'SELECT array_agg(enumlabel ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = $1::regtype',
    [`public.rel_e_${i}`],
  );
  expect(JSON.stringify(labels) === JSON.stringify([s]), `enum labels ${JSON.stringify(labels)}`);
  const inserted = await one(
    driver,
    `INSERT INTO ${oid} (rel_id, rel_kind) VALUES (1, $1) RETURNING ${quoteIdent(s)}`,
    [s],
  );
  expect(inserted === s, `default came back as ${show(String(inserted))}`);
  const again = await generateMigration(driver, Model);
  expect(!again.hasChanges, `second diff not empty: ${again.sql}`);
}

/** `s` as a table name, a column name and a value, through the Database API. */
async function throughDatabaseApi(driver: Driver, s: string): Promise<void> {
  const db = databaseOn(driver);
  await db.createTable(s, {
    relId: field.integer().primaryKey().column('rel_id'),
    value: field.text().column(s).optional(),
    relValue: field.text(),
  });
  const row = await db.insert(s, { rel_id: 1, [s]: s, rel_value: s });
  expect(row[s] === s && row.rel_value === s, `insert returned ${JSON.stringify(row)}`);
  await db.insert(s, { rel_id: 2, [s]: 'other', rel_value: 'other' });
  const found = await db.find(s, { [s]: s });
  expect(found.length === 1 && found[0]?.rel_value === s, `find by column returned ${found.length} rows`);
  const byValue = await db.find(s, { rel_value: s });
  expect(byValue.length === 1 && byValue[0]?.[s] === s, `find by value returned ${byValue.length} rows`);
}

/**
 * Runs `size` strings spread over the corpus (all by default) through models and the Database API on `driver`
 * (an empty database). After every case the canary table must still exist and no `reliability_pwned`
 * table may: no input ran as SQL.
 */
export async function runHostile(driver: Driver, size = HOSTILE.length): Promise<HostileResult[]> {
  await driver.query(`CREATE SCHEMA ${CANARY_SCHEMA}`);
  await driver.query(`CREATE TABLE ${CANARY_SCHEMA}.${CANARY} (id int)`);
  const results: HostileResult[] = [];
  const inputs = spread(HOSTILE, size);
  for (const [i, s] of inputs.entries()) {
    for (const path of ['models', 'database-api'] as const) {
      let outcome: Outcome;
      try {
        if (path === 'models') await throughModels(driver, s, i);
        else await throughDatabaseApi(driver, s);
        outcome = { kind: 'round-trip' };
      } catch (error) {
        outcome =
          error instanceof RoundTripMismatch ? { kind: 'defect', message: error.message } : classify(error);
      }
      if (!(await canaryIntact(driver))) {
        outcome = { kind: 'defect', message: 'injected SQL ran (canary dropped or pwned table created)' };
        await driver.query(`DROP TABLE IF EXISTS ${PWNED}`);
        await driver.query(`CREATE TABLE IF NOT EXISTS ${CANARY_SCHEMA}.${CANARY} (id int)`);
      }
      await cleanup(driver);
      results.push({ path, input: s, outcome });
    }
  }
  return results;
}
