import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot, project, spawnCli, testDatabaseUrl } from './helpers.js';

// TypeScript migrations in a project with node_modules, as users have them: transpiled once into
// node_modules/.cache/justscale/migrations and loaded by Node as one bundle; errors still name the file.

const ts = (table: string) => `import { defineMigration } from '@justscale/postgres';
import type { MigrationContext } from '@justscale/postgres';
enum Names { Table = '${table}' }
export default defineMigration({
  up: async ({ db }: MigrationContext) => { await db.raw(\`CREATE TABLE \${Names.Table} (id int)\`); },
  down: async ({ db }) => { await db.raw('DROP TABLE ${table}'); },
});
`;

describe('justscale migrate of TypeScript files in a project with node_modules', { timeout: 300_000 }, () => {
  it('loads them natively from the cache, and a throw at load still names its file', async () => {
    const db = await testDatabaseUrl();
    const p = await project({
      'migrations/001_a.ts': ts('a'),
      'migrations/002_b.ts': `${ts('b')}throw new Error('not today');\n`,
      'migrations/003_c.ts': ts('c'),
    });
    try {
      await mkdir(join(p.dir, 'node_modules', '@justscale'), { recursive: true });
      await symlink(
        resolve(packageRoot, '..', 'postgres'),
        join(p.dir, 'node_modules', '@justscale', 'postgres'),
      );
      const env = { DATABASE_URL: db.url };

      const failed = await spawnCli(['migrate'], { cwd: p.dir, env });
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('error [MIGRATION_LOAD_FAILED]');
      expect(failed.stderr).toContain('migrations/002_b.ts: not today');
      expect(failed.stderr).not.toContain('Running');

      await writeFile(join(p.dir, 'migrations/002_b.ts'), ts('b'));
      const ran = await spawnCli(['migrate', '--json'], { cwd: p.dir, env });
      expect(ran.code).toBe(0);
      expect(JSON.parse(ran.stdout).applied.map((m: { name: string }) => m.name)).toEqual([
        '001_a',
        '002_b',
        '003_c',
      ]);
      const cache = await readdir(join(p.dir, 'node_modules', '.cache', 'justscale', 'migrations'));
      expect(cache.filter((f) => /^00[123]_[abc]\.[0-9a-f]{20}\.mjs$/.test(f))).toHaveLength(4);
      expect(cache.filter((f) => f.startsWith('bundle.'))).toHaveLength(2);

      const status = await spawnCli(['migrate', 'status', '--json'], { cwd: p.dir, env });
      const rows = JSON.parse(status.stdout).migrations as { applied: boolean; problems: string[] }[];
      expect(rows.map((r) => [r.applied, r.problems])).toEqual([
        [true, []],
        [true, []],
        [true, []],
      ]);
    } finally {
      await p.cleanup();
      await db.close();
    }
  });
});
