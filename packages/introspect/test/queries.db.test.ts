import type { Driver } from '@justscale/driver';
import { createPgDriver } from '@justscale/driver-pg';
import { normalizeSnapshot, stableStringify } from '@justscale/schema';
import { requirePrerequisites, testDatabaseSource } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { introspect, snapshotHash } from '../src/index.js';
import { countingDriver, HOSTILE, q, useDatabase } from './helpers.js';

// Statement by statement (the tests' own drivers): one script opens the transaction (SET TRANSACTION
// and the SET LOCALs), then one query per catalog file: version, schemas, lookups, 15 object kinds and
// dependencies (after one script of its planner settings); grants add one when asked for.
const STATEMENTS = 21;
// The tests' own drivers (postgres.js, PGlite) run a script's statements one by one; pg sends the
// per-schema queries as one script (see 'one script' below).
// pg sends scripts; a server is needed for it (PGlite runs in this process).
const server = requirePrerequisites(
  it,
  { 'a PostgreSQL server, read through pg': (await testDatabaseSource()).kind !== 'pglite' },
  { strict: process.env.JUSTSCALE_TEST_TARGET === 'pglite' ? false : undefined },
);
const tripsOf = (driver: Driver, statements: number) =>
  driver.forEachRowOfScript === undefined ? statements : 4;

function bigSchema(n: number, schema = 'big'): string {
  const big = schema;
  const parts = [`CREATE SCHEMA ${big}; CREATE TYPE ${big}.state AS ENUM ('a', 'b');`];
  for (let i = 0; i < n; i++) {
    parts.push(`
      CREATE TABLE ${big}.t${i} (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        parent bigint ${i > 0 ? `REFERENCES ${big}.t${i - 1}` : ''},
        name text NOT NULL CHECK (name <> ''),
        state ${big}.state DEFAULT 'a',
        tags text[],
        at timestamptz DEFAULT now()
      );
      CREATE INDEX ON ${big}.t${i} (name, at DESC) WHERE state = 'a';
      CREATE INDEX ON ${big}.t${i} USING gin (tags);
      COMMENT ON TABLE ${big}.t${i} IS 'table ${i}';
      CREATE VIEW ${big}.v${i} AS SELECT id, name FROM ${big}.t${i};`);
  }
  return parts.join('\n');
}

const ctx = useDatabase(`
  CREATE SCHEMA ${q(HOSTILE.mixed)};
  CREATE TABLE ${q(HOSTILE.mixed)}.${q(HOSTILE.quote)} (id int PRIMARY KEY, v text);
`);

describe('the number of queries', () => {
  it('is fixed, whatever the size of the schema', async () => {
    const small = countingDriver(ctx.db.driver);
    const before = await introspect(small.driver);
    expect(before.tables).toHaveLength(1);
    expect(small.count()).toBe(STATEMENTS);
    expect(small.trips()).toBe(tripsOf(ctx.db.driver, STATEMENTS));

    await ctx.db.driver.exec(bigSchema(50));
    const large = countingDriver(ctx.db.driver);
    const after = await introspect(large.driver);
    expect(after.tables).toHaveLength(51);
    expect(after.indexes).toHaveLength(100);
    expect(after.views).toHaveLength(50);
    expect(large.count()).toBe(STATEMENTS);
    expect(large.trips()).toBe(tripsOf(ctx.db.driver, STATEMENTS));

    const withGrants = countingDriver(ctx.db.driver);
    await introspect(withGrants.driver, { privileges: true });
    expect(withGrants.count()).toBe(STATEMENTS + 1);
    expect(withGrants.trips()).toBe(tripsOf(ctx.db.driver, STATEMENTS + 1));
  });
});

describe('reading over three sessions', () => {
  it('gives the same snapshot, in a fixed number of statements', async () => {
    const sequential = await introspect(ctx.db.driver);
    const counted = countingDriver(ctx.db.driver);
    const parallel = await introspect(counted.driver, { parallel: true });
    expect(stableStringify(parallel)).toBe(stableStringify(sequential));
    // On a server: pg_export_snapshot() and the setup of the two other sessions; PGlite reads on one.
    expect(counted.count()).toBe(ctx.db.kind === 'pglite' ? STATEMENTS : STATEMENTS + 3);
  });
});

describe.skipIf(!server)('one script (pg, on a server)', () => {
  it('reads the per-schema queries in one round trip, into the same snapshot', async () => {
    await ctx.db.driver.exec(bigSchema(20, 'script'));
    const pg = createPgDriver(ctx.db.url!);
    try {
      for (const options of [{}, { privileges: true }]) {
        const byStatement = await introspect(ctx.db.driver, options);
        const counted = countingDriver(pg);
        const byScript = await introspect(counted.driver, options);
        expect(stableStringify(byScript)).toBe(stableStringify(byStatement));
        expect(byScript.tables.filter((t) => t.schema === 'script')).toHaveLength(20);
        // The setup with version, schemas, then every per-schema query in one script.
        expect(counted.trips()).toBe(3);
        const parallel = countingDriver(pg);
        expect(stableStringify(await introspect(parallel.driver, { ...options, parallel: true }))).toBe(
          stableStringify(byStatement),
        );
        // The first session: the setup with version, schemas, the export, its script; each other
        // one: its setup (adopting the snapshot) and its script.
        expect(parallel.trips()).toBe(8);
      }
    } finally {
      await pg.close();
    }
  });
});

describe('determinism', () => {
  it('gives byte-identical JSON and the same hash on two runs, and a new hash after a change', async () => {
    const a = await introspect(ctx.db.driver);
    const b = await introspect(ctx.db.driver);
    expect(stableStringify(a)).toBe(stableStringify(b));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(snapshotHash(a)).toBe(snapshotHash(b));
    expect(snapshotHash(a)).toMatch(/^[0-9a-f]{64}$/);

    await ctx.db.driver.exec(`COMMENT ON COLUMN ${q(HOSTILE.mixed)}.${q(HOSTILE.quote)}.v IS 'changed'`);
    const c = await introspect(ctx.db.driver);
    expect(snapshotHash(c)).not.toBe(snapshotHash(a));
  });

  it('returns plain, normalised, JSON-serialisable data', async () => {
    const s = await introspect(ctx.db.driver);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(stableStringify(normalizeSnapshot(s))).toBe(stableStringify(s));
  });
});
