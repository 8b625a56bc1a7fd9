import { DatabaseError, type Driver } from '@justscale/driver';
import { createPgDriver } from '@justscale/driver-pg';
import { createPostgresDriver } from '@justscale/driver-postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, requirePrerequisites, withDatabase } from '../src/index.js';

// Connection failures reach the caller as DatabaseError, with PostgreSQL's code when the server
// answered, and never with the password in the message.

const db = await createTestDatabase();
afterAll(() => db.close());
const url = db.url;
const server = requirePrerequisites(it, {
  'a PostgreSQL server (DATABASE_URL, or Docker for testcontainers)': url !== null,
});

const adapters: [string, (url: string) => Driver][] = [
  ['pg', (u) => createPgDriver({ connectionString: u, connectionTimeoutMillis: 5000 })],
  ['postgres.js', (u) => createPostgresDriver(u, { connect_timeout: 5, max: 1 })],
];

async function failure(make: (url: string) => Driver, target: string): Promise<DatabaseError> {
  const driver = make(target);
  try {
    await driver.query('SELECT 1');
  } catch (error) {
    return error as DatabaseError;
  } finally {
    await driver.close();
  }
  throw new Error('connected, but should not have');
}

function withUser(base: string, user: string, password: string): string {
  const parsed = new URL(base);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}

describe.each(adapters)('%s connection errors', (_name, make) => {
  it('reports a refused connection as 08001 without the password', async () => {
    const error = await failure(make, 'postgres://app:Sup3rSecret@127.0.0.1:1/nowhere');
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.code).toBe('08001');
    expect(error.message).not.toContain('Sup3rSecret');
    expect(error.cause).toBeDefined();
  });

  it.skipIf(!server)('reports an unknown database as 3D000', async () => {
    const error = await failure(make, withDatabase(url!, 'no such database ünïcödé'));
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.code).toBe('3D000');
  });

  it.skipIf(!server)('reports an unknown role as 28000 without the password', async () => {
    const error = await failure(make, withUser(url!, 'no_such_role_x', 'Sup3rSecret'));
    expect(error).toBeInstanceOf(DatabaseError);
    expect(['28000', '28P01']).toContain(error.code);
    expect(error.message).not.toContain('Sup3rSecret');
  });
});
