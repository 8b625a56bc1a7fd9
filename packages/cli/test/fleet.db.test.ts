import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/index.js';
import { cli, project, testDatabaseUrl } from './helpers.js';

// `justscale fleet` on tenant schemas of one database: the server's, or PGlite in a folder.
let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
let proj: Awaited<ReturnType<typeof project>>;
const tenants = ['acme', 'globex', 'initech'];

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  db = await testDatabaseUrl();
  proj = await project({
    'migrations/001_users.sql':
      '-- up\nCREATE TABLE users (id int PRIMARY KEY);\n-- down\nDROP TABLE users;\n',
    'migrations/002_posts.sql':
      '-- up\nCREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users);\n-- down\nDROP TABLE posts;\n',
  });
});
afterAll(async () => {
  await proj?.cleanup();
  await db?.close();
});

const targetsFile = (extra: string[] = []) =>
  ['# tenants', '', ...tenants.map((t) => `${db.url}#schema=${t}`), ...extra].join('\n');

describe('justscale fleet', () => {
  it('status --check exits 4 while targets are pending; migrate applies; --json has the report', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${proj.dir}/targets.txt`, targetsFile());
    const pending = await cli(['fleet', 'status', '--check', '--targets', 'targets.txt'], { cwd: proj.dir });
    expect(pending.code).toBe(ExitCode.Pending);
    expect(pending.stdout).toMatch(/#schema=acme\s+✗ pending\s+0\s+2/);

    const migrated = await cli(['fleet', 'migrate', '--targets', 'targets.txt', '--json'], { cwd: proj.dir });
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(ExitCode.Success);
    const report = JSON.parse(migrated.stdout);
    expect(report.summary).toMatchObject({ targets: 3, done: 3, failed: 0, migrations: 6 });
    expect(report.targets.map((t: { schema: string; applied: string[] }) => [t.schema, t.applied])).toEqual(
      tenants.map((t) => [t, ['001_users', '002_posts']]),
    );

    const status = await cli(['fleet', 'status', '--check', '--targets', 'targets.txt'], { cwd: proj.dir });
    expect(status.code).toBe(ExitCode.Success);
    expect(status.stdout).toContain('3 targets, 3 read');
  });

  it('an unreachable target is reported with its reason, password redacted; the others go on; exit 1', async () => {
    const { writeFile } = await import('node:fs/promises');
    const gone = `postgres://fleet:s3cret-pw@127.0.0.1:${await closedPort()}/app#schema=lost`;
    await writeFile(`${proj.dir}/targets.txt`, targetsFile([gone]));
    const r = await cli(['fleet', 'migrate', '--targets', 'targets.txt', '--continue-on-error'], {
      cwd: proj.dir,
    });
    expect(r.code).toBe(ExitCode.Failure);
    expect(r.stdout).toMatch(/fleet:\*\*\*@127\.0\.0\.1:\d+\/app#schema=lost\s+✗ failed/);
    expect(r.stderr).toMatch(/error \[CONNECTION_FAILED\] postgres:\/\/fleet:\*\*\*@.*Cannot connect/);
    expect(r.stdout + r.stderr).not.toContain('s3cret-pw');
    expect(r.stdout).toContain('4 targets, 3 done, 1 failed');

    const json = await cli(['fleet', 'pending', '--targets', 'targets.txt', '--json'], { cwd: proj.dir });
    expect(json.code).toBe(ExitCode.Failure);
    expect(json.stdout).not.toContain('s3cret-pw');
    const report = JSON.parse(json.stdout);
    expect(report.targets[3]).toMatchObject({ status: 'failed', error: { code: 'CONNECTION_FAILED' } });
  });

  it('rollback reverts the last batch on every target', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${proj.dir}/targets.txt`, targetsFile());
    const r = await cli(['fleet', 'rollback', '--targets', 'targets.txt', '--json'], { cwd: proj.dir });
    expect(r.code).toBe(ExitCode.Success);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ done: 3, migrations: 6 });
    const status = await cli(['fleet', 'status', '--check', '--targets', 'targets.txt'], { cwd: proj.dir });
    expect(status.code).toBe(ExitCode.Pending);
  });

  it('takes its targets from fleet: { targets } in the config', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      `${proj.dir}/justscale.config.json`,
      JSON.stringify({ fleet: { targets: tenants.map((t) => `${db.url}#schema=${t}`) } }),
    );
    try {
      const r = await cli(['fleet', 'migrate'], { cwd: proj.dir });
      expect(r.code).toBe(ExitCode.Success);
      expect(r.stdout).toContain('3 targets, 3 done, 6 migrations applied');
    } finally {
      const { rm } = await import('node:fs/promises');
      await rm(`${proj.dir}/justscale.config.json`);
    }
  });

  it('bad input: no targets, a bad line, a missing file, a bad flag: exit 2 with the file and line', async () => {
    const { writeFile } = await import('node:fs/promises');
    const none = await cli(['fleet', 'migrate'], { cwd: proj.dir });
    expect(none.code).toBe(ExitCode.Usage);
    expect(none.stderr).toContain('No fleet targets');
    await writeFile(`${proj.dir}/bad.txt`, `${db.url}\nmysql://x/y\n`);
    const bad = await cli(['fleet', 'migrate', '--targets', 'bad.txt'], { cwd: proj.dir });
    expect(bad.code).toBe(ExitCode.Usage);
    expect(bad.stderr).toContain('bad.txt:2');
    await writeFile(`${proj.dir}/frag.txt`, `${db.url}#tenant=x\n`);
    const frag = await cli(['fleet', 'status', '--targets', 'frag.txt'], { cwd: proj.dir });
    expect(frag.code).toBe(ExitCode.Usage);
    expect(frag.stderr).toContain('schema=NAME');
    const missing = await cli(['fleet', 'migrate', '--targets', 'nope.txt'], { cwd: proj.dir });
    expect(missing.code).toBe(ExitCode.Usage);
    expect(missing.stderr).toContain('nope.txt');
    await writeFile(`${proj.dir}/empty.txt`, '# nothing yet\n');
    const empty = await cli(['fleet', 'migrate', '--targets', 'empty.txt'], { cwd: proj.dir });
    expect(empty.code).toBe(ExitCode.Usage);
    const zero = await cli(['fleet', 'migrate', '--targets', 'empty.txt', '--concurrency', '0'], {
      cwd: proj.dir,
    });
    expect(zero.code).toBe(ExitCode.Usage);
    expect(zero.stderr).toContain('--concurrency');
  });
});
