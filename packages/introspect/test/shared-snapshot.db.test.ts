import { createPgDriver } from '@justscale/driver-pg';
import { stableStringify } from '@justscale/schema';
import { requirePrerequisites, testDatabaseSource } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspect } from '../src/index.js';
import { HOSTILE, q, useDatabase } from './helpers.js';

// The parallel read needs more than one connection and a snapshot it can share. Where either is
// refused, it reads on one session and gives the same snapshot. On a server only: PGlite reads on
// one session whatever the options say.
const separateSessions = (await testDatabaseSource()).kind !== 'pglite';
const server = requirePrerequisites(
  it,
  { 'a PostgreSQL server: roles, connection limits and exported snapshots': separateSessions },
  { strict: process.env.JUSTSCALE_TEST_TARGET === 'pglite' ? false : undefined },
);

const ctx = useDatabase(`
  CREATE SCHEMA ${q(HOSTILE.mixed)};
  CREATE TABLE ${q(HOSTILE.mixed)}.${q(HOSTILE.quote)} (id int PRIMARY KEY, v text DEFAULT 'x');
  CREATE INDEX ON ${q(HOSTILE.mixed)}.${q(HOSTILE.quote)} (v);
  CREATE VIEW ${q(HOSTILE.mixed)}.v AS SELECT id FROM ${q(HOSTILE.mixed)}.${q(HOSTILE.quote)};
`);

describe.skipIf(!server)('the parallel read where a snapshot cannot be shared (server)', () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const limited = `introspect one connection ${suffix}`;
  const unexporting = `introspect no export ${suffix}`;

  const urlAs = (role: string): string => {
    const url = new URL(ctx.db.url!);
    url.username = encodeURIComponent(role);
    return url.toString();
  };

  beforeAll(async () => {
    await ctx.db.driver.exec(`
      CREATE ROLE ${q(limited)} LOGIN CONNECTION LIMIT 1;
      CREATE ROLE ${q(unexporting)} LOGIN;
      REVOKE EXECUTE ON FUNCTION pg_catalog.pg_export_snapshot() FROM PUBLIC;
    `);
  });

  afterAll(async () => {
    await ctx.db.driver.exec(`
      GRANT EXECUTE ON FUNCTION pg_catalog.pg_export_snapshot() TO PUBLIC;
      DROP ROLE IF EXISTS ${q(limited)};
      DROP ROLE IF EXISTS ${q(unexporting)};
    `);
  });

  /** The parallel and the one-session read as `role`, and the snapshot read by the test's own driver. */
  async function readAs(role: string) {
    const driver = createPgDriver(urlAs(role));
    try {
      const parallel = await introspect(driver, { parallel: true });
      const single = await introspect(driver);
      return { parallel, single, owner: await introspect(ctx.db.driver) };
    } finally {
      await driver.close();
    }
  }

  it('reads on one session when no second connection is allowed (CONNECTION LIMIT 1)', async () => {
    const { parallel, single, owner } = await readAs(limited);
    expect(stableStringify(parallel)).toBe(stableStringify(single));
    expect(stableStringify(parallel)).toBe(stableStringify(owner));
    expect(parallel.tables.map((t) => t.name)).toEqual([HOSTILE.quote]);
    expect(parallel.views).toHaveLength(1);
  });

  it('reads on one session when pg_export_snapshot() is refused', async () => {
    const { parallel, single, owner } = await readAs(unexporting);
    expect(stableStringify(parallel)).toBe(stableStringify(single));
    expect(stableStringify(parallel)).toBe(stableStringify(owner));
    expect(parallel.indexes).toHaveLength(1);
  });
});

describe.skipIf(!server)('the parallel read over one connection (server)', () => {
  it('reads on it when the driver can hold one session at a time (a pg Pool of max 1), rather than wait for itself', async () => {
    const driver = createPgDriver({ connectionString: ctx.db.url!, max: 1 });
    try {
      expect(driver.maxSessions).toBe(1);
      const parallel = await Promise.race([
        introspect(driver, { parallel: true }),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('the parallel read waited for itself')), 10_000),
        ),
      ]);
      expect(stableStringify(parallel)).toBe(stableStringify(await introspect(ctx.db.driver)));
      expect(parallel.tables.map((t) => t.name)).toEqual([HOSTILE.quote]);
    } finally {
      await driver.close();
    }
  });
});
