import { createTestDatabase, requirePrerequisites } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { runCliFlags } from '../src/cli-flags.js';
import { HOSTILE } from '../src/corpus.js';

const url = process.env.DATABASE_URL;

const server = requirePrerequisites(it, {
  'DATABASE_URL (a postgres:// URL of a PostgreSQL server)': url?.startsWith('postgres') === true,
});

describe.skipIf(!server)('hostile input through the CLI (reduced corpus)', () => {
  it('as a migration name, a --schema flag and the tracking table: round-trips or is refused', async () => {
    const db = await createTestDatabase();
    try {
      const size = Math.min(Number(process.env.RELIABILITY_HOSTILE_SIZE ?? 10), HOSTILE.length);
      const results = await runCliFlags(db.driver, db.url!, size);
      expect(results).toHaveLength(3 * size);
      expect(results.filter((r) => r.outcome.kind === 'defect')).toEqual([]);
      for (const path of ['make-name', 'schema-flag', 'tracking-table']) {
        expect(
          results.filter((r) => r.path === path && r.outcome.kind === 'round-trip').length,
        ).toBeGreaterThanOrEqual(Math.ceil(size / 2));
      }
    } finally {
      await db.close();
    }
  }, 300_000);
});
