import { mkdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project, spawnCli, testDatabaseUrl } from './helpers.js';

// Every kind of error through the real binary: `error [CODE]: message`, then the object, the file
// (and line) and the hint, with the CLI's flags where the runner's hint names an API option; the
// same fields in `--json`. Exit codes are the documented ones.

const table = (name: string) => `-- up\nCREATE TABLE ${name} (id int);\n-- down\nDROP TABLE ${name};\n`;

/** Runs the binary in `dir` with `url`, as text and as --json. */
async function both(args: string[], dir: string, url: string) {
  const env = { DATABASE_URL: url };
  const text = await spawnCli(args, { cwd: dir, env });
  return { text, json: await spawnCli([...args, '--json'], { cwd: dir, env }) };
}

describe('errors through the binary', { timeout: 300_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  beforeAll(async () => {
    db = await testDatabaseUrl();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('a failing .sql migration: the object, file:line counted from the top of the file, the SQLSTATE', async () => {
    const p = await project({
      'migrations/001_a.sql': table('a'),
      'migrations/002_bad.sql':
        '-- A comment above the sections.\n\n-- up\nCREATE TABLE b (id int);\nSELECT nope FROM b;\n-- down\nDROP TABLE b;\n',
    });
    try {
      const r = await spawnCli(['migrate'], { cwd: p.dir, env: { DATABASE_URL: db.url } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error [MIGRATION_FAILED]');
      expect(r.stderr).toContain('LINE 5: SELECT nope FROM b;');
      expect(r.stderr).toContain('  object: migration 002_bad\n');
      expect(r.stderr).toContain('  file: migrations/002_bad.sql:5\n');
      // PostgreSQL's SQLSTATE is shown apart, never as our code.
      expect(r.stderr).toContain('  sqlstate: 42703\n');
      expect(r.stderr).not.toContain('error [42703]');

      const j = await spawnCli(['migrate', '--json'], { cwd: p.dir, env: { DATABASE_URL: db.url } });
      expect(j.code).toBe(1);
      expect(JSON.parse(j.stdout).error).toMatchObject({
        code: 'MIGRATION_FAILED',
        exitCode: 1,
        ref: { kind: 'migration', name: '002_bad', file: join(p.dir, 'migrations/002_bad.sql'), line: 5 },
        sqlstate: '42703',
        migration: '002_bad',
        postgres: { code: '42703' },
      });
    } finally {
      await p.cleanup();
    }
  });

  it('load errors name the file and line, and nothing says it is running', async () => {
    const db = await testDatabaseUrl();
    const p = await project({
      'migrations/001_a.sql': table('a'),
      'migrations/002_b.ts': 'export default {\n  async up({ db }) {\n    await db.raw("SELECT 1")\n  } ;\n',
      'migrations/003_c.sql': table('c'),
    });
    try {
      const { text, json } = await both(['migrate'], p.dir, db.url);
      expect(text.code).toBe(1);
      expect(text.stderr).toContain('error [MIGRATION_LOAD_FAILED]');
      expect(text.stderr).toContain('  file: migrations/002_b.ts:4\n');
      expect(text.stderr).not.toContain('Running');
      expect(text.stdout).toBe('');
      expect(JSON.parse(json.stdout).error).toMatchObject({
        code: 'MIGRATION_LOAD_FAILED',
        ref: { kind: 'migration', file: join(p.dir, 'migrations/002_b.ts'), line: 4 },
      });

      await writeFile(join(p.dir, 'migrations/002_b.ts'), 'export default { async up() {} };\n');
      await writeFile(join(p.dir, 'migrations/003_c.sql'), '-- notes\n\nDROP TABLE a;\n-- up\nSELECT 1;\n');
      const sql = await spawnCli(['migrate'], { cwd: p.dir, env: { DATABASE_URL: db.url } });
      expect(sql.code).toBe(1);
      expect(sql.stderr).toContain('has SQL before its "-- up" section');
      expect(sql.stderr).toContain('  file: migrations/003_c.sql:3\n');
      expect(sql.stderr).not.toContain('Running');
      // Nothing was applied: every file loads before the first migration runs.
      const status = await spawnCli(['migrate', 'status', '--json'], {
        cwd: p.dir,
        env: { DATABASE_URL: db.url },
      });
      expect(JSON.parse(status.stdout).migrations.map((m: { applied: boolean }) => m.applied)).toEqual([
        false,
        false,
        false,
      ]);
    } finally {
      await p.cleanup();
      await db.close();
    }
  });

  it('integrity errors: the hint names the --allow-* flag, --json carries the option and its flag', async () => {
    const fresh = await testDatabaseUrl();
    const p = await project({ 'migrations/002_b.sql': table('b') });
    try {
      expect((await spawnCli(['migrate'], { cwd: p.dir, env: { DATABASE_URL: fresh.url } })).code).toBe(0);

      await writeFile(join(p.dir, 'migrations/001_a.sql'), table('a'));
      const order = await both(['migrate'], p.dir, fresh.url);
      expect(order.text.code).toBe(1);
      expect(order.text.stderr).toContain('error [MIGRATION_OUT_OF_ORDER]');
      expect(order.text.stderr).toContain('  object: migration 001_a\n');
      expect(order.text.stderr).toContain('  file: migrations/001_a.sql\n');
      expect(order.text.stderr).toContain('or pass --allow-out-of-order to apply them in this batch.');
      expect(order.text.stderr).not.toContain('allowOutOfOrder');
      expect(JSON.parse(order.json.stdout).error).toMatchObject({
        code: 'MIGRATION_OUT_OF_ORDER',
        hint: expect.stringContaining('--allow-out-of-order'),
        option: { name: 'allowOutOfOrder', value: true, flag: '--allow-out-of-order' },
        ref: { kind: 'migration', name: '001_a', file: join(p.dir, 'migrations/001_a.sql') },
      });
      await rm(join(p.dir, 'migrations/001_a.sql'));

      await writeFile(join(p.dir, 'migrations/002_b.sql'), `${table('b')}-- edited\n`);
      const changed = await both(['migrate'], p.dir, fresh.url);
      expect(changed.text.code).toBe(1);
      expect(changed.text.stderr).toContain('error [MIGRATION_CHECKSUM_CHANGED]');
      expect(changed.text.stderr).toContain('  file: migrations/002_b.sql\n');
      expect(changed.text.stderr).toContain('  hint: Restore them as they were applied');
      expect(changed.text.stderr).toContain('or pass --allow-changed to go on anyway.');
      expect(JSON.parse(changed.json.stdout).error.option).toEqual({
        name: 'allowChangedChecksums',
        value: true,
        flag: '--allow-changed',
      });
    } finally {
      await p.cleanup();
      await fresh.close();
    }
  });

  it('rollback without a down names fresh --drop; a transaction: false migration in --transaction all names --transaction each', async () => {
    const fresh = await testDatabaseUrl();
    const p = await project({ 'migrations/001_a.sql': '-- up\nCREATE TABLE a (id int);\n' });
    try {
      expect((await spawnCli(['migrate'], { cwd: p.dir, env: { DATABASE_URL: fresh.url } })).code).toBe(0);
      const { text, json } = await both(['migrate', 'rollback'], p.dir, fresh.url);
      expect(text.code).toBe(1);
      expect(text.stderr).toContain('error [MIGRATION_NOT_REVERSIBLE]');
      expect(text.stderr).toContain('  file: migrations/001_a.sql\n');
      expect(text.stderr).toContain(
        '  hint: Add a down, or use justscale migrate fresh --drop to rebuild from scratch.',
      );
      expect(JSON.parse(json.stdout).error.option).toEqual({
        method: 'fresh',
        name: 'drop',
        value: true,
        flag: 'justscale migrate fresh --drop',
      });

      await writeFile(
        join(p.dir, 'migrations/002_i.sql'),
        '-- transaction: false\n-- up\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n',
      );
      const all = await spawnCli(['migrate', '--transaction', 'all'], {
        cwd: p.dir,
        env: { DATABASE_URL: fresh.url },
      });
      expect(all.code).toBe(1);
      expect(all.stderr).toContain('error [MIGRATION_NOT_TRANSACTIONAL]');
      expect(all.stderr).toContain('  file: migrations/002_i.sql\n');
      expect(all.stderr).toContain('  hint: Run with --transaction each, or apply it on its own.');
    } finally {
      await p.cleanup();
      await fresh.close();
    }
  });

  it('a held PGlite folder with --no-wait: exit 5, the lock file, and the flag to drop', async () => {
    const p = await project({ 'migrations/001_a.sql': table('a') });
    try {
      await mkdir(join(p.dir, '.justscale'), { recursive: true });
      const holder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: 'test' };
      await writeFile(join(p.dir, '.justscale/pglite.lock'), JSON.stringify(holder));
      const text = await spawnCli(['migrate', '--no-wait'], { cwd: p.dir, env: {} });
      expect(text.code).toBe(5);
      expect(text.stderr).toContain('error [MIGRATION_LOCKED]');
      expect(text.stderr).toContain('  file: .justscale/pglite.lock\n');
      expect(text.stderr).toContain(
        '  hint: Run again when it has finished, or wait for it (without --no-wait).',
      );
      const json = await spawnCli(['migrate', '--no-wait', '--json'], { cwd: p.dir, env: {} });
      expect(json.code).toBe(5);
      expect(JSON.parse(json.stdout).error).toMatchObject({
        code: 'MIGRATION_LOCKED',
        exitCode: 5,
        ref: { file: join(p.dir, '.justscale/pglite.lock') },
        option: { name: 'lock', value: 'wait', flag: 'without --no-wait' },
      });
    } finally {
      await p.cleanup();
    }
  });

  it('an invalid config names its file; exit 2', async () => {
    const p = await project({ 'justscale.config.json': JSON.stringify({ migrations: { nope: 1 } }) });
    try {
      const { text, json } = await both(['migrate', 'status'], p.dir, db.url);
      expect(text.code).toBe(2);
      expect(text.stderr).toContain('error [CONFIG_INVALID]');
      expect(text.stderr).toContain('  file: justscale.config.json\n');
      expect(JSON.parse(json.stdout).error).toMatchObject({
        code: 'CONFIG_INVALID',
        exitCode: 2,
        ref: { file: join(p.dir, 'justscale.config.json') },
      });
    } finally {
      await p.cleanup();
    }
  });
});
