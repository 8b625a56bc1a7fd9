import { describeDriverConformance } from '@justscale/driver/conformance';
import { createPgDriver, type PgClientLike, pgDriver } from '@justscale/driver-pg';
import pg from 'pg';
import { afterAll, it } from 'vitest';
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
