import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../src/index.js';

const target = process.env.JUSTSCALE_TEST_TARGET;
const expectedKind = target === 'pglite' ? 'pglite' : process.env.DATABASE_URL ? 'server' : undefined;

describe('createTestDatabase', () => {
  it('gives an empty database of the configured kind, with a working driver', async () => {
    const db = await createTestDatabase();
    try {
      if (expectedKind) {
        expect(db.kind).toBe(expectedKind);
      }
      expect(db.url === null).toBe(db.kind === 'pglite');
      const { rows } = await db.driver.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'public'",
      );
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  });

  it('gives each test its own database, and drops it on close', async () => {
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    try {
      await a.driver.exec('CREATE TABLE "Mixed Case" (id int)');
      const seen = await b.driver.query(`SELECT 1 FROM pg_catalog.pg_class WHERE relname = 'Mixed Case'`);
      expect(seen.rowCount).toBe(0);
      if (a.kind !== 'pglite') {
        const name = (await a.driver.query<{ d: string }>('SELECT current_database() AS d')).rows[0]!.d;
        await a.close();
        const left = await b.driver.query('SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1', [name]);
        expect(left.rowCount).toBe(0);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('creates the extensions asked for', async () => {
    const db = await createTestDatabase({ extensions: ['citext', 'uuid-ossp', 'pgcrypto', 'tablefunc'] });
    try {
      const { rows } = await db.driver.query<{ eq: boolean; v: number }>(
        "SELECT 'ABC'::citext = 'abc'::citext AS eq, length(uuid_generate_v4()::text) + length(gen_random_bytes(4)) AS v",
      );
      expect(rows).toEqual([{ eq: true, v: 40 }]);
      const cross = await db.driver.query(
        "SELECT * FROM crosstab('SELECT 1, ''a'', 2 UNION ALL SELECT 1, ''b'', 3 ORDER BY 1, 2') AS t(id int, a int, b int)",
      );
      expect(cross.rows).toEqual([{ id: 1, a: 2, b: 3 }]);
    } finally {
      await db.close();
    }
  });

  it('refuses an extension PGlite does not have', async () => {
    await expect(createTestDatabase({ target: 'pglite', extensions: ['no_such_extension'] })).rejects.toThrow(
      /no_such_extension/,
    );
  });
});
