import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, execOn, packageRoot, testDatabaseUrl } from './helpers.js';

// AdventureWorks (the vendored pg_dump, see fixtures/adventureworks/README.md): a real schema nobody
// here wrote. Pulled into models, the models must plan nothing against the database they came
// from: its views, the sequences its defaults use and its schema comments are not the models'.
const FIXTURE = new URL('../../../fixtures/adventureworks/schema.sql', import.meta.url);
const SCHEMAS = ['humanresources', 'person', 'production', 'purchasing', 'sales'];

// The dump needs the tablefunc and uuid-ossp extensions, which the CLI's embedded PGlite does not load.
const onServer = process.env.JUSTSCALE_TEST_TARGET !== 'pglite' && Boolean(process.env.DATABASE_URL);

describe.skipIf(!onServer)('AdventureWorks: schema pull, then migrate make', { timeout: 300_000 }, () => {
  let db: Awaited<ReturnType<typeof testDatabaseUrl>>;
  let dir: string;
  const run = (...args: string[]) => cli(args, { cwd: dir, env: { DATABASE_URL: db.url } });

  beforeAll(async () => {
    db = await testDatabaseUrl();
    await execOn(db.url, readFileSync(FIXTURE, 'utf8'));
    await mkdir(join(packageRoot, '.justscale'), { recursive: true });
    dir = await mkdtemp(join(packageRoot, '.justscale', 'adventureworks-'));
    await mkdir(join(dir, 'src'));
    await writeFile(
      join(dir, 'justscale.config.json'),
      JSON.stringify({
        models: './src/models.ts',
        schemas: SCHEMAS,
        migrations: { importFrom: '@justscale/migrate' },
      }),
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await db?.close();
  });

  it('pulls 68 tables into models, and make then plans nothing (views, sequences, comments kept)', async () => {
    const pulled = await run('schema', 'pull', '--json');
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(JSON.parse(pulled.stdout)).toMatchObject({ tables: 68 });
    expect(await readFile(join(dir, 'src/models.ts'), 'utf8')).toContain("defineModel('salesorderheader'");
    const made = await run('migrate', 'make', 'nothing', '--json');
    expect(made.code, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout)).toEqual({ file: null, hasChanges: false, statements: [] });
    const push = await run('schema', 'push', '--dry-run', '--json');
    expect(push.code, push.stderr).toBe(0);
    expect(JSON.parse(push.stdout)).toMatchObject({ hasChanges: false, statements: [] });
  });
});
