import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { requirePrerequisites } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project, spawnCli, testDatabaseUrl } from './helpers.js';

// The real binary in a child process: the built dist/bin.js when there is one (CI builds before
// testing), else the source through jiti. Exit codes are the process's.
const files = {
  'migrations/001_items.sql': '-- up\nCREATE TABLE items (id int PRIMARY KEY);\n-- down\nDROP TABLE items;\n',
  'migrations/002_more.sql': '-- up\nINSERT INTO items VALUES (1), (2);\n-- down\nDELETE FROM items;\n',
};

describe('the justscale binary', { timeout: 300_000 }, () => {
  let p: Awaited<ReturnType<typeof project>>;
  beforeAll(async () => {
    p = await project(files);
  });
  afterAll(async () => {
    await p?.cleanup();
  });

  it('--help exits 0 and shows the exit codes', async () => {
    const r = await spawnCli(['--help'], { cwd: p.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exit codes:');
  });

  it('a usage error exits 2 from the process', async () => {
    const r = await spawnCli(['migrate', '--bogus'], { cwd: p.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown argument: bogus');
  });

  it('on embedded PGlite (no database configured): migrate, status --check, rollback', async () => {
    const up = await spawnCli(['migrate'], { cwd: p.dir });
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toContain('embedded PostgreSQL (PGlite) in .justscale/pglite');
    expect(up.stdout).toMatch(/Applied 2 migrations \(batch 1\)/);
    expect(existsSync(join(p.dir, '.justscale/pglite'))).toBe(true);
    const status = await spawnCli(['migrate', 'status', '--check', '--json'], { cwd: p.dir });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).migrations.every((m: { applied: boolean }) => m.applied)).toBe(true);
    const back = await spawnCli(['migrate', 'rollback'], { cwd: p.dir });
    expect(back.code).toBe(0);
    expect((await spawnCli(['migrate', 'pending', '--check'], { cwd: p.dir })).code).toBe(4);
  });

  const server = requirePrerequisites(it, {
    'DATABASE_URL (a PostgreSQL server)': Boolean(process.env.DATABASE_URL),
  });
  describe.skipIf(!server)('on the server (DATABASE_URL)', () => {
    let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
    beforeAll(async () => {
      db = await testDatabaseUrl();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('migrate, then status --check; a bad password in the URL is never printed', async () => {
      const env = { DATABASE_URL: db.url };
      const up = await spawnCli(['migrate', '--json'], { cwd: p.dir, env });
      expect(up.code, up.stderr).toBe(0);
      expect(up.stderr).not.toContain('embedded');
      expect(JSON.parse(up.stdout).applied).toHaveLength(2);
      expect((await spawnCli(['migrate', 'status', '--check'], { cwd: p.dir, env })).code).toBe(0);

      const bad = await spawnCli(
        ['migrate', 'status', '--database-url', 'postgres://x:Pa55w0rd-XYZ@127.0.0.1:1/db'],
        {
          cwd: p.dir,
        },
      );
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('x:***@127.0.0.1:1');
      expect(bad.stdout + bad.stderr).not.toContain('Pa55w0rd-XYZ');
    });
  });
});
