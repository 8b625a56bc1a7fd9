import { existsSync } from 'node:fs';
import { createTestDatabase, requirePrerequisites } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { runBadConfig } from '../src/bad-config.js';
import { CLI_BIN } from '../src/processes.js';

// Spawns the built CLI against the PostgreSQL server: needs DATABASE_URL and `pnpm build`.
const ready = requirePrerequisites(it, {
  'DATABASE_URL (a PostgreSQL server)': Boolean(process.env.DATABASE_URL),
  [`the built CLI, ${CLI_BIN} (run pnpm build)`]: existsSync(CLI_BIN),
});

describe.skipIf(!ready)('bad configuration and URLs', () => {
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
