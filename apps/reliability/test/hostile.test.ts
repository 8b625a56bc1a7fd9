import { createTestDatabase } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { HOSTILE } from '../src/corpus.js';
import { runHostile } from '../src/hostile.js';

describe('hostile input (reduced corpus)', () => {
  it('has at least 100 strings', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(100);
  });

  it('every string round-trips exactly or is refused with a typed error', async () => {
    const db = await createTestDatabase();
    try {
      const size = Number(process.env.RELIABILITY_HOSTILE_SIZE ?? 20);
      const results = await runHostile(db.driver, size);
      expect(results).toHaveLength(2 * Math.min(size, HOSTILE.length));
      const defects = results.filter((r) => r.outcome.kind === 'defect');
      expect(defects).toEqual([]);
      // Refusals are allowed, but most of the corpus must really round-trip on both paths.
      for (const path of ['models', 'database-api']) {
        expect(
          results.filter((r) => r.path === path && r.outcome.kind === 'round-trip').length,
        ).toBeGreaterThanOrEqual(Math.ceil(size / 2));
      }
    } finally {
      await db.close();
    }
  });
});
