import { createTestDatabase } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { lockTimeout, statementTimeout, terminatedBackend } from '../src/faults.js';

describe.skipIf(!process.env.DATABASE_URL)('faults inside a migration', () => {
  it('pg_terminate_backend mid-migration: exit 1 naming it, nothing partial, no row, rerun succeeds', async () => {
    const db = await createTestDatabase();
    try {
      const r = await terminatedBackend(db.driver, db.url!);
      expect(r, r.stderr).toMatchObject({ ok: true });
    } finally {
      await db.close();
    }
  });

  it('lock_timeout inside a migration: exit 1 naming the statement, nothing partial, rerun succeeds', async () => {
    const db = await createTestDatabase();
    try {
      const r = await lockTimeout(db.driver, db.url!);
      expect(r, r.stderr).toMatchObject({ ok: true });
    } finally {
      await db.close();
    }
  });

  it('statement_timeout inside a migration: exit 1 naming the statement, nothing partial, rerun succeeds', async () => {
    const db = await createTestDatabase();
    try {
      const r = await statementTimeout(db.driver, db.url!);
      expect(r, r.stderr).toMatchObject({ ok: true });
    } finally {
      await db.close();
    }
  });
});
