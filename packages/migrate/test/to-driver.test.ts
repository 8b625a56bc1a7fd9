import {
  createRawClient,
  createTestDatabase,
  type RawClientKind,
  requirePrerequisites,
} from '@justscale/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { toDriver } from '../src/index.js';

const db = await createTestDatabase();
afterAll(() => db.close());
const url = db.url;
// The pg and postgres.js clients need a server; PGlite is tried everywhere.
const server = requirePrerequisites(it, {
  'a PostgreSQL server for the pg and postgres.js clients (DATABASE_URL, or Docker for testcontainers)':
    url !== null,
});

const clients: [RawClientKind, string, boolean][] = [
  ['pglite', 'pglite', false],
  ['pg-pool', 'pg', !server],
  ['pg-client', 'pg', !server],
  ['postgres', 'postgres', !server],
];

describe('toDriver', () => {
  it('returns a Driver as it is', () => {
    expect(toDriver(db.driver)).toBe(db.driver);
  });

  it.for(clients)(
    'wraps a %s client in the %s adapter, and leaves the client open',
    async ([kind, name, skip], context) => {
      context.skip(skip, 'no PostgreSQL server: only PGlite can be tried');
      const raw = await createRawClient(kind, url);
      try {
        const driver = toDriver(raw.client);
        expect(driver.name).toBe(name);
        const { rows } = await driver.query("SELECT $1::int8 AS n, '2024-02-29'::date AS d", [
          '9007199254740993',
        ]);
        expect(rows).toEqual([{ n: '9007199254740993', d: '2024-02-29' }]);
        const [a, b] = await driver.session((s) =>
          Promise.all([s.query('SELECT pg_backend_pid() AS p'), s.query('SELECT pg_backend_pid() AS p')]),
        );
        expect(a.rows).toEqual(b.rows);
        // The caller owns the client: the driver's close() leaves it usable, through a new driver too.
        await driver.close();
        expect((await toDriver(raw.client).query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      } finally {
        await raw.close();
      }
    },
  );

  it.each([
    ['null', null, /got null/],
    ['a string', 'postgres://localhost/db', /got string "postgres:\/\/localhost\/db"/],
    ['an empty object', {}, /got a object/],
    ['a Map', new Map(), /got a Map/],
    [
      'half a driver',
      { name: 'x', query: () => undefined },
      /pg Client or Pool, a postgres\.js sql instance or a PGlite/,
    ],
  ])('refuses %s with a clear error', (_label, value, message) => {
    expect(() => toDriver(value)).toThrow(TypeError);
    expect(() => toDriver(value)).toThrow(message);
  });
});
