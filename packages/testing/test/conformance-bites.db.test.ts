import { DatabaseError, type Driver, type Queryable } from '@justscale/driver';
import { type CheckContext, conformanceCheck } from '@justscale/driver/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/index.js';

// The conformance suite must catch a broken adapter: each test breaks one behaviour of a real driver
// and runs the check for it, which must pass on the real driver and fail on the broken one.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

function wrap(d: Driver, overrides: Partial<Driver>): Driver {
  return {
    name: `broken ${d.name}`,
    query: (sql, params) => d.query(sql, params),
    exec: (sql) => d.exec(sql),
    transaction: (fn) => d.transaction(fn),
    session: (fn) => d.session(fn),
    serverVersion: () => d.serverVersion(),
    close: () => d.close(),
    ...overrides,
  };
}

const context = (make: () => Promise<Driver>): CheckContext => ({ createDriver: make });

/** The check passes on the real driver and fails on the broken one, for the reason `because` names. */
async function expectCheck(
  name: string,
  real: Driver,
  broken: Driver,
  because: RegExp,
  brokenContext?: CheckContext,
) {
  const check = conformanceCheck(name);
  await check.run(real, { createDriver: async () => real });
  await expect(check.run(broken, brokenContext ?? { createDriver: async () => broken })).rejects.toThrow(
    because,
  );
}

// Nested transactions run in the same transaction, without a savepoint.
function withoutSavepoints(tx: Queryable): Queryable {
  return {
    query: (sql, params) => tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
    transaction: (fn) => fn(withoutSavepoints(tx)),
  };
}

function stripped(error: unknown): unknown {
  return error instanceof DatabaseError
    ? new DatabaseError(error.message, { code: error.code, cause: error })
    : error;
}

describe('the conformance suite fails a broken driver', () => {
  it('whose transaction does not roll back', async () => {
    const broken = wrap(db.driver, { transaction: (fn) => fn(db.driver) });
    await expectCheck(
      'transaction rolls back when fn throws, and rethrows the same error',
      db.driver,
      broken,
      /deep-equal/,
    );
  });

  it('whose nested transaction is not a savepoint', async () => {
    const broken = wrap(db.driver, {
      transaction: (fn) => db.driver.transaction((tx) => fn(withoutSavepoints(tx))),
    });
    await expectCheck(
      'a nested transaction is a savepoint: its rollback keeps the outer work',
      db.driver,
      broken,
      /current transaction is aborted/,
    );
  });

  it('whose session does not pin a connection', async () => {
    const broken = wrap(db.driver, { session: (fn) => fn(db.driver) });
    // With a pool, concurrent queries of the "session" land on several backends. With PGlite's single
    // connection the backend is always the same, but a second session no longer waits for the first
    // and takes the advisory lock the first one holds.
    const name =
      db.kind === 'pglite'
        ? 'an advisory lock taken in session is held by that connection until the session ends'
        : 'session pins one connection for the whole callback, even for concurrent queries';
    await expectCheck(
      name,
      db.driver,
      broken,
      db.kind === 'pglite' ? /advisory lock/ : /every query of a session runs on one backend/,
    );
  });

  it('whose errors lose PostgreSQL fields', async () => {
    const broken = wrap(db.driver, {
      query: async <R>(sql: string, params?: readonly unknown[]) => {
        try {
          return await db.driver.query<R>(sql, params);
        } catch (error) {
          throw stripped(error);
        }
      },
      exec: async (sql) => {
        try {
          await db.driver.exec(sql);
        } catch (error) {
          throw stripped(error);
        }
      },
    });
    await expectCheck(
      'a unique violation carries code 23505, constraint, table, schema, detail and the SQL',
      db.driver,
      broken,
      /DatabaseError\.constraint/,
    );
    await expectCheck(
      'a syntax error carries code 42601 and the position in the SQL',
      db.driver,
      broken,
      /DatabaseError\.position/,
    );
  });

  it('whose values are not normalised', async () => {
    const broken = wrap(db.driver, {
      query: async (sql, params) => {
        const result = await db.driver.query(sql, params);
        const rows = result.rows.map((row) =>
          Object.fromEntries(
            Object.entries(row as object).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
          ),
        );
        return { rows, rowCount: result.rowCount } as never;
      },
    });
    await expectCheck(
      'binds parameters and normalises results of every common type',
      db.driver,
      broken,
      /timestamptz from/,
    );
  });

  it('whose close() does nothing', async () => {
    const check = conformanceCheck(
      'close() releases every handle it opened, so the process can exit, and later calls fail',
    );
    const created: TestDatabase[] = [];
    const brokenContext = context(async () => {
      const other = await createTestDatabase();
      created.push(other);
      return wrap(other.driver, { close: async () => undefined });
    });
    try {
      await expect(check.run(db.driver, brokenContext)).rejects.toThrow(
        // PGlite opens no socket: what its do-nothing close() leaves is a driver that still answers.
        db.kind === 'pglite' ? /a query after close\(\) to fail/ : /handles still open after close\(\)/,
      );
    } finally {
      for (const other of created) {
        await other.close();
      }
    }
  });
});
