import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { lockKey } from '@justscale/migrate';
import { requirePrerequisites } from '@justscale/testing';
import { describe, expect, it } from 'vitest';
import { project, spawnCli, testDatabaseUrl } from './helpers.js';
import { startCli, until } from './process.js';

// What a run says about itself: `Running N migrations…` only once every file has loaded and there is
// something to run — never before a load error, never after a wait for the lock that ends with
// nothing left to do.

const server = requirePrerequisites(it, {
  'DATABASE_URL (a PostgreSQL server)': Boolean(process.env.DATABASE_URL),
});

const table = (name: string) => `-- up\nCREATE TABLE ${name} (id int);\n-- down\nDROP TABLE ${name};\n`;

describe('run messages', { timeout: 300_000 }, () => {
  it.skipIf(!server)(
    'two runners that waited for the lock: one runs the migration, the other says only Nothing to migrate.',
    async () => {
      const db = await testDatabaseUrl();
      const p = await project({ 'migrations/001_a.sql': table('a') });
      const pg = (await import('pg')).default;
      const holder = new pg.Client({ connectionString: db.url });
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1::int8)', [lockKey('public', '_migrations')]);
        const env = { DATABASE_URL: db.url };
        const runners = [
          startCli(['migrate'], { cwd: p.dir, env }),
          startCli(['migrate'], { cwd: p.dir, env }),
        ];
        // Both are seen waiting for the lock before it is released.
        await until(async () => {
          const { rows } = await holder.query(
            "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
          );
          return rows[0].n === 2 ? true : undefined;
        }, 'both runners to wait for the lock');
        await holder.query('SELECT pg_advisory_unlock($1::int8)', [lockKey('public', '_migrations')]);
        const results = await Promise.all(runners.map((r) => r.done));
        expect(results.map((r) => r.code)).toEqual([0, 0]);
        const ran = results.filter((r) => r.stdout.includes('✓ 001_a'));
        const idle = results.filter((r) => !r.stdout.includes('✓ 001_a'));
        expect(ran).toHaveLength(1);
        expect(idle).toHaveLength(1);
        expect(ran[0]!.stderr).toContain('Running 1 migration…');
        expect(idle[0]!.stdout).toBe('Nothing to migrate.\n');
        expect(idle[0]!.stderr).not.toContain('Running');
      } finally {
        await holder.end();
        await p.cleanup();
        await db.close();
      }
    },
  );

  it('a run that waited for a PGlite folder another process migrated says only Nothing to migrate.', async () => {
    const p = await project({ 'migrations/001_a.sql': table('a'), 'migrations/002_b.sql': table('b') });
    try {
      await mkdir(join(p.dir, '.justscale'), { recursive: true });
      const lockFile = join(p.dir, '.justscale/pglite.lock');
      // This test process holds the folder, as another `justscale migrate` would.
      const holder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: 'test' };
      await writeFile(lockFile, JSON.stringify(holder));
      const waiting = startCli(['migrate'], { cwd: p.dir, env: {} });
      await until(() => (waiting.stderr().includes('Waiting for pid') ? true : undefined), 'the run to wait');
      // While it waits, the holder migrates the folder.
      const { createPgliteDriver } = await import('@justscale/driver-pglite');
      const { createMigrationRunner } = await import('@justscale/migrate');
      const driver = await createPgliteDriver({ dataDir: join(p.dir, '.justscale/pglite') });
      try {
        const applied = await createMigrationRunner(driver, {
          directory: join(p.dir, 'migrations'),
        }).migrate();
        expect(applied.map((m) => m.name)).toEqual(['001_a', '002_b']);
      } finally {
        await driver.close();
      }
      await unlink(lockFile);
      const r = await waiting.done;
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('Nothing to migrate.\n');
      expect(r.stderr).not.toContain('Running');
    } finally {
      await p.cleanup();
    }
  });

  it('a load error in the third file: nothing runs and nothing says it is running', async () => {
    const db = await testDatabaseUrl();
    const p = await project({
      'migrations/001_a.sql': table('a'),
      'migrations/002_b.sql': table('b'),
      'migrations/003_c.mjs': 'export default { up: 42 };\n',
    });
    try {
      const r = await spawnCli(['migrate'], { cwd: p.dir, env: { DATABASE_URL: db.url } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error [MIGRATION_LOAD_FAILED]');
      expect(r.stderr).toContain('  file: migrations/003_c.mjs\n');
      expect(r.stderr).not.toContain('Running');
      expect(r.stdout).toBe('');
    } finally {
      await p.cleanup();
      await db.close();
    }
  });
});
