import { describeDriverConformance } from '@justscale/driver/conformance';
import { createPgDriver, type PgClientLike, pgDriver } from '@justscale/driver-pg';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, requirePrerequisites } from '../src/index.js';

const db = await createTestDatabase();
afterAll(() => db.close());
const url = db.url;
const skip =
  !requirePrerequisites(it, {
    'a PostgreSQL server (DATABASE_URL, or Docker for testcontainers)': url !== null,
  }) && 'no PostgreSQL server (set DATABASE_URL, or run Docker for testcontainers)';

describeDriverConformance('pg (createPgDriver, a Pool)', async () => createPgDriver(url!), { skip });

describeDriverConformance(
  'pg (pgDriver over one Client, owned)',
  async () => {
    const client = new pg.Client({ connectionString: url! });
    await client.connect();
    return pgDriver(client as unknown as PgClientLike, { owned: true });
  },
  { skip },
);

describe('pg: how many sessions a driver can hold, and what createPgDriver takes', () => {
  it.skipIf(skip !== false)(
    'a Pool says its max (pg’s default 10), a Client 1; createPgDriver refuses a Client',
    async () => {
      const pooled = createPgDriver({ connectionString: url!, max: 3 });
      const defaults = createPgDriver(url!);
      const client = new pg.Client({ connectionString: url! });
      try {
        expect([pooled.maxSessions, defaults.maxSessions]).toEqual([3, 10]);
        expect(pgDriver(client as unknown as PgClientLike).maxSessions).toBe(1);
        expect(() => createPgDriver(client as never)).toThrow(/use pgDriver\(client\)/);
      } finally {
        await Promise.all([pooled.close(), defaults.close()]);
      }
    },
  );
});
