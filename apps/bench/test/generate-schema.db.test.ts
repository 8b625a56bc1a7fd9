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
      const expected = expectedCounts(30);
      expect(s.tables).toHaveLength(expected.tables);
      expect(s.views).toHaveLength(expected.views);
      expect(s.enums).toHaveLength(expected.enums);
      expect(s.indexes).toHaveLength(expected.indexes);
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
