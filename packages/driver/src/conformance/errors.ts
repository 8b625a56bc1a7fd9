import assert from 'node:assert/strict';
import { DatabaseError } from '../errors.js';
import type { ConformanceCheck } from './check.js';
import { ident, rejection, uniqueTable, withTable } from './check.js';

function assertDatabaseError(
  error: unknown,
  fields: Partial<Record<keyof DatabaseError, unknown>>,
): DatabaseError {
  assert.ok(error instanceof DatabaseError, `expected a DatabaseError, got ${String(error)}`);
  for (const [key, value] of Object.entries(fields)) {
    assert.deepStrictEqual(error[key as keyof DatabaseError], value, `DatabaseError.${key}`);
  }
  assert.ok(error.cause !== undefined && error.cause !== error, 'the original error is kept as cause');
  assert.ok(error.message.length > 0, 'the error has a message');
  return error;
}

/** Errors carry PostgreSQL's fields, the SQL and the original error. */
export const errorChecks: readonly ConformanceCheck[] = [
  {
    name: 'a unique violation carries code 23505, constraint, table, schema, detail and the SQL',
    async run(driver) {
      const name = uniqueTable('unique');
      const table = ident(name);
      await withTable(driver, 'unique-host', async () => {
        await driver.exec(`CREATE TABLE ${table} (id int CONSTRAINT "uq a""b" UNIQUE)`);
        try {
          await driver.query(`INSERT INTO ${table} VALUES (1)`);
          const sql = `INSERT INTO ${table} VALUES ($1)`;
          const error = assertDatabaseError(await rejection(driver.query(sql, [1]), 'a duplicate insert'), {
            code: '23505',
            constraint: 'uq a"b',
            table: name,
            sql,
          });
          assert.ok(error.schema, 'the schema is reported');
          assert.match(error.detail ?? '', /\(id\)=\(1\) already exists/);
        } finally {
          await driver.exec(`DROP TABLE IF EXISTS ${table}`);
        }
      });
    },
  },
  {
    name: 'a syntax error carries code 42601 and the position in the SQL',
    async run(driver) {
      const sql = 'SELECT 1 AS ok, FROM nowhere';
      assertDatabaseError(await rejection(driver.query(sql), 'a syntax error'), {
        code: '42601',
        position: sql.indexOf('FROM') + 1,
        sql,
      });
      const script = 'SELECT 1;\nSELEC 2';
      assertDatabaseError(await rejection(driver.exec(script), 'a script with a syntax error'), {
        code: '42601',
        sql: script,
      });
    },
  },
  {
    name: 'not-null and check violations name the column and the constraint',
    async run(driver) {
      await withTable(
        driver,
        'violations',
        async (table) => {
          const notNull = `INSERT INTO ${table} (id, "ünïcödé") VALUES (1, NULL)`;
          assertDatabaseError(await rejection(driver.query(notNull), 'a NULL in a NOT NULL column'), {
            code: '23502',
            column: 'ünïcödé',
            sql: notNull,
          });
          const check = `INSERT INTO ${table} (id, "ünïcödé") VALUES (-1, 'x')`;
          assertDatabaseError(await rejection(driver.query(check), 'a check violation'), {
            code: '23514',
            constraint: 'positive',
            sql: check,
          });
        },
        `id int CONSTRAINT positive CHECK (id > 0), "ünïcödé" text NOT NULL`,
      );
    },
  },
  {
    name: 'errors inside sessions and transactions are DatabaseErrors too, with a hint when PostgreSQL gives one',
    async run(driver) {
      const missing = 'SELECT * FROM "no such table here"';
      await driver.session(async (s) => {
        assertDatabaseError(await rejection(s.query(missing), 'a query of a missing table'), {
          code: '42P01',
          sql: missing,
        });
      });
      const hinted = 'SELECT pg_catalog.length(1)';
      const inTransaction = await rejection(
        driver.transaction((tx) => tx.query(hinted)),
        'a call of a function that does not exist',
      );
      const error = assertDatabaseError(inTransaction, { code: '42883', sql: hinted });
      assert.match(error.hint ?? '', /explicit type casts/);
    },
  },
];
