import { createRequire } from 'node:module';
import { forEachRow } from '@justscale/driver';
import { describe, expect, it } from 'vitest';
// Relative: @justscale/testing depends on this package.
import { requirePrerequisites } from '../../testing/src/prerequisites.js';
import { createPgDriver, type PgPoolLike, pgDriver } from '../src/index.js';

const url = process.env.DATABASE_URL;

const server = requirePrerequisites(it, {
  'DATABASE_URL (a postgres:// URL of a PostgreSQL server)': url?.startsWith('postgres') === true,
});

const require = createRequire(import.meta.url);

/**
 * Another copy of pg, as a user's project or the `justscale` binary's bundled pg has: its modules
 * evaluated afresh, so its classes are not the ones this package would load.
 */
function anotherPg(): { Pool: new (o: object) => PgPoolLike; Query: unknown } {
  const ours = require('pg') as { Pool: unknown; Query: unknown };
  const saved = { ...require.cache };
  for (const key of Object.keys(require.cache))
    if (/[\\/]node_modules[\\/]pg/.test(key)) delete require.cache[key];
  try {
    const copy = require('pg') as { Pool: new (o: object) => PgPoolLike; Query: unknown };
    expect(copy.Pool).not.toBe(ours.Pool);
    expect(copy.Query).not.toBe(ours.Query);
    return copy;
  } finally {
    Object.assign(require.cache, saved);
  }
}

const SQL = 'SELECT n::int4 AS n FROM pg_catalog.generate_series(1, $1::int4) AS n';

describe.skipIf(!server)('pg from another copy than this package loads', () => {
  it("a user's Pool of another copy: sessions know their pid and stream rows with that copy's Query", async () => {
    const pg = anotherPg();
    const pool = new pg.Pool({ connectionString: url });
    const driver = pgDriver(pool);
    try {
      await driver.session(async (session) => {
        const { rows } = await session.query<{ pid: number }>('SELECT pg_catalog.pg_backend_pid() AS pid');
        expect(session.pid).toBe(rows[0]!.pid);
        const seen: number[] = [];
        expect(await forEachRow(session, SQL, [300], (row: { n: number }) => seen.push(row.n))).toBe(300);
        expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
      });
    } finally {
      await driver.close();
      await pool.end();
    }
  });

  it('createPgDriver({ loadPg }) makes its Pool with the pg it is given', async () => {
    const pg = anotherPg();
    let made = 0;
    const Pool = class extends (pg.Pool as new (o: object) => object) {
      constructor(options: object) {
        super(options);
        made++;
      }
    };
    const driver = createPgDriver(url!, { loadPg: () => ({ ...pg, Pool }) });
    try {
      expect(made).toBe(1);
      expect((await driver.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      // A session that runs nothing opens a connection and hands it back as it is.
      await driver.session(async () => undefined);
      await driver.session(async (session) => {
        const seen: number[] = [];
        await forEachRow(session, SQL, [3], (row: { n: number }) => seen.push(row.n));
        expect(seen).toEqual([1, 2, 3]);
      });
    } finally {
      await driver.close();
    }
  });
});
