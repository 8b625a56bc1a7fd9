import { createTestDatabase, requirePrerequisites } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { lockTimeout, statementTimeout, terminatedBackend } from '../src/faults.js';

const server = requirePrerequisites(it, {
  'DATABASE_URL (a PostgreSQL server)': Boolean(process.env.DATABASE_URL),
});

describe.skipIf(!server)('faults inside a migration', () => {
  it.each([
    ['pg_terminate_backend mid-migration', terminatedBackend],
    ['lock_timeout inside a migration', lockTimeout],
    ['statement_timeout inside a migration', statementTimeout],
  ])(
    '%s: exit 1 naming the file (and statement), nothing partial, no row, rerun succeeds',
    async (_, fault) => {
      const db = await createTestDatabase();
      try {
        const r = await fault(db.driver, db.url!);
        expect(r, r.stderr).toMatchObject({
          ok: true,
          exitCode: 1,
          partial: false,
          rows: ['001_first'],
          nextExitCode: 0,
        });
      } finally {
        await db.close();
      }
    },
  );
});
