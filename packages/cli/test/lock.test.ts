import { lockKey } from '@justscale/migrate';
import { requirePrerequisites } from '@justscale/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, project, testDatabaseUrl } from './helpers.js';

// Two processes holding one database: a server only (an embedded PGlite directory has one owner).
const server = requirePrerequisites(it, {
  'DATABASE_URL (a PostgreSQL server)': Boolean(process.env.DATABASE_URL),
});

describe.skipIf(!server)('the migration lock', () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let p: Awaited<ReturnType<typeof project>>;

  beforeAll(async () => {
    db = await testDatabaseUrl();
    p = await project({
      'migrations/001_t.sql': '-- up\nCREATE TABLE t (id int);\n-- down\nDROP TABLE t;\n',
    });
  });
  afterAll(async () => {
    await p?.cleanup();
    await db?.close();
  });

  it('--no-wait exits 5 while another runner holds the lock, and nothing is applied', async () => {
    const pg = (await import('pg')).default;
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1::int8)', [lockKey('public', '_migrations')]);
      const r = await cli(['migrate', '--no-wait'], { cwd: p.dir, env: { DATABASE_URL: db.url } });
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('error [MIGRATION_LOCKED]');
      const rollback = await cli(['migrate', 'rollback', '--no-wait', '--json'], {
        cwd: p.dir,
        env: { DATABASE_URL: db.url },
      });
      expect(rollback.code).toBe(5);
      expect(JSON.parse(rollback.stdout).error.code).toBe('MIGRATION_LOCKED');
    } finally {
      await holder.end();
    }
    const status = await cli(['migrate', 'status', '--check'], { cwd: p.dir, env: { DATABASE_URL: db.url } });
    expect(status.code).toBe(4);
    const r = await cli(['migrate', '--no-wait'], { cwd: p.dir, env: { DATABASE_URL: db.url } });
    expect(r.code).toBe(0);
  });
});
