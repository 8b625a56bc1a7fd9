import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { createMigrationController } from '../src/index.js';
import { Buffer, project, testDatabaseUrl } from './helpers.js';

describe('createMigrationController mounted in another yargs program', { timeout: 240_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let p: Awaited<ReturnType<typeof project>>;

  beforeAll(async () => {
    db = await testDatabaseUrl();
    p = await project({
      'db/001_widgets.sql': '-- up\nCREATE TABLE widgets (id int);\n-- down\nDROP TABLE widgets;\n',
      'broken/001_bad.sql': '-- up\nCREATE TABLE widgets_bad (id nonexistent_type);\n',
    });
  });
  afterAll(async () => {
    await p?.cleanup();
    await db?.close();
  });

  async function host(args: string[], ask?: (question: string) => Promise<string>) {
    const stdout = new Buffer();
    const stderr = new Buffer();
    const codes: number[] = [];
    let ranOwn = false;
    await yargs(args)
      .scriptName('myapp')
      .exitProcess(false)
      .command('serve', 'the host program’s own command', {}, () => {
        ranOwn = true;
      })
      .command(
        createMigrationController({
          database: db.url,
          directory: 'db',
          table: 'schema_history',
          io: { stdout, stderr, env: {}, cwd: p.dir, ...(ask === undefined ? {} : { ask }) },
          onExit: (code) => codes.push(code),
        }),
      )
      .demandCommand(1)
      .strict()
      .parseAsync();
    return { stdout: stdout.text, stderr: stderr.text, codes, ranOwn };
  }

  it('runs migrate, status and rollback with the options given in code', async () => {
    const up = await host(['migrate', '--json']);
    expect(up.codes).toEqual([0]);
    expect(JSON.parse(up.stdout).applied.map((m: { name: string }) => m.name)).toEqual(['001_widgets']);

    const status = await host(['migrate', 'status', '--json']);
    expect(JSON.parse(status.stdout).migrations[0]).toMatchObject({
      name: '001_widgets',
      applied: true,
      batch: 1,
    });

    const check = await host(['migrate', 'pending', '--check']);
    expect(check.codes).toEqual([0]);
    expect(check.stdout).toContain('No pending migrations.');

    const back = await host(['migrate', 'rollback']);
    expect(back.codes).toEqual([0]);
    expect(back.stdout).toMatch(/Rolled back 1 migration/);
  });

  it('migrate fresh asks through the io given, and refuses where there is none to ask', async () => {
    expect((await host(['migrate'])).codes).toEqual([0]);
    // The program gave its own streams and no question: nobody to ask.
    const refused = await host(['migrate', 'fresh']);
    expect(refused.codes).toEqual([3]);
    expect(refused.stderr).toContain('NOT_CONFIRMED');
    const asked: string[] = [];
    const fresh = await host(['migrate', 'fresh'], async (question) => {
      asked.push(question);
      return 'y';
    });
    expect(fresh.codes).toEqual([0]);
    expect(asked).toHaveLength(1);
    expect(fresh.stdout).toMatch(/Rolled back 1 migration[\s\S]*Applied 1 migration/);
    expect((await host(['migrate', 'fresh', '--force'])).codes).toEqual([0]);
  });

  it('leaves the host program’s own commands alone', async () => {
    const own = await host(['serve']);
    expect(own.ranOwn).toBe(true);
    expect(own.codes).toEqual([]);
  });

  it('reports a failure through onExit with its code, and never exits the process', async () => {
    const stdout = new Buffer();
    const stderr = new Buffer();
    const codes: number[] = [];
    await yargs(['migrate'])
      .exitProcess(false)
      .command(
        createMigrationController({
          database: db.url,
          directory: 'broken',
          table: 'broken_history',
          io: { stdout, stderr, env: {}, cwd: p.dir },
          onExit: (code) => codes.push(code),
        }),
      )
      .parseAsync();
    expect(codes).toEqual([1]);
    expect(stderr.text).toContain('error [MIGRATION_FAILED]');
    expect(stderr.text).toContain('001_bad');
  });
});
