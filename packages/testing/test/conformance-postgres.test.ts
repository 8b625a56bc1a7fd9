import { describeDriverConformance } from '@justscale/driver/conformance';
import { createPostgresDriver, type PostgresSqlLike, postgresDriver } from '@justscale/driver-postgres';
import postgres from 'postgres';
import { afterAll, it } from 'vitest';
import { createTestDatabase, requirePrerequisites } from '../src/index.js';

const db = await createTestDatabase();
afterAll(() => db.close());
const url = db.url;
const skip =
  !requirePrerequisites(it, {
    'a PostgreSQL server (DATABASE_URL, or Docker for testcontainers)': url !== null,
  }) && 'no PostgreSQL server (set DATABASE_URL, or run Docker for testcontainers)';

describeDriverConformance('postgres.js (createPostgresDriver)', async () => createPostgresDriver(url!), {
  skip,
});

describeDriverConformance(
  "postgres.js (postgresDriver over the user's sql, owned)",
  async () =>
    postgresDriver(postgres(url!, { onnotice: () => undefined }) as unknown as PostgresSqlLike, {
      owned: true,
    }),
  { skip },
);
