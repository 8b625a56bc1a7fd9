import type { Driver, Queryable, ScriptStatement } from '@justscale/driver';
import type { QualifiedName, Snapshot, Table } from '@justscale/schema';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from '@justscale/testing';
import { afterAll, beforeAll } from 'vitest';
import { introspect } from '../src/index.js';
import type { IntrospectOptions } from '../src/options.js';

/** The hostile identifiers every test suite uses. 63 bytes is PostgreSQL's limit. */
export const HOSTILE = {
  quote: 'a"b',
  dot: 'a.b',
  mixed: 'Mixed Case',
  keyword: 'select',
  unicode: 'ünïcödé',
  long: 'x'.repeat(63),
} as const;

/** `"a""b"`: for writing test DDL by hand (the code under test never builds SQL from names). */
export const q = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Applies `ddl` to a fresh database and returns its snapshot. */
export async function introspectDdl(
  ddl: string,
  options: IntrospectOptions = {},
  dbOptions: TestDatabaseOptions = {},
): Promise<Snapshot> {
  const db = await createTestDatabase(dbOptions);
  try {
    await db.driver.exec(ddl);
    return await introspect(db.driver, options);
  } finally {
    await db.close();
  }
}

/**
 * One fresh database for a whole test file (PGlite takes seconds to start): `ddl` is applied and
 * introspected once in `beforeAll`; the database stays open for further introspections until
 * `afterAll`. Read `ctx.db` and `ctx.snapshot` inside tests.
 */
export function useDatabase(
  ddl: string,
  options: IntrospectOptions = {},
  dbOptions: TestDatabaseOptions = {},
): { readonly db: TestDatabase; readonly snapshot: Snapshot } {
  const ctx: { db?: TestDatabase; snapshot?: Snapshot } = {};
  beforeAll(async () => {
    ctx.db = await createTestDatabase(dbOptions);
    await ctx.db.driver.exec(ddl);
    ctx.snapshot = await introspect(ctx.db.driver, options);
  });
  afterAll(async () => {
    await ctx.db?.close();
  });
  return {
    get db() {
      if (ctx.db === undefined) throw new Error('the database is not ready');
      return ctx.db;
    },
    get snapshot() {
      if (ctx.snapshot === undefined) throw new Error('the snapshot is not ready');
      return ctx.snapshot;
    },
  };
}

/** Runs `fn` with a fresh database, always closed. */
export async function withDatabase<T>(
  fn: (db: TestDatabase) => Promise<T>,
  dbOptions: TestDatabaseOptions = {},
): Promise<T> {
  const db = await createTestDatabase(dbOptions);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

function find<T extends QualifiedName>(list: readonly T[], schema: string, name: string, what: string): T {
  const found = list.find((x) => x.schema === schema && x.name === name);
  if (found === undefined) throw new Error(`no ${what} ${schema}.${name} in the snapshot`);
  return found;
}

export const tableOf = (s: Snapshot, schema: string, name: string): Table =>
  find(s.tables, schema, name, 'table');
export const byName = find;

/**
 * A driver that counts the statements sent through it (queries and scripts, inside transactions too)
 * and the round trips they took: a script sent whole (`forEachRowOfScript`) is one round trip for all
 * its statements.
 */
export function countingDriver(driver: Driver): { driver: Driver; count: () => number; trips: () => number } {
  let n = 0;
  let trips = 0;
  const one = () => {
    n++;
    trips++;
  };
  const wrap = (target: Queryable): Queryable => ({
    query: (sql, params) => {
      one();
      return target.query(sql, params);
    },
    exec: (sql) => {
      one();
      return target.exec(sql);
    },
    transaction: (fn) => target.transaction((tx) => fn(wrap(tx))),
    // Streamed statements count too (introspection reads its catalog queries this way).
    ...(target.forEachRow === undefined
      ? {}
      : {
          forEachRow: (sql: string, params: readonly unknown[], onRow: (row: never) => void) => {
            one();
            return target.forEachRow!(sql, params, onRow);
          },
        }),
    ...(target.forEachRowOfScript === undefined
      ? {}
      : {
          forEachRowOfScript: (statements: readonly ScriptStatement[]) => {
            n += statements.length;
            trips++;
            return target.forEachRowOfScript!(statements);
          },
        }),
  });
  const counted: Driver = {
    ...wrap(driver),
    name: driver.name,
    session: (fn) => driver.session((s) => fn(wrap(s))),
    serverVersion: () => driver.serverVersion(),
    close: () => driver.close(),
  };
  return { driver: counted, count: () => n, trips: () => trips };
}
