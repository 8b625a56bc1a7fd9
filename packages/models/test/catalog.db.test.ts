import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { introspect } from '@justscale/introspect';
import type { Snapshot } from '@justscale/schema';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EnumDef, type ModelLike, modelsToSnapshot, snapshotToModelsSource } from '../src/index.js';
import { allTypes, allTypesDdl, blogDdl, HostileTable, hostileDdl, PgPost, PgUser } from './sample-models.js';

// Each case: models, and the same schema written by hand in plain DDL. The DDL is run on a real
// PostgreSQL, introspected, and compared with the models' snapshot: names, types, defaults and
// expressions must be PostgreSQL's own.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
const dirs: string[] = [];
afterAll(async () => {
  await db?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Pulls models from a snapshot, imports them and snapshots them again. */
async function pulled(input: Snapshot): Promise<Snapshot> {
  const dir = await mkdtemp(join(import.meta.dirname, '.pull-'));
  dirs.push(dir);
  const file = join(dir, 'models.ts');
  await writeFile(file, snapshotToModelsSource(input, { importFrom: '../../src/index.js' }));
  const mod = (await import(file)) as Record<string, ModelLike | EnumDef>;
  return modelsToSnapshot(...Object.values(mod));
}

const part = (s: Snapshot) => ({ enums: s.enums, tables: s.tables, indexes: s.indexes });

async function fromDdl(ddl: string, schemas: string[]): Promise<Snapshot> {
  for (const s of schemas) await db.driver.exec(`DROP SCHEMA IF EXISTS "${s}" CASCADE; CREATE SCHEMA "${s}"`);
  await db.driver.exec(ddl);
  return introspect(db.driver, { schemas });
}

const cases: {
  name: string;
  items: (ModelLike | EnumDef)[];
  ddl: string;
  schemas: string[];
  pure: boolean;
}[] = [
  {
    name: 'every builder with a literal default',
    items: [allTypes],
    ddl: allTypesDdl,
    schemas: ['public'],
    pure: true,
  },
  {
    name: 'users and posts: keys, checks, identity, generated, indexes',
    items: [PgUser, PgPost],
    ddl: blogDdl,
    schemas: ['public'],
    pure: false,
  },
  {
    name: 'hostile names, long names, other schema',
    items: [HostileTable],
    ddl: hostileDdl,
    schemas: ['Mixed Case'],
    pure: false,
  },
];

describe('modelsToSnapshot equals what PostgreSQL reports for the same schema written in plain SQL', () => {
  it.each(cases)('$name', async ({ items, ddl, schemas, pure }) => {
    const actual = await fromDdl(ddl, schemas);
    const desired = modelsToSnapshot(...items);
    // Canonical spelling (the same models through canonicalizeSnapshot) is checked in
    // packages/migrate/test/canonicalize/catalog.db.test.ts.
    if (pure) expect(part(desired)).toEqual(part(actual));
    else
      expect(desired.tables.map((t) => t.constraints.map((c) => c.name))).toEqual(
        actual.tables.map((t) => t.constraints.map((c) => c.name)),
      );
    expect(desired.indexes.map((i) => i.name)).toEqual(actual.indexes.map((i) => i.name));
  });

  it.each(cases)('pull round trip: $name', async ({ ddl, schemas }) => {
    const actual = await fromDdl(ddl, schemas);
    expect(part(await pulled(actual))).toEqual(part(actual));
  });
});
