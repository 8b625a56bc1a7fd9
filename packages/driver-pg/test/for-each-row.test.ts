import { createRequire } from 'node:module';
import { type DatabaseError, forEachRow, forEachRowOfScript, type Queryable } from '@justscale/driver';
import { describe, expect, it } from 'vitest';
// Relative: @justscale/testing depends on this package.
import { requirePrerequisites } from '../../testing/src/prerequisites.js';
import { createPgDriver, type PgClientLike, pgDriver } from '../src/index.js';

const require = createRequire(import.meta.url);

const url = process.env.DATABASE_URL;

const server = requirePrerequisites(it, {
  'DATABASE_URL (a postgres:// URL of a PostgreSQL server)': url?.startsWith('postgres') === true,
});

const SQL =
  "SELECT n::int8 AS big, n::int4 AS small, 'r' || n AS name, pg_catalog.json_build_array(n) AS j " +
  'FROM pg_catalog.generate_series(1, $1::int4) AS n';

describe.skipIf(!server)('forEachRow on a pg session (rows streamed, not collected)', () => {
  it('hands over the rows query returns, decoded the same way, in order', async () => {
    const driver = createPgDriver(url!);
    try {
      await driver.transaction(async (tx) => {
        expect(tx.forEachRow).toBeTypeOf('function');
        const seen: Record<string, unknown>[] = [];
        const count = await forEachRow(tx, SQL, [2500], (row) => seen.push(row));
        expect(count).toBe(2500);
        expect(seen).toEqual((await tx.query(SQL, [2500])).rows);
        expect(seen[0]).toEqual({ big: '1', small: 1, name: 'r1', j: [1] });
      });
    } finally {
      await driver.close();
    }
  });

  it('names the columns as query does: repeated names, quotes, __proto__, NULLs, no columns', async () => {
    const odd =
      'SELECT 1 AS a, 2 AS a, NULL::text AS "it\'s ""quoted""", 3 AS "__proto__", 4 AS "constructor", ' +
      '\'x\' AS "ünïcødé", NULL::int4[] AS arr, ARRAY[1, NULL]::int4[] AS arr2';
    const driver = createPgDriver(url!);
    try {
      await driver.transaction(async (tx) => {
        for (const sql of [odd, 'SELECT FROM pg_catalog.generate_series(1, 2)']) {
          const seen: Record<string, unknown>[] = [];
          await forEachRow(tx, sql, [], (row) => seen.push(row));
          const { rows } = await tx.query(sql, []);
          expect(seen).toEqual(rows);
          expect(seen.map((row) => Object.keys(row))).toEqual(rows.map((row) => Object.keys(row)));
        }
        const [row] = await (async () => {
          const seen: Record<string, unknown>[] = [];
          await forEachRow(tx, odd, [], (r) => seen.push(r));
          return seen;
        })();
        expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
        expect(Object.hasOwn(row!, '__proto__')).toBe(true);
        expect(row).toMatchObject({ a: 2, constructor: 4, ünïcødé: 'x', arr: null, arr2: [1, null] });
      });
    } finally {
      await driver.close();
    }
  });

  it("rejects with the server's error, and the session goes on", async () => {
    const driver = createPgDriver(url!);
    try {
      await driver.session(async (session) => {
        const error = await forEachRow(
          session,
          'SELECT 1 / (3 - n) AS x FROM pg_catalog.generate_series(1, 5) AS n',
          [],
          () => undefined,
        ).catch((e: DatabaseError) => e);
        expect((error as DatabaseError).code).toBe('22012');
        expect((await session.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
      });
    } finally {
      await driver.close();
    }
  });

  it("rejects with onRow's error once the statement ended, and the session goes on", async () => {
    const driver = createPgDriver(url!);
    try {
      await driver.session(async (session) => {
        let calls = 0;
        const error = await forEachRow(session, SQL, [100], () => {
          calls++;
          if (calls === 10) throw new Error('stop at ten');
        }).catch((e: Error) => e);
        expect((error as Error).message).toBe('stop at ten');
        expect(calls).toBe(10);
        expect((await session.query('SELECT 3 AS three')).rows).toEqual([{ three: 3 }]);
      });
    } finally {
      await driver.close();
    }
  });
});

describe.skipIf(!server)('forEachRow on a pg pool with query_timeout', () => {
  // pg gives every query its own callback then, and swallows a submitted query's error on expiry:
  // the adapter reads the rows the ordinary way.
  it('hands over the same rows, and rejects with the error', async () => {
    const driver = createPgDriver({ connectionString: url!, query_timeout: 30_000 });
    try {
      await driver.session(async (session) => {
        const seen: unknown[] = [];
        expect(await forEachRow(session, SQL, [300], (row) => seen.push(row))).toBe(300);
        expect(seen).toEqual((await session.query(SQL, [300])).rows);
        const error = await forEachRow(session, 'SELECT 1 / 0', [], () => undefined).catch(
          (e: DatabaseError) => e,
        );
        expect((error as DatabaseError).code).toBe('22012');
      });
    } finally {
      await driver.close();
    }
  });
});

describe('forEachRow on a queryable that cannot stream', () => {
  it("falls back to query's rows", async () => {
    const rows = [{ a: 1 }, { a: 2 }];
    const q: Queryable = {
      query: async () => ({ rows: rows as never[], rowCount: 2 }),
      exec: async () => undefined,
      transaction: (fn) => fn(q),
    };
    const seen: unknown[] = [];
    expect(await forEachRow(q, 'SELECT', [], (r) => seen.push(r))).toBe(2);
    expect(seen).toEqual(rows);
  });
});

describe.skipIf(!server)('forEachRowOfScript on a pg client (one round trip)', () => {
  // What pg writes to the server: a script is one Query message, statements run one by one are
  // a Parse (and Bind, Execute) each.
  async function withCountedClient(fn: (tx: Queryable, sent: Map<string, number>) => Promise<void>) {
    const pg = require('pg') as { Client: new (url: string) => PgClientLike & { connect(): Promise<void> } };
    const client = new pg.Client(url!);
    await client.connect();
    const connection = (client as unknown as { connection: Record<string, (...a: unknown[]) => unknown> })
      .connection;
    const sent = new Map<string, number>();
    for (const message of ['query', 'parse']) {
      const send = connection[message]!;
      connection[message] = function (this: unknown, ...args: unknown[]) {
        sent.set(message, (sent.get(message) ?? 0) + 1);
        return send.apply(this, args);
      };
    }
    const driver = pgDriver(client, { owned: true });
    try {
      await driver.transaction(async (tx) => {
        sent.clear();
        await fn(tx, sent);
      });
    } finally {
      await driver.close();
    }
  }

  it('sends the statements as one message and hands each its rows', async () => {
    await withCountedClient(async (tx, sent) => {
      expect(tx.forEachRowOfScript).toBeTypeOf('function');
      const seen: unknown[][] = [[], [], []];
      await forEachRowOfScript(tx, [
        { sql: SQL.replace('$1::int4', '2000'), onRow: (row) => seen[0]!.push(row) },
        { sql: "SET LOCAL work_mem = '8MB'" },
        { sql: "SELECT pg_catalog.current_setting('work_mem') AS w", onRow: (row) => seen[2]!.push(row) },
      ]);
      expect(Object.fromEntries(sent)).toEqual({ query: 1 });
      expect(seen[0]).toEqual((await tx.query(SQL, [2000])).rows);
      expect(seen[2]).toEqual([{ w: '8MB' }]);
    });
  });

  it('refuses an entry that holds more than one statement, after running the script', async () => {
    await withCountedClient(async (tx) => {
      const error = await forEachRowOfScript(tx, [
        { sql: 'SELECT 1 AS a; SELECT 2 AS b', onRow: () => undefined },
      ]).catch((e: Error) => e);
      expect((error as Error).message).toMatch(/a script of 1 statements gave 2 results/);
    });
  });
});

describe('forEachRowOfScript on a queryable that cannot send a script', () => {
  it('runs the statements one by one, rows through query, consecutive others as one exec', async () => {
    const calls: string[] = [];
    const q: Queryable = {
      query: async (sql) => {
        calls.push(`query ${sql}`);
        return { rows: [{ sql }] as never[], rowCount: 1 };
      },
      exec: async (sql) => {
        calls.push(`exec ${sql}`);
      },
      transaction: (fn) => fn(q),
    };
    await forEachRowOfScript(q, [
      {
        sql: 'SELECT a',
        onRow: (row) => calls.push(`row ${JSON.stringify(row)}`),
        onEnd: () => calls.push('end a'),
      },
      { sql: 'SET b -- a comment last', onEnd: () => calls.push('end b') },
      { sql: 'SET c', onEnd: () => calls.push('end c') },
      { sql: 'SELECT d', onRow: () => calls.push('row d') },
    ]);
    expect(calls).toEqual([
      'query SELECT a',
      'row {"sql":"SELECT a"}',
      'end a',
      'exec SET b -- a comment last\n;\nSET c',
      'end b',
      'end c',
      'query SELECT d',
      'row d',
    ]);
  });
});
