import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lockKey } from '@justscale/migrate';
import { requirePrerequisites } from '@justscale/testing';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { project, testDatabaseUrl } from './helpers.js';
import { startCli, until } from './process.js';

const slow = {
  'migrations/001_a.sql': '-- up\nCREATE TABLE a (id int);\n-- down\nDROP TABLE a;\n',
  'migrations/002_slow.sql':
    '-- up\nCREATE TABLE b (id int);\nSELECT pg_sleep(600);\n-- down\nDROP TABLE b;\n',
  'migrations/003_c.sql': '-- up\nCREATE TABLE c (id int);\n-- down\nDROP TABLE c;\n',
};

async function query<R extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

// A server is needed for PostgreSQL's cancel request and pg_stat_activity: under CI its absence
// fails the run instead of skipping these tests silently.
const server = requirePrerequisites(it, {
  'DATABASE_URL (a PostgreSQL server)': Boolean(process.env.DATABASE_URL),
});

describe.skipIf(!server)('Ctrl-C on a server', { timeout: 60_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let dbName: string;
  const admin = process.env.DATABASE_URL!;
  beforeEach(async () => {
    db = await testDatabaseUrl();
    dbName = new URL(db.url).pathname.slice(1);
  });
  afterEach(async () => {
    await db.close();
  });

  const sleeping = () =>
    until(async () => {
      const rows = await query(
        admin,
        "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND query LIKE '%pg_sleep(600)%'",
        [dbName],
      );
      return rows.length > 0 ? rows : undefined;
    }, 'pg_sleep to run');

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s during pg_sleep cancels it, rolls the migration back, frees the lock and exits %i',
    async (signal, code) => {
      const p = await project(slow);
      try {
        const run = startCli(['migrate'], { cwd: p.dir, env: { DATABASE_URL: db.url } });
        await sleeping();
        run.child.kill(signal);
        const r = await run.done;
        expect(r.code).toBe(code);
        // What committed is printed as it committed, and the stop says what did not.
        expect(r.stdout).toMatch(/✓ 001_a/);
        expect(r.stdout).not.toMatch(/002_slow\s+batch/);
        expect(r.stderr).toContain('1 migration committed and stays applied.');
        expect(r.stderr).toContain('002_slow was rolled back');
        expect(r.stderr).toContain('error [MIGRATION_INTERRUPTED]');
        expect(r.stderr).toContain('Not run: 003_c.');
        // No statement left running, no advisory lock held, nothing half-applied.
        expect(await query(admin, 'SELECT pid FROM pg_stat_activity WHERE datname = $1', [dbName])).toEqual(
          [],
        );
        const locks = await query(
          admin,
          "SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = $1",
          [dbName],
        );
        expect(locks).toEqual([]);
        expect(await query(db.url, 'SELECT name FROM _migrations ORDER BY name')).toEqual([
          { name: '001_a' },
        ]);
        expect(await query(db.url, "SELECT to_regclass('b') AS b, to_regclass('c') AS c")).toEqual([
          { b: null, c: null },
        ]);
      } finally {
        await p.cleanup();
      }
    },
  );

  it('--json lists what committed beside the error', async () => {
    const p = await project(slow);
    try {
      const run = startCli(['migrate', '--json'], { cwd: p.dir, env: { DATABASE_URL: db.url } });
      await sleeping();
      run.child.kill('SIGINT');
      const r = await run.done;
      expect(r.code).toBe(130);
      const out = JSON.parse(r.stdout);
      expect(out.committed.map((m: { name: string }) => m.name)).toEqual(['001_a']);
      expect(out.error).toMatchObject({ code: 'MIGRATION_INTERRUPTED', migration: '002_slow' });
    } finally {
      await p.cleanup();
    }
  });

  it('a transaction: false migration interrupted says it may have partly applied', async () => {
    const p = await project({
      'migrations/001_slow.sql':
        '-- transaction: false\n-- up\nCREATE TABLE b (id int);\nSELECT pg_sleep(600);\n-- down\nDROP TABLE b;\n',
    });
    try {
      const run = startCli(['migrate'], { cwd: p.dir, env: { DATABASE_URL: db.url } });
      await sleeping();
      run.child.kill('SIGINT');
      const r = await run.done;
      expect(r.code).toBe(130);
      expect(r.stderr).toContain(
        '001_slow runs outside a transaction: its statement may have partly applied',
      );
      expect(await query(db.url, 'SELECT count(*)::int AS n FROM _migrations')).toEqual([{ n: 0 }]);
    } finally {
      await p.cleanup();
    }
  });

  it('Ctrl-C while waiting for the lock stops the wait: nothing ran, the wait is not left on the server', async () => {
    const p = await project(slow);
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1::int8)', [lockKey('public', '_migrations')]);
      const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const run = startCli(['migrate'], { cwd: p.dir, env: { DATABASE_URL: db.url } });
      await until(async () => {
        const rows = await query(
          admin,
          "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND pid <> $1",
          [holderPid],
        );
        return rows.length > 0 ? rows : undefined;
      }, 'the runner to wait for the lock');
      run.child.kill('SIGINT');
      const r = await run.done;
      expect(r.code).toBe(130);
      expect(r.stdout).not.toContain('✓');
      const waiting = await query(
        admin,
        'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> $2',
        [dbName, holderPid],
      );
      expect(waiting).toEqual([]);
    } finally {
      await holder.end();
      await p.cleanup();
    }
  });
});

describe('Ctrl-C on the embedded default (PGlite runs in-process)', { timeout: 240_000 }, () => {
  it('stops before the next statement: the migration rolls back, the folder lock is released', async () => {
    const p = await project({
      'migrations/001_a.sql': '-- up\nCREATE TABLE a (id int);\n-- down\nDROP TABLE a;\n',
      // Writes a marker once its table exists, then runs statements until it is stopped.
      'migrations/002_loop.mjs': `import { writeFileSync } from 'node:fs';
export default {
  async up({ db }) {
    await db.raw('CREATE TABLE b (id int)');
    writeFileSync(${JSON.stringify('MARKER')}, 'started');
    for (let i = 0; i < 10_000_000; i++) await db.raw('SELECT 1');
  },
};
`.replace('"MARKER"', 'new URL("../started", import.meta.url)'),
    });
    try {
      const run = startCli(['migrate'], { cwd: p.dir, env: {} });
      await until(() => (existsSync(join(p.dir, 'started')) ? true : undefined), 'the migration to start');
      run.child.kill('SIGINT');
      const r = await run.done;
      expect(r.code).toBe(130);
      expect(r.stdout).toMatch(/✓ 001_a/);
      expect(r.stderr).toContain('002_loop was rolled back');
      expect(existsSync(join(p.dir, '.justscale/pglite.lock'))).toBe(false);
      const { createPgliteDriver } = await import('@justscale/driver-pglite');
      const driver = await createPgliteDriver({ dataDir: join(p.dir, '.justscale/pglite') });
      try {
        expect((await driver.query('SELECT name FROM _migrations')).rows).toEqual([{ name: '001_a' }]);
        expect((await driver.query("SELECT to_regclass('b') AS b")).rows).toEqual([{ b: null }]);
      } finally {
        await driver.close();
      }
    } finally {
      await p.cleanup();
    }
  });
  it('a signal during its last statement, which PGlite cannot cancel, rolls the migration back instead of committing it', async () => {
    const p = await project({
      // The sleep blocks the process (PGlite runs in it): the signal is seen only once it returns,
      // when no statement of the migration is left to stop before.
      'migrations/001_sleep.mjs': `import { writeFileSync } from 'node:fs';
export default {
  async up({ db }) {
    await db.raw('CREATE TABLE c (id int)');
    writeFileSync(new URL('../started', import.meta.url), 'started');
    await db.raw('SELECT pg_catalog.pg_sleep(3)');
  },
};
`,
    });
    try {
      const run = startCli(['migrate'], { cwd: p.dir, env: {} });
      await until(() => (existsSync(join(p.dir, 'started')) ? true : undefined), 'the migration to start');
      run.child.kill('SIGINT');
      const r = await run.done;
      expect(r.code).toBe(130);
      expect(r.stderr).toContain('001_sleep was rolled back');
      // One code for an interrupted migration, on PGlite as on the server.
      expect(r.stderr).toContain('error [MIGRATION_INTERRUPTED]');
      const { createPgliteDriver } = await import('@justscale/driver-pglite');
      const driver = await createPgliteDriver({ dataDir: join(p.dir, '.justscale/pglite') });
      try {
        expect((await driver.query('SELECT name FROM _migrations')).rows).toEqual([]);
        expect((await driver.query("SELECT to_regclass('c') AS c")).rows).toEqual([{ c: null }]);
      } finally {
        await driver.close();
      }
    } finally {
      await p.cleanup();
    }
  });
});

describe.skipIf(!server)('Ctrl-C during `justscale fleet migrate`', { timeout: 120_000 }, () => {
  it('cancels the running migration, starts no other target, exits 130; a rerun goes on', async () => {
    const db = await testDatabaseUrl();
    const dbName = new URL(db.url).pathname.slice(1);
    const admin = process.env.DATABASE_URL!;
    const tenants = ['t1', 't2', 't3'];
    const p = await project({
      ...slow,
      'targets.txt': tenants.map((t) => `${db.url}#schema=${t}`).join('\n'),
    });
    try {
      // One target at a time: t1 sleeps in 002_slow when the signal comes; t2 and t3 never start.
      const run = startCli(['fleet', 'migrate', '--targets', 'targets.txt', '--concurrency', '1', '--json'], {
        cwd: p.dir,
        env: {},
      });
      await until(async () => {
        const rows = await query(
          admin,
          "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND query LIKE '%pg_sleep(600)%'",
          [dbName],
        );
        return rows.length > 0 ? rows : undefined;
      }, 'pg_sleep to run');
      run.child.kill('SIGINT');
      const r = await run.done;
      expect(r.code, r.stderr).toBe(130);
      const report = JSON.parse(r.stdout);
      expect(report.summary).toMatchObject({ stopped: 'interrupted', targets: 3, skipped: 2 });
      expect(
        report.targets.map((t: { schema: string; status: string; applied: string[] }) => [
          t.schema,
          t.status,
          t.applied,
        ]),
      ).toEqual([
        ['t1', 'failed', ['001_a']],
        ['t2', 'skipped', []],
        ['t3', 'skipped', []],
      ]);
      // Nothing left running or locked; t1 kept what committed and nothing of 002_slow.
      expect(await query(admin, 'SELECT pid FROM pg_stat_activity WHERE datname = $1', [dbName])).toEqual([]);
      expect(await query(db.url, 'SELECT name FROM t1._migrations ORDER BY name')).toEqual([
        { name: '001_a' },
      ]);
      expect(
        await query(db.url, "SELECT to_regclass('t1.b') AS b, to_regclass('t2._migrations') AS t2"),
      ).toEqual([{ b: null, t2: null }]);
      // The slow migration made quick (it never committed anywhere): the rerun finishes every target.
      await writeFile(
        join(p.dir, 'migrations/002_slow.sql'),
        '-- up\nCREATE TABLE b (id int);\n-- down\nDROP TABLE b;\n',
      );
      const again = await startCli(['fleet', 'migrate', '--targets', 'targets.txt'], {
        cwd: p.dir,
        env: {},
      }).done;
      expect(again.code, again.stderr).toBe(0);
      for (const t of tenants) {
        expect(await query(db.url, `SELECT name FROM ${t}._migrations ORDER BY name`)).toEqual([
          { name: '001_a' },
          { name: '002_slow' },
          { name: '003_c' },
        ]);
      }
    } finally {
      await p.cleanup();
      await db.close();
    }
  });
});
