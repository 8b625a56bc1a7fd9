import assert from 'node:assert/strict';
import { forEachRowOfScript } from '../each-row.js';
import { DatabaseError } from '../errors.js';
import type { Driver, ScriptStatement } from '../types.js';
import type { ConformanceCheck } from './check.js';
import { rejection } from './check.js';

/** The `DatabaseError` a script run in a transaction of `driver` fails with (it must fail). */
async function scriptFailure(
  driver: Driver,
  statements: ScriptStatement[],
  what: string,
): Promise<DatabaseError> {
  const error = await rejection(
    driver.transaction((tx) => forEachRowOfScript(tx, statements)),
    what,
  );
  assert.ok(error instanceof DatabaseError, `expected a DatabaseError, got ${String(error)}`);
  return error;
}

/** `forEachRowOfScript`: each statement's rows and end, in one round trip or one by one. */
export const scriptChecks: readonly ConformanceCheck[] = [
  {
    name: "forEachRowOfScript hands each statement's rows to its own onRow and calls onEnd after them, in order",
    async run(driver) {
      const seen: string[] = [];
      const statement = (i: number, sql: string, rows = true) => ({
        sql,
        ...(rows
          ? { onRow: (row: Record<string, unknown>) => seen.push(`${i}: ${JSON.stringify(row)}`) }
          : {}),
        onEnd: () => seen.push(`${i} ended`),
      });
      await driver.transaction(async (tx) => {
        await forEachRowOfScript(tx, [
          statement(0, 'SELECT n, n::text AS t FROM pg_catalog.generate_series(1, 3) AS n -- a comment last'),
          statement(1, "SET LOCAL application_name = 'conformance script'", false),
          statement(2, 'SELECT 1 AS never WHERE false'),
          // A statement whose rows are not wanted runs all the same.
          statement(3, 'SELECT 2 AS ignored', false),
          statement(
            4,
            "SELECT pg_catalog.current_setting('application_name') AS name, NULL::int4 AS nothing;",
          ),
        ]);
      });
      assert.deepStrictEqual(seen, [
        '0: {"n":1,"t":"1"}',
        '0: {"n":2,"t":"2"}',
        '0: {"n":3,"t":"3"}',
        '0 ended',
        '1 ended',
        '2 ended',
        '3 ended',
        '4: {"name":"conformance script","nothing":null}',
        '4 ended',
      ]);
    },
  },
  {
    name: 'a failing statement of a script rejects with its own error and SQL, and the statements after it do not run',
    async run(driver) {
      const seen: string[] = [];
      const failing = 'SELECT 1 / (2 - n) AS x FROM pg_catalog.generate_series(1, 3) AS n';
      const error = await scriptFailure(
        driver,
        [
          { sql: 'SELECT 1 AS one', onRow: () => seen.push('one'), onEnd: () => seen.push('one ended') },
          { sql: failing, onRow: () => seen.push('x'), onEnd: () => seen.push('x ended') },
          {
            sql: 'SELECT 3 AS three',
            onRow: () => seen.push('three'),
            onEnd: () => seen.push('three ended'),
          },
        ],
        'a division by zero',
      );
      assert.equal(error.code, '22012');
      assert.equal(error.sql, failing);
      assert.deepStrictEqual(seen.slice(0, 2), ['one', 'one ended']);
      assert.ok(
        !seen.includes('x ended') && !seen.includes('three'),
        `ran past the failure: ${seen.join(', ')}`,
      );
      // The position of a syntax error is counted from the start of the failing statement.
      const syntax = await scriptFailure(
        driver,
        [
          // A character outside the BMP: two UTF-16 code units, one character to PostgreSQL.
          { sql: "SELECT '🐘' AS one", onRow: () => {} },
          { sql: 'SELECT 2 AS two FROM WHERE' },
        ],
        'a syntax error',
      );
      assert.equal(syntax.code, '42601');
      assert.equal(syntax.sql, 'SELECT 2 AS two FROM WHERE');
      assert.equal(syntax.position, 'SELECT 2 AS two FROM '.length + 1);
      // The driver goes on.
      assert.deepStrictEqual((await driver.query('SELECT 4 AS four')).rows, [{ four: 4 }]);
    },
  },
  {
    name: 'an error thrown by onRow rejects the script once it ended, and the driver goes on',
    async run(driver) {
      let rows = 0;
      const error = await rejection(
        driver.transaction((tx) =>
          forEachRowOfScript(tx, [
            {
              sql: 'SELECT n FROM pg_catalog.generate_series(1, 50) AS n',
              onRow: () => {
                rows++;
                if (rows === 5) throw new Error('stop at five');
              },
            },
            { sql: 'SELECT 2 AS two', onRow: () => rows++ },
          ]),
        ),
        'a throwing onRow',
      );
      assert.equal((error as Error).message, 'stop at five');
      assert.equal(rows, 5);
      assert.deepStrictEqual((await driver.query('SELECT 5 AS five')).rows, [{ five: 5 }]);
    },
  },
  {
    name: 'a syntax error in a script of statements without rows names the failing statement, its position counted from its start',
    async run(driver) {
      const seen: string[] = [];
      const failing = "SELECT '🐘' AS two FROM WHERE";
      const error = await scriptFailure(
        driver,
        [
          { sql: "SET LOCAL application_name = '🐘 first'", onEnd: () => seen.push('first ended') },
          { sql: failing, onEnd: () => seen.push('failing ended') },
          { sql: 'SELECT 3 AS three' },
        ],
        'a syntax error in the second of three statements',
      );
      assert.equal(error.code, '42601');
      assert.equal(error.sql, failing);
      assert.equal(error.position, [..."SELECT '🐘' AS two FROM "].length + 1);
      assert.deepStrictEqual(seen, []);
    },
  },
];
