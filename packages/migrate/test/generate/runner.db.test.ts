import { introspect } from '@justscale/introspect';
import { createTestDatabase, type TestDatabase } from '@justscale/testing';
import { afterEach, expect, it } from 'vitest';
import { generateMigration, makeMigration, syncSchema } from '../../src/generate/index.js';
import { createMigrationRunner } from '../../src/runner/create-runner.js';
import { tempDir } from './helpers.js';
import { PgOrder, PgProduct, PgUser } from './models.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const x of open.splice(0)) await x.close();
});

it('a file from makeMigration runs under the runner: migrate, nothing left to generate, rollback restores', async () => {
  const t: TestDatabase = await createTestDatabase();
  open.push(t);
  const dir = await tempDir();
  open.push({ close: dir.cleanup });
  await syncSchema(t.driver, PgUser);
  const before = await introspect(t.driver, { schemas: ['public'] });
  const path = await makeMigration({
    client: t.driver,
    models: [PgUser, PgProduct, PgOrder],
    directory: dir.path,
    name: 'shop',
    now: new Date('2025-01-01T00:00:00Z'),
    importFrom: null,
  });
  expect(path).toMatch(/20250101000000_shop\.ts$/);
  const runner = createMigrationRunner(t.driver, { directory: dir.path });
  const applied = await runner.migrate();
  expect(applied.map((m) => m.name)).toEqual(['20250101000000_shop']);
  expect((await generateMigration(t.driver, PgUser, PgProduct, PgOrder)).hasChanges).toBe(false);
  await runner.rollback();
  expect(await introspect(t.driver, { schemas: ['public'] })).toEqual(before);
});
