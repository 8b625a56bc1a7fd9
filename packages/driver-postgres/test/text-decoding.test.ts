import { describe, expect, it } from 'vitest';
// Relative: @justscale/testing depends on this package.
import { requirePrerequisites } from '../../testing/src/prerequisites.js';
import { createPostgresDriver } from '../src/index.js';

const url = process.env.DATABASE_URL;

// Regression (found by apps/reliability): a text value starting with U+FEFF lost that character on
// the way back, because the default TextDecoder strips a leading byte-order mark.
const server = requirePrerequisites(it, {
  'DATABASE_URL (a postgres:// URL of a PostgreSQL server)': url?.startsWith('postgres') === true,
});

describe.skipIf(!server)('text decoding', () => {
  it('keeps a leading byte-order mark and every other character exactly', async () => {
    const driver = createPostgresDriver(url!);
    try {
      const values = ['\uFEFFbom', '\uFEFF', 'a\uFEFFb', 'zero\u200bwidth', 'é😀'];
      for (const value of values) {
        const { rows } = await driver.query<{ back: string; length: number }>(
          'SELECT $1::text AS back, length($1::text) AS length',
          [value],
        );
        expect(rows[0]).toEqual({ back: value, length: [...value].length });
      }
    } finally {
      await driver.close();
    }
  });
});
