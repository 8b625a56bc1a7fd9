import assert from 'node:assert/strict';
import type { ConformanceCheck } from './check.js';
import { ident, ids, rejection, uniqueTable, withTable } from './check.js';

/** Multi-statement scripts, commit, rollback and savepoints. */
export const transactionChecks: readonly ConformanceCheck[] = [
  {
    name: 'exec runs a multi-statement script',
    async run(driver) {
      await withTable(driver, 'exec', async (table) => {
        await driver.exec(`INSERT INTO ${table} (id) VALUES (1); INSERT INTO ${table} (id) VALUES (2);
          UPDATE ${table} SET note = 'two' WHERE id = 2`);
        assert.deepStrictEqual((await driver.query(`SELECT id, note FROM ${table} ORDER BY id`)).rows, [
          { id: 1, note: null },
          { id: 2, note: 'two' },
        ]);
      });
    },
  },
  {
    name: 'exec of a failing script keeps none of it (one implicit transaction)',
    async run(driver) {
      await withTable(driver, 'exec-fail', async (table) => {
        const error = await rejection(
          driver.exec(
            `INSERT INTO ${table} (id) VALUES (1); SELECT 1 / 0; INSERT INTO ${table} (id) VALUES (2)`,
          ),
          'a script dividing by zero',
        );
        assert.equal((error as { code?: string }).code, '22012');
        assert.deepStrictEqual(await ids(driver, table), []);
      });
    },
  },
  {
    name: 'transaction commits when fn returns, and returns its value',
    async run(driver) {
      await withTable(driver, 'commit', async (table) => {
        const value = await driver.transaction(async (tx) => {
          await tx.query(`INSERT INTO ${table} (id) VALUES ($1), ($2)`, [1, 2]);
          await tx.exec(`INSERT INTO ${table} (id) VALUES (3)`);
          return 'done';
        });
        assert.equal(value, 'done');
        assert.deepStrictEqual(await ids(driver, table), [1, 2, 3]);
      });
    },
  },
  {
    name: 'transaction rolls back when fn throws, and rethrows the same error',
    async run(driver) {
      await withTable(driver, 'rollback', async (table) => {
        const thrown = new Error('fn failed');
        const extra = uniqueTable('extra');
        const error = await rejection(
          driver.transaction(async (tx) => {
            await tx.query(`INSERT INTO ${table} (id) VALUES (1)`);
            await tx.exec(`CREATE TABLE ${ident(extra)} (id int)`);
            throw thrown;
          }),
          'a transaction whose fn throws',
        );
        assert.equal(error, thrown);
        assert.deepStrictEqual(await ids(driver, table), []);
        const created = await driver.query('SELECT 1 FROM pg_catalog.pg_class WHERE relname = $1', [extra]);
        assert.equal(created.rowCount, 0, 'DDL inside the transaction must be rolled back too');
      });
    },
  },
  {
    name: 'transaction rolls back when a statement fails, and rethrows the database error',
    async run(driver) {
      await withTable(driver, 'rollback-db', async (table) => {
        const error = await rejection(
          driver.transaction(async (tx) => {
            await tx.query(`INSERT INTO ${table} (id) VALUES (1)`);
            await tx.query(`INSERT INTO ${table} (id) VALUES (1)`);
          }),
          'a transaction inserting a duplicate',
        );
        assert.equal((error as { code?: string }).code, '23505');
        assert.deepStrictEqual(await ids(driver, table), []);
        // The driver is still usable after the failed transaction.
        await driver.transaction((tx) => tx.query(`INSERT INTO ${table} (id) VALUES (7)`));
        assert.deepStrictEqual(await ids(driver, table), [7]);
      });
    },
  },
  {
    name: 'a nested transaction is a savepoint: its rollback keeps the outer work',
    async run(driver) {
      await withTable(driver, 'savepoint', async (table) => {
        const inner = new Error('inner failed');
        await driver.transaction(async (tx) => {
          await tx.query(`INSERT INTO ${table} (id) VALUES (1)`);
          const error = await rejection(
            tx.transaction(async (sp) => {
              await sp.query(`INSERT INTO ${table} (id) VALUES (2)`);
              await sp.query(`INSERT INTO ${table} (id) VALUES (2)`); // fails: the transaction would be aborted
            }),
            'a savepoint inserting a duplicate',
          );
          assert.equal((error as { code?: string }).code, '23505');
          await rejection(
            tx.transaction(async (sp) => {
              await sp.query(`INSERT INTO ${table} (id) VALUES (3)`);
              throw inner;
            }),
            'a savepoint whose fn throws',
          );
          await tx.transaction(async (sp) => {
            await sp.query(`INSERT INTO ${table} (id) VALUES (4)`);
            await sp.transaction((deeper) => deeper.query(`INSERT INTO ${table} (id) VALUES (5)`));
          });
          await tx.query(`INSERT INTO ${table} (id) VALUES (6)`);
        });
        assert.deepStrictEqual(await ids(driver, table), [1, 4, 5, 6]);
      });
    },
  },
  {
    name: 'an outer rollback also undoes released savepoints',
    async run(driver) {
      await withTable(driver, 'outer-rollback', async (table) => {
        await rejection(
          driver.transaction(async (tx) => {
            await tx.transaction((sp) => sp.query(`INSERT INTO ${table} (id) VALUES (1)`));
            throw new Error('outer failed');
          }),
          'an outer transaction that throws',
        );
        assert.deepStrictEqual(await ids(driver, table), []);
      });
    },
  },
];
