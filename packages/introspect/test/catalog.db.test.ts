import { createPgDriver } from '@justscale/driver-pg';
import { stableStringify } from '@justscale/schema';
import { requirePrerequisites, testDatabaseSource } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { introspect, introspectCatalog, objectsNotModelled } from '../src/index.js';
import { HOSTILE, q, useDatabase } from './helpers.js';

// Objects of kinds the snapshot leaves out, in a read schema and in an excluded one.
const ctx = useDatabase(`
  CREATE SCHEMA ${q(HOSTILE.mixed)};
  CREATE TABLE ${q(HOSTILE.mixed)}.t (a int, b int);
  CREATE TEXT SEARCH CONFIGURATION ${q(HOSTILE.mixed)}.my_en (COPY = pg_catalog.english);
  CREATE AGGREGATE ${q(HOSTILE.mixed)}.total (int) (SFUNC = int4pl, STYPE = int);
  CREATE STATISTICS ${q(HOSTILE.mixed)}.ab ON a, b FROM ${q(HOSTILE.mixed)}.t;
  CREATE SCHEMA hidden;
  CREATE TEXT SEARCH CONFIGURATION hidden.other_en (COPY = pg_catalog.english);
`);

const server = requirePrerequisites(
  it,
  { 'a PostgreSQL server, read through pg': (await testDatabaseSource()).kind !== 'pglite' },
  { strict: process.env.JUSTSCALE_TEST_TARGET === 'pglite' ? false : undefined },
);

const options = { excludeSchemas: ['hidden'], privileges: true };

describe('introspectCatalog', () => {
  it('reads the snapshot, the objects it leaves out and the version, as the separate calls do', async () => {
    const catalog = await introspectCatalog(ctx.db.driver, options);
    expect(stableStringify(catalog.snapshot)).toBe(stableStringify(await introspect(ctx.db.driver, options)));
    expect(catalog.serverVersion).toBe((await ctx.db.driver.serverVersion()).num);
    const kinds = catalog.notModelled.map((o) => o.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['aggregate', 'statistics object', 'text search configuration']),
    );
    expect(catalog.notModelled).toContainEqual({
      kind: 'text search configuration',
      name: `${HOSTILE.mixed}.my_en`,
    });
    // The excluded schema's objects are not reported.
    expect(catalog.notModelled.some((o) => o.name.startsWith('hidden.'))).toBe(false);
    // The standalone query reports the same objects (an aggregate's arguments are spelt under the
    // caller's search_path there, schema-qualified in the catalog's read).
    const alone = await objectsNotModelled(ctx.db.driver, options);
    expect(alone.map((o) => o.kind)).toEqual(kinds);
    expect(alone.filter((o) => o.kind !== 'aggregate')).toEqual(
      catalog.notModelled.filter((o) => o.kind !== 'aggregate'),
    );
  });

  it.skipIf(!server)('reads the same through pg, on one session and on three', async () => {
    const expected = await introspectCatalog(ctx.db.driver, options);
    const pg = createPgDriver(ctx.db.url!);
    try {
      for (const parallel of [false, true]) {
        const catalog = await introspectCatalog(pg, { ...options, parallel });
        expect(stableStringify(catalog)).toBe(stableStringify(expected));
      }
    } finally {
      await pg.close();
    }
  });
});
