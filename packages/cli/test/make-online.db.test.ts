import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, packageRoot, testDatabaseUrl } from './helpers.js';

const v1 = `import { defineModel, field } from '@justscale/models';
export const Users = defineModel('users', {
  id: field.uuid().primaryKey(),
  email: field.string().max(255),
});
`;
const v2 = `import { defineModel, field } from '@justscale/models';
export const Users = defineModel('users', {
  id: field.uuid().primaryKey(),
  email: field.string().max(255),
}, { indexes: [{ columns: ['email'] }] });
`;

describe('migrate make --online', { timeout: 300_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let dir: string;
  const js = async (expected: number, ...args: string[]) => {
    const r = await cli(args, { cwd: dir, env: { DATABASE_URL: db.url } });
    expect(r.code, `justscale ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(expected);
    return r;
  };

  beforeAll(async () => {
    db = await testDatabaseUrl();
    await mkdir(join(packageRoot, '.justscale'), { recursive: true });
    dir = await mkdtemp(join(packageRoot, '.justscale', 'online-'));
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'src/v1.ts'), v1);
    await writeFile(join(dir, 'src/v2.ts'), v2);
    await writeFile(
      join(dir, 'justscale.config.json'),
      JSON.stringify({ models: './src/v2.ts', migrations: { importFrom: '@justscale/migrate' } }),
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await db?.close();
  });

  it('builds the index CONCURRENTLY under a lock_timeout, drops it CONCURRENTLY in down; up, down, up run', async () => {
    await js(0, 'migrate', 'make', 'init', '--models', 'src/v1.ts');
    await js(0, 'migrate');
    await js(0, 'migrate', 'make', 'email_index', '--online');
    const name = (await readdir(join(dir, 'migrations'))).find((n) => n.endsWith('_email_index.ts'))!;
    const source = await readFile(join(dir, 'migrations', name), 'utf8');
    const [up, down] = source.split('async down');
    expect(up).toContain('transaction: false,');
    expect(up).toMatch(/CREATE INDEX CONCURRENTLY|concurrently: true/);
    expect(up).toContain('SET lock_timeout');
    expect(down).toMatch(/DROP INDEX CONCURRENTLY|concurrently: true/);
    expect(down).toContain('SET lock_timeout');
    await js(0, 'migrate');
    await js(0, 'migrate', 'rollback');
    await js(0, 'migrate');
    const r = await js(0, 'migrate', 'test');
    expect(r.stdout).toContain('2 migrations run up, down and up again; the models match them.');
  });
});
