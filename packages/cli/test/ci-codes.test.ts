import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project, spawnCli, testDatabaseUrl } from './helpers.js';

describe('exit codes CI can trust', { timeout: 240_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  beforeAll(async () => {
    db = await testDatabaseUrl();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('status --check and pending --check exit 1 after an applied file was edited or removed, 4 on pending', async () => {
    const p = await project({
      'migrations/001_a.sql': '-- up\nCREATE TABLE a (id int);\n-- down\nDROP TABLE a;\n',
      'migrations/002_b.sql': '-- up\nCREATE TABLE b (id int);\n-- down\nDROP TABLE b;\n',
    });
    const env = { DATABASE_URL: db.url };
    try {
      expect((await spawnCli(['migrate'], { cwd: p.dir, env })).code).toBe(0);
      await writeFile(join(p.dir, 'migrations/003_c.sql'), '-- up\nCREATE TABLE c (id int);\n');
      expect((await spawnCli(['migrate', 'status', '--check'], { cwd: p.dir, env })).code).toBe(4);
      expect((await spawnCli(['migrate', 'pending', '--check'], { cwd: p.dir, env })).code).toBe(4);

      const file = join(p.dir, 'migrations/001_a.sql');
      await writeFile(file, `${await readFile(file, 'utf8')}-- edited after it ran\n`);
      const changed = await spawnCli(['migrate', 'status', '--check'], { cwd: p.dir, env });
      expect(changed.code).toBe(1);
      expect(changed.stderr).toContain('001_a (changed)');
      expect(changed.stderr).toContain('--allow-changed');
      expect((await spawnCli(['migrate', 'pending', '--check'], { cwd: p.dir, env })).code).toBe(1);
      // The same flag that lets migrate go on lets the check pass (to the pending code).
      expect(
        (await spawnCli(['migrate', 'status', '--check', '--allow-changed'], { cwd: p.dir, env })).code,
      ).toBe(4);
      // migrate agrees: it refuses, and names the flag rather than the runner's API option.
      const refused = await spawnCli(['migrate'], { cwd: p.dir, env });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('error [MIGRATION_CHECKSUM_CHANGED]');
      expect(refused.stderr).toContain('pass --allow-changed to go on anyway');
      expect(refused.stderr).not.toContain('allowChangedChecksums');

      await rm(file);
      const missing = await spawnCli(['migrate', 'status', '--check', '--json'], { cwd: p.dir, env });
      expect(missing.code).toBe(1);
      expect(JSON.parse(missing.stdout).migrations[0]).toMatchObject({
        name: '001_a',
        problems: ['missing'],
      });
      const noFile = await spawnCli(['migrate'], { cwd: p.dir, env });
      expect(noFile.stderr).toContain('pass --allow-missing to go on without them');
      // Nothing was printed as running: the refusal comes before the lock's work.
      expect(noFile.stderr).not.toContain('Running');
    } finally {
      await p.cleanup();
    }
  });

  it('a failing batch prints ✓ for each migration that committed, and --json lists them beside the error', async () => {
    const files = {
      'migrations/001_a.sql': '-- up\nCREATE TABLE a (id int);\n-- down\nDROP TABLE a;\n',
      'migrations/002_b.sql': '-- up\nCREATE TABLE b (id int);\n-- down\nDROP TABLE b;\n',
      'migrations/003_bad.sql': '-- up\nCREATE TABLE c (id int);\nSELECT * FROM no_such_table;\n',
      'migrations/004_d.sql': '-- up\nCREATE TABLE d (id int);\n',
    };
    const text = await project(files);
    const json = await project(files);
    try {
      const fresh = await testDatabaseUrl();
      const other = await testDatabaseUrl();
      try {
        const r = await spawnCli(['migrate'], { cwd: text.dir, env: { DATABASE_URL: other.url } });
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(/✓ 001_a\s+batch 1/);
        expect(r.stdout).toMatch(/✓ 002_b\s+batch 1/);
        expect(r.stdout).not.toContain('003_bad');
        expect(r.stderr).toContain('2 migrations committed and stay applied.');
        expect(r.stderr).toContain('003_bad was rolled back');
        expect(r.stderr).toContain('Not run: 004_d.');

        const j = await spawnCli(['migrate', '--json'], { cwd: json.dir, env: { DATABASE_URL: fresh.url } });
        expect(j.code).toBe(1);
        const out = JSON.parse(j.stdout);
        expect(out.committed.map((m: { name: string }) => m.name)).toEqual(['001_a', '002_b']);
        expect(out.error).toMatchObject({ code: 'MIGRATION_FAILED', migration: '003_bad' });
      } finally {
        await fresh.close();
        await other.close();
      }
    } finally {
      await text.cleanup();
      await json.cleanup();
    }
  });

  it('DATABASE_URL set but empty means not set: the embedded default', async () => {
    const p = await project({ 'migrations/001_a.sql': '-- up\nCREATE TABLE a (id int);\n' });
    try {
      const r = await spawnCli(['migrate'], { cwd: p.dir, env: { DATABASE_URL: '' } });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('using embedded PostgreSQL (PGlite)');
    } finally {
      await p.cleanup();
    }
  });
});
