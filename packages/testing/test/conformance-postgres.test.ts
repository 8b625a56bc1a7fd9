import { describeDriverConformance } from '@justscale/driver/conformance';
import { createPostgresDriver, type PostgresSqlLike, postgresDriver } from '@justscale/driver-postgres';
import postgres from 'postgres';
import { afterAll, expect, it } from 'vitest';
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

it.skipIf(skip !== false)('postgres.js: a driver says its max (postgres.js’s default 10)', async () => {
  const two = createPostgresDriver(url!, { max: 2 });
  const defaults = createPostgresDriver(url!);
  try {
    expect([two.maxSessions, defaults.maxSessions]).toEqual([2, 10]);
  } finally {
    await Promise.all([two.close(), defaults.close()]);
  }
});
