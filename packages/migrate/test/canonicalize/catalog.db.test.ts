import { introspect } from '@justscale/introspect';
import { type EnumDef, type ModelLike, modelsToSnapshot } from '@justscale/models';
import type { Snapshot } from '@justscale/schema';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allTypes,
  allTypesDdl,
  blogDdl,
  HostileTable,
  hostileDdl,
  PgPost,
  PgUser,
} from '../../../models/test/sample-models.js';
import { canonicalizeSnapshot } from '../../src/canonicalize/index.js';

// Each case: models, and the same schema written by hand in plain DDL. The DDL is run on a real
// PostgreSQL and introspected; the models, canonicalised, must equal it: names, types, defaults
// and expressions in PostgreSQL's own spelling.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const part = (s: Snapshot) => ({ enums: s.enums, tables: s.tables, indexes: s.indexes });

async function fromDdl(ddl: string, schemas: string[]): Promise<Snapshot> {
  for (const s of schemas) await db.driver.exec(`DROP SCHEMA IF EXISTS "${s}" CASCADE; CREATE SCHEMA "${s}"`);
  await db.driver.exec(ddl);
  return introspect(db.driver, { schemas });
}

const cases: { name: string; items: (ModelLike | EnumDef)[]; ddl: string; schemas: string[] }[] = [
  { name: 'every builder with a literal default', items: [allTypes], ddl: allTypesDdl, schemas: ['public'] },
  {
    name: 'users and posts: keys, checks, identity, generated, indexes',
    items: [PgUser, PgPost],
    ddl: blogDdl,
    schemas: ['public'],
  },
  {
    name: 'hostile names, long names, other schema',
    items: [HostileTable],
    ddl: hostileDdl,
    schemas: ['Mixed Case'],
  },
];

describe('canonicalizeSnapshot(models) equals what PostgreSQL reports for the same schema in plain SQL', () => {
  it.each(cases)('$name', async ({ items, ddl, schemas }) => {
    const actual = await fromDdl(ddl, schemas);
    const canonical = await canonicalizeSnapshot(db.driver, modelsToSnapshot(...items));
    expect(part(canonical)).toEqual(part(actual));
  });
});
