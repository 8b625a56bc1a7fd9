import { existsSync } from 'node:fs';
import { createTestDatabase } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { runBadConfig } from '../src/bad-config.js';
import { CLI_BIN } from '../src/processes.js';

// Spawns the built CLI against the PostgreSQL server: needs DATABASE_URL and `pnpm build`.
describe.skipIf(!process.env.DATABASE_URL || !existsSync(CLI_BIN))('bad configuration and URLs', () => {
  it('each exits with its documented code, says what is wrong and never prints the password', async () => {
    const db = await createTestDatabase();
    try {
      const results = await runBadConfig(db.driver, db.url!);
      expect(results.length).toBeGreaterThanOrEqual(9);
      for (const r of results) {
        expect(
          { name: r.name, exit: r.exitCode, explains: r.explains, hidden: r.passwordHidden },
          r.stderr,
        ).toEqual({
          name: r.name,
          exit: r.expectedExit,
          explains: true,
          hidden: true,
        });
      }
    } finally {
      await db.close();
    }
  }, 120_000);
});
