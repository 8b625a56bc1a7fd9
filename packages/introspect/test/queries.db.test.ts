import { normalizeSnapshot, stableStringify } from '@justscale/schema';
import { describe, expect, it } from 'vitest';
import { introspect, snapshotHash } from '../src/index.js';
import { countingDriver, HOSTILE, q, useDatabase } from './helpers.js';

// One statement opens the transaction (SET TRANSACTION + SET LOCAL search_path), then one query
// per catalog file: version, schemas, lookups, 15 object kinds and dependencies (after one statement
// that sets its planner settings); grants add one when asked for.
const STATEMENTS = 21;

function bigSchema(n: number): string {
  const parts = [`CREATE SCHEMA big; CREATE TYPE big.state AS ENUM ('a', 'b');`];
  for (let i = 0; i < n; i++) {
    parts.push(`
      CREATE TABLE big.t${i} (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        parent bigint ${i > 0 ? `REFERENCES big.t${i - 1}` : ''},
        name text NOT NULL CHECK (name <> ''),
        state big.state DEFAULT 'a',
        tags text[],
        at timestamptz DEFAULT now()
      );
      CREATE INDEX ON big.t${i} (name, at DESC) WHERE state = 'a';
      CREATE INDEX ON big.t${i} USING gin (tags);
      COMMENT ON TABLE big.t${i} IS 'table ${i}';
      CREATE VIEW big.v${i} AS SELECT id, name FROM big.t${i};`);
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

    await ctx.db.driver.exec(bigSchema(50));
    const large = countingDriver(ctx.db.driver);
    const after = await introspect(large.driver);
    expect(after.tables).toHaveLength(51);
    expect(after.indexes).toHaveLength(100);
    expect(after.views).toHaveLength(50);
    expect(large.count()).toBe(STATEMENTS);

    const withGrants = countingDriver(ctx.db.driver);
    await introspect(withGrants.driver, { privileges: true });
    expect(withGrants.count()).toBe(STATEMENTS + 1);
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
