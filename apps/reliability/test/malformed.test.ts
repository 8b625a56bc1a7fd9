import { requirePrerequisites } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { runMalformed } from '../src/malformed.js';

const server = requirePrerequisites(it, {
  'DATABASE_URL (a PostgreSQL server)': Boolean(process.env.DATABASE_URL),
});

describe.skipIf(!server)('malformed migration files through `justscale migrate`', () => {
  it('each exits 1, names the file and applies nothing it should not', async () => {
    const results = await runMalformed();
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.length).toBe(6);
  });
});
