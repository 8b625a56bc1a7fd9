import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, project, testDatabaseUrl } from './helpers.js';

// A hostile table name: quotes, a dot, spaces, upper case, non-ASCII.
const TABLE = 'Mixed "a.b" ünïcödé';
const quoted = `"${TABLE.replace(/"/g, '""')}"`;

const files: Record<string, string> = {
  'migrations/001_create_users.sql': `-- up
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE);
-- down
DROP TABLE users;
`,
  'migrations/002_hostile.sql': `-- up
CREATE TABLE ${quoted} (id int);
-- down
DROP TABLE ${quoted};
`,
  'migrations/003_seed.ts': `export default {
  async up({ db }) {
    if (await db.exists('users', { email: 'admin@example.com' })) return;
    await db.insert('users', { email: 'admin@example.com' });
  },
  async down({ db }) {
    await db.delete('users', { email: 'admin@example.com' });
  },
};
`,
};

describe('migrate commands on a real database', { timeout: 240_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let p: Awaited<ReturnType<typeof project>>;
  let run: (...args: string[]) => ReturnType<typeof cli>;

  beforeAll(async () => {
    db = await testDatabaseUrl();
    p = await project(files);
    run = (...args) => cli(args, { cwd: p.dir, env: { DATABASE_URL: db.url } });
  });
  afterAll(async () => {
    await p?.cleanup();
    await db?.close();
  });

  it('status before anything ran: every migration ✗, --check exits 4', async () => {
    const r = await run('migrate', 'status');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✗\s+001_create_users\s+-\s+pending/);
    expect(r.stdout).toContain('0 applied, 3 pending.');
    expect((await run('migrate', 'status', '--check')).code).toBe(4);
    const pending = JSON.parse((await run('migrate', 'pending', '--json')).stdout);
    expect(pending.pending.map((m: { name: string }) => m.name)).toEqual([
      '001_create_users',
      '002_hostile',
      '003_seed',
    ]);
  });

  it('--dry-run prints the SQL and runs nothing', async () => {
    const r = await run('migrate', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CREATE TABLE users');
    expect(r.stdout).toContain(`CREATE TABLE ${quoted}`);
    expect(r.stdout).toContain('-- 003_seed (up)');
    expect(r.stdout).toContain('nothing was run');
    const json = JSON.parse((await run('migrate', '--dry-run', '--json')).stdout);
    expect(json.dryRun).toBe(true);
    expect(json.migrations).toHaveLength(3);
    expect((await run('migrate', 'status', '--check')).code).toBe(4);
  });

  it('migrate applies every pending migration as one batch, a line each with its time', async () => {
    const r = await run('migrate');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ 001_create_users\s+batch 1\s+\d+ ms/);
    expect(r.stdout).toMatch(/✓ 003_seed\s+batch 1\s+\d+ ms/);
    expect(r.stdout).toMatch(/Applied 3 migrations \(batch 1\)/);
    const again = await run('migrate', '--json');
    expect(JSON.parse(again.stdout)).toEqual({ applied: [] });
  });

  it('status --json reports applied, batch and time; --check exits 0 when up to date', async () => {
    const r = await run('migrate', 'status', '--json');
    const { migrations } = JSON.parse(r.stdout);
    expect(migrations).toHaveLength(3);
    for (const m of migrations) {
      expect(m).toMatchObject({ applied: true, batch: 1, problems: [] });
      expect(new Date(m.appliedAt).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
    }
    expect((await run('migrate', 'status', '--check')).code).toBe(0);
    const table = await run('migrate', 'status');
    expect(table.stdout).toMatch(/✓\s+002_hostile\s+1\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  });

  it('a second batch, then rollback reverts only it; --steps and --all', async () => {
    await writeFile(
      join(p.dir, 'migrations/004_posts.sql'),
      '-- up\nCREATE TABLE posts (id int);\n-- down\nDROP TABLE posts;\n',
    );
    expect((await run('migrate', 'pending', '--check')).code).toBe(4);
    const second = JSON.parse((await run('migrate', '--json')).stdout);
    expect(second.applied).toEqual([{ name: '004_posts', batch: 2, durationMs: expect.any(Number) }]);

    const dry = await run('migrate', 'rollback', '--dry-run');
    expect(dry.stdout).toContain('DROP TABLE posts');
    const back = await run('migrate', 'rollback', '--json');
    expect(JSON.parse(back.stdout).rolledBack.map((m: { name: string }) => m.name)).toEqual(['004_posts']);

    expect((await run('migrate')).code).toBe(0);
    const human = await run('migrate', 'rollback', '--steps', '2');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Rolled back 4 migrations \(batches 2, 1\)/);
    expect((await run('migrate', 'rollback')).stdout).toContain('Nothing to roll back.');

    expect((await run('migrate')).code).toBe(0);
    const all = JSON.parse((await run('migrate', 'rollback', '--all', '--json')).stdout);
    expect(all.rolledBack).toHaveLength(4);
  });

  it('fresh rolls back and migrates again; fresh --drop rebuilds the schema', async () => {
    expect((await run('migrate')).code).toBe(0);
    const fresh = JSON.parse((await run('migrate', 'fresh', '--json', '--force')).stdout);
    expect(fresh.rolledBack).toHaveLength(4);
    expect(fresh.applied).toHaveLength(4);
    const drop = await run('migrate', 'fresh', '--drop', '--force');
    expect(drop.code).toBe(0);
    expect(drop.stdout).toContain('Dropped and recreated schema public');
    expect(drop.stdout).toMatch(/Applied 4 migrations/);
  });

  it('fresh deletes data: it asks first, and without --force where nobody can answer it refuses (exit 3)', async () => {
    expect((await run('migrate')).code).toBe(0);
    // The database, as the messages name it: the server's database, or PGlite's folder.
    const where = db.kind === 'server' ? new URL(db.url).pathname.slice(1) : db.url.slice('pglite:'.length);
    const stillApplied = async () =>
      JSON.parse((await run('migrate', 'status', '--json')).stdout).migrations.filter(
        (m: { applied: boolean }) => m.applied,
      ).length;
    const before = await stillApplied();

    // A script (no terminal to ask on), with or without --json: refused, nothing changed.
    for (const args of [[], ['--json'], ['--drop']]) {
      const refused = await run('migrate', 'fresh', ...args);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain('error [NOT_CONFIRMED]: migrate fresh');
      expect(refused.stderr).toContain(where);
      expect(refused.stderr).toContain('hint: Pass --force to run it without asking.');
    }
    expect(await stillApplied()).toBe(before);

    // At a terminal: the question names the database; anything but yes changes nothing.
    const questions: string[] = [];
    const answering = (answer: string) => (question: string) => {
      questions.push(question);
      return Promise.resolve(answer);
    };
    for (const answer of ['', 'n', 'no', 'yess']) {
      const declined = await cli(['migrate', 'fresh'], {
        cwd: p.dir,
        env: { DATABASE_URL: db.url },
        ask: answering(answer),
      });
      expect(declined.code).toBe(3);
      expect(declined.stderr).toContain('migrate fresh was not confirmed; nothing was changed.');
    }
    expect(questions[0]).toContain('rolls back every migration applied to');
    expect(questions[0]).toContain(where);
    expect(questions[0]).toMatch(/Go on\? \[y\/N\] $/);
    expect(await stillApplied()).toBe(before);

    // --json never asks: it is for programs.
    const json = await cli(['migrate', 'fresh', '--json'], {
      cwd: p.dir,
      env: { DATABASE_URL: db.url },
      ask: answering('y'),
    });
    expect(json.code).toBe(3);

    const confirmed = await cli(['migrate', 'fresh'], {
      cwd: p.dir,
      env: { DATABASE_URL: db.url },
      ask: answering(' Yes '),
    });
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toContain(`Rolled back ${before} migrations`);
    expect(await stillApplied()).toBe(before);
  });

  it('a failing migration: stable code, file, statement, caret; no stack unless --verbose', async () => {
    await writeFile(
      join(p.dir, 'migrations/005_broken.sql'),
      '-- up\nCREATE TABLE fine (id int);\nSELECT * FROM users WHERE nonexistent_column = 1;\n-- down\nDROP TABLE fine;\n',
    );
    const r = await run('migrate');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error [MIGRATION_FAILED]');
    expect(r.stderr).toContain('005_broken');
    expect(r.stderr).toContain('nonexistent_column');
    const lines = r.stderr.split('\n');
    const at = lines.findIndex((l) => l.includes('WHERE nonexistent_column'));
    expect(at).toBeGreaterThan(-1);
    const caret = lines[at + 1]!;
    expect(caret.trimEnd().endsWith('^')).toBe(true);
    expect(lines[at]![caret.indexOf('^')]).toBe('n');
    expect(r.stderr).not.toMatch(/\n\s+at /);

    const verbose = await run('migrate', '--verbose');
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(/\n\s+at /);

    const json = JSON.parse((await run('migrate', '--json')).stdout);
    expect(json.error).toMatchObject({ code: 'MIGRATION_FAILED', exitCode: 1, migration: '005_broken' });
    expect((await readdir(join(p.dir, 'migrations'))).length).toBe(5);
  });
});
