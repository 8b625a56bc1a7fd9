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

// v3: a new table with a foreign key to users, a column made NOT NULL, a unique constraint and an
// index on the existing table: the online plan has statements that cannot run in a transaction.
const v3 = `import { defineModel, field } from '@justscale/models';
export const Users = defineModel('users', {
  id: field.uuid().primaryKey(),
  email: field.string().max(255),
  nick: field.text(),
}, { indexes: [{ columns: ['email'] }], uniques: [{ columns: ['nick'], name: 'users_nick_key' }] });
export const Posts = defineModel('posts', {
  id: field.integer().primaryKey().identity(),
  authorId: field.uuid().references(() => Users),
  title: field.string().max(200).default('untitled'),
});
`;
const v2n = `import { defineModel, field } from '@justscale/models';
export const Users = defineModel('users', {
  id: field.uuid().primaryKey(),
  email: field.string().max(255),
  nick: field.text().optional(),
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
    await writeFile(join(dir, 'src/v2n.ts'), v2n);
    await writeFile(join(dir, 'src/v3.ts'), v3);
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

  it('splits the plan: each statement that cannot run in a transaction in a file of its own; migrate, roll back all, migrate, nothing left to make', async () => {
    await js(0, 'migrate', 'make', 'nick', '--models', 'src/v2n.ts');
    await js(0, 'migrate');
    const made = await js(0, 'migrate', 'make', 'posts', '--online', '--models', 'src/v3.ts', '--json');
    const report = JSON.parse(made.stdout) as { file: string; files: string[] };
    const files = (await readdir(join(dir, 'migrations'))).filter((n) => n.includes('_posts_')).sort();
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(report.files.map((f) => f.split('/').pop())).toEqual(files);
    const stamps = new Set(files.map((f) => f.slice(0, 14)));
    expect(stamps.size).toBe(1);
    const sources = await Promise.all(files.map((f) => readFile(join(dir, 'migrations', f), 'utf8')));
    for (const [i, source] of sources.entries()) {
      const up = source.slice(source.indexOf('async up'), source.indexOf('async down'));
      const code = up
        .split('\n')
        .filter((l) => !l.trim().startsWith('//'))
        .join('\n');
      const concurrent = (code.match(/concurrently: true|CONCURRENTLY/g) ?? []).length;
      if (/^ {2}transaction: (?:false|\{ up: false)/m.test(source)) {
        // one statement that needs to be outside a transaction, nothing else but its USING INDEX
        expect(concurrent, files[i]).toBe(1);
      } else {
        expect(concurrent, files[i]).toBe(0);
      }
      expect(up, files[i]).toContain("SET lock_timeout = '5s'");
      expect(up.trimEnd(), files[i]).toMatch(/RESET lock_timeout`\);\n {2}\},$/);
    }
    const all = sources.join('\n');
    // the new table through field builders, its foreign key without lock warnings
    expect(all).toMatch(
      /await db\.createTable\(\{ schema: 'public', name: 'posts' \}, \{\n {6}id: field\.integer\(\)\.primaryKey\(\)\.identity\(\),/,
    );
    expect(all).toContain('notValid: true');
    expect(all).toMatch(/db\.validateConstraint\(/);
    // only one ownership record, under the last file
    const records = (await readdir(join(dir, 'migrations', '.models'))).filter((n) => n.includes('_posts_'));
    expect(records).toEqual([`${files[files.length - 1]!.slice(0, -3)}.json`]);
    // pending: make refuses while any of the files is not applied
    const refused = await js(4, 'migrate', 'make', 'again', '--models', 'src/v3.ts');
    for (const f of files) expect(refused.stderr).toContain(f.slice(0, -3));
    await js(0, 'migrate');
    const none = await js(0, 'migrate', 'make', 'again', '--online', '--models', 'src/v3.ts');
    expect(none.stdout).toContain('No changes');
    // one batch: rollback takes every part back, last first
    await js(0, 'migrate', 'rollback');
    const back = await js(4, 'migrate', 'make', 'again', '--models', 'src/v3.ts');
    for (const f of files) expect(back.stderr).toContain(f.slice(0, -3));
    await js(0, 'migrate');
    const still = await js(0, 'migrate', 'make', 'again', '--online', '--models', 'src/v3.ts');
    expect(still.stdout).toContain('No changes');
  });
});
