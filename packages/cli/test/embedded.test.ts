import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, project } from './helpers.js';

describe('the embedded default', { timeout: 240_000 }, () => {
  it('with no database configured, uses PGlite in .justscale/pglite and says so on stderr', async () => {
    const p = await project({
      'migrations/001_t.sql': '-- up\nCREATE TABLE t (id int);\n-- down\nDROP TABLE t;\n',
    });
    try {
      const first = await cli(['migrate', '--json'], { cwd: p.dir, env: {} });
      expect(first.code).toBe(0);
      expect(first.stderr).toContain('using embedded PostgreSQL (PGlite) in .justscale/pglite');
      expect(JSON.parse(first.stdout).applied).toHaveLength(1);
      expect(existsSync(join(p.dir, '.justscale/pglite/PG_VERSION'))).toBe(true);

      // The data persists between runs.
      const status = await cli(['migrate', 'status', '--json'], { cwd: p.dir, env: {} });
      expect(JSON.parse(status.stdout).migrations[0]).toMatchObject({ name: '001_t', applied: true });

      // A configured database wins, and nothing is announced.
      const configured = await cli(
        ['migrate', 'status', '--database-url', `pglite:${join(p.dir, 'other')}`],
        {
          cwd: p.dir,
          env: {},
        },
      );
      expect(configured.code).toBe(0);
      expect(configured.stderr).not.toContain('embedded');
      expect(configured.stdout).toMatch(/✗\s+001_t/);
    } finally {
      await p.cleanup();
    }
  });
});
