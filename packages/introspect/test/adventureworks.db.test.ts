import { readFileSync } from 'node:fs';
import { createPgDriver } from '@justscale/driver-pg';
import { type Snapshot, stableStringify } from '@justscale/schema';
import { requirePrerequisites, testDatabaseSource } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { introspect, snapshotHash } from '../src/index.js';
import { countingDriver, useDatabase } from './helpers.js';

// AdventureWorks for PostgreSQL (see the fixture's README): a real schema nobody here wrote,
// vendored in the repository's fixtures/ so a plain clone runs this test.
const FIXTURE = new URL('../../../fixtures/adventureworks/schema.sql', import.meta.url);

// A pg_dump file: no psql meta-commands. The extensions are created by createTestDatabase (from
// PGlite's contrib on PGlite), so the dump's CREATE EXTENSION IF NOT EXISTS lines do nothing.
const ctx = useDatabase(readFileSync(FIXTURE, 'utf8'), {}, { extensions: ['tablefunc', 'uuid-ossp'] });

function countComments(s: Snapshot): number {
  let n = 0;
  const add = (c: string | null) => {
    if (c !== null) n++;
  };
  for (const x of s.schemas) add(x.comment);
  for (const x of [...s.enums, ...s.domains, ...s.compositeTypes, ...s.sequences, ...s.indexes])
    add(x.comment);
  for (const t of s.tables) {
    add(t.comment);
    for (const c of t.columns) add(c.comment);
    for (const c of t.constraints) add(c.comment);
  }
  for (const v of s.views) {
    add(v.comment);
    n += Object.keys(v.columnComments).length;
  }
  for (const f of s.functions) add(f.comment);
  return n;
}

// pg sends the per-schema queries as one script; it needs a server (PGlite runs in this process).
const server = requirePrerequisites(
  it,
  { 'a PostgreSQL server, read through pg': (await testDatabaseSource()).kind !== 'pglite' },
  { strict: process.env.JUSTSCALE_TEST_TARGET === 'pglite' ? false : undefined },
);

describe('AdventureWorks', () => {
  it('introspects the whole schema with the counts of the fixture', () => {
    const s = ctx.snapshot;
    // Ten schemas in the dump (five with tables, five of short-named views) and public.
    expect(s.schemas.map((x) => x.name)).toEqual([
      'hr',
      'humanresources',
      'pe',
      'person',
      'pr',
      'production',
      'pu',
      'public',
      'purchasing',
      'sa',
      'sales',
    ]);
    expect(s.tables).toHaveLength(68);
    expect(s.views.filter((v) => !v.materialized)).toHaveLength(87);
    expect(s.views.filter((v) => v.materialized)).toHaveLength(2);
    expect(s.domains).toHaveLength(6);
    const constraints = s.tables.flatMap((t) => t.constraints);
    expect(constraints.filter((c) => c.kind === 'foreignKey')).toHaveLength(90);
    expect(constraints.filter((c) => c.kind === 'primaryKey')).toHaveLength(68);
    // 432 comments in the dump on schemas, tables and columns (its 2 extension comments are not
    // part of the model), and public's own 'standard public schema'.
    expect(countComments(s)).toBe(433);
    expect(s.extensions.map((x) => x.name)).toEqual(['tablefunc', 'uuid-ossp']);
    // Functions of tablefunc and uuid-ossp are extension members: none is listed.
    expect(s.functions.filter((f) => /^(crosstab|normal_rand|connectby|uuid_)/.test(f.name))).toEqual([]);
  });

  it('reads mixed-case quoted constraint names and deparsed checks as they are', () => {
    const names = ctx.snapshot.tables.flatMap((t) => t.constraints.map((c) => c.name));
    expect(names.some((n) => n !== n.toLowerCase())).toBe(true);
    const employee = ctx.snapshot.tables.find((t) => t.schema === 'humanresources' && t.name === 'employee');
    expect(employee?.constraints.filter((c) => c.kind === 'check').length).toBeGreaterThan(3);
  });

  it('is deterministic and takes the same fixed number of statements', async () => {
    // The transaction's settings, 19 catalog queries and the dependencies query's planner settings.
    const counted = countingDriver(ctx.db.driver);
    const again = await introspect(counted.driver);
    expect(snapshotHash(again)).toBe(snapshotHash(ctx.snapshot));
    expect(counted.count()).toBe(21);
  });

  it.skipIf(!server)(
    'reads the same snapshot through pg, the per-schema queries as one script (on a server)',
    async () => {
      const pg = createPgDriver(ctx.db.url!);
      try {
        for (const options of [{}, { privileges: true }]) {
          const counted = countingDriver(pg);
          const byScript = await introspect(counted.driver, options);
          expect(stableStringify(byScript)).toBe(stableStringify(await introspect(ctx.db.driver, options)));
          // The setup with version, schemas, then the rest as one script.
          expect(counted.trips()).toBe(3);
        }
      } finally {
        await pg.close();
      }
    },
  );
});
