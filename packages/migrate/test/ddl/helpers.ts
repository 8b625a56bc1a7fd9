import type { Driver } from '@justscale/driver';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from '@justscale/testing';
import { createDatabase, type Database } from '../../src/database/database.js';
import { liveExecutor } from '../../src/database/executor.js';

/** A fresh database and the Database API (DDL included) on it. */
export interface DdlFixture {
  readonly test: TestDatabase;
  readonly driver: Driver;
  readonly db: Database;
}

export async function ddlFixture(options: TestDatabaseOptions = {}): Promise<DdlFixture> {
  const test = await createTestDatabase(options);
  return { test, driver: test.driver, db: createDatabase(liveExecutor(test.driver)) };
}

/** One value from the catalog. */
export async function one<T>(driver: Driver, sql: string, params: readonly unknown[] = []): Promise<T> {
  const { rows } = await driver.query<{ v: T }>(sql, params);
  return rows[0]?.v as T;
}

/** `name type [not null] [default ...]` for each column of a table, in order. */
export async function columnsOf(driver: Driver, table: string, schema = 'public'): Promise<string[]> {
  const { rows } = await driver.query<{ d: string }>(
    `SELECT a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)
       || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
       || COALESCE(' default ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid), '') AS d
     FROM pg_catalog.pg_attribute AS a
     LEFT JOIN pg_catalog.pg_attrdef AS d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = pg_catalog.format('%I.%I', $1::text, $2::text)::pg_catalog.regclass
       AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [schema, table],
  );
  return rows.map((r) => r.d);
}

/** `name: definition` of each constraint of a table, by name. */
export async function constraintsOf(driver: Driver, table: string, schema = 'public'): Promise<string[]> {
  const { rows } = await driver.query<{ d: string }>(
    `SELECT c.conname || ': ' || pg_catalog.pg_get_constraintdef(c.oid) AS d FROM pg_catalog.pg_constraint AS c
     WHERE c.conrelid = pg_catalog.format('%I.%I', $1::text, $2::text)::pg_catalog.regclass
       AND c.contype <> 'n' -- PostgreSQL 18 lists NOT NULL as constraints too
     ORDER BY c.conname`,
    [schema, table],
  );
  return rows.map((r) => r.d);
}

/** `pg_get_indexdef` of each index of a table, by name. */
export async function indexesOf(driver: Driver, table: string, schema = 'public'): Promise<string[]> {
  const { rows } = await driver.query<{ d: string }>(
    `SELECT pg_catalog.pg_get_indexdef(i.indexrelid) AS d FROM pg_catalog.pg_index AS i
     JOIN pg_catalog.pg_class AS c ON c.oid = i.indexrelid
     WHERE i.indrelid = pg_catalog.format('%I.%I', $1::text, $2::text)::pg_catalog.regclass ORDER BY c.relname`,
    [schema, table],
  );
  return rows.map((r) => r.d);
}

/** The values of an enum, in order, or null when there is no such type. */
export async function enumValues(driver: Driver, name: string, schema = 'public'): Promise<string[] | null> {
  const { rows } = await driver.query<{ v: string }>(
    `SELECT e.enumlabel AS v FROM pg_catalog.pg_enum AS e JOIN pg_catalog.pg_type AS t ON t.oid = e.enumtypid
     JOIN pg_catalog.pg_namespace AS n ON n.oid = t.typnamespace
     WHERE n.nspname = $1 AND t.typname = $2 ORDER BY e.enumsortorder`,
    [schema, name],
  );
  const exists = await one<boolean>(
    driver,
    `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_type AS t JOIN pg_catalog.pg_namespace AS n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 AND t.typname = $2) AS v`,
    [schema, name],
  );
  return exists ? rows.map((r) => r.v) : null;
}
