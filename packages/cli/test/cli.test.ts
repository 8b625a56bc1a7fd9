import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, redactUrl } from '../src/index.js';
import { cli, project } from './helpers.js';

const ESC = '\u001b[';

describe('help and usage', () => {
  it('lists the commands and the exit codes', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('justscale migrate');
    expect(r.stdout).toContain('justscale schema');
    expect(r.stdout).toMatch(/Exit codes:[\s\S]*5 {2}migration lock held/);
  });

  it('lists the migrate subcommands and their flags', async () => {
    const r = await cli(['migrate', '--help']);
    expect(r.code).toBe(0);
    for (const sub of ['status', 'rollback', 'make <name>', 'pending', 'fresh'])
      expect(r.stdout).toContain(`migrate ${sub}`);
    expect(r.stdout).toContain('--dry-run');
    const rollback = await cli(['migrate', 'rollback', '--help']);
    expect(rollback.stdout).toContain('--steps');
    expect(rollback.stdout).toContain('--all');
    // The run flags are inherited from `migrate`, declared once: each choice is listed once.
    for (const sub of ['rollback', 'fresh']) {
      const help = (await cli(['migrate', sub, '--help'])).stdout;
      expect(help).toContain('[choices: "each", "all"]');
      expect(help).toContain('--dry-run');
    }
  });

  it('exits 2 on an unknown command or flag, and says why on stderr', async () => {
    const unknown = await cli(['migrat']);
    expect(unknown.code).toBe(ExitCode.Usage);
    expect(unknown.stderr).toContain('error [USAGE]');
    const flag = await cli(['migrate', 'status', '--bogus']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('bogus');
    const none = await cli([]);
    expect(none.code).toBe(2);
  });

  it('exits 2 on a bad --steps value', async () => {
    const r = await cli(['migrate', 'rollback', '--steps', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--steps must be a positive integer');
  });

  it('prints the version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('config', () => {
  it('names the bad key and why, with exit code 2', async () => {
    const p = await project({
      'justscale.config.ts': `export default { migrations: { table: 42 }, schemas: [] };`,
    });
    try {
      const r = await cli(['migrate', 'status'], { cwd: p.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('CONFIG_INVALID');
      expect(r.stderr).toContain('justscale.config.ts');
      expect(r.stderr).toMatch(/migrations\.table: .*string/i);
      expect(r.stderr).toMatch(/schemas: must list at least one schema/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await p.cleanup();
    }
  });

  it('refuses unknown keys (typos) and bad database URLs', async () => {
    const p = await project({
      'justscale.config.json': JSON.stringify({ migration: {}, database: 'mysql://x' }),
    });
    try {
      const r = await cli(['migrate', 'status', '--json'], { cwd: p.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('unknown key: migration (did you mean migrations?)');
      expect(r.stderr).toContain('database: must be a postgres:// or postgresql:// URL');
      expect(JSON.parse(r.stdout).error.code).toBe('CONFIG_INVALID');
    } finally {
      await p.cleanup();
    }
  });

  it("suggests our key for another tool's (databaseUrl) and the shape of migrations", async () => {
    const p = await project({
      'justscale.config.json': JSON.stringify({ databaseUrl: 'postgres://x/y', migrations: './db' }),
    });
    try {
      const r = await cli(['migrate', 'status'], { cwd: p.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('unknown key: databaseUrl (did you mean database?)');
      expect(r.stderr).toContain("(write migrations: { directory: './migrations' })");
    } finally {
      await p.cleanup();
    }
  });

  it('reports a config file that does not load, and a missing --config', async () => {
    const p = await project({ 'justscale.config.mjs': 'export default {;' });
    try {
      const broken = await cli(['migrate', 'status'], { cwd: p.dir });
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain('CONFIG_LOAD_FAILED');
      const missing = await cli(['migrate', 'status', '--config', 'nope.ts'], { cwd: p.dir });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('CONFIG_NOT_FOUND');
    } finally {
      await p.cleanup();
    }
  });

  it('takes the migrations directory from the config, and --migrations over it', async () => {
    const p = await project({
      'justscale.config.ts': `import type {} from 'node:fs';\nexport default { migrations: { directory: './db/migrations' } };`,
    });
    try {
      const fromConfig = await cli(['migrate', 'make', 'first', '--empty', '--json'], { cwd: p.dir });
      expect(fromConfig.code).toBe(0);
      expect(JSON.parse(fromConfig.stdout).file).toMatch(/db\/migrations\/\d{14}_first\.ts$/);
      const fromFlag = await cli(
        ['migrate', 'make', 'Second Thing', '--empty', '--migrations', 'other', '--json'],
        {
          cwd: p.dir,
        },
      );
      expect(JSON.parse(fromFlag.stdout).file).toMatch(/other\/\d{14}_second_thing\.ts$/);
      expect(await readdir(join(p.dir, 'db/migrations'))).toHaveLength(1);
    } finally {
      await p.cleanup();
    }
  });
});

describe('migrate make --empty', () => {
  it('writes a blank migration importing defineMigration from the configured module', async () => {
    const p = await project({
      'justscale.config.json': JSON.stringify({ migrations: { importFrom: '@justscale/migrate' } }),
    });
    try {
      const r = await cli(['migrate', 'make', 'add_avatar_to_users', '--empty'], { cwd: p.dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Created migrations\/\d{14}_add_avatar_to_users\.ts: blank migration/);
      const [file] = await readdir(join(p.dir, 'migrations'));
      const source = await readFile(join(p.dir, 'migrations', file!), 'utf8');
      expect(source).toContain(`import { defineMigration } from '@justscale/migrate';`);
      expect(source).toContain('async up({ db })');
      expect(source).toContain('async down({ db })');
    } finally {
      await p.cleanup();
    }
  });

  it('stamps a file after the newest migration, even one stamped later than now', async () => {
    // A migration made in the same second as the newest (a script, a fast machine) would otherwise
    // sort by its name: `a_second` before `b_first`, and then be refused as out of order.
    const ahead = new Date(Date.now() + 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const p = await project({ [`migrations/${ahead}_b_first.ts`]: 'export default {};\n' });
    try {
      const r = await cli(['migrate', 'make', 'a_second', '--empty', '--json'], { cwd: p.dir });
      expect(r.code).toBe(0);
      const made = JSON.parse(r.stdout).file as string;
      expect(made).toMatch(/\d{14}_a_second\.ts$/);
      const files = (await readdir(join(p.dir, 'migrations'))).sort();
      expect(files).toEqual([`${ahead}_b_first.ts`, made.slice(made.lastIndexOf('/') + 1)]);
      expect(Number(files[1]!.slice(0, 14))).toBeGreaterThan(Number(ahead));
    } finally {
      await p.cleanup();
    }
  });

  it('refuses a name with nothing usable in it', async () => {
    const r = await cli(['migrate', 'make', '---', '--empty']);
    expect(r.code).toBe(2);
  });
});

describe('redaction', () => {
  it('redactUrl hides the password and keeps the rest', () => {
    expect(redactUrl('postgres://app:s3cret@db.internal:5432/app?sslmode=require')).toBe(
      'postgres://app:***@db.internal:5432/app?sslmode=require',
    );
    expect(redactUrl('postgresql://app@db/app')).toBe('postgresql://app@db/app');
    expect(redactUrl('see postgres://u:p%40ss@h/d and postgres://v:x@h/d')).toBe(
      'see postgres://u:***@h/d and postgres://v:***@h/d',
    );
  });

  it.each([[[]], [['--verbose']], [['--json']]])(
    'a failed connection with a password prints no password (%j)',
    async (extra) => {
      const url = 'postgres://someone:Sup3r-S3cret-pw@127.0.0.1:1/nowhere';
      for (const r of [
        await cli(['migrate', 'status', '--database-url', url, ...extra]),
        await cli(['migrate', 'status', ...extra], { cwd: process.cwd(), env: { DATABASE_URL: url } }),
        await cli(['migrate', `--database-url=${url}`, ...extra]),
      ]) {
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('CONNECTION_FAILED');
        expect(r.stderr).toContain('postgres://someone:***@127.0.0.1:1/nowhere');
        expect(r.stdout + r.stderr).not.toContain('Sup3r-S3cret-pw');
      }
    },
  );

  it('a usage error quoting a URL prints no password', async () => {
    const r = await cli(['migrate', 'status', 'postgres://u:TopSecret99@h/d']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('TopSecret99');
  });
});

describe('colours', () => {
  const url = 'postgres://x@127.0.0.1:1/none';
  it('are used on a TTY', async () => {
    const r = await cli(['migrate', 'status', '--database-url', url], { cwd: process.cwd(), tty: true });
    expect(r.stderr).toContain(ESC);
  });
  it('are never used with NO_COLOR, even on a TTY', async () => {
    const r = await cli(['migrate', 'status', '--database-url', url], {
      cwd: process.cwd(),
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(ESC);
  });
  it('are not used when the output is not a TTY', async () => {
    const r = await cli(['migrate', 'status', '--database-url', url]);
    expect(r.stderr).not.toContain(ESC);
  });
});
