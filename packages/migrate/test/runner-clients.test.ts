import {
  createRawClient,
  createTestDatabase,
  type RawClientKind,
  requirePrerequisites,
} from '@justscale/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createMigrationRunner } from '../src/index.js';
import { migrationDir, tableMigration } from './helpers.js';

// The runner recognises a raw client by its shape at once, and loads its adapter on its first call
// (given a Driver, as the CLI does, it loads none): a raw client of each kind still runs migrations.

const db = await createTestDatabase();
afterAll(() => db.close());
const url = db.url;
const server = requirePrerequisites(it, {
  'a PostgreSQL server for the pg and postgres.js clients (DATABASE_URL, or Docker for testcontainers)':
    url !== null,
});

const clients: [RawClientKind, boolean][] = [
  ['pglite', false],
  ['pg-pool', !server],
  ['pg-client', !server],
  ['postgres', !server],
];

describe('createMigrationRunner on a raw client', () => {
  it.each([
    ['null', null],
    ['a string', 'postgres://localhost/db'],
    ['half a driver', { name: 'x', query: () => undefined }],
  ])('refuses %s at once, with a TypeError', (_label, value) => {
    expect(() => createMigrationRunner(value, { directory: '.' })).toThrow(TypeError);
    expect(() => createMigrationRunner(value, { directory: '.' })).toThrow(/Expected a database client/);
  });

  it.for(clients)('applies, lists and rolls back through a %s client', async ([kind, skip], context) => {
    context.skip(skip, 'no PostgreSQL server: only PGlite can be tried');
    const raw = await createRawClient(kind, url);
    const dir = await migrationDir();
    const table = `runner_client_${kind.replace('-', '_')}`;
    try {
      await dir.write(`001_${table}.sql`, tableMigration(table));
      const runner = createMigrationRunner(raw.client, { directory: dir.path, table: `_m_${table}` });
      expect((await runner.migrate()).map((m) => m.name)).toEqual([`001_${table}`]);
      expect((await runner.status()).map((m) => m.applied)).toEqual([true]);
      expect((await runner.rollback()).map((m) => m.name)).toEqual([`001_${table}`]);
      expect(await runner.pending()).toHaveLength(1);
    } finally {
      await dir.cleanup();
      await raw.close();
    }
  });
});
