import { introspect } from '@justscale/introspect';
import { createTestDatabase } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { expectedCounts, generateSchema } from '../src/generate-schema.js';
import { stats } from '../src/measure.js';

describe('generateSchema', () => {
  it('is deterministic and chunked', () => {
    expect(generateSchema({ tables: 25, chunkSize: 10 })).toEqual(
      generateSchema({ tables: 25, chunkSize: 10 }),
    );
    expect(generateSchema({ tables: 25, chunkSize: 10 })).toHaveLength(4);
  });

  it('creates a schema that introspects to the expected counts', async () => {
    const db = await createTestDatabase();
    try {
      for (const script of generateSchema({ tables: 30, schema: 'gen' })) await db.driver.exec(script);
      const s = await introspect(db.driver, { schemas: ['gen'] });
      // Counted by hand from the DDL, not taken from the module under test: 30 tables; a view after
      // every tenth (t9, t19, t29); one enum per 50 tables; per table 3 indexes (status_created,
      // name_lower, data), a tags index on the 15 even ones and a parent index on the 29 with a parent.
      const counts = { tables: 30, views: 3, enums: 1, indexes: 30 * 3 + 15 + 29 };
      expect(s.tables).toHaveLength(counts.tables);
      expect(s.views).toHaveLength(counts.views);
      expect(s.enums).toHaveLength(counts.enums);
      expect(s.indexes).toHaveLength(counts.indexes);
      // The bench checks its own introspections with expectedCounts: it must agree.
      expect(expectedCounts(30)).toEqual(counts);
      const fks = s.tables.flatMap((t) => t.constraints).filter((c) => c.kind === 'foreignKey');
      expect(fks).toHaveLength(29 + 9);
      expect(s.indexes.filter((i) => i.method === 'gin').length).toBe(30 + 15);
      expect(s.indexes.filter((i) => i.where !== null)).toHaveLength(30);
    } finally {
      await db.close();
    }
  });
});

describe('stats', () => {
  it('gives median, min and max', () => {
    expect(stats([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(stats([4, 1, 2, 3])).toEqual({ median: 2.5, min: 1, max: 4 });
  });
});
